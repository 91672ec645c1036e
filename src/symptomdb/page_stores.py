"""The stores of the rendered pages and search answers (settings.CACHES["pages"]),
which keep serving while their backend is away.

The page cache is a convenience, never a requirement for reading: when Redis is
stopped, or the disk under diskcache's folder (or under Redis) is full, these
stores answer every read with a miss and drop every write, so pages and answers
are computed afresh instead of failing. The first failure of a run of them is
logged, then one line a minute while they go on, and one when the store is back.

A content change is different: content_cache.content_changed() reads its new
version back and refuses the change when the store did not keep it (docs/serving.md,
*Faults*).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache

from symptomdb.content_cache import DiskStore, store_errors

log = logging.getLogger(__name__)


class ForgivingStore:
    """Reads miss and writes are dropped while the store is away or full."""

    _failing_since = 0.0
    _logged_at = 0.0
    # Whether the last set() or add() was dropped: content_changed() must know.
    last_write_failed = False

    def _forgive(self, error: BaseException, operation: str) -> None:
        now = time.monotonic()
        if not self._failing_since:
            self._failing_since = now
        if now - self._logged_at >= 60:
            self._logged_at = now
            log.warning(
                "Page cache unavailable (%s failed: %s): serving pages uncached.",
                operation,
                error,
            )

    def _recovered(self) -> None:
        if self._failing_since:
            log.warning(
                "Page cache available again after %.0f s.", time.monotonic() - self._failing_since
            )
            self._failing_since = self._logged_at = 0.0

    # Arguments passed on as given: diskcache's methods take more than Django's, and
    # a timeout left out must stay Django's DEFAULT_TIMEOUT, not become None.
    def get(self, key: Any, default: Any = None, *args: Any, **kwargs: Any) -> Any:
        try:
            value = super().get(key, default, *args, **kwargs)  # type: ignore[misc]
        except store_errors() as error:
            self._forgive(error, "get")
            return default
        self._recovered()
        return value

    def get_many(self, keys: Any, *args: Any, **kwargs: Any) -> dict[Any, Any]:
        try:
            return dict(super().get_many(keys, *args, **kwargs))  # type: ignore[misc]
        except store_errors() as error:
            self._forgive(error, "get_many")
            return {}

    def set(self, key: Any, value: Any, *args: Any, **kwargs: Any) -> None:
        try:
            super().set(key, value, *args, **kwargs)  # type: ignore[misc]
        except store_errors() as error:
            self.last_write_failed = True
            self._forgive(error, "set")
        else:
            self.last_write_failed = False

    def add(self, key: Any, value: Any, *args: Any, **kwargs: Any) -> bool:
        try:
            added = bool(super().add(key, value, *args, **kwargs))  # type: ignore[misc]
        except store_errors() as error:
            self.last_write_failed = True
            self._forgive(error, "add")
            return False
        self.last_write_failed = False
        return added

    def delete(self, key: Any, *args: Any, **kwargs: Any) -> bool:
        try:
            return bool(super().delete(key, *args, **kwargs))  # type: ignore[misc]
        except store_errors() as error:
            self._forgive(error, "delete")
            return False


class PageRedisStore(ForgivingStore, RedisCache):
    """The pages and answers in Redis (REDIS_URL's database 1, or REDIS_PAGES_URL)."""


class PageDiskStore(ForgivingStore, DiskStore):
    """The pages and answers in diskcache under SYMPTOMDB_HOME/cache/content."""
