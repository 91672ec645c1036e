"""The reader's country, kept in a cookie: it decides the numbers every page tells them
to call (the emergency number, the urgent help, the safety net).

A reader chooses it with the form at the foot of every page, which posts to
`views.country_choose`. Without a cookie, or with one naming no country a reader
may choose, the site's own SYMPTOMDB_LOCALE applies. The public pages are cached
whole, so their cache key includes the country (web/page_cache.py).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from symptomdb.triage.locale import choosable_country, numbers_for

COOKIE = "country"
MAX_AGE = 60 * 60 * 24 * 365


def reader_locale(request: HttpRequest) -> str:
    """The reader's chosen country ("GB"), else the site's locale."""
    return choosable_country(request.COOKIES.get(COOKIE)) or settings.SYMPTOMDB_LOCALE


def reader_country(request: HttpRequest) -> str:
    """The country whose numbers the reader is given: "GB", or "" for the 112 default.
    Several locales name one country ("en-GB", "GB"); this is what the pages differ by."""
    return numbers_for(reader_locale(request)).country


def country_cookie_set(response: HttpResponse, country: str, *, request: HttpRequest) -> None:
    response.set_cookie(
        COOKIE,
        country,
        max_age=MAX_AGE,
        httponly=True,  # only the server reads it
        samesite="Lax",
        secure=settings.HTTPS or request.is_secure(),
    )


def sent_from_this_site(request: HttpRequest) -> bool:
    """Whether a browser says the form was sent from one of this site's pages.

    The country form sits on pages cached whole and shared by every reader, so it
    cannot carry a CSRF token (each reader's is their own). Instead, as Go's
    net/http CrossOriginProtection does: browsers tell where a request comes from in
    Sec-Fetch-Site (https://www.w3.org/TR/fetch-metadata/), older ones in Origin. A
    request with neither is not from a browser a page on another site could drive.
    """
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == f"{request.scheme}://{request.get_host()}"
    return True
