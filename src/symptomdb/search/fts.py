"""Lexical retrieval: SQLite FTS5 with bm25 field weights.

The table and the triggers that keep it current are made by the search app's
migration 0001. Every user word reaches FTS5 as a quoted string (escape_fts), so
no query can use FTS5's own syntax (AND, OR, NEAR, *, -, column filters) or
break it with a stray quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection

TABLE = "search_symptom_fts"
# bm25 weights per column (name, synonyms, definition, article): a word in the
# name says more than one in a synonym, far more than one in a definition.
WEIGHTS = (10.0, 5.0, 1.0, 2.0)

_TOKEN = re.compile(r"\w+", re.UNICODE)


def escape_fts(query: str) -> str:
    """The query's words as FTS5 strings, each double-quoted, space-separated
    (FTS5's implicit AND). Punctuation and emoji, which the tokenizer drops
    anyway, are dropped here so that no token is empty."""
    return " ".join(f'"{token}"' for token in _TOKEN.findall(query))


def available() -> bool:
    return connection.vendor == "sqlite"


@dataclass(frozen=True)
class Indexed:
    """What the index holds for one symptom: its name and synonyms as stored."""

    symptom_id: int
    name: str
    synonyms: list[str]


def fts_match(words: Iterable[str], *, limit: int = 100) -> dict[int, float]:
    """Symptoms matching ANY of the words, with their bm25 score made positive
    (higher is better). Any-word matching suits complaints: "calf knotted bed"
    should still find symptoms that match only "calf"."""
    terms = sorted({escape_fts(w) for w in words} - {""})
    if not terms:
        return {}
    if not available():
        return _substring_match(words, limit=limit)
    weights = ", ".join(str(w) for w in WEIGHTS)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, bm25({TABLE}, {weights}) AS score FROM {TABLE} "  # noqa: S608 - constants
            f"WHERE {TABLE} MATCH %s ORDER BY score LIMIT %s",
            [" OR ".join(terms), limit],
        )
        return {row[0]: -float(row[1]) for row in cursor.fetchall()}


def _substring_match(words: Iterable[str], *, limit: int) -> dict[int, float]:
    """Without FTS5 (PostgreSQL, until its full-text backend lands): symptoms
    whose name or a synonym contains a word, scored by how many words match,
    names counting double."""
    from django.db.models import Q

    from symptomdb.terminology.models import Symptom

    scores: dict[int, float] = {}
    for word in {w for w in words if len(w) >= 3}:
        for sid, in_name in (
            Symptom.objects.filter(Q(name__icontains=word) | Q(synonyms__text__icontains=word))
            .distinct()
            .order_by("-prior")
            .values_list("id", "name")[:limit]
        ):
            scores[sid] = scores.get(sid, 0.0) + (2.0 if word in in_name.lower() else 1.0)
    return dict(sorted(scores.items(), key=lambda item: -item[1])[:limit])


def fts_texts(symptom_ids: Iterable[int]) -> Iterator[Indexed]:
    """The stored name and synonyms of these symptoms, read from the index
    (one query) to judge how closely each matches the query."""
    ids = list(symptom_ids)
    if not ids:
        return
    if not available():
        from symptomdb.terminology.models import Symptom

        for symptom in Symptom.objects.filter(id__in=ids).prefetch_related("synonyms"):
            yield Indexed(symptom.id, symptom.name, [s.text for s in symptom.synonyms.all()])
        return
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, name, synonyms FROM {TABLE} WHERE rowid IN ({placeholders})",  # noqa: S608
            ids,
        )
        for rowid, name, synonyms in cursor.fetchall():
            yield Indexed(rowid, name, [s for s in (synonyms or "").split(" ; ") if s])


@contextmanager
def fts_paused() -> Iterator[None]:
    """Triggers off while the loader bulk-writes; the caller rebuilds after.

    Use inside the loader's transaction, so no other writer sees the pause.
    """
    if not available():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("INSERT OR IGNORE INTO search_fts_pause(id) VALUES (1)")
    # No try/finally: on an error the caller's transaction rolls back, pause row
    # included, and a query here would only hide the original error.
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts_pause")


def fts_rebuild() -> None:
    """The whole index from the tables, in one statement (about a second)."""
    if not available():
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - a constant
        cursor.execute(
            f"INSERT INTO {TABLE}(rowid, name, synonyms, definition, article) "  # noqa: S608
            "SELECT s.id, s.name, coalesce(syn.texts, ''), s.definition, coalesce(art.texts, '') "
            "FROM terminology_symptom s "
            "LEFT JOIN (SELECT symptom_id, group_concat(text, ' ; ') AS texts "
            "           FROM terminology_synonym GROUP BY symptom_id) syn "
            "       ON syn.symptom_id = s.id "
            "LEFT JOIN (SELECT symptom_id, group_concat(title || ' ' || summary, ' ') AS texts "
            "           FROM articles_article WHERE status = 'published' GROUP BY symptom_id) art "
            "       ON art.symptom_id = s.id"
        )
