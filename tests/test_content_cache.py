"""The content version retires every stored page and search answer at once."""

from __future__ import annotations

import pytest
from django.test import override_settings

from symptomdb.articles.models import Article
from symptomdb.content_cache import DiskStore, content_cache, content_changed, content_version


def test_the_version_holds_until_the_content_changes():
    first = content_version()
    assert content_version() == first
    content_changed()
    assert content_version() != first


@pytest.mark.django_db
def test_a_change_in_a_transaction_starts_another_version_once_committed(
    django_capture_on_commit_callbacks,
):
    # What other workers made between the change and its commit (from the content before
    # it) is kept under the version the change started: the commit retires it too.
    with django_capture_on_commit_callbacks(execute=True):
        content_changed()
        before_commit = content_version()
    assert content_version() != before_commit


def test_a_lost_version_is_replaced_by_a_new_one_never_an_old_one():
    seen = {content_version()}
    content_changed()
    seen.add(content_version())
    content_cache().clear()  # the store lost everything, the version with it
    assert content_version() not in seen


@override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
)
def test_a_store_that_keeps_nothing_reuses_nothing():
    assert content_version() != content_version()


@pytest.mark.django_db
def test_a_new_version_retires_stored_pages_without_deleting_them(reader, published_article):
    url = published_article.get_absolute_url()
    reader.get(url)
    stored = len(content_cache()._cache)  # type: ignore[attr-defined]  # locmem in tests
    # Behind the models' signals, so only the new version can make the change seen.
    Article.objects.filter(pk=published_article.pk).update(title="A title after the change")
    content_changed()
    assert "A title after the change" in reader.get(url).content.decode()
    assert len(content_cache()._cache) > stored  # type: ignore[attr-defined]


def test_the_disk_store_is_shared_and_outlives_the_end_of_a_request(tmp_path):
    # Two instances over one folder, as two gunicorn workers have.
    first, second = (DiskStore(str(tmp_path), {"TIMEOUT": 60}) for _ in range(2))
    first.set("content-version", "a1", timeout=None)
    first.close()  # what Django calls when each request finishes
    assert second.get("content-version") == "a1"
    second.set("content-version", "b2", timeout=None)
    assert first.get("content-version") == "b2"


def test_the_disk_store_counts_for_every_worker(tmp_path):
    # The rate limits' add-then-incr, from two workers: one count.
    first, second = (DiskStore(str(tmp_path), {"TIMEOUT": 60}) for _ in range(2))
    assert first.add("writes", 0)
    assert not second.add("writes", 0)
    first.incr("writes")
    assert second.incr("writes") == 2
