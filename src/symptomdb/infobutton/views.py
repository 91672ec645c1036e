"""GET /infobutton: an HL7 Infobutton knowledge request, answered with the
matching symptom pages as JSON (default) or an Atom feed (text/xml)."""

from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from symptomdb.api.errors import error_payload, json_error
from symptomdb.infobutton import atom
from symptomdb.infobutton.knowledge import RESPONSE_TYPE, RequestError, answer, parse_request

JSON = "application/json; charset=utf-8"
XML = "text/xml; charset=utf-8"


def _wants_xml(request: HttpRequest) -> bool:
    return request.GET.get(RESPONSE_TYPE, "").strip() == "text/xml"


def _error(request: HttpRequest, error: RequestError) -> HttpResponse:
    if _wants_xml(request):
        body = atom.error_xml(400, "invalid_parameter", str(error), error.parameter)
        return HttpResponse(body, status=400, content_type=XML)
    payload = error_payload(400, "invalid_parameter", str(error), parameter=error.parameter)
    return HttpResponse(json.dumps(payload), status=400, content_type=JSON)


@csrf_exempt  # it only reads; a POST gets the 405 below, not the forms' HTML 403
def knowledge_request(request: HttpRequest) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return json_error(
            405, "The Infobutton service answers GET requests only.", allow=("GET", "HEAD")
        )
    try:
        knowledge = parse_request(request.GET)
    except RequestError as error:
        return _error(request, error)
    data = atom.feed_data(
        answer(knowledge),
        absolute=request.build_absolute_uri,
        feed_id=request.build_absolute_uri(),
        now=timezone.now(),
    )
    if knowledge.response_type == "text/xml":
        return HttpResponse(atom.as_atom(data), content_type=XML)
    return HttpResponse(json.dumps(atom.as_json(data), ensure_ascii=False), content_type=JSON)
