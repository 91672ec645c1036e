"""Writes to articles: importing, and moving them through review to publication."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import reversion
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from symptomdb.articles.importer import ParsedArticle, parse_article_bytes
from symptomdb.articles.models import (
    DEFAULT_DISCLAIMER,
    SECTION_MODELS,
    Article,
    Cause,
    PreventionTip,
    ProfessionalTreatment,
    RedFlag,
    ReliefMethod,
    Source,
    Status,
)
from symptomdb.people.models import Author
from symptomdb.people.services import author_get_or_create
from symptomdb.terminology.services import symptom_get_or_create

# How long a published article stays current before a clinician must look again.
REVIEW_INTERVAL = dt.timedelta(days=365)


@dataclass(frozen=True)
class ImportResult:
    article: Article
    created: bool


def articles_parse_files(paths: Sequence[Path]) -> list[ParsedArticle]:
    """Parse every file first, so that one bad file stops the import before any write.

    Raises the importer's ParseError, which names the file, the line and the reason.
    """
    return [parse_article_bytes(Path(p).read_bytes(), filename=str(p)) for p in paths]


@transaction.atomic
def articles_import(
    *, parsed: Sequence[ParsedArticle], publish: bool = False, comment: str = "Imported"
) -> list[ImportResult]:
    """Store parsed articles in one transaction: all of them, or none."""
    return [article_import(parsed=p, publish=publish, comment=comment) for p in parsed]


@transaction.atomic
def article_import(
    *,
    parsed: ParsedArticle,
    publish: bool = False,
    comment: str = "Imported",
    author: Author | None = None,
) -> ImportResult:
    """Create an article from its parsed form, or update the one with the same title.

    The author is the byline's, unless the caller already knows them (an export
    names its authors by slug). Every write is one django-reversion revision, so
    an editor can see and undo it.
    """
    with reversion.create_revision():
        reversion.set_comment(comment)
        author = author or author_get_or_create(
            name=parsed.author.name,
            credentials=parsed.author.credentials,
            affiliation=parsed.author.affiliation,
            location=parsed.author.location,
        )
        symptom = symptom_get_or_create(name=parsed.symptom)
        article = Article.objects.filter(symptom=symptom, title=parsed.title).first()
        created = article is None
        if article is None:
            article = Article(symptom=symptom, title=parsed.title, author=author)
        article.summary = parsed.summary
        article.conclusion = parsed.conclusion
        article.disclaimer = parsed.disclaimer or DEFAULT_DISCLAIMER
        article.author = author
        article.full_clean(exclude=["status"])
        article.save()
        _replace_sections(article, parsed)
    if publish and article.status != Status.PUBLISHED:
        article_publish(article=article)
    return ImportResult(article=article, created=created)


def _replace_sections(article: Article, parsed: ParsedArticle) -> None:
    for section in SECTION_MODELS:
        section._default_manager.filter(article=article).delete()
    Cause.objects.bulk_create(
        Cause(article=article, position=i, name=c.name, text=c.explanation)
        for i, c in enumerate(parsed.causes)
    )
    ReliefMethod.objects.bulk_create(
        ReliefMethod(article=article, position=i, name=a.name, text=a.text)
        for i, a in enumerate(parsed.relief)
    )
    PreventionTip.objects.bulk_create(
        PreventionTip(article=article, position=i, name=a.name, text=a.text)
        for i, a in enumerate(parsed.prevention)
    )
    ProfessionalTreatment.objects.bulk_create(
        ProfessionalTreatment(article=article, position=i, name=a.name, text=a.text)
        for i, a in enumerate(parsed.professional_treatment)
    )
    RedFlag.objects.bulk_create(
        RedFlag(article=article, position=i, text=f.text, urgency=f.urgency)
        for i, f in enumerate(parsed.red_flags)
    )
    Source.objects.bulk_create(
        Source(article=article, position=i, title=s.title, url=_web_address(s.title, s.url))
        for i, s in enumerate(parsed.sources)
    )


_is_web_address = URLValidator(schemes=["http", "https"])


def _web_address(title: str, url: str) -> str:
    """A source's link, if it is one a reader can follow safely (no javascript: or data:)."""
    if url:
        try:
            _is_web_address(url)
        except ValidationError:
            raise ValidationError(
                f"The source “{title}” links to “{url[:80]}”, which is not a web address "
                "starting with http:// or https://."
            ) from None
    return url


@transaction.atomic
def article_submit_for_review(*, article: Article) -> Article:
    if article.status != Status.DRAFT:
        raise ValidationError("Only a draft can be sent for review.")
    article.status = Status.IN_REVIEW
    with reversion.create_revision():
        reversion.set_comment("Sent for review")
        article.save(update_fields=["status", "updated_at"])
    return article


@transaction.atomic
def article_publish(*, article: Article, today: dt.date | None = None) -> Article:
    """Publish an article, stamping its review dates and retiring the symptom's
    previously published article (one published article per symptom)."""
    today = today or timezone.localdate()
    Article.objects.filter(symptom=article.symptom, status=Status.PUBLISHED).exclude(
        pk=article.pk
    ).update(status=Status.IN_REVIEW)
    article.status = Status.PUBLISHED
    article.published_on = article.published_on or today
    article.last_reviewed_on = article.last_reviewed_on or today
    article.next_review_on = article.next_review_on or article.last_reviewed_on + REVIEW_INTERVAL
    with reversion.create_revision():
        reversion.set_comment("Published")
        article.save()
    return article


@transaction.atomic
def article_unpublish(*, article: Article) -> Article:
    article.status = Status.DRAFT
    with reversion.create_revision():
        reversion.set_comment("Withdrawn to draft")
        article.save(update_fields=["status", "updated_at"])
    return article
