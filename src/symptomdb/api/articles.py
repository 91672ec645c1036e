"""GET /api/articles, /api/articles/{id}; POST /api/articles/{id}/comments."""

from __future__ import annotations

from typing import Any

import reversion.models
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from symptomdb.api.conditional import conditional, last_modified
from symptomdb.api.errors import Error
from symptomdb.api.paging import page_of
from symptomdb.api.schemas import MAX_ID, ArticleOut, ArticlePage, CommentAccepted, CommentIn
from symptomdb.api.security import OPTIONAL_READER, reader_cookie
from symptomdb.articles.models import Article
from symptomdb.articles.selectors import (
    SECTIONS,
    article_html,
    article_to_parsed,
    articles_published,
)
from symptomdb.community.services import comment_submit
from symptomdb.community.throttle import TOO_MANY, write_allowed
from symptomdb.people.models import Author

router = Router(tags=["articles"])

PER_PAGE = 50
HELD = "Thank you. Your comment will appear once an editor approves it."


class ArticleListParams(Schema):
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")


def person_payload(request: HttpRequest, author: Author) -> dict[str, Any]:
    return {
        "slug": author.slug,
        "name": author.name,
        "credentials": author.credentials,
        "affiliation": author.affiliation,
        "location": author.location,
        "url": request.build_absolute_uri(author.get_absolute_url()),
    }


def _published(article_id: int) -> Article:
    article = (
        Article.objects.published()
        .select_related("author", "reviewer", "symptom")
        .prefetch_related(*SECTIONS)
        .filter(pk=article_id)
        .first()
    )
    if article is None:
        raise Http404(f"No published article has the id {article_id}.")
    return article


def article_payload(request: HttpRequest, article: Article) -> dict[str, Any]:
    parsed = article_to_parsed(article).to_dict()
    if article.author is not None:  # a published article always has one
        parsed["author"].update(
            slug=article.author.slug,
            url=request.build_absolute_uri(article.author.get_absolute_url()),
        )
    return {
        "id": article.pk,
        "url": request.build_absolute_uri(article.get_absolute_url()),
        "status": article.status,
        "symptom_slug": article.symptom.slug,
        **parsed,
        "reviewer": person_payload(request, article.reviewer) if article.reviewer else None,
        "published": article.published_on,
        "last_reviewed": article.last_reviewed_on,
        "next_review": article.next_review_on,
        "revision": reversion.models.Version.objects.get_for_object(article).count(),
        "html": article_html(article),
    }


@router.get(
    "/articles",
    response={200: ArticlePage, 400: Error, 404: Error},
    summary="List published articles, 50 a page, by title",
)
@conditional
def article_list(
    request: HttpRequest, response: HttpResponse, params: Query[ArticleListParams]
) -> dict[str, Any]:
    articles = articles_published()
    last_modified(response, articles.aggregate(latest=Max("updated_at"))["latest"])
    items, paging = page_of(request, articles, number=params.page, per_page=PER_PAGE)
    return {
        **paging,
        "results": [
            {
                "id": a.pk,
                "title": a.title,
                "url": request.build_absolute_uri(a.get_absolute_url()),
                "symptom_slug": a.symptom.slug,
                "author": a.author.slug,
                "published": a.published_on,
                "last_reviewed": a.last_reviewed_on,
                "next_review": a.next_review_on,
            }
            for a in items
        ],
    }


@router.get(
    "/articles/{id}",
    response={200: ArticleOut, 400: Error, 404: Error},
    summary="One published article, in the parsed-article JSON, with its dates",
)
@conditional
def article_detail(
    request: HttpRequest,
    response: HttpResponse,
    id: int = Path(..., ge=1, le=MAX_ID, example=1),
) -> dict[str, Any]:
    article = _published(id)
    last_modified(response, article.updated_at)
    return article_payload(request, article)


@router.post(
    "/articles/{id}/comments",
    response={202: CommentAccepted, 400: Error, 403: Error, 404: Error, 429: Error},
    auth=reader_cookie,
    openapi_extra=OPTIONAL_READER,
    summary="Comment on a published article; held for moderation",
    description=(
        "The same rules as the page's form: plain text, a name, a length limit, a few "
        "comments an hour per address. Needs the CSRF token (see `GET /api/csrf`)."
    ),
)
def comment_add(
    request: HttpRequest,
    payload: CommentIn,
    id: int = Path(..., ge=1, le=MAX_ID, example=1),
) -> Status:
    article = _published(id)
    if not write_allowed(request, "comment"):
        raise HttpError(429, TOO_MANY)
    comment_submit(article=article, name=payload.name, body=payload.body)
    return Status(202, {"status": "pending", "message": HELD})
