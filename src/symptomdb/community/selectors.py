"""Reads of ratings and comments."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Avg, Count

from symptomdb.articles.models import Article
from symptomdb.community.models import AuthorRating, Comment, CommentStatus
from symptomdb.people.models import Author


@dataclass(frozen=True)
class RatingSummary:
    average: float | None
    count: int

    @property
    def rounded(self) -> int:
        return round(self.average) if self.average is not None else 0

    @property
    def average_display(self) -> str:
        return f"{self.average:.1f}" if self.average is not None else "–"


def author_rating_summary(*, author: Author) -> RatingSummary:
    agg = AuthorRating.objects.filter(author=author).aggregate(avg=Avg("stars"), n=Count("id"))
    average = round(agg["avg"], 2) if agg["avg"] is not None else None
    return RatingSummary(average=average, count=agg["n"])


def reader_rating(*, author: Author, reader_id: str | None) -> int | None:
    if not reader_id:
        return None
    return (
        AuthorRating.objects.filter(author=author, reader_id=reader_id)
        .values_list("stars", flat=True)
        .first()
    )


def comments_approved(*, article: Article):
    return Comment.objects.approved().filter(article=article)


def comments_pending_count() -> int:
    return Comment.objects.filter(status=CommentStatus.PENDING).count()
