"""GET /api/symptoms, /api/symptoms/{slug}, /api/symptoms/by-code/{system}/{code}."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Path, Query, Router, Schema
from pydantic import Field

from symptomdb.api.conditional import conditional
from symptomdb.api.errors import Error
from symptomdb.api.paging import page_of
from symptomdb.api.schemas import (
    CODE_PATTERN,
    SLUG_PATTERN,
    SymptomOut,
    SymptomPage,
    System,
)
from symptomdb.articles.selectors import article_published_for
from symptomdb.infobutton.codes import LABELS, symptom_by_code
from symptomdb.search.service import PUBLIC_SYSTEMS
from symptomdb.terminology import selectors as catalogue
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
            if c.system in PUBLIC_SYSTEMS
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


@router.get(
    "/symptoms/by-code/{system}/{code}",
    response={200: SymptomOut, 400: Error, 404: Error},
    summary="Find the symptom that carries a clinical code",
    description=(
        "`system` is HPO (`HP:0003394`), ICD10CM (`R25.2`, with or without the dot) "
        "or SNOMEDCT (`55300003`, through HPO's cross-references). Exact codes only; "
        "`/infobutton` also falls back to a parent ICD-10-CM code."
    ),
)
@conditional
def symptom_by_clinical_code(
    request: HttpRequest,
    system: System,
    code: str = Path(..., pattern=CODE_PATTERN, example="R25.2"),
) -> dict[str, Any]:
    match = symptom_by_code(system, code)
    if match is None:
        raise Http404(f"No symptom has the {LABELS[system]} code {code}.")
    return symptom_payload(request, match.symptom)


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
