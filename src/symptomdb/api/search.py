from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router
from pydantic import Field

from symptomdb.api.conditional import conditional
from symptomdb.api.errors import Error
from symptomdb.api.schemas import LocaleParams, SearchOut, TriageOut
from symptomdb.insights.models import Source
from symptomdb.insights.services import search_record_answer
from symptomdb.search.answer import search_with_triage, triage_answer
from symptomdb.search.service import MAX_QUERY_LENGTH, MAX_RESULTS

router = Router(tags=["search"])


class TriageParams(LocaleParams):
    # The limits are documented here and judged by search.service.clean_query, so
    # the page, the CLI and the API refuse a query in the same words.
    q: str = Field(
        ...,
        description="What the reader typed, in their own words: plain text, not only spaces.",
        json_schema_extra={"minLength": 1, "maxLength": MAX_QUERY_LENGTH},
    )


class SearchParams(TriageParams):
    limit: int = Field(10, ge=1, le=MAX_RESULTS, description="How many symptoms to return.")


@router.get(
    "/search",
    response={200: SearchOut, 400: Error},
    summary="Search symptoms, with the emergency triage of the same text",
)
@conditional
def search_symptoms(request: HttpRequest, params: Query[SearchParams]) -> dict:
    answer = search_with_triage(params.q, limit=params.limit, locale=params.locale or None)
    search_record_answer(answer=answer, source=Source.API)  # for the editors (insights/)
    return answer.to_dict()


@router.get(
    "/triage",
    response={200: TriageOut, 400: Error},
    summary="The emergency triage of what the reader typed, as the search shows it",
)
@conditional
def triage_text(request: HttpRequest, params: Query[TriageParams]) -> dict:
    return triage_answer(params.q, locale=params.locale or None).to_dict()
