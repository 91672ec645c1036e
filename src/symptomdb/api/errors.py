"""Every API error, 4xx, in one JSON shape: {"error": {"status", "code", "message"}}.

The shape and its helpers are symptomdb/json_errors.py, shared with the
Infobutton, CDS Hooks and the site's error handlers; this module maps the API's
own exceptions onto it. The same shape comes back for routes that do not exist
under /api/ and for a method a route does not take (see `app.py`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from symptomdb.json_errors import CODES, error_payload
from symptomdb.search.service import QueryError
from symptomdb.terminology.codes import CodeError


class ErrorBody(Schema):
    status: int
    code: str
    message: str
    parameter: str | None = None


class Error(Schema):
    error: ErrorBody


def error_response(
    api: NinjaAPI,
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    *,
    parameter: str | None = None,
) -> HttpResponse:
    return api.create_response(
        request, error_payload(status, code, message, parameter=parameter), status=status
    )


def _where(loc: Iterable[object]) -> str:
    """ "letter" from ("query", "letter"); "body" from ("body", "payload", "body"):
    pydantic's location without where it was sent or ninja's name for the body."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "body", "path", "header", "cookie"):
        parts = parts[1:]
    if len(parts) > 1 and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts)


def _describe(errors: list[dict]) -> tuple[str, str | None]:
    """One sentence from pydantic's list of errors (the first, with its location),
    and the name of the parameter it is about."""
    if not errors:
        return "The request is not valid.", None
    first = errors[0]
    where = _where(first.get("loc", ()))
    msg = str(first.get("msg", "is not valid")).removeprefix("Value error, ").rstrip(".")
    if first.get("type") == "json_invalid" or where == "":
        # ninja reports a body that is not JSON at all with no location.
        return f"{msg}.", None
    return f"{where}: {msg}.", where


def install(api: NinjaAPI) -> None:
    @api.exception_handler(NinjaValidationError)
    def invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        message, parameter = _describe(exc.errors)
        return error_response(api, request, 400, "invalid_request", message, parameter=parameter)

    @api.exception_handler(QueryError)
    def bad_query(request: HttpRequest, exc: QueryError) -> HttpResponse:
        return error_response(api, request, 400, "invalid_query", str(exc), parameter="q")

    @api.exception_handler(CodeError)
    def impossible_code(request: HttpRequest, exc: CodeError) -> HttpResponse:
        # A 404, not a 400: the path is well formed (the OpenAPI schema cannot say
        # which shape each system's codes take), and no symptom has such a code.
        return error_response(api, request, 404, "not_found", str(exc), parameter="code")

    @api.exception_handler(DjangoValidationError)
    def refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return error_response(api, request, 400, "invalid_request", exc.messages[0])

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(api, request, 404, "not_found", str(exc) or "Not found.")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        status, message = exc.status_code, str(exc)
        if message == "Cannot parse request body":  # ninja's words for a body that is not JSON
            message = "The request body is not valid JSON; send a JSON object."
        return error_response(api, request, status, CODES.get(status, "error"), message)

    @api.exception_handler(AuthenticationError)
    def unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(api, request, 401, "unauthorised", "Sign in first.")
