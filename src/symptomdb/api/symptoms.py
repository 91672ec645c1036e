"""GET /api/symptoms, /api/symptoms/{slug}, /api/symptoms/by-code/{system}/{code}."""

from __future__ import annotations

from typing import Any, Literal

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router, Schema
from pydantic import Field

from symptomdb.api.conditional import conditional
from symptomdb.api.errors import Error
from symptomdb.api.paging import page_of
from symptomdb.api.schemas import (
    CODE_PATTERN,
    SLUG_PATTERN,
    LocaleParams,
    SymptomOut,
    SymptomPage,
)
from symptomdb.articles.selectors import article_published_for, symptoms_with_article_flags
from symptomdb.terminology import selectors as catalogue
from symptomdb.terminology.codes import (
    BY_SYSTEM,
    CODE_SYSTEMS,
    label_of,
    symptom_by_code,
    system_for,
)
from symptomdb.terminology.models import Symptom
from symptomdb.triage.red_flags import red_flags_for

router = Router(tags=["symptoms"])

PER_PAGE = 100


class SymptomListParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")
    letter: str | None = Field(
        None,
        pattern=r"^[A-Za-z]$",
        description="Only symptoms whose everyday name (`display_name`) starts with it.",
    )


def symptom_payload(request: HttpRequest, symptom: Symptom, *, locale: str = "") -> dict[str, Any]:
    article = article_published_for(symptom=symptom)
    red_flags = red_flags_for(
        catalogue.symptom_lineage_codes(symptom), locale=locale or settings.SYMPTOMDB_LOCALE
    )
    page_url = request.build_absolute_uri(symptom.get_absolute_url())
    return {
        "slug": symptom.slug,
        "name": symptom.name,
        "display_name": symptom.everyday_name,
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
        "red_flags": [flag.to_dict() for flag in red_flags],
    }


@router.get(
    "/symptoms",
    response={200: SymptomPage, 400: Error, 404: Error},
    summary="List symptoms, 100 a page, A to Z",
)
@conditional
def symptom_list(request: HttpRequest, params: Query[SymptomListParams]) -> dict[str, Any]:
    symptoms = symptoms_with_article_flags(
        catalogue.symptoms_starting_with(params.letter)
        if params.letter
        else Symptom.objects.order_by("name", "slug")
    )
    items, paging = page_of(request, symptoms, number=params.page, per_page=PER_PAGE)
    return {
        **paging,
        "results": [
            {
                "slug": s.slug,
                "name": s.name,
                "display_name": s.everyday_name,
                "url": request.build_absolute_uri(s.get_absolute_url()),
                "has_article": s.has_article,
            }
            for s in items
        ],
    }


# A code system as a path segment: its short name or its OID (a FHIR URI has slashes,
# so it goes in the query form below). An enum, so the schema says what is accepted; its
# values come from the catalogue's one table of code systems (terminology/codes.py).
PATH_SYSTEMS = (
    *(info.system for info in CODE_SYSTEMS),
    *(info.oid for info in CODE_SYSTEMS),
    *(f"urn:oid:{info.oid}" for info in CODE_SYSTEMS),
)
PathSystem = Literal[PATH_SYSTEMS]  # type: ignore[valid-type]  # built from the table at import


class ByCodeParams(LocaleParams):
    system: str = Field(
        ...,
        min_length=1,
        max_length=200,
        description=(
            "The code system: its FHIR URI (`http://hl7.org/fhir/sid/icd-10-cm`, "
            "`http://snomed.info/sct`, `http://human-phenotype-ontology.org`), its HL7 OID "
            "(with or without `urn:oid:`) or its name (HPO, ICD10CM, SNOMEDCT, ICD-10-CM, "
            "SNOMED CT). A system this API does not know finds no symptom (404)."
        ),
    )
    code: str = Field(..., min_length=1, max_length=40, description="The code, e.g. `R25.2`.")


def _symptom_with_code(
    request: HttpRequest, system: str, code: str, *, locale: str
) -> dict[str, Any]:
    match = symptom_by_code(system, code)
    if match is None:
        raise Http404(f"No symptom has the {label_of(system)} code {code}.")
    return symptom_payload(request, match.symptom, locale=locale)


@router.get(
    "/symptoms/by-code",
    response={200: SymptomOut, 400: Error, 404: Error},
    summary="Find the symptom that carries a clinical code, the system named by FHIR URI",
    description=(
        "`?system=http://hl7.org/fhir/sid/icd-10-cm&code=R25.2` — what a FHIR Coding "
        "carries. Exact codes only, as `/symptoms/by-code/{system}/{code}`."
    ),
)
@conditional
def symptom_by_code_query(request: HttpRequest, params: Query[ByCodeParams]) -> dict[str, Any]:
    system = system_for(params.system)
    if system is None:
        # A 404, as for a code its system cannot have: the request is well formed, and
        # no symptom here carries a code of that system.
        raise Http404(
            f"No symptom here has a code of the system {params.system[:80]!r}; "
            f"the systems are {', '.join(info.uri for info in CODE_SYSTEMS)}."
        )
    return _symptom_with_code(request, system, params.code, locale=params.locale)


@router.get(
    "/symptoms/by-code/{system}/{code}",
    response={200: SymptomOut, 400: Error, 404: Error},
    summary="Find the symptom that carries a clinical code",
    description=(
        "`system` is HPO (`HP:0003394`), ICD10CM (`R25.2`, with or without the dot) or "
        "SNOMEDCT (`55300003`, through HPO's cross-references), or the system's HL7 OID. "
        "Exact codes only; `/infobutton` also falls back to a parent ICD-10-CM code."
    ),
)
@conditional
def symptom_by_clinical_code(
    request: HttpRequest,
    system: PathSystem,
    params: Query[LocaleParams],
    code: str = Path(..., pattern=CODE_PATTERN, example="R25.2"),
) -> dict[str, Any]:
    known = system_for(system)
    assert known is not None  # every value of PathSystem names a system
    return _symptom_with_code(request, known, code, locale=params.locale)


@router.get(
    "/symptoms/{slug}",
    response={200: SymptomOut, 400: Error, 404: Error},
    summary="One symptom: names, codes, broader and narrower symptoms, its article",
)
@conditional
def symptom_detail(
    request: HttpRequest,
    params: Query[LocaleParams],
    slug: str = Path(..., pattern=SLUG_PATTERN, example="muscle-spasms"),
) -> dict[str, Any]:
    symptom = Symptom.objects.filter(slug=slug).first()
    if symptom is None:
        raise Http404(f"No symptom has the slug {slug!r}.")
    return symptom_payload(request, symptom, locale=params.locale)
