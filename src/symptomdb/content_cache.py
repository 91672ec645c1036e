"""The cache of what is rendered from the content: the public pages and the search
answers, shared by every worker (settings.CACHES["pages"]).

Everything in it stays right until the content changes. Rather than deleting every
entry on a change — seconds for a large cache, spent in the request that saved a
rating — each key carries the *content version*, and a change starts a new one:
one write, whatever the size of the cache. Entries of older versions are never
read again; they leave by their timeout or by the store's size limit.

A version is a random token, never a counter: if the store loses it (evicted, or
the cache cleared by hand), the next request starts a fresh version rather than
going back to one whose entries may still be stored.

The store is a convenience, never a requirement for reading: when it is away
(Redis stopped, its disk or the cache folder full) its stores (page_stores.py) answer every
read with a miss and drop every write, so pages and answers are computed afresh
instead of failing. A change of content is different: if its new version cannot
be stored, pages kept before it could be shown again once the store is back, so
content_changed() raises StoreUnavailable and the change is refused (a 503,
operations/errors.py) rather than saved unseen. docs/serving.md, *Faults*.
"""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterable
from typing import Any

from diskcache import DjangoCache, Timeout
from django.core.cache import BaseCache, caches
from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save

CACHE = "pages"
VERSION_KEY = "content-version"


class StoreUnavailable(Exception):
    """The shared store (Redis, or diskcache's folder) could not keep a write."""


def store_errors() -> tuple[type[BaseException], ...]:
    """What the shared stores raise when they are away or full: redis-py's errors
    (refused connection, timeout, a Redis that cannot persist refusing writes),
    diskcache's SQLite and file errors (a full disk) and its lock timeout."""
    errors: tuple[type[BaseException], ...] = (sqlite3.Error, OSError, Timeout)
    try:
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - redis-py is a dependency of the project
        return errors
    return (*errors, RedisError)


def content_cache() -> BaseCache:
    return caches[CACHE]


def content_version() -> str:
    """The current version, to put in every key of this cache."""
    cache = content_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        # add(), not set(): when several workers start a version at once, one wins
        # and all of them read the winner.
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    # A store that keeps nothing at all: a version per request, so nothing is reused.
    return str(version) if version is not None else _new_version()


def content_changed(**_: object) -> None:
    """Start a new version: from now on every page and answer is made afresh.
    (Takes keyword arguments so that it can be connected to model signals.)

    Raises StoreUnavailable when the store did not keep the new version
    (page_stores.py drops writes it cannot make, and says so), so that the change
    that called it is refused rather than hidden behind pages kept before it."""
    cache = content_cache()
    version = _new_version()
    cache.set(VERSION_KEY, version, timeout=None)
    # A store that refused the write may still read the old version (a Redis that
    # cannot save refuses writes, not reads): page_stores.py says so. One that keeps
    # nothing reads None. (Another change may have started a newer version meanwhile:
    # any version is enough.)
    if getattr(cache, "last_write_failed", False) or cache.get(VERSION_KEY) is None:
        raise StoreUnavailable(
            "The shared cache did not keep the new content version, so pages kept "
            "before this change could be shown after it: the change was not saved."
        )
    # Until a change made in a transaction is committed, other workers read the content as
    # it was before it, and would keep what they make of it under the new version: the
    # pages and answers until their timeout, the search's wordings (search/wordings.py)
    # until the next change. Another version once it is committed retires those too.
    # Robust: the change is saved by then, whatever the store says.
    if connection.in_atomic_block:
        transaction.on_commit(_version_started, robust=True)


def _version_started() -> None:
    content_cache().set(VERSION_KEY, _new_version(), timeout=None)


def _new_version() -> str:
    return secrets.token_hex(6)


def new_version_when_content_changes(models: Iterable[type[Model]]) -> None:
    """Connect content_changed to every save and delete of these models: what the pages
    and answers show (web/apps.py names them, once, when the apps are ready). Loading the
    catalogue writes in bulk, without signals: `init` calls content_changed itself."""
    for model in models:
        uid = f"content-{model.__name__}"
        post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}-deleted")


class DiskStore(DjangoCache):  # type: ignore[misc]  # diskcache has no type hints
    """diskcache's Django backend, keeping its SQLite connections open between
    requests.

    Django closes every cache when a request finishes (for clients of memcached
    and the like); diskcache's close() closes its SQLite connections, so each
    request opened them again, with their PRAGMAs: 1.3 ms of CPU per cached page
    instead of 0.5. A connection belongs to its process and thread, and diskcache
    opens a new one itself in a forked worker.
    """

    def close(self, **kwargs: Any) -> None:
        pass
