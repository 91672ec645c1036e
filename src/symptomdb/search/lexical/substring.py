"""Lexical retrieval for a database with no full-text backend here (neither
SQLite nor PostgreSQL): symptoms whose name or a synonym contains a word, scored
by how many words match, names counting double. No index: slow on a full
catalogue, but the search answers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db.models import Q

from symptomdb.search.lexical import Indexed, words_of
from symptomdb.terminology.models import Symptom


class SubstringBackend:
    def match(self, words: Iterable[str], *, limit: int) -> dict[int, float]:
        scores: dict[int, float] = {}
        for word in (w for w in words_of(words) if len(w) >= 3):
            for sid, name in (
                Symptom.objects.filter(Q(name__icontains=word) | Q(synonyms__text__icontains=word))
                .distinct()
                .order_by("-prior")
                .values_list("id", "name")[:limit]
            ):
                scores[sid] = scores.get(sid, 0.0) + (2.0 if word in name.lower() else 1.0)
        return dict(sorted(scores.items(), key=lambda item: -item[1])[:limit])

    def texts(self, symptom_ids: Iterable[int]) -> Iterator[Indexed]:
        for symptom in Symptom.objects.filter(id__in=list(symptom_ids)).prefetch_related(
            "synonyms"
        ):
            yield Indexed(symptom.id, symptom.name, [s.text for s in symptom.synonyms.all()])

    @contextmanager
    def paused(self) -> Iterator[None]:
        yield  # nothing to keep current

    def rebuild(self) -> None:
        pass


BACKEND = SubstringBackend()
