"""The site's answers when a request goes wrong outside any view.

Django's handler400/403/404/500 (urls.py) land here. Machine clients — the API,
the Infobutton and CDS Hooks services — get the API's JSON error shape
(api/errors.py); readers get the site's own pages. A 500 page must render when
the database, a template or the cache is what failed, so it falls back to
plain text.
"""

from __future__ import annotations

import logging
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token

from symptomdb.json_errors import json_error

log = logging.getLogger(__name__)

MACHINE_PATHS = ("/api/", "/infobutton", "/cds-services")

PAGES = {
    400: ("Bad request", "The address or the form sent could not be read. Go back and try again."),
    403: ("Not allowed", "You cannot do this here. Go back, or sign in if you are an editor."),
    404: (
        "Page not found",
        "No page has this address. Check it, or search for the symptom instead.",
    ),
    414: (
        "Address too long",
        "The address is longer than the site reads. Search with fewer words.",
    ),
    500: (
        "Sorry, something went wrong",
        "The site could not answer just now; we have been told. Please try again in a few minutes.",
    ),
}

MESSAGES = {
    400: "The request could not be read: check the address, its Host and the body.",
    403: "This request is not allowed.",
    404: "Nothing is at this address; /api/docs lists the API's routes.",
    500: "The server failed to answer this request; it has been logged, try again later.",
}


def is_machine_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(MACHINE_PATHS)


def error_page_or_json(
    request: HttpRequest,
    status: int,
    message: str | None = None,
    *,
    code: str | None = None,
    page_status: int | None = None,
) -> HttpResponse:
    """JSON for machine clients, the site's page for readers (with ``page_status``
    when readers should see a different status, such as 414)."""
    if is_machine_request(request):
        return json_error(status, message or MESSAGES[status], code=code)
    shown = page_status or status
    title, text = PAGES[shown]
    if message and shown == 400:
        text = message  # a reason the reader can act on, where there is one
    try:
        return render(
            request, "web/error.html", {"title": title, "text": text, "status": shown}, status=shown
        )
    except Exception:  # the page must not fail in turn: plain text is enough
        log.exception("The %s page failed to render.", shown)
        return HttpResponse(f"{title}. {text}", status=shown, content_type="text/plain")


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if isinstance(exception, RequestDataTooBig):
        # An editor's form with a huge section, or a client's oversized body: nothing was read,
        # so nothing was written.
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        return error_page_or_json(
            request,
            400,
            f"What was sent is larger than the site accepts ({limit // 1_000_000} MB); nothing "
            "was saved: shorten it, or split it into parts.",
            code="request_too_large",
        )
    return error_page_or_json(request, 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page_or_json(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_page_or_json(request, 404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    from symptomdb.operations.outage import outage_response

    # Called while Django handles the exception: a part away (the database, the
    # shared cache) is a 503 with Retry-After, not a fault of the site.
    outage = outage_response(request, sys.exc_info()[1])
    if outage is not None:
        return outage
    return error_page_or_json(request, 500)
