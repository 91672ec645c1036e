"""The symptom pages that answer a knowledge request.

Each search criterion is answered in turn, first by what is surest:

  1. its code, in a code system the site knows (by OID, FHIR URI or name);
  2. for ICD-10-CM, the code's nearest parent that has a page (M62.831 → M62.83 → M62.8 → M62);
  3. a search of its display name (`.dn`), as the site's search box would;
  4. a search of its original text (`.ot`).

A criterion nothing answers adds no entry; a request none of whose criteria is
answered gets an empty feed, as MedlinePlus Connect's does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf.locale import LANG_INFO

from symptomdb.articles.models import Article
from symptomdb.infobutton.request import Criterion, KnowledgeRequest
from symptomdb.search.service import QueryError, search
from symptomdb.terminology.codes import BY_SYSTEM, symptom_by_code
from symptomdb.terminology.models import Symptom

# The site's articles and catalogue are written in English only (no article carries a
# language), so a request for another language is answered in English and told so.
CONTENT_LANGUAGE = "en"
# How many symptom pages a search of words may list (MedlinePlus Connect: 3).
MAX_ENTRIES = 3
# The search reads a display name's first words: a problem list's long sentence is
# still about its first 200 characters.
SEARCHED_LENGTH = 200


@dataclass(frozen=True)
class Entry:
    symptom: Symptom
    article: Article | None
    codes: list[tuple[str, str]]  # (system, code) of every public code of the symptom


@dataclass(frozen=True)
class Outcome:
    """How one criterion was answered."""

    criterion: Criterion
    matched_by: str = ""  # "code", "parent code", "display name", "original text" or ""
    matched_code: str = ""  # the code that found the symptom; a parent of the one asked


@dataclass(frozen=True)
class KnowledgeResponse:
    request: KnowledgeRequest
    entries: list[Entry] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def language(self) -> str:
        return CONTENT_LANGUAGE

    @property
    def language_note(self) -> str:
        """A sentence for a reader who asked for another language; "" otherwise."""
        asked = self.request.language
        if not asked or asked.split("-")[0] == CONTENT_LANGUAGE:
            return ""
        primary = asked.split("-")[0]
        name = LANG_INFO.get(primary, {}).get("name") or asked
        return f"There is no {name} content here yet; the pages are in English."


def _entries(symptoms: list[Symptom]) -> list[Entry]:
    articles = {
        a.symptom_id: a
        for a in Article.objects.published()
        .filter(symptom__in=symptoms)
        .select_related("author", "reviewer")
    }
    return [
        Entry(
            symptom=s,
            article=articles.get(s.pk),
            codes=[(c.system, c.code) for c in s.codes.all() if c.system in BY_SYSTEM],
        )
        for s in symptoms
    ]


def _searched(words: str) -> list[Symptom]:
    text = words[:SEARCHED_LENGTH].rsplit(" ", 1)[0] if len(words) > SEARCHED_LENGTH else words
    try:
        hits = search(text, limit=MAX_ENTRIES)
    except QueryError:
        return []
    by_slug = Symptom.objects.in_bulk([h.slug for h in hits], field_name="slug")
    return [by_slug[h.slug] for h in hits if h.slug in by_slug]


def _answer(criterion: Criterion) -> tuple[Outcome, list[Symptom]]:
    if criterion.system and criterion.normalised:
        match = symptom_by_code(criterion.system, criterion.normalised, nearest_parent=True)
        if match is not None:
            how = "code" if match.exact else "parent code"
            return Outcome(criterion, how, match.code), [match.symptom]
    for how, words in (
        ("display name", criterion.display_name),
        ("original text", criterion.original_text),
    ):
        if words and (symptoms := _searched(words)):
            return Outcome(criterion, how), symptoms
    return Outcome(criterion), []


def answer(request: KnowledgeRequest) -> KnowledgeResponse:
    """The symptom pages for every criterion of the request, each page once."""
    outcomes = []
    symptoms: dict[int, Symptom] = {}
    for criterion in request.criteria:
        outcome, found = _answer(criterion)
        outcomes.append(outcome)
        for symptom in found:
            symptoms.setdefault(symptom.pk, symptom)
    ordered = list(symptoms.values())
    if ordered:
        # One query for every entry's codes, in the order found.
        with_codes = Symptom.objects.prefetch_related("codes").in_bulk(list(symptoms))
        ordered = [with_codes[pk] for pk in symptoms]
    return KnowledgeResponse(request=request, entries=_entries(ordered), outcomes=outcomes)
