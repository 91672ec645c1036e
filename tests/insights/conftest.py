"""Searches recorded in the test's own thread: under tests no recorder thread starts,
so each test flushes what it queued (insights/recorder.py)."""

from __future__ import annotations

import pytest

from symptomdb.insights.recorder import recorder


@pytest.fixture(autouse=True)
def _empty_recorder():
    recorder.flush_discard()
    yield
    recorder.flush_discard()


from tests.articles.conftest import *  # noqa: E402, F403 — the editors' personas
