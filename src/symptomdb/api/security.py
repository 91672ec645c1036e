"""Who is writing, and proof that they meant to: the reader cookie with CSRF.

Readers have no accounts. The web forms know a reader by a random id in a signed
cookie (`community.reader`); the API's writes use the same cookie, so a rating
given on the page and one given through the API are the same reader's.

A cookie is sent by the browser on its own, so a page on another site could
make a reader's browser post a rating (cross-site request forgery). Django Ninja
checks CSRF for exactly this case — any auth class built on `APIKeyCookie`
validates Django's CSRF token (the `csrftoken` cookie echoed in an `X-CSRFToken`
header) before it authenticates, with the same rules as Django's middleware and
the site's forms (https://django-ninja.dev/reference/csrf/). A cross-site form
cannot set that header, nor read the cookie to copy it; CORS allows no POST from
other origins either. `GET /api/csrf` hands a client both halves.

The reader cookie itself is optional: a first write makes a new reader, like the
first rating on the page does, and the endpoint sets the cookie.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import APIKeyCookie
from ninja.utils import check_csrf

from symptomdb.community.reader import COOKIE, reader_cookie_set, reader_id_ensure

CSRF_REFUSED = (
    "This write needs the csrftoken cookie and the same value in an X-CSRFToken header; "
    "GET /api/csrf gives you both."
)

# OpenAPI: the reader cookie may be absent (a new reader), so the requirement is
# "the cookie, or nothing". ninja appends this list to the operation's own
# [{"ReaderCookie": []}]; `{}` is OpenAPI's anonymous alternative.
OPTIONAL_READER: dict[str, list[dict[str, list[str]]]] = {"security": [{}]}


@dataclass(frozen=True)
class Reader:
    id: str
    new: bool

    def remember(self, request: HttpRequest, response: HttpResponse) -> None:
        """Set the cookie for a reader seen for the first time."""
        if self.new:
            reader_cookie_set(response, self.id, secure=request.is_secure())


class ReaderCookie(APIKeyCookie):
    """The signed `reader` cookie, after Django's CSRF check."""

    param_name = COOKIE

    def _get_key(self, request: HttpRequest) -> str | None:
        # ninja's own check raises a bare "CSRF check Failed"; say what to send.
        if check_csrf(request):
            raise HttpError(403, CSRF_REFUSED)
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Reader:
        reader_id, new = reader_id_ensure(request)
        return Reader(id=reader_id, new=new)


reader_cookie = ReaderCookie()

router = Router(tags=["community"])


class CsrfOut(Schema):
    csrf_token: str
    header: str


@router.get(
    "/csrf",
    response=CsrfOut,
    summary="Get a CSRF token for ratings and comments",
    description=(
        "Sets the `csrftoken` cookie and returns its value: send it back in the "
        "`X-CSRFToken` header with `POST /api/authors/{slug}/ratings` and "
        "`POST /api/articles/{id}/comments`, with the cookie."
    ),
)
def csrf_token(request: HttpRequest) -> dict[str, str]:
    # get_token marks the cookie for CsrfViewMiddleware to set on the way out.
    return {"csrf_token": get_token(request), "header": "X-CSRFToken"}
