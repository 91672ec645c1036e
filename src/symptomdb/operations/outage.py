"""The answer while a part the site depends on is away: 503 with Retry-After.

PostgreSQL restarting, Redis stopped, the cache folder's disk full: a request
that needed the part fails, and Django calls the 500 handler
(operations/errors.py), which asks outage_response() first. A failure of this
kind is not the site's fault nor the reader's, and it passes: the reader is told
to try again shortly, a client gets the API's JSON error shape with
``Retry-After``, and nothing the request tried to write was kept (a reader's
rating or comment is refused before it is stored, or rolled back with its
transaction). Pages themselves keep being served while the cache is away
(content_cache.py); what they need from the database is not. docs/serving.md,
*Faults*, says what each fault does.
"""

from __future__ import annotations

import errno
import json
import logging
import sqlite3

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from symptomdb.content_cache import StoreUnavailable

log = logging.getLogger(__name__)

# Seconds a client is asked to wait: a restart of PostgreSQL or Redis takes a few.
RETRY_AFTER = 30

TITLE = "Sorry, the site is busy for a moment"
TEXT = (
    "Part of the site is being restarted. Nothing you sent was saved: please try again in a minute."
)
MESSAGE = (
    "The service is briefly unavailable (its {part} is away); nothing was saved: "
    "retry after the number of seconds in Retry-After."
)

DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


def outage_part(error: BaseException | None) -> str | None:
    """Which part is away when ``error`` says one is ("database", "shared cache"),
    else None: the error is a fault of the site and stays a 500."""
    if isinstance(error, OperationalError | InterfaceError):
        return "database"
    if isinstance(error, StoreUnavailable | sqlite3.OperationalError):
        return "shared cache"
    if isinstance(error, OSError) and error.errno in DISK_FULL:
        return "shared cache"
    try:
        from diskcache import Timeout
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - both are dependencies of the project
        return None
    if isinstance(error, RedisError | Timeout):
        return "shared cache"
    return None


def outage_response(request: HttpRequest, error: BaseException | None) -> HttpResponse | None:
    """A 503 with Retry-After when ``error`` is an outage, else None."""
    from symptomdb.operations.errors import is_machine_request

    part = outage_part(error)
    if part is None:
        return None
    log.warning("Answered 503: the %s is unavailable (%s).", part, error)
    response: HttpResponse
    if is_machine_request(request):
        body = {
            "error": {
                "status": 503,
                "code": "unavailable",
                "message": MESSAGE.format(part=part),
            }
        }
        response = HttpResponse(
            json.dumps(body), status=503, content_type="application/json; charset=utf-8"
        )
    else:
        try:
            response = render(
                request, "web/error.html", {"title": TITLE, "text": TEXT, "status": 503}, status=503
            )
        except Exception:  # the page must not fail in turn: plain text is enough
            response = HttpResponse(f"{TITLE}. {TEXT}", status=503, content_type="text/plain")
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response
