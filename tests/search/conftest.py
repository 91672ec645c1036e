from __future__ import annotations

from collections.abc import Iterator

import pytest

from symptomdb.search.engine import engine_reset
from tests.terminology.catalogue import catalogue  # noqa: F401 - the one fixture, per package


@pytest.fixture
def fresh_engine() -> Iterator[None]:
    """The search's per-process indexes reloaded before and after the test."""
    engine_reset()
    yield
    engine_reset()
