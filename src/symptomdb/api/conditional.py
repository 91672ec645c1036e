"""ETag and Last-Modified on the read endpoints, with 304 Not Modified.

Django's ConditionalGetMiddleware, applied per operation (`conditional_page`):
it hashes the response body into a strong ETag and answers If-None-Match and
If-Modified-Since with 304. A hash of what was sent can never go stale, which a
hand-built version key (max(updated_at) over every table an answer touches) can;
the answers are small, so hashing them costs little. An endpoint that knows when
its content last changed sets Last-Modified itself (`last_modified`).
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.utils.http import http_date
from django.views.decorators.http import conditional_page
from ninja.decorators import decorate_view

conditional = decorate_view(conditional_page)


def last_modified(response: HttpResponse, when: dt.datetime | None) -> None:
    if when is not None:
        response["Last-Modified"] = http_date(when.timestamp())
