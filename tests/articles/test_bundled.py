from __future__ import annotations

import pytest

from symptomdb.articles.bundled import bundled_articles_load
from symptomdb.articles.models import Article, Status
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
