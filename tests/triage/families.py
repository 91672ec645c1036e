"""Checks shared by the test modules that list presentations: by family (rules alone), or by
level and rule (both detectors, as readers get them)."""

from __future__ import annotations

from symptomdb.triage import load_rules, triage

E = "emergency"


def families(rule_ids: list[str]) -> set[str]:
    """The families of the rules that fired (rule ids the rule set does not know are skipped)."""
    family = {rule.id: rule.family for rule in load_rules().rules}
    return {family[i] for i in rule_ids if i in family}


def assert_emergency_of_family(text: str, family: str) -> None:
    result = triage(text, semantic=False)
    assert result.level == E, (text, result.rule_ids)
    assert family in families(result.rule_ids), (text, result.rule_ids)


def assert_not_emergency(text: str) -> None:
    result = triage(text, semantic=False)
    assert result.level != E, (text, result.rule_ids)


def assert_no_same_day(text: str) -> None:
    """Rules alone: neither an emergency nor a same-day (urgent) answer."""
    result = triage(text, semantic=False)
    assert result.level not in (E, "urgent"), (text, result.rule_ids)


def assert_same_day_of_family(text: str, family: str) -> None:
    result = triage(text, semantic=False)
    assert result.level in (E, "urgent"), (text, result.rule_ids)
    assert family in families(result.rule_ids), (text, result.rule_ids)


def assert_read_as(text: str, level: str, rule: str = "") -> None:
    """Both detectors, in GB: ``text`` gets ``level``, and ``rule`` among its rules if given."""
    result = triage(text, locale="GB")
    assert result.level == level, (text, result)
    assert not rule or rule in result.rule_ids, (text, result.rule_ids)


def assert_emergency_or_not(text: str, emergency: bool) -> None:
    """Both detectors, in GB: ``text`` is called an emergency exactly when ``emergency``."""
    result = triage(text, locale="GB")
    assert (result.level == "emergency") is emergency, (text, result.level, result.rule_ids)


def assert_same_day_or_not(text: str, same_day: bool) -> None:
    """Both detectors, in GB: same day is "urgent" exactly; not same day is neither urgent nor an
    emergency."""
    result = triage(text, locale="GB")
    expected: set[str | None] = {"urgent"} if same_day else {None, "self_care", "routine"}
    assert result.level in expected, (text, result.level, result.rule_ids)
