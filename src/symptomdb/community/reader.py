"""Who a reader is, without an account: a random id in a signed cookie."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse

COOKIE = "reader"
SALT = "symptomdb.reader"
MAX_AGE = 60 * 60 * 24 * 365 * 2


def reader_id_from(request: HttpRequest) -> str | None:
    value = request.get_signed_cookie(COOKIE, default=None, salt=SALT, max_age=MAX_AGE)
    return str(value) if value else None


def reader_id_ensure(request: HttpRequest) -> tuple[str, bool]:
    """The reader's id, and whether it is new (so the caller must set the cookie)."""
    existing = reader_id_from(request)
    return (existing, False) if existing else (uuid.uuid4().hex, True)


def reader_cookie_set(response: HttpResponse, reader_id: str, *, secure: bool) -> None:
    response.set_signed_cookie(
        COOKIE,
        reader_id,
        salt=SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=secure,
    )
