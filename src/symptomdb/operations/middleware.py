"""Two answers given before the rest of the stack looks at the request."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from symptomdb.operations.errors import error_page_or_json
from symptomdb.operations.health import healthz, healthz_ready

Handler = Callable[[HttpRequest], HttpResponse]

PROBES = {"/healthz": healthz, "/healthz/ready": healthz_ready}


class HealthProbeMiddleware:
    """A load balancer probes by address, with a Host the site does not serve
    (ALLOWED_HOSTS would answer 400): the probes need no host, so they are
    answered here, before CommonMiddleware validates it."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = PROBES.get(request.path_info)
        if view is not None:
            return view(request)
        return self.get_response(request)


class RequestTargetLimitMiddleware:
    """Refuse a request target longer than MAX_REQUEST_TARGET characters.

    gunicorn refuses an over-long request line itself, in HTML (414); its limit
    is set above this one (gunicorn_conf.py), so API clients get this JSON 400
    instead, and readers the site's own page.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        target = request.META.get("RAW_URI") or request.get_full_path()
        limit = settings.MAX_REQUEST_TARGET
        if len(target) > limit:
            return error_page_or_json(
                request,
                400,
                f"The address is {len(target):,} characters long, over the limit of "
                f"{limit:,}: send a shorter query.",
                code="request_too_long",
                page_status=414,
            )
        return self.get_response(request)
