"""Reads of the catalogue for pages and the API."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf, Upper

from symptomdb.terminology.models import (
    CatalogueRelease,
    Symptom,
    SymptomCode,
    Synonym,
    SynonymSource,
)
from symptomdb.terminology.text import content_words, key

LETTERS = list(string.ascii_uppercase)

# How a synonym's kind is labelled beside it; plain synonyms need no label.
KIND_LABELS = {
    "layperson": "everyday words",
    "uk_spelling": "UK spelling",
    "abbreviation": "abbreviation",
    "plural": "plural",
    "inclusion": "ICD-10-CM",
}


def symptoms_starting_with(letter: str) -> QuerySet[Symptom]:
    """The A–Z's letter, by the name readers see first (the everyday one)."""
    shown = Coalesce(NullIf("display_name", Value("")), "name")
    return (
        Symptom.objects.annotate(shown_name=Upper(shown))
        .filter(shown_name__startswith=letter.upper())
        .order_by("shown_name", "name")
    )


def symptom_codes(symptom: Symptom) -> list[SymptomCode]:
    return list(symptom.codes.all())


@dataclass(frozen=True)
class SymptomNames:
    """What the page's "Also called" shows, and apart from it what ICD-10-CM files under the
    same code that is another condition in the catalogue ("Facial pain NOS" under headache)."""

    also_called: list[dict[str, str]] = field(default_factory=list)
    filed_here: list[str] = field(default_factory=list)
    # Whether a name shown comes from WordNet, whose licence asks for its notice (credits).
    from_wordnet: bool = False


# Synonym kinds that name the same thing; a broad or narrow synonym of another symptom is
# no sign that an inclusion term is that symptom.
_SAME_MEANING = ("exact", "layperson", "plural", "uk_spelling", "abbreviation")


def symptom_names(symptom: Symptom) -> SymptomNames:
    """Distinct synonyms, case-insensitively, with a label for the kinds readers care about;
    neither the everyday nor the clinical name again; inclusion terms that are another
    condition set apart (`inclusion_is_other_condition`). The leaflets' lay phrases
    ("leaking pee when you cough…") and the dictionaries' idioms ("a bag of nerves") describe
    the symptom for the search; they are no names."""
    seen = {symptom.name.casefold(), symptom.everyday_name.casefold()}
    synonyms = []
    for synonym in (
        Synonym.objects.filter(symptom=symptom)
        .exclude(source__in=[SynonymSource.LEAFLET, SynonymSource.IDIOM])
        .order_by("kind", "text")
    ):
        if synonym.text.casefold() not in seen:
            seen.add(synonym.text.casefold())
            synonyms.append(synonym)
    own_words = _distinctive_words(
        [symptom.name, symptom.everyday_name]
        + [s.text for s in synonyms if s.kind in _SAME_MEANING]
    )
    apart = {
        s.text
        for s in synonyms
        if s.kind == "inclusion" and inclusion_is_other_condition(symptom, s.text, own_words)
    } | _names_of_other_symptoms(symptom, [s.text for s in synonyms])
    return SymptomNames(
        also_called=[
            {"text": s.text, "kind_label": KIND_LABELS.get(s.kind, "")}
            for s in synonyms
            if s.text not in apart
        ],
        filed_here=[s.text for s in synonyms if s.text in apart],
        from_wordnet=any(s.source == SynonymSource.WORDNET for s in synonyms),
    )


def _names_of_other_symptoms(symptom: Symptom, texts: list[str]) -> set[str]:
    """The texts that are another symptom's own name: whatever their kind, a page never shows
    another symptom's name as its own ("Other abnormal findings in urine", an ICD-10-CM title
    merged into crystalluria, is a symptom of the catalogue too)."""
    if not texts:
        return set()
    wanted = {text.casefold(): text for text in texts}
    others = (
        Symptom.objects.exclude(pk=symptom.pk)
        .annotate(folded=Lower("name"))
        .filter(folded__in=list(wanted))
        .values_list("folded", flat=True)
    )
    return {wanted[folded] for folded in others if folded in wanted}


# Words too general to say two names are about the same thing ("Loin pain" is not
# "Low back pain" because both are pains).
_GENERIC_WORDS = frozenset(
    key(w)
    for w in [
        "pain",
        "abnormal",
        "abnormality",
        "finding",
        "findings",
        "other",
        "specified",
        "unspecified",
        "acute",
        "chronic",
        "disorder",
        "disease",
        "syndrome",
        "state",
        "states",
        "symptom",
        "symptoms",
        "sign",
        "signs",
        "nos",
        "nec",
        "persistent",
        "recurrent",
    ]
)


def _distinctive_words(texts: list[str]) -> set[str]:
    words: set[str] = set()
    for text in texts:
        words |= set(content_words(text.replace("'s", ""))) - _GENERIC_WORDS
    return words


def _inclusion_forms(text: str) -> list[str]:
    """An inclusion term as another symptom's name might read: as written, without
    "NOS" (not otherwise specified) and without a bracketed alternative."""
    bare = re.sub(r"\s*\[[^\]]*\]|\s+NOS\b", "", text).strip(" ,")
    return list(dict.fromkeys(f for f in (text, bare) if f))


def inclusion_is_other_condition(symptom: Symptom, text: str, own_words: set[str]) -> bool:
    """Whether an ICD-10-CM inclusion term names something other than the symptom: it
    shares no distinctive word with the symptom's own names ("Facial pain NOS" under
    headache, "Dyspepsia" under epigastric pain), or it is another symptom's name or
    same-meaning synonym in the catalogue ("Delirium NOS" under confusion)."""
    if not (_distinctive_words([text]) & own_words):
        return True
    by_name, by_synonym = Q(), Q()
    for form in _inclusion_forms(text):
        by_name |= Q(name__iexact=form)
        by_synonym |= Q(text__iexact=form)
    return (
        Symptom.objects.exclude(pk=symptom.pk).filter(by_name).exists()
        or Synonym.objects.exclude(symptom=symptom)
        .filter(by_synonym, kind__in=_SAME_MEANING)
        .exists()
    )


def catalogue_release() -> CatalogueRelease | None:
    """The releases the catalogue was loaded from (None before `symptomdb init`);
    pages show `.hpo_release` ("2025-01-16") in their credits."""
    return CatalogueRelease.objects.order_by("-loaded_at", "-id").first()


def symptom_lineage_codes(symptom: Symptom) -> list[tuple[str, str]]:
    """The HPO and ICD-10-CM codes of the symptom and of every broader symptom, its own first:
    what the triage's red flags are looked up by (`triage.red_flags.red_flags_for`, so that its
    own rule families lead within each level)."""
    ids, frontier = {symptom.pk}, {symptom.pk}
    while frontier:
        above = Symptom.broader.through.objects.filter(from_symptom_id__in=frontier)
        frontier = set(above.values_list("to_symptom_id", flat=True)) - ids
        ids |= frontier
    rows = SymptomCode.objects.filter(symptom_id__in=ids, system__in=("HPO", "ICD10CM"))
    # The symptom's own codes first: its own families lead within each level.
    ordered = sorted(
        rows.values_list("symptom_id", "system", "code"), key=lambda r: r[0] != symptom.pk
    )
    return [(system, code) for _, system, code in ordered]


def codes_held(wanted: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of these (system, code) pairs the catalogue holds. Reads only the codes named
    (the triage's hundred at start-up), not the catalogue's forty thousand."""
    wanted = set(wanted)
    return set(
        SymptomCode.objects.filter(
            system__in={system for system, _ in wanted}, code__in={code for _, code in wanted}
        ).values_list("system", "code")
    )
