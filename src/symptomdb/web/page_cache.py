"""Whole-page caching of the public pages, one rendering shared by every reader
in the same country.

The pages anyone can read hold nothing personal — the rating and comment forms,
with their CSRF tokens, live on pages of their own — so a rendering serves
everyone until the content changes. The one thing a page takes from its reader
is their country (web/country.py), which decides the numbers it tells them to
call; it is part of the key, so a reader is never shown another country's.

Any save or delete of an article, its sections, an author, a rating, a comment
or a symptom (its names and codes) starts a new content version
(symptomdb/content_cache.py), which retires every stored page and search answer
at once; so does loading the catalogue.

Browsers are told to check back every time (Cache-Control: no-cache); the ETag
added by ConditionalGetMiddleware makes that check a cheap 304. The ETag hashes
the page sent, so a copy kept for one country never passes for another's.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.cache import CacheMiddleware
from django.utils.cache import patch_cache_control

from symptomdb.content_cache import CACHE, content_version
from symptomdb.web.country import reader_country

View = Callable[..., HttpResponse]


def public_page(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # What cache_page does, with the content version and the reader's country
        # in the key (cache_page takes its key prefix only once, when the view is
        # decorated).
        cached = CacheMiddleware(
            lambda request: view(request, *args, **kwargs),
            page_timeout=settings.PAGE_CACHE_SECONDS,
            cache_alias=CACHE,
            key_prefix=f"page:{content_version()}:{reader_country(request) or '112'}",
        )
        response = cast(HttpResponse, cached(request))  # a sync view: never awaitable
        # cache_page tells browsers to keep the page for its lifetime; a reader who
        # has just rated an author must see the new average at once.
        patch_cache_control(response, no_cache=True, max_age=0)
        if "Expires" in response:
            del response["Expires"]
        return response

    return wrapper
