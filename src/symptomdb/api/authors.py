"""GET /api/authors/{slug}; POST /api/authors/{slug}/ratings."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Path, Router
from ninja.errors import HttpError

from symptomdb.api.articles import person_payload
from symptomdb.api.conditional import conditional
from symptomdb.api.errors import Error
from symptomdb.api.schemas import SLUG_PATTERN, AuthorOut, RatingIn, RatingOut
from symptomdb.api.security import OPTIONAL_READER, Reader, reader_cookie
from symptomdb.articles.models import Article
from symptomdb.community.selectors import RatingSummary, author_rating_summary
from symptomdb.community.services import rating_submit
from symptomdb.community.throttle import TOO_MANY, write_allowed
from symptomdb.people.models import Author

router = Router(tags=["authors"])


def _author(slug: str) -> Author:
    author = Author.objects.filter(slug=slug).first()
    if author is None:
        raise Http404(f"No author has the slug {slug!r}.")
    return author


def _summary(summary: RatingSummary) -> dict[str, Any]:
    return {"average": summary.average, "count": summary.count}


def _refs(request: HttpRequest, articles: Any) -> list[dict[str, Any]]:
    return [
        {"id": a.pk, "title": a.title, "url": request.build_absolute_uri(a.get_absolute_url())}
        for a in articles.published().select_related("symptom").order_by("title")
    ]


@router.get(
    "/authors/{slug}",
    response={200: AuthorOut, 400: Error, 404: Error},
    summary="An author or reviewer, with readers' rating and their articles",
)
@conditional
def author_detail(
    request: HttpRequest,
    slug: str = Path(..., pattern=SLUG_PATTERN, example="haroon-rashid"),
) -> dict[str, Any]:
    author = _author(slug)
    return {
        **person_payload(request, author),
        "bio": author.bio,
        "rating": _summary(author_rating_summary(author=author)),
        "articles": _refs(request, Article.objects.filter(author=author)),
        "reviewed": _refs(request, Article.objects.filter(reviewer=author)),
    }


@router.post(
    "/authors/{slug}/ratings",
    response={200: RatingOut, 400: Error, 403: Error, 404: Error, 429: Error},
    auth=reader_cookie,
    openapi_extra=OPTIONAL_READER,
    summary="Rate an author from 1 to 5 stars; a reader's new rating replaces the old",
    description=(
        "The reader is the one in the site's `reader` cookie, the same as on the pages; "
        "a first rating sets it. Needs the CSRF token (see `GET /api/csrf`). Returns "
        "the author's new average."
    ),
)
def author_rate(
    request: HttpRequest,
    response: HttpResponse,
    payload: RatingIn,
    slug: str = Path(..., pattern=SLUG_PATTERN, example="haroon-rashid"),
) -> dict[str, Any]:
    author = _author(slug)
    if not write_allowed(request, "rating"):
        raise HttpError(429, TOO_MANY)
    reader: Reader = request.auth  # type: ignore[attr-defined]  # set by ReaderCookie
    rating = rating_submit(author=author, reader_id=reader.id, stars=payload.stars)
    reader.remember(request, response)
    return {
        "author": author.slug,
        "stars": rating.stars,
        "rating": _summary(author_rating_summary(author=author)),
    }
