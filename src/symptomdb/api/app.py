"""API v1 under /api/: OpenAPI at /api/openapi.json, docs at /api/docs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern, URLResolver, re_path
from ninja import NinjaAPI

from symptomdb import __version__
from symptomdb.api import articles, authors, errors, search, security, symptoms
from symptomdb.json_errors import json_error


def _json_method_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """HEAD answered as GET (as Django's class-based views do), and ninja's plain-text
    405 turned into the API's error shape, with its Allow header."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        head = request.method == "HEAD"
        if head:
            request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            if head:
                # Back to HEAD, so the server (and the test client) drop the body.
                request.method = "HEAD"
        if isinstance(response, HttpResponseNotAllowed):
            allowed = [m.strip() for m in response["Allow"].split(",") if m.strip()]
            return json_error(
                405,
                f"{request.method} is not allowed here; use {', '.join(sorted(allowed))}.",
                allow=allowed,
            )
        return response

    return wrapper


def unknown_route(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return json_error(
        404, f"There is no {request.path} in this API; see /api/docs for what there is."
    )


# A catch-all route is not a view of ninja's: Django's CSRF middleware must not turn
# a POST to a route that does not exist into an HTML 403.
unknown_route.csrf_exempt = True  # type: ignore[attr-defined]


class SymptomAPI(NinjaAPI):
    """NinjaAPI whose every answer under /api/, even to a route or method it does
    not have, is JSON."""

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        patterns = super()._get_urls()
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                pattern.callback = _json_method_errors(pattern.callback)
        return [*patterns, re_path(r"^.*$", unknown_route)]


api = SymptomAPI(
    title="Symptom Database API",
    version=__version__,
    description=(
        "Search symptoms in readers' words with emergency triage; symptoms by slug or "
        "clinical code (HPO, ICD-10-CM, SNOMED CT); published articles with their "
        "author, reviewer and review dates; authors' ratings; readers' comments. Every "
        'error is `{"error": {"status", "code", "message"}}`, with `parameter` when one '
        "parameter is at fault. Reads send ETag and answer If-None-Match with 304. "
        "Writes need the CSRF token from `GET /api/csrf`."
    ),
    urls_namespace="api",
)
errors.install(api)
api.add_router("/", search.router)
api.add_router("/", symptoms.router)
api.add_router("/", articles.router)
api.add_router("/", authors.router)
api.add_router("/", security.router)
