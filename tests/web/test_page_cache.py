from __future__ import annotations

import pytest

from symptomdb.articles.models import Article
from symptomdb.articles.services import article_unpublish

pytestmark = pytest.mark.django_db


def test_a_public_page_is_served_from_the_cache(reader, published_article):
    url = published_article.get_absolute_url()
    assert published_article.title in reader.get(url).content.decode()
    # A write that bypasses the models' signals is not seen: the page came from the cache.
    Article.objects.filter(pk=published_article.pk).update(title="Changed behind the cache")
    assert "Changed behind the cache" not in reader.get(url).content.decode()


def test_publishing_changes_clear_the_cache(reader, published_article):
    url = published_article.get_absolute_url()
    reader.get(url)
    article_unpublish(article=published_article)
    html = reader.get(url).content.decode()
    assert "No clinician has written an article about this symptom yet" in html


def test_pages_carry_an_etag_and_answer_304(reader, published_article):
    url = published_article.get_absolute_url()
    first = reader.get(url)
    assert first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    again = reader.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_head_is_answered(reader, published_article):
    assert reader.head(published_article.get_absolute_url()).status_code == 200
    assert reader.head("/healthz").status_code == 200
