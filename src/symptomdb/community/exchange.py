"""Readers' approved comments in the editors' export (articles/exchange.py): out with each
article's entry, back in when the export is imported. Connected in apps.py."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.dateparse import parse_datetime

from symptomdb.articles.models import Article
from symptomdb.community.models import Comment
from symptomdb.community.services import comment_approve, comment_submit


def comments_exported(*, article: Article, entry: dict[str, Any], **_: object) -> None:
    """The article's approved comments, oldest first, under the entry's "comments"."""
    entry["comments"] = [
        {"name": c.name, "body": c.body, "created_at": c.created_at.isoformat()}
        for c in Comment.objects.approved().filter(article=article).order_by("created_at", "id")
    ]


def comments_imported(*, article: Article, entry: Mapping[str, Any], **_: object) -> int:
    """The entry's comments, approved, with the readers' own dates; a comment imported
    before is not added again. Returns how many were added."""
    added = 0
    for i, c in enumerate(entry.get("comments") or []):
        created_at = parse_datetime(str(c.get("created_at") or ""))
        if created_at is None:
            raise ValueError(f"comments[{i}].created_at is not a date and time")
        if Comment.objects.filter(
            article=article, name=c["name"], body=c["body"], created_at=created_at
        ).exists():
            continue  # imported before
        comment = comment_submit(article=article, name=c["name"], body=c["body"])
        comment_approve(comment=comment)
        # created_at is set on insert; keep the reader's own date.
        Comment.objects.filter(pk=comment.pk).update(created_at=created_at)
        added += 1
    return added
