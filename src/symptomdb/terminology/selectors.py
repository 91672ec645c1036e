"""Reads of the catalogue for pages and the API."""

from __future__ import annotations

import string

from django.db.models import Exists, OuterRef, QuerySet

from symptomdb.articles.models import Article, Status
from symptomdb.terminology.models import CatalogueRelease, Symptom, SymptomCode, Synonym
from symptomdb.triage.red_flags import RedFlag, concerned_codes, red_flags_for

LETTERS = list(string.ascii_uppercase)

# How a synonym's kind is labelled beside it; plain synonyms need no label.
KIND_LABELS = {
    "layperson": "everyday words",
    "uk_spelling": "UK spelling",
    "abbreviation": "abbreviation",
    "plural": "plural",
    "inclusion": "ICD-10-CM",
}


def symptoms_with_article_flag() -> QuerySet[Symptom]:
    published = Article.objects.filter(symptom=OuterRef("pk"), status=Status.PUBLISHED)
    return Symptom.objects.annotate(has_article=Exists(published))


def symptoms_starting_with(letter: str) -> QuerySet[Symptom]:
    return symptoms_with_article_flag().filter(name__istartswith=letter).order_by("name")


def symptom_codes(symptom: Symptom) -> list[SymptomCode]:
    return list(symptom.codes.all())


def symptom_synonyms(symptom: Symptom) -> list[dict[str, str]]:
    """Distinct synonyms, case-insensitively, with a label for the kinds readers care about."""
    seen = {symptom.name.casefold()}
    out = []
    for synonym in Synonym.objects.filter(symptom=symptom).order_by("kind", "text"):
        key = synonym.text.casefold()
        if key in seen:
            continue
        seen.add(key)
        out.append({"text": synonym.text, "kind_label": KIND_LABELS.get(synonym.kind, "")})
    return out


def catalogue_release() -> CatalogueRelease | None:
    """The releases the catalogue was loaded from (None before `symptomdb init`);
    pages show `.hpo_release` ("2025-01-16") in their credits."""
    return CatalogueRelease.objects.order_by("-loaded_at", "-id").first()


def symptom_red_flags(symptom: Symptom, *, locale: str) -> list[RedFlag]:
    """When to get help, for this symptom's page and API: the red flags of the triage's rule
    families that concern it or any broader symptom, most urgent first, with the numbers of the
    reader's country."""
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
    return red_flags_for([(system, code) for _, system, code in ordered], locale=locale)


def red_flag_codes_unknown() -> list[str]:
    """The codes the triage's families concern that the catalogue does not hold, each with the
    families naming it: checked when a site starts (site_init), so a typo fails loudly."""
    wanted = concerned_codes()
    held = set(
        SymptomCode.objects.filter(system__in=("HPO", "ICD10CM")).values_list("system", "code")
    )
    return [
        f"{system} {code} (family {', '.join(families)})"
        for (system, code), families in sorted(wanted.items())
        if (system, code) not in held
    ]
