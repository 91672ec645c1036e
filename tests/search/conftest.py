from __future__ import annotations

from collections.abc import Iterator

import pytest

from symptomdb.search.service import engine_reset
from tests.terminology.catalogue import catalogue_loaded


@pytest.fixture(scope="package")
def catalogue(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The whole catalogue (and the bundled article) in the test database."""
    with catalogue_loaded(django_db_blocker):
        yield


@pytest.fixture
def fresh_engine() -> Iterator[None]:
    """The search's per-process indexes reloaded before and after the test."""
    engine_reset()
    yield
    engine_reset()
