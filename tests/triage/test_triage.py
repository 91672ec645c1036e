"""The public API: triage(), TriageResult, load_rules(), locale numbers."""

from __future__ import annotations

import pytest

from symptomdb.triage import LEVELS, TriageResult, load_rules, triage
from symptomdb.triage.locale import numbers_for


def test_it_returns_no_level_for_empty_text() -> None:
    for text in ("", "   ", "\n"):
        result = triage(text)
        assert result.level is None
        assert result.message == ""
        assert result.matched == []
        assert result.rule_ids == []


def test_it_returns_no_level_when_nothing_matches() -> None:
    assert triage("spots on my chin").level is None


def test_it_gives_the_search_api_shape() -> None:
    data = triage("crushing chest pain going down my left arm").to_dict()
    assert {"level", "message", "matched"} <= data.keys()
    assert data["level"] == "emergency"
    assert isinstance(data["message"], str) and data["message"]
    assert all(isinstance(phrase, str) for phrase in data["matched"])
    assert data["emergency_number"] == "911"


def test_it_lists_the_phrases_that_matched_in_reading_order() -> None:
    result = triage("Crushing chest pain going down my left arm")
    assert "chest" in result.matched
    assert "arm" in result.matched
    assert result.matched.index("chest") < result.matched.index("arm")


def test_it_puts_the_most_urgent_rule_first() -> None:
    result = triage("chest pain spreading to my jaw")
    assert result.level == "emergency"
    assert result.rule_ids[0].startswith("heart-attack")
    assert "chest-pain" in result.rule_ids  # the urgent rule fired too, ranked after
    ranks = [LEVELS.index(load_rules_by_id()[i].level) for i in result.rule_ids]
    assert ranks == sorted(ranks)


def load_rules_by_id() -> dict:
    return {rule.id: rule for rule in load_rules().rules}


@pytest.mark.parametrize(
    ("locale", "number"),
    [
        ("US", "911"),
        ("CA", "911"),
        ("GB", "999"),
        ("UK", "999"),
        ("en-GB", "999"),
        ("en_us", "911"),
        ("IE", "112"),
        ("DE", "112"),
        ("EU", "112"),
        ("AU", "000"),
        ("NZ", "111"),
        ("IN", "112"),
        ("ZZ", "112"),
        ("", "112"),
    ],
)
def test_it_tells_the_local_emergency_number(locale: str, number: str) -> None:
    result = triage("she fell down and is not breathing", locale=locale)
    assert result.emergency_number == number
    assert f"Call {number} now" in result.message


@pytest.mark.parametrize(
    ("locale", "crisis"),
    [
        ("US", "988"),
        ("CA", "988"),
        ("GB", "116 123"),
        ("IE", "116 123"),
        ("AU", "13 11 14"),
    ],
)
def test_it_gives_the_crisis_line_for_suicidal_intent(locale: str, crisis: str) -> None:
    result = triage("I want to kill myself", locale=locale)
    assert result.level == "emergency"
    assert result.crisis_line is not None and crisis in result.crisis_line
    assert crisis in result.message


def test_it_has_no_crisis_line_for_an_unknown_locale_but_still_says_where_to_turn() -> None:
    result = triage("I want to kill myself", locale="ZZ")
    assert result.crisis_line is None
    assert "112" in result.message
    assert "None" not in result.message
    assert "crisis line" in result.message


def test_it_sends_gb_readers_to_nhs_111_for_urgent_problems() -> None:
    result = triage("high fever that won't come down", locale="GB")
    assert result.level == "urgent"
    assert "111" in result.message


def test_it_leaves_no_placeholder_unfilled() -> None:
    for rule in load_rules().rules:
        for locale in ("US", "GB", "ZZ"):
            numbers = numbers_for(locale)
            text = rule.message.format(**numbers.placeholders())
            assert "{" not in text, rule.id
            assert "None" not in text, rule.id


def test_it_is_a_frozen_result() -> None:
    result = triage("anaphylactic shock")
    assert isinstance(result, TriageResult)
    with pytest.raises(AttributeError):
        result.level = None  # type: ignore[misc]


def test_it_loads_the_rules_once() -> None:
    assert load_rules() is load_rules()


def test_it_copes_with_long_and_odd_input() -> None:
    text = ("my leg hurts " * 80) + "\x00\u200b\U0001f600 and I can't breathe"
    assert triage(text).level == "emergency"
