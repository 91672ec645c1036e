"""The red flags a symptom page shows, read from the rule families (rules.yaml)."""

from __future__ import annotations

import pytest

from symptomdb.triage.red_flags import red_flags_for
from symptomdb.triage.ruleset import RuleSetError, build_ruleset, load_ruleset

CHEST_PAIN = [("HPO", "HP:0100749"), ("ICD10CM", "R07.9")]


def test_chest_pain_gets_its_emergencies_before_its_same_day_line():
    flags = red_flags_for(CHEST_PAIN, locale="US")
    levels = [f.level for f in flags]
    assert levels == sorted(levels, key=["emergency", "urgent"].index)
    families = [f.family for f in flags]
    assert {"heart_attack", "chest_pain"} <= set(families)
    heart = flags[families.index("heart_attack")]
    assert heart.text.startswith("Call 911 now if ")
    assert heart.text.endswith(".")
    assert all(s.url.startswith("https://") for s in heart.sources)


def test_each_family_line_appears_once_though_two_codes_name_it():
    families = [f.family for f in red_flags_for(CHEST_PAIN)]
    assert len(families) == len(set(families))


def test_the_readers_country_gives_the_numbers():
    flags = red_flags_for([("ICD10CM", "R07.9")], locale="GB")
    assert any(f.text.startswith("Call 999 now if") for f in flags)
    urgent = [f for f in flags if f.level == "urgent"]
    assert urgent and "111" in urgent[0].text


def test_a_code_no_family_concerns_has_no_red_flags():
    assert red_flags_for([("ICD10CM", "L60.0")]) == []  # ingrowing nail


def test_every_family_with_red_flags_has_a_rule_and_a_source():
    rules = load_ruleset()
    with_rules = {rule.family for rule in rules.rules}
    for flags in rules.red_flags.values():
        for flag in flags:
            assert flag.family in with_rules
            assert flag.sources


def _ruleset_with_family(**family: object) -> None:
    build_ruleset(
        {
            "concepts": {"pain": ["pain"]},
            "families": {
                "chest": {
                    "message": "Call {emergency_number} now.",
                    "source": [{"name": "Guidance", "url": "https://example.org/g"}],
                    **family,
                }
            },
            "rules": [{"id": "r", "family": "chest", "level": "emergency", "all": ["pain"]}],
        }
    )


@pytest.mark.parametrize(
    ("family", "says"),
    [
        ({"concerns": ["R07.9"], "red_flags": [{"level": "urgent", "when": "x"}]}, "R07.9"),
        ({"concerns": ["HP:123"], "red_flags": [{"level": "urgent", "when": "x"}]}, "HP:123"),
        ({"concerns": ["ICD10CM:R07.9"], "red_flags": [{"level": "soon", "when": "x"}]}, "level"),
        ({"concerns": ["ICD10CM:R07.9"], "red_flags": [{"level": "urgent"}]}, "when:"),
        ({"concerns": ["ICD10CM:R07.9"]}, "both"),
    ],
)
def test_a_malformed_family_fails_the_rules_check_naming_the_family(family, says):
    with pytest.raises(RuleSetError, match="family chest") as error:
        _ruleset_with_family(**family)
    assert says in str(error.value)
