"""The full catalogue in the test database, for the tests that need it.

Loading takes a while (reading HPO and ICD-10-CM ~8 s, storing ~10 s, and the
first time in a session embedding ~30,000 texts ~60 s; later loads reuse the
vectors under the session's SYMPTOMDB_HOME). So it is loaded once per test
package that asks for it, committed outside the per-test transactions, and
flushed when the package is done, so the packages after it start empty.

Before the catalogue, the bundled article is imported: it creates "Muscle
spasms" on its own, and the loader must merge it into the catalogue's
"Muscle spasm" (tests/terminology/test_loader.py checks that).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management import call_command

from symptomdb.articles.bundled import bundled_articles_load
from symptomdb.search.lexical import lexical
from symptomdb.search.service import engine_reset
from symptomdb.terminology.loader import catalogue_load

LOAD_MESSAGES: list[str] = []


@contextmanager
def catalogue_loaded(django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        LOAD_MESSAGES.clear()
        bundled_articles_load()
        catalogue_load(say=LOAD_MESSAGES.append, progress=False)
        engine_reset()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            catalogue_flush()


def catalogue_flush() -> None:
    """Empty every table, fast: the search index's upkeep is paused (on SQLite
    a trigger per deleted synonym would take longer than the load) and the
    index rebuilt, empty."""
    index = lexical()
    with index.paused():
        call_command("flush", interactive=False, verbosity=0)
        index.rebuild()
    engine_reset()
