"""Which articles reach a symptom: its own, those that cover it, those of its nearest
broader or narrower symptoms, and — labelled as related, not about it — the article
whose subject is closest in meaning. And the loader's side: the symptoms an imported
article's "Covers:" names.

A page without an article of its own shows the first of these that exists; the search
ranks a covered symptom as one with its own article (search/service.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from symptomdb.articles.models import Article
from symptomdb.language.embedding import Embedder
from symptomdb.terminology.codes import CodeError, symptom_by_code
from symptomdb.terminology.models import CodeSystem, Symptom
from symptomdb.terminology.services import symptom_find

# Cosine between a symptom (names, same-meaning synonyms, first sentence of its definition)
# and an article (title and the start of its summary) above which the article is offered
# as related reading. Measured with benchmarks/page_coverage.py --related against the
# bundled muscle-spasm article: other muscle complaints score 0.45–0.57 (muscle ache 0.57,
# spasticity 0.54, twitching 0.48, tetany 0.46, myoclonus 0.46, stiffness 0.45), unrelated
# ones at most 0.41 (back pain 0.41, tremor 0.34, headache 0.30, fever 0.08). The model
# does not reach "sleep related leg cramps" (0.37) at any safe line: an editor's "Covers:"
# does. One article is a thin sample; measure again as articles are added.
RELATED_MIN_SIMILARITY = 0.45
# How far up the catalogue a page looks for a broader symptom's article.
BROADER_LEVELS = 2

_HPO = re.compile(r"^(?:HPO\s+)?(HP:\d{7})$", re.IGNORECASE)
_ICD = re.compile(r"^(?:ICD-?10-?CM\s+)?([A-Z]\d{2}(?:\.\w{1,4})?)$", re.IGNORECASE)


# --- import: "Covers:" → symptoms ------------------------------------------------------


def covered_symptom(item: str) -> Symptom | None:
    """The catalogue symptom a "Covers:" item names: an HPO or ICD-10-CM code, a slug, a
    name or a same-meaning synonym."""
    text = " ".join(item.split())
    for pattern, system in ((_HPO, CodeSystem.HPO), (_ICD, CodeSystem.ICD10CM)):
        if match := pattern.match(text):
            try:
                found = symptom_by_code(system, match.group(1))
            except CodeError:
                return None
            return found.symptom if found else None
    return Symptom.objects.filter(slug=text).first() or symptom_find(name=text)


def covered_symptoms(items: Iterable[str], *, where: str, main: Symptom) -> list[Symptom]:
    """Every symptom the items name (the main one left out), or ValidationError naming the
    place and the first item that names none — then the import stores nothing."""
    out: list[Symptom] = []
    for item in items:
        symptom = covered_symptom(item)
        if symptom is None:
            place = f"{where}: " if where else ""
            raise ValidationError(
                f"{place}“Covers:” names “{item}”, which is neither a symptom nor a code "
                "in the catalogue; correct it or leave it out."
            )
        if symptom != main and symptom not in out:
            out.append(symptom)
    return out


# --- pages: symptom → articles -----------------------------------------------------------


@dataclass(frozen=True)
class ArticleReach:
    """The articles a symptom page without its own offers, nearest first."""

    covering: list[Article] = field(default_factory=list)
    nearby: list[tuple[Article, Symptom]] = field(default_factory=list)  # and whose it is
    related: Article | None = None
    similarity: float = 0.0

    @property
    def any(self) -> bool:
        return bool(self.covering or self.nearby or self.related)


def _published() -> QuerySet[Article]:
    return Article.objects.published().select_related("symptom", "author")


def articles_covering(symptom: Symptom) -> list[Article]:
    return list(_published().filter(covers=symptom).order_by("title"))


def _articles_about(symptoms: list[Symptom]) -> list[tuple[Article, Symptom]]:
    """Articles about, or covering, any of these symptoms, each once, with that symptom."""
    ids = {s.pk: s for s in symptoms}
    if not ids:
        return []
    out: dict[int, tuple[Article, Symptom]] = {}
    rows = _published().filter(Q(symptom_id__in=ids) | Q(covers__in=list(ids))).distinct()
    for article in rows.prefetch_related("covers").order_by("title"):
        about = ids.get(article.symptom_id) or next(
            ids[c.pk] for c in article.covers.all() if c.pk in ids
        )
        out.setdefault(article.pk, (article, about))
    return list(out.values())


def articles_nearby(symptom: Symptom) -> list[tuple[Article, Symptom]]:
    """The articles of the nearest broader symptoms (up to BROADER_LEVELS up), and of the
    symptoms directly under this one."""
    found = _articles_about(list(symptom.narrower.all()))
    level = list(symptom.broader.all())
    for _ in range(BROADER_LEVELS):
        above = _articles_about(level)
        if above:
            return [*above, *found]
        level = list(Symptom.objects.filter(narrower__in=level).distinct())
    return found


def symptom_text(symptom: Symptom) -> str:
    """A symptom, for comparing meanings: its names, same-meaning synonyms and what it is."""
    synonyms = symptom.synonyms.filter(kind__in=("exact", "layperson")).order_by("text")
    names = dict.fromkeys([symptom.everyday_name, symptom.name, *(s.text for s in synonyms[:4])])
    return f"{'; '.join(names)}. {symptom.definition.split('. ')[0]}".strip(" .")


def article_text(article: Article) -> str:
    """An article, for comparing meanings: its question and the start of its summary."""
    return f"{article.title} {article.summary[:400]}"


# The articles' vectors, by text: the same on every page, so computed once per process
# (an edited article is a new text). Few articles, so a plain dict, emptied past a bound.
_ARTICLE_VECTORS: dict[str, np.ndarray] = {}


def _article_vectors(model: Embedder, texts: list[str]) -> np.ndarray:
    missing = [t for t in texts if t not in _ARTICLE_VECTORS]
    if missing:
        if len(_ARTICLE_VECTORS) + len(missing) > 2000:
            _ARTICLE_VECTORS.clear()
        _ARTICLE_VECTORS.update(zip(missing, np.asarray(model.embed(missing)), strict=True))
    return np.stack([_ARTICLE_VECTORS[t] for t in texts])


def article_related(symptom: Symptom) -> tuple[Article | None, float]:
    """The published article closest in meaning to this symptom, if above
    RELATED_MIN_SIMILARITY; None without the model."""
    from symptomdb.language.embedding import EmbeddingUnavailable, embedder

    articles = list(_published())
    if not articles:
        return None, 0.0
    try:
        model = embedder()
    except EmbeddingUnavailable:
        return None, 0.0
    query = np.asarray(model.embed_recent([symptom_text(symptom)]))[0]
    scores = _article_vectors(model, [article_text(a) for a in articles]) @ query
    best = int(np.argmax(scores))
    score = float(scores[best])
    return (articles[best] if score >= RELATED_MIN_SIMILARITY else None), score


def article_reach(symptom: Symptom) -> ArticleReach:
    """What a page without its own article offers: covering articles; else those of the
    nearest broader or narrower symptoms; else the related one."""
    covering = articles_covering(symptom)
    if covering:
        return ArticleReach(covering=covering)
    nearby = articles_nearby(symptom)
    if nearby:
        return ArticleReach(nearby=nearby)
    related, similarity = article_related(symptom)
    return ArticleReach(related=related, similarity=similarity)
