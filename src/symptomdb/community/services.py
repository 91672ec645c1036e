"""Writes by readers (ratings, comments) and by moderators."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from symptomdb.articles.models import Article
from symptomdb.community.models import AuthorRating, Comment, CommentStatus
from symptomdb.content_cache import content_changed
from symptomdb.people.models import Author

NAME_MAX_LENGTH = 80


def _stars(value: object) -> int:
    try:
        stars = int(str(value).strip())
    except ValueError:
        raise ValidationError("A rating must be a whole number of stars from 1 to 5.") from None
    if not 1 <= stars <= 5:
        raise ValidationError(f"A rating must be from 1 to 5 stars, not {stars}.")
    return stars


@transaction.atomic
def rating_submit(*, author: Author, reader_id: str, stars: object) -> AuthorRating:
    """Rate an author; a reader's second rating of the same author replaces the first."""
    rating, _ = AuthorRating.objects.update_or_create(
        author=author, reader_id=reader_id, defaults={"stars": _stars(stars)}
    )
    return rating


def _plain_text(value: str) -> str:
    """Drop control characters (keeping line breaks) that have no business in a comment."""
    return "".join(
        ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in {"Cc", "Cf"}
    ).strip()


@transaction.atomic
def comment_submit(*, article: Article, name: str, body: str) -> Comment:
    """Store a reader's comment as plain text, held for moderation."""
    name = _plain_text(name)
    body = _plain_text(body).replace("\r\n", "\n")
    if not name:
        raise ValidationError("Please give a name to show with your comment.")
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(f"Your name must be at most {NAME_MAX_LENGTH} characters.")
    if not body:
        raise ValidationError("Your comment is empty.")
    limit = settings.COMMENT_MAX_LENGTH
    if len(body) > limit:
        raise ValidationError(
            f"Your comment is {len(body):,} characters long; the limit is {limit:,}."
        )
    return Comment.objects.create(article=article, name=name, body=body)


def comment_approve(*, comment: Comment) -> Comment:
    comment.status = CommentStatus.APPROVED
    comment.save(update_fields=["status"])
    return comment


def comment_reject(*, comment: Comment) -> Comment:
    comment.status = CommentStatus.REJECTED
    comment.save(update_fields=["status"])
    return comment


@transaction.atomic
def comments_moderate(*, comments: QuerySet[Comment], status: CommentStatus) -> int:
    """Approve or reject many comments at once; how many changed."""
    changed = comments.exclude(status=status).update(status=status)
    if changed:
        # A bulk update sends no save signals: retire the cached pages ourselves.
        content_changed()
    return changed
