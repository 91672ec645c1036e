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
    # A test may have sized the queue (INSIGHTS_QUEUE_SIZE = 2); the next search, in any later
    # test, gets a fresh queue sized by the settings as they are again.
    recorder.restart()


from tests.articles.conftest import *  # noqa: E402, F403 — the editors' personas
