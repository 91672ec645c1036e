"""What the site does while a part it depends on is away (docs/serving.md, Faults):
pages are served uncached, readers' writes are refused with a 503 and Retry-After
and nothing is stored, and a change that cannot retire the kept pages is refused.

The stores are pointed at a loopback port nothing listens on: a Redis that is
stopped. tests/multiserver runs the same on a real Redis."""

from __future__ import annotations

import errno
import socket

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError
from django.test import Client, override_settings
from redis.exceptions import ResponseError

from symptomdb.community.models import AuthorRating, Comment
from symptomdb.content_cache import (
    VERSION_KEY,
    StoreUnavailable,
    content_cache,
    content_changed,
)
from symptomdb.operations.outage import RETRY_AFTER, outage_part
from symptomdb.page_stores import ForgivingStore

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _away(database: int) -> str:
    return f"redis://127.0.0.1:{PORT}/{database}"


PORT = _closed_port()
PAGES_AWAY = {
    "BACKEND": "symptomdb.page_stores.PageRedisStore",
    "LOCATION": _away(1),
    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
}
DEFAULT_AWAY = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": _away(0),
    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
}
LOCAL = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "outage"}


@pytest.fixture
def reader_no_raise() -> Client:
    return Client(raise_request_exception=False)


@override_settings(CACHES={"default": LOCAL, "pages": PAGES_AWAY})
def test_pages_are_served_uncached_while_the_page_cache_is_away(reader, published_article):
    page = reader.get(published_article.get_absolute_url())
    assert page.status_code == 200
    assert "muscle spasms" in page.content.decode().lower()
    assert content_cache().get("anything", "missed") == "missed"
    # A second view is computed again, and still answers.
    assert reader.get(published_article.get_absolute_url()).status_code == 200


@override_settings(CACHES={"default": LOCAL, "pages": PAGES_AWAY})
def test_a_change_that_cannot_retire_the_kept_pages_is_refused():
    with pytest.raises(StoreUnavailable, match="the change was not saved"):
        content_changed()


@override_settings(CACHES={"default": DEFAULT_AWAY, "pages": LOCAL})
def test_a_rating_is_refused_with_503_and_retry_after_while_the_limits_are_away(
    reader_no_raise, published_article
):
    author = published_article.author
    page = reader_no_raise.post(f"{author.get_absolute_url()}rate", {"stars": 5, "next": "/"})
    assert page.status_code == 503
    assert page["Retry-After"] == str(RETRY_AFTER)
    assert "Nothing you sent was saved" in page.content.decode()
    api = reader_no_raise.post(
        f"/api/authors/{author.slug}/ratings", {"stars": 4}, content_type="application/json"
    )
    assert api.status_code == 503
    assert api["Retry-After"] == str(RETRY_AFTER)
    assert api.json()["error"]["code"] == "unavailable"
    assert "shared cache" in api.json()["error"]["message"]
    assert AuthorRating.objects.count() == 0


@override_settings(CACHES={"default": LOCAL, "pages": PAGES_AWAY})
def test_a_comment_is_not_kept_when_its_change_cannot_be_announced(
    reader_no_raise, published_article
):
    response = reader_no_raise.post(
        f"/api/articles/{published_article.pk}/comments",
        {"name": "A", "body": "It helped."},
        content_type="application/json",
    )
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER)
    assert Comment.objects.count() == 0  # rolled back with its transaction


def test_what_counts_as_a_part_away():
    from redis.exceptions import ConnectionError as RedisConnectionError

    assert outage_part(OperationalError("server closed the connection")) == "database"
    assert outage_part(RedisConnectionError("refused")) == "shared cache"
    assert outage_part(OSError(errno.ENOSPC, "No space left on device")) == "shared cache"
    assert outage_part(OSError(errno.ENOENT, "No such file")) is None
    assert outage_part(ValueError("a bug")) is None
    assert outage_part(None) is None


class _RefusingWrites(LocMemCache):
    """A Redis that cannot save its snapshots: reads answer, writes are refused."""

    def set(self, *args: object, **kwargs: object) -> None:
        raise ResponseError("MISCONF Redis is configured to save RDB snapshots, but it's failing")

    def add(self, *args: object, **kwargs: object) -> bool:
        raise ResponseError("MISCONF Redis is configured to save RDB snapshots, but it's failing")


class RefusingPageStore(ForgivingStore, _RefusingWrites):
    pass


def test_a_store_that_reads_but_cannot_write_refuses_the_change_too(reader, published_article):
    with override_settings(CACHES={"default": LOCAL, "pages": {**LOCAL, "LOCATION": "refusing"}}):
        content_cache().set(VERSION_KEY, "kept-before", timeout=None)
    refusing = {
        "BACKEND": "tests.operations.test_outage.RefusingPageStore",
        "LOCATION": "refusing",
    }
    with override_settings(CACHES={"default": LOCAL, "pages": refusing}):
        assert reader.get(published_article.get_absolute_url()).status_code == 200
        with pytest.raises(StoreUnavailable):
            content_changed()
        assert content_cache().get(VERSION_KEY) == "kept-before"
