"""Answers are kept per cleaned query, limit and locale, and forgotten when the
content they rank changes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from symptomdb.search import answer, warmup
from symptomdb.search.service import Found, Hit
from symptomdb.terminology.models import Symptom, Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def searches(monkeypatch):
    """The queries the search actually ran (not read from the cache)."""
    ran: list[tuple[str, int]] = []

    def fake_search(text: str, *, limit: int = 10, correct: bool = True) -> Found:
        ran.append((text, limit))
        return Found(hits=[Hit(slug="headache", name="Headache", score=1.0)])

    monkeypatch.setattr(answer, "search_found", fake_search)
    monkeypatch.setattr(answer, "engine", lambda: SimpleNamespace(model=object()))
    return ran


def test_a_repeated_query_is_answered_from_the_cache(searches):
    first = answer.search_with_triage("  bad   headache ")
    again = answer.search_with_triage("bad headache")
    assert searches == [("bad headache", 10)]
    assert again == first
    assert again.to_dict() == first.to_dict()


def test_the_limit_and_the_locale_are_part_of_the_key(searches, settings):
    answer.search_with_triage("headache", limit=10)
    answer.search_with_triage("headache", limit=5)
    settings.SYMPTOMDB_LOCALE = "GB"
    gb = answer.search_with_triage("headache", limit=5)
    assert searches == [("headache", 10), ("headache", 5), ("headache", 5)]
    assert gb.triage.emergency_number == "999"


def test_an_emergency_verdict_is_kept_with_the_results(searches):
    first = answer.search_with_triage("crushing chest pain and sweating")
    again = answer.search_with_triage("crushing chest pain and sweating")
    assert len(searches) == 1
    assert first.triage.level == "emergency"
    assert again.triage == first.triage


@pytest.mark.parametrize(
    "change",
    [
        lambda: Symptom.objects.create(slug="hiccups", name="Hiccups", prior=0.5),
        lambda: Synonym.objects.create(
            symptom=Symptom.objects.get(slug="headache"), text="Cephalalgia", kind="exact"
        ),
    ],
    ids=["a new symptom", "a new synonym"],
)
def test_changing_the_catalogue_forgets_kept_answers(searches, change):
    Symptom.objects.create(slug="headache", name="Headache", prior=0.8)
    searches.clear()
    answer.search_with_triage("headache")
    change()
    answer.search_with_triage("headache")
    assert len(searches) == 2


def test_answers_found_without_the_model_are_not_kept(searches, monkeypatch):
    monkeypatch.setattr(answer, "engine", lambda: SimpleNamespace(model=None))
    answer.search_with_triage("headache")
    answer.search_with_triage("headache")
    assert len(searches) == 2


def test_no_answer_is_kept_when_the_setting_is_zero(searches, settings):
    settings.SEARCH_CACHE_SECONDS = 0
    answer.search_with_triage("headache")
    answer.search_with_triage("headache")
    assert len(searches) == 2


def test_the_warm_up_searches_even_when_the_answer_is_kept(searches, monkeypatch):
    monkeypatch.setattr(warmup, "engine", lambda: None)
    answer.search_with_triage(warmup.WARM_UP_QUERY)
    warmup.warm_up()
    assert [text for text, _ in searches] == [warmup.WARM_UP_QUERY] * 2


def test_answers_are_kept_per_country_whatever_the_locale_is_called(searches):
    gb = answer.search_with_triage("headache", locale="GB")
    assert answer.search_with_triage("headache", locale="en-GB") == gb
    assert answer.search_with_triage("headache", locale="uk") == gb
    au = answer.search_with_triage("headache", locale="AU")
    assert len(searches) == 2
    assert (gb.triage.emergency_number, au.triage.emergency_number) == ("999", "000")
    assert gb.triage.safety_net != au.triage.safety_net


def test_every_unknown_locale_shares_the_112_answer(searches):
    zz = answer.search_with_triage("headache", locale="ZZ")
    assert answer.search_with_triage("headache", locale="XY") == zz
    assert len(searches) == 1
    assert zz.triage.emergency_number == "112"
    assert zz.triage.safety_net
