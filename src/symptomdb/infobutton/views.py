"""/infobutton: an HL7 Infobutton knowledge request by GET or POST (the URL guide says a
resource shall take both; POST carries the same parameters form-encoded), answered with
the matching symptom pages in the format negotiation.py chooses.

GET answers are cacheable: an ETag made from the content version (so a client's copy is
revalidated with a 304 without answering again), Last-Modified and Cache-Control, and
`Vary: Accept` since the header chooses the format. POST answers are not kept: the form
may carry the patient's age and sex.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.html import format_html
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from symptomdb.infobutton import atom
from symptomdb.infobutton.freshness import ContentState, content_state
from symptomdb.infobutton.knowledge import answer
from symptomdb.infobutton.negotiation import (
    CALLBACK,
    RESPONSE_TYPE,
    Format,
    Negotiated,
    negotiate,
)
from symptomdb.infobutton.request import KnowledgeRequest, RequestError, parse_request
from symptomdb.json_errors import error_payload, json_error

METHODS = ("GET", "HEAD", "POST")


def _params(request: HttpRequest) -> QueryDict:
    """The query string's parameters, and a POSTed form's over them."""
    params = request.GET.copy()
    if request.method == "POST":
        for name, values in request.POST.lists():
            params.setlist(name, values)
    return params


def _content_type(media: str) -> str:
    return f"{media}; charset=utf-8"


def _json_text(payload: Any, *, ascii_only: bool = False) -> str:
    return json.dumps(payload, ensure_ascii=ascii_only)


def _jsonp(callback: str, payload: Any) -> str:
    # "/**/" keeps a callback name from being read as the start of a file's magic bytes
    # (the Rosetta Flash fix); ASCII-only JSON escapes U+2028 and U+2029 for old parsers.
    return f"/**/{callback}({_json_text(payload, ascii_only=True)});"


def _error(negotiated: Negotiated | None, error: RequestError) -> HttpResponse:
    """A 400 in the format the client asked for: one sentence naming the parameter."""
    code, message, parameter = "invalid_parameter", str(error), error.parameter
    if negotiated is None or negotiated.format is Format.JSON:
        payload = error_payload(400, code, message, parameter=parameter)
        return HttpResponse(
            _json_text(payload), status=400, content_type=_content_type("application/json")
        )
    if negotiated.format is Format.JSONP:
        payload = error_payload(400, code, message, parameter=parameter)
        return HttpResponse(
            _jsonp(negotiated.callback, payload),
            status=400,
            content_type=_content_type(negotiated.media_type),
        )
    if negotiated.format is Format.HTML:
        page = format_html(
            "<!doctype html><html lang=en><title>Bad Infobutton request</title>"
            "<h1>Bad Infobutton request</h1><p>{}</p></html>",
            message,
        )
        return HttpResponse(page, status=400, content_type=_content_type("text/html"))
    media = "text/xml" if negotiated.media_type == "text/xml" else "application/xml"
    body = atom.error_xml(400, code, message, parameter)
    return HttpResponse(body, status=400, content_type=_content_type(media))


def _etag(request: HttpRequest, negotiated: Negotiated, state: ContentState) -> str:
    key = "|".join(
        (state.version, negotiated.format.value, negotiated.media_type, negotiated.callback,
         request.build_absolute_uri())
    )  # fmt: skip
    return '"ib-' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def _feed_id(request: HttpRequest, knowledge: KnowledgeRequest) -> str:
    """The feed's id: the GET URL of the question asked, whichever way it was sent."""
    asked = [(scheme, term) for scheme, term in knowledge.categories]
    return request.build_absolute_uri(request.path) + "?" + urlencode(asked)


def _best_page(request: HttpRequest, knowledge: KnowledgeRequest, data: dict[str, Any]) -> str:
    if data["entries"]:
        return str(data["entries"][0]["href"])
    first = knowledge.criteria[0]
    words = first.display_name or first.original_text or first.code
    return request.build_absolute_uri("/search?" + urlencode({"q": words[:200]}))


def _headers(response: HttpResponse, *, state: ContentState, cacheable: bool) -> HttpResponse:
    patch_vary_headers(response, ("Accept",))
    if cacheable:
        response["Last-Modified"] = http_date(state.updated.timestamp())
        response["Cache-Control"] = f"public, max-age={settings.PAGE_CACHE_SECONDS}"
    else:
        response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # no cookies are read: a form POSTed from an EHR is a question, not a write
def knowledge_request(request: HttpRequest) -> HttpResponse:
    if request.method not in METHODS:
        return json_error(
            405, "The Infobutton service answers GET and POST requests.", allow=METHODS
        )
    params = _params(request)
    try:
        negotiated = negotiate(
            response_type=params.get(RESPONSE_TYPE, ""),
            callback=params.get(CALLBACK, ""),
            accept=request.headers.get("Accept", ""),
        )
    except RequestError as error:
        return _error(None, error)
    try:
        knowledge = parse_request(params)
    except RequestError as error:
        return _error(negotiated, error)

    state = content_state()
    cacheable = request.method != "POST"
    etag = _etag(request, negotiated, state) if cacheable else None
    if etag is not None:
        not_modified = get_conditional_response(
            request, etag=etag, last_modified=int(state.updated.timestamp())
        )
        if not_modified is not None:
            not_modified["ETag"] = etag
            return _headers(not_modified, state=state, cacheable=True)

    data = atom.feed_data(
        answer(knowledge),
        absolute=request.build_absolute_uri,
        feed_id=_feed_id(request, knowledge),
        updated=state.updated,
    )
    response: HttpResponse
    if negotiated.format is Format.HTML:
        response = HttpResponseRedirect(_best_page(request, knowledge, data))
    elif negotiated.format is Format.ATOM:
        response = HttpResponse(
            atom.as_atom(data), content_type=_content_type(negotiated.media_type)
        )
    elif negotiated.format is Format.JSONP:
        response = HttpResponse(
            _jsonp(negotiated.callback, atom.as_json(data)),
            content_type=_content_type(negotiated.media_type),
        )
    else:
        response = HttpResponse(
            _json_text(atom.as_json(data)), content_type=_content_type(negotiated.media_type)
        )
    response["Content-Language"] = data["lang"]
    if etag is not None:
        response["ETag"] = etag
    return _headers(response, state=state, cacheable=cacheable)
