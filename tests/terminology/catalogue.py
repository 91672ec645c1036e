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
from importlib import import_module
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
    index rebuilt, empty. The editors' roles, which a migration creates, are
    created again: a package that runs after this one finds the database as
    migrations left it, whatever order the packages run in."""
    index = lexical()
    with index.paused():
        call_command("flush", interactive=False, verbosity=0)
        index.rebuild()
    _editor_roles_create()
    engine_reset()


def _editor_roles_create() -> None:
    """The groups migration people 0003 creates, with its permissions (flush has created the
    permissions again through post_migrate). Not by calling the migration's function: given the
    live app registry, it would unset each app's models module."""
    roles = import_module("symptomdb.people.migrations.0003_editor_roles").ROLES
    for name, wanted in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in sorted(set(wanted))
            ]
        )
