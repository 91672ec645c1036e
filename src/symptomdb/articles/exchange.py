"""Everything editors wrote, out to one JSON file and back in.

    export_all()         -> {"format": "symptomdb-export", "version": 1,
                             "authors": [...], "articles": [...]}
    import_export(data)  -> ExchangeResult, in one transaction: all of it or none

An article is its parsed-article JSON (the importer's `ParsedArticle.to_dict()`,
DESIGN.md's contract) plus what only the database knows: status, dates, the
author's and reviewer's slugs, and its approved comments. Authors carry their
bio. Importing an export into an empty database and exporting again gives the
same JSON; ratings (anonymous readers' ids) and pending or rejected comments are
not editors' work and are left out.

The import goes through the same services as every other write: article_import
for the text, article_publish / article_submit_for_review / article_unpublish for
the status, comment_submit and comment_approve for comments.

Comments belong to the community app, which sits above the articles: so the
exchange does not import it. It sends `article_exported` with each article's entry
and `article_imported` with each stored article and its entry; community/exchange.py
adds and reads the entry's "comments", and returns how many it added.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils.dateparse import parse_date

from symptomdb.articles.importer import ParsedArticle
from symptomdb.articles.models import Article, Status
from symptomdb.articles.revisions import article_revision
from symptomdb.articles.selectors import SECTIONS, article_to_parsed
from symptomdb.articles.services import (
    article_import,
    article_publish,
    article_submit_for_review,
    article_unpublish,
)
from symptomdb.people.models import Author
from symptomdb.people.services import author_get_or_create

FORMAT = "symptomdb-export"
VERSION = 1
AUTHOR_FIELDS = ("name", "credentials", "affiliation", "location", "bio")
DATE_FIELDS = {
    "published_on": "published_on",
    "last_reviewed_on": "last_reviewed_on",
    "next_review_on": "next_review_on",
}


# Sent with (article, entry) once an article's entry is built; a receiver adds its own keys.
article_exported = Signal()
# Sent with (article, entry) once an article is stored; a receiver stores what it exported
# and returns how many comments it added; a ValueError names what it could not read.
article_imported = Signal()


class ExportError(ValueError):
    """An export file that cannot be imported; the message says where and why."""


@dataclass(frozen=True)
class ExchangeResult:
    authors: int
    articles_created: int
    articles_updated: int
    comments: int


def is_export(data: object) -> bool:
    return isinstance(data, Mapping) and data.get("format") == FORMAT


def export_load(raw: bytes) -> dict[str, Any] | None:
    """The export in a file's bytes, or None when the file is not an export
    (an article in text, HTML or Markdown)."""
    text = raw.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"{"):
        return None
    try:
        data = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if is_export(data) else None


# --- out ------------------------------------------------------------------------


def _author_dict(author: Author) -> dict[str, str]:
    return {"slug": author.slug, **{f: getattr(author, f) for f in AUTHOR_FIELDS}}


def _article_dict(article: Article) -> dict[str, Any]:
    entry: dict[str, Any] = {
        **article_to_parsed(article).to_dict(),
        "symptom_slug": article.symptom.slug,
        "status": article.status,
        "author_slug": article.author.slug if article.author else None,
        "reviewer_slug": article.reviewer.slug if article.reviewer else None,
        **{
            key: getattr(article, field).isoformat() if getattr(article, field) else None
            for key, field in DATE_FIELDS.items()
        },
    }
    article_exported.send(sender=Article, article=article, entry=entry)
    return entry


def export_all() -> dict[str, Any]:
    """Every author, every article in any status, and the approved comments."""
    articles = (
        Article.objects.originals()
        .select_related("author", "reviewer", "symptom")
        .prefetch_related(*SECTIONS)
        .order_by("title", "symptom__slug", "id")
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "authors": [_author_dict(a) for a in Author.objects.order_by("slug")],
        "articles": [_article_dict(a) for a in articles],
    }


# --- in -------------------------------------------------------------------------


def _author_upsert(data: Mapping[str, Any]) -> Author:
    """The author with the export's slug; an existing author's details are filled
    in where blank, never overwritten (an editor's corrections win)."""
    values = {f: str(data.get(f) or "") for f in AUTHOR_FIELDS}
    if not values["name"]:
        raise ValueError("an author needs a name")
    return author_get_or_create(slug=str(data.get("slug") or "") or None, **values)


def _date(value: object, key: str) -> dt.date | None:
    if value in (None, ""):
        return None
    parsed = parse_date(str(value))
    if parsed is None:
        raise ValueError(f"{key} {value!r} is not a date (YYYY-MM-DD)")
    return parsed


def _set_status(article: Article, status: str) -> Article:
    """Move the article to the export's status with the services an editor uses;
    the article readers see afterwards (a staged change is published onto its live one)."""
    # An export is restored as it was written, not reviewed again: no publishing checks.
    if status == Status.PUBLISHED:
        if article.status != Status.PUBLISHED:
            article = article_publish(
                article=article, change_note="Imported from an export", checks=False
            )
    elif status == Status.IN_REVIEW:
        if article.status == Status.PUBLISHED:
            article_unpublish(article=article)
        if article.status == Status.DRAFT:
            article_submit_for_review(article=article)
    elif status == Status.DRAFT:
        if article.status != Status.DRAFT:
            article_unpublish(article=article)
    else:
        raise ValueError(f"status {status!r} is not one of draft, in_review, published")
    return article


def _import_article(data: Mapping[str, Any], authors: Mapping[str, Author]) -> tuple[bool, int]:
    parsed = ParsedArticle.from_dict(data)
    author_slug = data.get("author_slug")
    reviewer_slug = data.get("reviewer_slug")
    for slug in (author_slug, reviewer_slug):
        if slug and slug not in authors:
            raise ValueError(f"author {slug!r} is not in the export's authors")
    result = article_import(
        parsed=parsed,
        comment="Imported from an export",
        author=authors[author_slug] if author_slug else None,
    )
    article = result.article
    with article_revision(article, comment="Imported from an export: status, dates and reviewer"):
        article.reviewer = authors[reviewer_slug] if reviewer_slug else None
        for key, field in DATE_FIELDS.items():
            setattr(article, field, _date(data.get(key), key))
        article.save()
    article = _set_status(article, str(data.get("status") or Status.DRAFT))

    replies: list[Any] = [
        reply for _, reply in article_imported.send(Article, article=article, entry=data)
    ]
    added = sum(reply for reply in replies if isinstance(reply, int))
    return result.created, added


@transaction.atomic
def import_export(data: Mapping[str, Any]) -> ExchangeResult:
    """Store an export in one transaction. Raises ExportError naming the author or
    article (by position and title) it could not read; then nothing is stored."""
    if not is_export(data):
        raise ExportError(f'This is not a {FORMAT} file: it has no "format": "{FORMAT}".')
    if data.get("version") != VERSION:
        raise ExportError(
            f"This export is version {data.get('version')!r}; this site reads version {VERSION}."
        )
    authors: dict[str, Author] = {}
    for i, a in enumerate(data.get("authors") or []):
        try:
            author = _author_upsert(a)
        except (ValueError, TypeError, AttributeError, ValidationError) as error:
            raise ExportError(f"authors[{i}]: {_reason(error)}.") from None
        authors[author.slug] = author
    created = updated = comments = 0
    for i, a in enumerate(data.get("articles") or []):
        try:
            was_created, added = _import_article(a, authors)
        except (KeyError, ValueError, TypeError, AttributeError, ValidationError) as error:
            title = a.get("title") if isinstance(a, Mapping) else None
            where = f"articles[{i}] ({title!r})" if title else f"articles[{i}]"
            raise ExportError(f"{where}: {_reason(error)}.") from None
        created += was_created
        updated += not was_created
        comments += added
    return ExchangeResult(
        authors=len(authors), articles_created=created, articles_updated=updated, comments=comments
    )


def _reason(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"{error.args[0]!r} is missing"
    if isinstance(error, ValidationError):
        return "; ".join(error.messages).rstrip(".")
    return str(error).rstrip(".")
