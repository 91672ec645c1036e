"""The full catalogue in the test database, for the tests that need it.

Loading takes a while (reading HPO and ICD-10-CM ~8 s, storing ~10 s, and the
first time in a session embedding ~30,000 texts ~60 s; later loads reuse the
vectors under the session's SYMPTOMDB_HOME). So it is loaded once per test
package that asks for it, committed outside the per-test transactions, and
flushed when the package is done, so the packages after it start empty.

The `catalogue` fixture is defined here, once; a test package's conftest that
needs it imports it, which makes it package-scoped to that package.

Before the catalogue, the bundled article is imported: it creates "Muscle
spasms" on its own, and the loader must merge it into the catalogue's
"Muscle spasm" (tests/terminology/test_loader.py checks that).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from symptomdb.articles.bundled import bundled_articles_load
from symptomdb.search.engine import engine_reset
from symptomdb.search.lexical import lexical
from symptomdb.site_init import catalogue_ready

LOAD_MESSAGES: list[str] = []


@contextmanager
def catalogue_loaded(django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        LOAD_MESSAGES.clear()
        bundled_articles_load()
        catalogue_ready(say=LOAD_MESSAGES.append, progress=False)
        engine_reset()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            catalogue_flush()


@pytest.fixture(scope="package")
def catalogue(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """The whole catalogue (and the bundled article) in the test database."""
    with catalogue_loaded(django_db_blocker):
        yield


def catalogue_flush() -> None:
    """Empty every table, fast: the search index's upkeep is paused (on SQLite
    a trigger per deleted synonym would take longer than the load) and the
    index rebuilt, empty. The editors' roles, which migrations create (people
    0003, insights 0002), are read before and made again after: a package that
    runs after this one finds the database as migrations left it, whatever order
    the packages run in."""
    roles = _roles_read()
    index = lexical()
    with index.paused():
        call_command("flush", interactive=False, verbosity=0)
        index.rebuild()
    _roles_restore(roles)
    engine_reset()


_Roles = dict[str, list[tuple[str, str]]]


def _roles_read() -> _Roles:
    """Each group's permissions, by app label and codename (flush creates the permissions
    again, under new ids, through post_migrate)."""
    return {
        group.name: list(group.permissions.values_list("content_type__app_label", "codename"))
        for group in Group.objects.all()
    }


def _roles_restore(roles: _Roles) -> None:
    for name, wanted in roles.items():
        group = Group.objects.create(name=name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in wanted
            ]
        )
