"""GET /api/symptoms, /api/symptoms/{slug}, /api/symptoms/by-code/{system}/{code}."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Path, Query, Router, Schema
from ninja.errors import ValidationError
from pydantic import Field

from symptomdb.api.conditional import conditional
from symptomdb.api.errors import Error
from symptomdb.api.paging import page_of
from symptomdb.api.schemas import (
    CODE_PATTERN,
    SLUG_PATTERN,
    SymptomOut,
    SymptomPage,
)
from symptomdb.articles.selectors import article_published_for
from symptomdb.terminology import selectors as catalogue
from symptomdb.terminology.codes import BY_SYSTEM, label_of, symptom_by_code, system_for
from symptomdb.terminology.models import Symptom

router = Router(tags=["symptoms"])

PER_PAGE = 100


class SymptomListParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")
    letter: str | None = Field(
        None, pattern=r"^[A-Za-z]$", description="Only symptoms whose name starts with it."
    )


def symptom_payload(request: HttpRequest, symptom: Symptom) -> dict[str, Any]:
    article = article_published_for(symptom=symptom)
    page_url = request.build_absolute_uri(symptom.get_absolute_url())
    return {
        "slug": symptom.slug,
        "name": symptom.name,
        "definition": symptom.definition,
        "url": page_url,
        "synonyms": [
            {"text": s.text, "kind": s.kind} for s in symptom.synonyms.order_by("kind", "text")
        ],
        "codes": [
            {"system": c.system, "code": c.code}
            for c in catalogue.symptom_codes(symptom)
            if c.system in BY_SYSTEM
        ],
        "broader": list(symptom.broader.order_by("slug").values_list("slug", flat=True)),
        "narrower": list(symptom.narrower.order_by("slug").values_list("slug", flat=True)),
        "has_article": article is not None,
        "article_id": article.pk if article else None,
        "article_url": page_url if article else None,
    }


@router.get(
    "/symptoms",
    response={200: SymptomPage, 400: Error, 404: Error},
    summary="List symptoms, 100 a page, A to Z",
)
@conditional
def symptom_list(request: HttpRequest, params: Query[SymptomListParams]) -> dict[str, Any]:
    symptoms = (
        catalogue.symptoms_starting_with(params.letter)
        if params.letter
        else catalogue.symptoms_with_article_flag().order_by("name", "slug")
    )
    items, paging = page_of(request, symptoms, number=params.page, per_page=PER_PAGE)
    return {
        **paging,
        "results": [
            {
                "slug": s.slug,
                "name": s.name,
                "url": request.build_absolute_uri(s.get_absolute_url()),
                "has_article": s.has_article,
            }
            for s in items
        ],
    }


# A code system as a path segment: a short name or an OID (a FHIR URI has slashes, so
# it goes in the query form below).
SYSTEM_PATTERN = r"^[-A-Za-z0-9:._ ]{1,64}$"
SYSTEMS_ACCEPTED = (
    "HPO, ICD10CM or SNOMEDCT (any case), their labels, their HL7 OIDs "
    "(2.16.840.1.113883.6.339, .6.90, .6.96, with or without urn:oid:)"
)


class ByCodeParams(Schema):
    code: str = Field(
        ...,
        min_length=1,
        max_length=300,
        description=(
            "The code (`R25.2`), or a FHIR token `system|code` "
            "(`http://hl7.org/fhir/sid/icd-10-cm|R25.2`)."
        ),
    )
    system: str | None = Field(
        None,
        max_length=200,
        description=(
            "The code system: its FHIR URI (`http://hl7.org/fhir/sid/icd-10-cm`, "
            "`http://snomed.info/sct`, `http://human-phenotype-ontology.org`), "
            f"or {SYSTEMS_ACCEPTED}. Not needed with a `system|code` token."
        ),
    )


def _known_system(value: str, *, where: tuple[str, str]) -> str:
    system = system_for(value)
    if system is None:
        raise ValidationError(
            [
                {
                    "loc": where,
                    "msg": (
                        f"{value[:80]!r} is not a code system this API knows; use a FHIR URI, "
                        f"or {SYSTEMS_ACCEPTED}"
                    ),
                    "type": "value_error",
                }
            ]
        )
    return system


def _symptom_with_code(request: HttpRequest, system: str, code: str) -> dict[str, Any]:
    match = symptom_by_code(system, code)
    if match is None:
        raise Http404(f"No symptom has the {label_of(system)} code {code}.")
    return symptom_payload(request, match.symptom)


@router.get(
    "/symptoms/by-code",
    response={200: SymptomOut, 400: Error, 404: Error},
    summary="Find the symptom that carries a clinical code, with the system as a FHIR URI",
    description=(
        "`?system=http://hl7.org/fhir/sid/icd-10-cm&code=R25.2`, or the FHIR token form "
        "`?code=http://hl7.org/fhir/sid/icd-10-cm|R25.2`. Exact codes only, as "
        "`/symptoms/by-code/{system}/{code}`."
    ),
)
@conditional
def symptom_by_code_query(request: HttpRequest, params: Query[ByCodeParams]) -> dict[str, Any]:
    system, code = params.system, params.code
    if "|" in code:
        token_system, _, code = code.rpartition("|")
        system = system or token_system
    if not system:
        raise ValidationError(
            [
                {
                    "loc": ("query", "system"),
                    "msg": "Say which code system: send system, or code as system|code",
                    "type": "missing",
                }
            ]
        )
    return _symptom_with_code(request, _known_system(system, where=("query", "system")), code)


@router.get(
    "/symptoms/by-code/{system}/{code}",
    response={200: SymptomOut, 400: Error, 404: Error},
    summary="Find the symptom that carries a clinical code",
    description=(
        f"`system` is {SYSTEMS_ACCEPTED}: HPO (`HP:0003394`), ICD-10-CM (`R25.2`, with or "
        "without the dot) or SNOMED CT (`55300003`, through HPO's cross-references). "
        "Exact codes only; `/infobutton` also falls back to a parent ICD-10-CM code."
    ),
)
@conditional
def symptom_by_clinical_code(
    request: HttpRequest,
    system: str = Path(..., pattern=SYSTEM_PATTERN, example="ICD10CM"),
    code: str = Path(..., pattern=CODE_PATTERN, example="R25.2"),
) -> dict[str, Any]:
    return _symptom_with_code(request, _known_system(system, where=("path", "system")), code)


@router.get(
    "/symptoms/{slug}",
    response={200: SymptomOut, 400: Error, 404: Error},
    summary="One symptom: names, codes, broader and narrower symptoms, its article",
)
@conditional
def symptom_detail(
    request: HttpRequest,
    slug: str = Path(..., pattern=SLUG_PATTERN, example="muscle-spasms"),
) -> dict[str, Any]:
    symptom = Symptom.objects.filter(slug=slug).first()
    if symptom is None:
        raise Http404(f"No symptom has the slug {slug!r}.")
    return symptom_payload(request, symptom)
