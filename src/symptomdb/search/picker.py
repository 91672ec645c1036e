"""The editors' symptom picker: which catalogue symptoms an editor typing a few words or a
code may mean (the article admin's picker and its "Add a symptom" page, web/admin.py).

It uses the site's own search, so it lives above it; the label each choice shows is the
articles' (articles/selectors.symptom_label).
"""

from __future__ import annotations

from dataclasses import dataclass

from symptomdb.articles.selectors import symptom_label
from symptomdb.search.service import QueryError, search
from symptomdb.terminology.models import Symptom, SymptomCode

PICKER_LIMIT = 20


@dataclass(frozen=True)
class SymptomChoice:
    symptom: Symptom
    label: str


def symptoms_for_picker(term: str, *, limit: int = PICKER_LIMIT) -> list[SymptomChoice]:
    """The symptoms an editor typing `term` may mean: an exact code first ("R06.6",
    "HP:0100247"), then the site's own search over names, synonyms, everyday words and
    typos, then names and synonyms starting with the term (a catalogue the search has
    not indexed yet)."""
    term = " ".join(term.split())[:200]
    if not term:
        return []
    ordered: list[int] = list(
        SymptomCode.objects.filter(code__iexact=term).values_list("symptom_id", flat=True)
    )
    try:
        slugs = [hit.slug for hit in search(term, limit=limit)]
    except QueryError:
        slugs = []
    by_slug = dict(Symptom.objects.filter(slug__in=slugs).values_list("slug", "id"))
    ordered += [by_slug[s] for s in slugs if s in by_slug]
    ordered += list(
        Symptom.objects.filter(name__istartswith=term).values_list("id", flat=True)[:limit]
    )
    ordered += list(
        Symptom.objects.filter(synonyms__text__istartswith=term).values_list("id", flat=True)[
            :limit
        ]
    )
    unique = list(dict.fromkeys(ordered))[:limit]
    found = Symptom.objects.prefetch_related("codes").in_bulk(unique)
    return [SymptomChoice(found[i], symptom_label(found[i])) for i in unique if i in found]
