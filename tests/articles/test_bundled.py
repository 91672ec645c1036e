from __future__ import annotations

import logging

import pytest

from symptomdb.articles.bundled import bundled_article_files, bundled_articles_load, bundled_covers
from symptomdb.articles.models import Article, Status
from symptomdb.terminology.models import Symptom, SymptomCode
from tests.conftest import BUNDLED_SEED, SEED

pytestmark = pytest.mark.django_db


def test_the_bundled_seed_is_the_seed_as_supplied():
    if not SEED.exists():
        pytest.skip("the shared seed folder is not beside this checkout")
    assert BUNDLED_SEED.read_bytes() == SEED.read_bytes()


def test_it_loads_the_seed_published_once():
    assert bundled_articles_load() == 1
    assert bundled_articles_load() == 0
    article = Article.objects.get()
    assert article.status == Status.PUBLISHED
    assert article.author.byline == "Haroon Rashid, MD"
    assert article.last_reviewed_on is not None


def test_it_never_overwrites_an_editors_changes():
    bundled_articles_load()
    Article.objects.update(summary="Edited by an editor.")
    bundled_articles_load()
    assert Article.objects.get().summary == "Edited by an editor."


def test_the_covers_manifest_names_only_files_that_ship():
    shipped = {file.name for file in bundled_article_files()}
    covers = bundled_covers()
    assert covers, "content/covers.yaml lists no article"
    assert set(covers) <= shipped


def test_a_bundled_article_covers_what_the_manifest_names():
    # A symptom of the manifest present in the catalogue is covered; one absent (the tests'
    # catalogues are trimmed) is left out with a line in the log, and the load goes on.
    leg_cramps = Symptom.objects.create(slug="sleep-leg-cramps", name="Sleep related leg cramps")
    SymptomCode.objects.create(symptom=leg_cramps, system="ICD10CM", code="G47.62")
    assert bundled_articles_load() == 1
    assert list(Article.objects.get().covers.all()) == [leg_cramps]


def test_a_manifest_symptom_the_catalogue_lacks_is_logged_not_fatal(caplog):
    SymptomCode.objects.filter(code="G47.62").delete()
    with caplog.at_level(logging.INFO, logger="symptomdb.articles.bundled"):
        assert bundled_articles_load() == 1
    assert Article.objects.get().covers.count() == 0
    assert "G47.62" in caplog.text
