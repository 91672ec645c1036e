"""GET /cds-services (discovery) and POST /cds-services/{id} (a hook call).

Errors are the API's one JSON shape, `{"error": {"status", "code", "message"}}`, with
`parameter` naming the field at fault. The specification's statuses: 412 when the
conditions were not prefetched (this service never calls the client's FHIR server), 404
for a service that does not exist.

CORS: the specification asks CDS Services to allow browser-based clients (the CDS Hooks
sandbox, SMART apps) on any origin. The site's CORS settings only let other sites read
(GET) the API, so these two views answer CORS themselves: any origin, no credentials,
POST with Authorization and Content-Type (the client's JWT and the JSON). Answers to a
call are never kept (`no-store`): they are made from a patient's record.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from symptomdb.cds_hooks.cards import cards_for
from symptomdb.cds_hooks.catalogue import CONDITIONS, SERVICES, discovery
from symptomdb.cds_hooks.fhir import conditions_in, holds_conditions
from symptomdb.cds_hooks.hook import HookError, HookRequest, parse_hook_request
from symptomdb.json_errors import json_error

JSON = "application/json; charset=utf-8"


def _cors(
    methods: tuple[str, ...],
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "OPTIONS":
                response = HttpResponse(status=204)
                response["Access-Control-Allow-Methods"] = ", ".join((*methods, "OPTIONS"))
                response["Access-Control-Allow-Headers"] = "Authorization, Content-Type"
                response["Access-Control-Max-Age"] = "86400"
            elif request.method not in methods:
                allowed = ", ".join(methods)
                response = json_error(
                    405, f"{request.method} is not allowed here; use {allowed}.", allow=methods
                )
            else:
                response = view(request, *args, **kwargs)
            response["Access-Control-Allow-Origin"] = "*"
            return response

        return csrf_exempt(wrapper)  # JSON from other systems, no cookies read

    return decorate


def _json(payload: Any, *, status: int = 200) -> HttpResponse:
    return HttpResponse(json.dumps(payload, ensure_ascii=False), status=status, content_type=JSON)


@_cors(("GET", "HEAD"))
def service_discovery(request: HttpRequest) -> HttpResponse:
    return _json(discovery())


def _conditions(call: HookRequest) -> list[Any] | HttpResponse:
    """The conditions prefetched for the call, or the 412 that says they were not."""
    prefetch = call.prefetch or {}
    if CONDITIONS in prefetch:
        return conditions_in(CONDITIONS, prefetch[CONDITIONS])
    # A client that fetched the conditions under a key of its own is read too.
    elsewhere = [key for key, value in prefetch.items() if holds_conditions(value)]
    if elsewhere:
        return [c for key in elsewhere for c in conditions_in(key, prefetch[key])]
    return json_error(
        412,
        f"Send the patient's conditions in prefetch.{CONDITIONS} (FHIR Condition resources, "
        "or null for none); this service does not call your FHIR server.",
        code="precondition_failed",
        parameter=f"prefetch.{CONDITIONS}",
    )


@_cors(("POST",))
def service_call(request: HttpRequest, service_id: str) -> HttpResponse:
    service = SERVICES.get(service_id)
    if service is None:
        known = ", ".join(SERVICES)
        return json_error(
            404, f"There is no CDS Service {service_id[:60]!r} here; see /cds-services ({known})."
        )
    try:
        call = parse_hook_request(request.body, service)
        conditions = _conditions(call)
    except RequestDataTooBig:
        return json_error(413, "The request body is too large.", code="too_large")
    except HookError as error:
        return json_error(400, str(error), code="invalid_request", parameter=error.field)
    if isinstance(conditions, HttpResponse):
        response = conditions
    else:
        cards = cards_for(
            conditions, hook_instance=call.hook_instance, absolute=request.build_absolute_uri
        )
        response = _json({"cards": cards})
    response["Cache-Control"] = "no-store"
    return response
