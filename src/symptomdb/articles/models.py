"""Physician-authored articles and their ordered sections.

An article answers the reader's four questions — what causes it, how to stop it
now, how to prevent it, when to see a professional — and says who wrote it and
when it was last checked. Every write keeps a whole revision: the article and
all its sections (django-reversion, registered in revisions.py).

Section text is Markdown, as the importer reads it; articles/markup.py renders it
to sanitised HTML for the page, the API and previews.
"""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models

from symptomdb.people.models import Author
from symptomdb.terminology.models import Symptom

DEFAULT_DISCLAIMER = (
    "This article is for general information and is not a substitute for professional "
    "medical advice, diagnosis or treatment. Consult a healthcare professional about "
    "your own symptoms."
)

# The longest text one field may hold: a long section is a few thousand characters,
# so anything far past this is a pasted file, refused with a clear message.
TEXT_MAX_CHARS = 20_000
_text_max = MaxLengthValidator(
    TEXT_MAX_CHARS,
    message=(
        "This text is %(show_value)s characters long; the most one part of an article may hold "
        "is %(limit_value)s. Split it or shorten it."
    ),
)


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"


class ArticleQuerySet(models.QuerySet["Article"]):
    def published(self) -> ArticleQuerySet:
        return self.filter(status=Status.PUBLISHED)

    def originals(self) -> ArticleQuerySet:
        """Articles in their own right, without the staged changes to published ones."""
        return self.filter(live__isnull=True)


class Article(models.Model):
    symptom = models.ForeignKey(Symptom, on_delete=models.PROTECT, related_name="articles")
    # Other symptoms the article answers as well ("Muscle spasms" covers night leg cramps):
    # their pages, which have no article of their own, lead readers here.
    covers = models.ManyToManyField(
        Symptom,
        related_name="covering_articles",
        blank=True,
        help_text=(
            "Other symptoms this article answers for readers, beside its main one; their "
            "pages link here when they have no article of their own."
        ),
    )
    title = models.CharField(max_length=300, help_text="The reader's question, as the headline.")
    summary = models.TextField(
        validators=[_text_max],
        help_text="The introduction: what the symptom is, in plain words (Markdown).",
    )
    conclusion = models.TextField(
        blank=True, validators=[_text_max], help_text="The closing paragraph (Markdown)."
    )
    disclaimer = models.TextField(
        default=DEFAULT_DISCLAIMER,
        validators=[_text_max],
        help_text="Shown on every article, below the conclusion (Markdown).",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Empty for an imported page that names no clinician (a publisher's page): it stays a
    # draft until an editor names its author, since publishing needs one.
    author = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        related_name="articles",
        null=True,
        blank=True,
        help_text="The clinician who wrote the article; needed before it is published.",
    )
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
    # A change to a published article is edited as a separate draft article that
    # points at the live one; publishing it copies it onto the live article (same id,
    # same address, same comments) and deletes it. Readers never see it.
    live = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="staged_change",
        help_text="The published article this draft will replace when it is published.",
    )
    # Changes at every write (services.article_revision, the admin's save): an editor's
    # form carries the token it was opened with, and a save with an old token is refused.
    # Random rather than a counter, so a restored revision can never bring an old one back.
    edit_token = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        permissions = [
            ("publish_article", "Can publish, withdraw and return others' articles"),
        ]
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

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.reviewer_id and self.reviewer_id == self.author_id:
            errors["reviewer"] = "The reviewer must be a clinician other than the author."
        if (
            self.last_reviewed_on
            and self.next_review_on
            and self.next_review_on <= self.last_reviewed_on
        ):
            errors["next_review_on"] = (
                f"The next review ({self.next_review_on:%-d %B %Y}) must come after the last "
                f"review ({self.last_reviewed_on:%-d %B %Y})."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_staged_change(self) -> bool:
        return self.live_id is not None


class Section(models.Model):
    """An ordered item of one part of an article: a heading and its text."""

    position = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=200, blank=True, help_text="A short heading; may be empty.")
    text = models.TextField(validators=[_text_max], help_text="Markdown, as the importer reads it.")

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Cause(Section):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="causes")
    # A page may name a cause without explaining it ("smoking"); none is invented.
    text = models.TextField(
        blank=True,
        validators=[_text_max],
        help_text="What the cause is and how it leads to the symptom (Markdown); may be empty.",
    )


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
    text = models.TextField(validators=[_text_max], help_text="One line of Markdown.")
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
