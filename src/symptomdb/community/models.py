"""What readers add: ratings of authors and comments on articles."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from symptomdb.articles.models import Article
from symptomdb.people.models import Author


class AuthorRating(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="ratings")
    # The reader is known only by a random id in a signed cookie: no account needed,
    # nothing personal stored, and changing one's mind replaces the old rating.
    reader_id = models.CharField(max_length=64)
    stars = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["author", "reader_id"], name="one_rating_per_reader"),
            models.CheckConstraint(
                condition=models.Q(stars__gte=1, stars__lte=5), name="stars_between_1_and_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stars}★ for {self.author}"


class CommentStatus(models.TextChoices):
    PENDING = "pending", "Waiting for moderation"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class CommentQuerySet(models.QuerySet["Comment"]):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.APPROVED)


class Comment(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(max_length=80)
    # Plain text only: never marked safe, always escaped when rendered.
    body = models.TextField()
    status = models.CharField(
        max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.name} on {self.article}"
