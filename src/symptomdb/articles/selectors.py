"""Reads of articles, shared by the pages, the API, the search and the exporter."""

from __future__ import annotations

from typing import cast

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from symptomdb.articles.importer import (
    Advice,
    Byline,
    Cause,
    ParsedArticle,
    RedFlag,
    Source,
)
from symptomdb.articles.importer.model import Urgency
from symptomdb.articles.markup import markdown_html, markdown_inline_html
from symptomdb.articles.models import SECTION_NAMES, Article
from symptomdb.terminology.models import Symptom, SynonymKind

SECTIONS = SECTION_NAMES


def symptoms_with_article_flags(symptoms: QuerySet[Symptom]) -> QuerySet[Symptom]:
    """The symptoms annotated, live, with `has_article` (a published article of its own)
    and `covered_by_article` (a published article covers it): what the A–Z, the API and
    the search show and rank by. Read at every request, never stored with the symptom, so a
    publication or withdrawal shows at once."""
    published = Article.objects.published()
    return symptoms.annotate(
        has_article=Exists(published.filter(symptom=OuterRef("pk"))),
        covered_by_article=Exists(published.filter(covers=OuterRef("pk"))),
    )


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
        )
        if article.author
        else Byline(),
        # By slug: unambiguous, and read back by the importer's "Covers:" as it is.
        covers=sorted(s.slug for s in article.covers.all()),
    )


def article_html(article: Article) -> dict[str, object]:
    """The article's Markdown as the page renders it (the API's `html`): block text for
    the summary, conclusion, disclaimer and advice; one line for causes and red flags."""
    return {
        "summary": markdown_html(article.summary),
        "conclusion": markdown_html(article.conclusion),
        "disclaimer": markdown_html(article.disclaimer),
        "causes": [markdown_inline_html(c.text) for c in article.causes.all()],
        "relief": [markdown_html(a.text) for a in article.relief_methods.all()],
        "prevention": [markdown_html(a.text) for a in article.prevention_tips.all()],
        "professional_treatment": [
            markdown_html(a.text) for a in article.professional_treatments.all()
        ],
        "red_flags": [markdown_inline_html(f.text) for f in article.red_flags.all()],
    }


# --- the editors' symptom picker (search/picker.py finds the choices) -----------------


def symptom_label(symptom: Symptom) -> str:
    """“Hiccough (everyday: hiccups) · ICD-10-CM R06.6 · HPO HP:0100247”."""
    everyday = (
        symptom.synonyms.filter(kind=SynonymKind.LAYPERSON)
        .order_by("text")
        .values_list("text", flat=True)
        .first()
    )
    codes = " · ".join(f"{c.get_system_display()} {c.code}" for c in symptom.codes.all()[:3])
    label = symptom.name
    if everyday and everyday.casefold() != symptom.name.casefold():
        label += f" (everyday: {everyday})"
    return f"{label} · {codes}" if codes else label
