"""Every API error, 4xx, in one JSON shape: {"error": {"status", "code", "message"}}.

Clients parse one shape; readers of `message` get one sentence that says what
was wrong with their request.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from symptomdb.search.service import QueryError


class ErrorBody(Schema):
    status: int
    code: str
    message: str


class Error(Schema):
    error: ErrorBody


def error_response(
    api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str
) -> HttpResponse:
    return api.create_response(
        request, {"error": {"status": status, "code": code, "message": message}}, status=status
    )


def _describe(errors: list[dict]) -> str:
    """One sentence from pydantic's list of errors: the first, with its location."""
    if not errors:
        return "The request is not valid."
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path"))
    msg = str(first.get("msg", "is not valid")).rstrip(".")
    return f"{where}: {msg}." if where else f"{msg}."


def install(api: NinjaAPI) -> None:
    @api.exception_handler(NinjaValidationError)
    def invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return error_response(api, request, 400, "invalid_request", _describe(exc.errors))

    @api.exception_handler(QueryError)
    def bad_query(request: HttpRequest, exc: QueryError) -> HttpResponse:
        return error_response(api, request, 400, "invalid_query", str(exc))

    @api.exception_handler(DjangoValidationError)
    def refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return error_response(api, request, 400, "invalid_request", exc.messages[0])

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(api, request, 404, "not_found", str(exc) or "Not found.")

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        codes = {429: "too_many_requests", 404: "not_found", 405: "method_not_allowed"}
        return error_response(
            api, request, exc.status_code, codes.get(exc.status_code, "error"), str(exc)
        )

    @api.exception_handler(AuthenticationError)
    def unauthorised(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(api, request, 401, "unauthorised", "Sign in first.")
