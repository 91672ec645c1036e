"""Reads of articles, shared by the pages, the API and the exporter."""

from __future__ import annotations

from typing import cast

from django.db.models import Prefetch

from symptomdb.articles.importer import (
    Advice,
    Byline,
    Cause,
    ParsedArticle,
    RedFlag,
    Source,
)
from symptomdb.articles.importer.model import Urgency
from symptomdb.articles.models import SECTION_NAMES, Article
from symptomdb.terminology.models import Symptom

SECTIONS = SECTION_NAMES


def article_published_for(*, symptom: Symptom) -> Article | None:
    return (
        Article.objects.published()
        .filter(symptom=symptom)
        .select_related("author", "reviewer", "symptom")
        .prefetch_related(*SECTIONS)
        .first()
    )


def articles_published():
    return (
        Article.objects.published()
        .select_related("author", "symptom")
        .prefetch_related(Prefetch("symptom__codes"))
        .order_by("title")
    )


def article_to_parsed(article: Article) -> ParsedArticle:
    """The article in the importer's terms: what `export` writes and the API returns."""
    return ParsedArticle(
        title=article.title,
        symptom=article.symptom.name.lower(),
        summary=article.summary,
        causes=[Cause(name=c.name, explanation=c.text) for c in article.causes.all()],
        relief=[Advice(name=a.name, text=a.text) for a in article.relief_methods.all()],
        prevention=[Advice(name=a.name, text=a.text) for a in article.prevention_tips.all()],
        professional_treatment=[
            Advice(name=a.name, text=a.text) for a in article.professional_treatments.all()
        ],
        red_flags=[
            RedFlag(text=f.text, urgency=cast(Urgency, f.urgency)) for f in article.red_flags.all()
        ],
        conclusion=article.conclusion,
        disclaimer=article.disclaimer,
        sources=[Source(title=s.title, url=s.url) for s in article.sources.all()],
        author=Byline(
            name=article.author.name,
            credentials=article.author.credentials,
            affiliation=article.author.affiliation,
            location=article.author.location,
        ),
    )
