"""Whether a symptom has an article is read live by the search (articles/selectors.py), never
stored with the symptom: publishing or withdrawing one changes the ranking at once, without
reloading the catalogue. Two made-up symptoms that match a made-up word equally well, words
only (no model), so only the article decides their order."""

from __future__ import annotations

import dataclasses

import pytest

from symptomdb.articles.models import Article
from symptomdb.articles.services import article_publish, article_unpublish
from symptomdb.people.models import Author
from symptomdb.search import service
from symptomdb.search.engine import engine
from symptomdb.terminology.models import Symptom

pytestmark = pytest.mark.django_db


@pytest.fixture
def words_only(monkeypatch, fresh_engine):
    """The engine without the model: the fused score is words, prior and article."""
    current = dataclasses.replace(engine(), semantic=None, model=None)
    monkeypatch.setattr(service, "engine", lambda: current)


def order(query: str) -> list[str]:
    return [hit.slug for hit in service.search(query, limit=10)]


def test_it_ranks_by_an_article_published_or_withdrawn_since_the_catalogue_loaded(words_only):
    ache = Symptom.objects.create(slug="zorblat-ache", name="Zorblat ache", prior=0.0)
    pain = Symptom.objects.create(slug="zorblat-pain", name="Zorblat pain", prior=0.0)
    # A tie on every signal is broken by name: the ache first.
    assert order("zorblat") == [ache.slug, pain.slug]
    before = {hit.slug: hit.score for hit in service.search("zorblat")}

    author = Author.objects.create(name="Fixture Author", slug="fixture-author")
    article = Article.objects.create(symptom=pain, author=author, title="Fixture article")
    article = article_publish(article=article, checks=False)
    hits = service.search("zorblat")
    assert [hit.slug for hit in hits] == [pain.slug, ache.slug]
    assert hits[0].has_article is True
    assert hits[0].score > before[pain.slug]
    # Nothing about the article was written into the catalogue's prior.
    pain.refresh_from_db()
    assert pain.prior == 0.0

    article_unpublish(article=article)
    hits = service.search("zorblat")
    assert [hit.slug for hit in hits] == [ache.slug, pain.slug]
    assert hits[1].has_article is False
