"""Reads of the catalogue for pages and the API."""

from __future__ import annotations

import string

from django.db.models import Exists, OuterRef, QuerySet

from symptomdb.articles.models import Article, Status
from symptomdb.terminology.models import CatalogueRelease, Symptom, SymptomCode, Synonym

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
