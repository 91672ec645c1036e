"""The benchmark's A/B switch (insights/ab.py): blocks of searches recorded and not."""

from __future__ import annotations

import logging

import pytest
from django.test import override_settings

from symptomdb.insights import ab, services
from symptomdb.insights.models import SearchCount, Source
from symptomdb.insights.recorder import recorder


@pytest.fixture(autouse=True)
def _first_block():
    ab.reset()
    yield
    ab.reset()


def search(query):
    services.search_record(query=query, slugs=[], triage_level="", locale="GB", source=Source.API)


@pytest.mark.django_db
@override_settings(INSIGHTS_AB_BLOCK=2)
def test_blocks_alternate_recording_on_then_off_and_log_one_line_each(caplog):
    caplog.set_level(logging.WARNING, logger="symptomdb.insights.ab")
    for query in ("cramp", "headache", "nausea", "rash"):
        search(query)
    # The "on" block was flushed at its end; the "off" block queued nothing.
    assert recorder.flush() == 0
    assert sum(SearchCount.objects.values_list("searches", flat=True)) == 2
    lines = [r.getMessage() for r in caplog.records if r.name == "symptomdb.insights.ab"]
    assert len(lines) == 2
    assert lines[0].startswith(f"{ab.PREFIX} ") and "recording=on searches=2 " in lines[0]
    assert "recording=off searches=2 " in lines[1]
    assert all("partial=0" in line and "cpu_s=" in line for line in lines)


@pytest.mark.django_db
def test_off_by_default_every_search_is_queued():
    for query in ("cramp", "headache", "nausea"):
        search(query)
    assert recorder.flush() == 3
