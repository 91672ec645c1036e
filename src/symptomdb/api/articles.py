"""GET /api/articles, /api/articles/{id}, /api/articles/{id}/history (public) and
/api/articles/{id}/feedback (editors); POST /api/articles/{id}/comments."""

from __future__ import annotations

import datetime as dt
from typing import Any

import reversion.models
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Path, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth
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
from symptomdb.insights.selectors import article_history, feedback_counts
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


# --- the page history and readers' feedback -------------------------------------------


class SectionChangeOut(Schema):
    section: str
    added: list[list[str]] = Field(description="Items added: [name or text, detail].")
    removed: list[list[str]]
    changed: list[list[list[str]]] = Field(description="Items changed: [old item, new item].")


class FieldChangeOut(Schema):
    field: str
    old: str
    new: str


class HistoryEntryOut(Schema):
    at: dt.datetime
    kind: str = Field(description='"published", "changed" or "reviewed".')
    note: str = Field(description="The editor's one-line change note.")
    last_reviewed: str
    reviewer: str
    fields: list[FieldChangeOut] = Field(description="Title, summary and conclusion changes.")
    sections: list[SectionChangeOut]


class HistoryOut(Schema):
    id: int
    url: str = Field(description="The public Page history page.")
    published: dt.date | None
    last_reviewed: dt.date | None
    next_review: dt.date | None
    entries: list[HistoryEntryOut] = Field(description="Newest first, as the page shows them.")


@router.get(
    "/articles/{id}/history",
    response={200: HistoryOut, 400: Error, 404: Error},
    summary="One published article's page history: published, reviewed, changed, and what changed",
)
@conditional
def article_history_detail(
    request: HttpRequest,
    response: HttpResponse,
    id: int = Path(..., ge=1, le=MAX_ID, example=1),
) -> dict[str, Any]:
    article = _published(id)
    last_modified(response, article.updated_at)
    entries = []
    for entry in article_history(article):
        diff = entry.diff
        entries.append(
            {
                "at": entry.at,
                "kind": entry.kind,
                "note": entry.note,
                "last_reviewed": entry.reviewed_on,
                "reviewer": entry.reviewer,
                "fields": [
                    {"field": f.label, "old": f.old, "new": f.new}
                    for f in (diff.fields if diff else [])
                ],
                "sections": [
                    {
                        "section": s.label,
                        "added": [list(i) for i in s.added],
                        "removed": [list(i) for i in s.removed],
                        "changed": [[list(a), list(b)] for a, b in s.changed],
                    }
                    for s in (diff.sections if diff else [])
                ],
            }
        )
    return {
        "id": article.pk,
        "url": request.build_absolute_uri(reverse("page-history", args=[article.symptom.slug])),
        "published": article.published_on,
        "last_reviewed": article.last_reviewed_on,
        "next_review": article.next_review_on,
        "entries": entries,
    }


class FeedbackOut(Schema):
    id: int
    yes: int = Field(description="Readers who found the page helpful.")
    no: int
    notes: int = Field(description="“What was missing?” notes, any status.")
    notes_pending: int = Field(description="Notes waiting for a moderator.")


@router.get(
    "/articles/{id}/feedback",
    response={200: FeedbackOut, 400: Error, 401: Error, 403: Error, 404: Error},
    auth=django_auth,
    summary="Editors: readers' answers to “Was this page helpful?” on an article's page",
    description="For editors signed in to the admin (session cookie) who may see the dashboard.",
)
def article_feedback(
    request: HttpRequest, id: int = Path(..., ge=1, le=MAX_ID, example=1)
) -> dict[str, Any]:
    if not request.user.has_perm("insights.view_pagefeedback"):
        raise HttpError(403, "Only editors who may see the readers' insights can read this.")
    article = _published(id)
    return {"id": article.pk, **feedback_counts(article.symptom)}
