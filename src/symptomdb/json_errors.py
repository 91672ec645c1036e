"""One JSON shape for every error the machine-facing faces answer (the API, the Infobutton,
CDS Hooks and the site's own error handlers): {"error": {"status", "code", "message"}}.

Clients parse one shape; readers of `message` get one sentence that says what was wrong
with their request. `parameter`, when present, names the query, path or body field at
fault. It lives below the faces so that each of them can answer in it without importing
another face (api/errors.py maps the API's own exceptions onto it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.http import HttpResponse

CODES = {
    400: "invalid_request",
    401: "unauthorised",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    429: "too_many_requests",
    500: "server_error",
}


def error_payload(
    status: int, code: str, message: str, *, parameter: str | None = None
) -> dict[str, dict[str, object]]:
    body: dict[str, object] = {"status": status, "code": code, "message": message}
    if parameter:
        body["parameter"] = parameter
    return {"error": body}


def json_error(
    status: int,
    message: str,
    *,
    code: str | None = None,
    parameter: str | None = None,
    allow: Iterable[str] = (),
) -> HttpResponse:
    """The error shape outside a ninja operation (unknown route, wrong method, the
    Infobutton and CDS Hooks services)."""
    payload = error_payload(
        status, code or CODES.get(status, "error"), message, parameter=parameter
    )
    response = HttpResponse(
        json.dumps(payload), status=status, content_type="application/json; charset=utf-8"
    )
    if allow:
        response["Allow"] = ", ".join(sorted(allow))
    return response
