"""Physician-authored articles and their ordered sections.

An article answers the reader's four questions — what causes it, how to stop it
now, how to prevent it, when to see a professional — and says who wrote it and
when it was last checked. Every save in the admin keeps a revision
(django-reversion, registered in admin.py with the sections followed).
"""

from __future__ import annotations

from django.db import models

from symptomdb.people.models import Author
from symptomdb.terminology.models import Symptom

DEFAULT_DISCLAIMER = (
    "This article is for general information and is not a substitute for professional "
    "medical advice, diagnosis or treatment. Consult a healthcare professional about "
    "your own symptoms."
)


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        return self.filter(status=Status.PUBLISHED)


class Article(models.Model):
    symptom = models.ForeignKey(Symptom, on_delete=models.PROTECT, related_name="articles")
    title = models.CharField(max_length=300, help_text="The reader's question, as the headline.")
    summary = models.TextField(help_text="The introduction: what the symptom is, in plain words.")
    conclusion = models.TextField(blank=True, help_text="The closing paragraph.")
    disclaimer = models.TextField(
        default=DEFAULT_DISCLAIMER, help_text="Shown on every article, below the conclusion."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="articles")
    reviewer = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        related_name="reviewed_articles",
        null=True,
        blank=True,
        help_text="The clinician who checked the article's medical content.",
    )
    published_on = models.DateField(null=True, blank=True)
    last_reviewed_on = models.DateField(
        null=True, blank=True, help_text="When a clinician last checked the content."
    )
    next_review_on = models.DateField(
        null=True, blank=True, help_text="When the content is due to be checked again."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            # One published article per symptom: the symptom page shows exactly one.
            models.UniqueConstraint(
                fields=["symptom"],
                condition=models.Q(status="published"),
                name="one_published_article_per_symptom",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.symptom.get_absolute_url()


class Section(models.Model):
    """An ordered item of one part of an article: a heading and its text."""

    position = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=200, blank=True, help_text="A short heading; may be empty.")
    text = models.TextField()

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Cause(Section):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="causes")


class ReliefMethod(Section):
    """How to stop the symptom now."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="relief_methods")


class PreventionTip(Section):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="prevention_tips")


class ProfessionalTreatment(Section):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="professional_treatments"
    )


class Urgency(models.TextChoices):
    EMERGENCY = "emergency", "Emergency: call the emergency number"
    URGENT = "urgent", "Urgent: get care today"
    ROUTINE = "routine", "Routine: see a doctor soon"


class RedFlag(models.Model):
    """A sign that the reader needs a professional: “see a doctor if …”."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="red_flags")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField()
    urgency = models.CharField(max_length=20, choices=Urgency.choices, default=Urgency.ROUTINE)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class Source(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


# Every part of an article that is a list, in reading order; each has a foreign
# key named "article", and the related name is the article's attribute for it.
SECTION_MODELS: tuple[type[models.Model], ...] = (
    Cause,
    ReliefMethod,
    PreventionTip,
    ProfessionalTreatment,
    RedFlag,
    Source,
)
SECTION_NAMES = (
    "causes",
    "relief_methods",
    "prevention_tips",
    "professional_treatments",
    "red_flags",
    "sources",
)
