"""rules.yaml is content: every rule is complete, sourced and covers the required families."""

from __future__ import annotations

import pytest

from symptomdb.triage import load_rules
from symptomdb.triage.ruleset import RuleSetError, build_ruleset, concept_names

REQUIRED_FAMILIES = {
    "stroke",
    "heart_attack",
    "aortic_dissection",
    "pulmonary_embolism",
    "anaphylaxis",
    "breathing",
    "collapse",
    "seizure",
    "bleeding",
    "vomiting_blood",
    "coughing_blood",
    "gut_bleeding",
    "meningitis",
    "thunderclap_headache",
    "head_injury",
    "suicide",
    "overdose",
    "poisoning",
    "burns",
    "testicular_torsion",
    "cauda_equina",
    "pregnancy",
    "tetanus",
    "sepsis",
    "seriously_ill_child",
}


def test_it_covers_every_required_family_with_an_emergency_rule() -> None:
    emergency_families = {r.family for r in load_rules().rules if r.level == "emergency"}
    assert emergency_families >= REQUIRED_FAMILIES


def test_it_has_urgent_routine_and_self_care_rules() -> None:
    levels = {r.level for r in load_rules().rules}
    assert levels == {"emergency", "urgent", "routine", "self_care"}


def test_it_tells_every_emergency_to_call_the_emergency_number() -> None:
    for rule in load_rules().rules:
        if rule.level == "emergency":
            assert "{emergency_number}" in rule.message, rule.id


def test_it_gives_the_crisis_line_for_suicidal_intent() -> None:
    rules = {r.id: r for r in load_rules().rules}
    assert "{crisis_line}" in rules["suicidal-intent"].message


def test_it_sources_every_rule() -> None:
    for rule in load_rules().rules:
        assert rule.sources, rule.id
        for source in rule.sources:
            assert source.title and source.url.startswith("https://"), rule.id


def test_it_uses_every_concept() -> None:
    ruleset = load_rules()
    used = concept_names(ruleset.rules)
    # A quantity read through a concept's `measured:` (bp_very_high: 180/120 or more) is used.
    used |= {m for measures in ruleset.measured_as.values() for m in measures}
    included_only = {
        "child",
        "pain",
        "fever",
        "breathless",
        "blood",
        "medicine",
        "confusion",
        "will_not_rouse",
        "peeing_lots",
        "confused_word",
        "delusions",
        "low_white_cell_sign",
        "changed_since_knock",
        "fast_heart",
        "sport_played",
        "sting",
        "cannot_stay_awake",
    }
    named = {n for n in ruleset.concepts if ":any" not in n}
    assert named - used - included_only == set()


def _minimal(**rule: object) -> dict:
    base = {
        "id": "r",
        "family": "f",
        "level": "emergency",
        "all": ["c"],
    }
    base.update(rule)
    return {
        "concepts": {"c": ["chest"]},
        "families": {
            "f": {
                "message": "Call {emergency_number}",
                "source": [{"name": "NHS", "url": "https://www.nhs.uk/"}],
            }
        },
        "rules": [base],
    }


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"level": "critical"}, "level must be one of"),
        ({"all": ["nope"]}, "concept 'nope'"),
        ({"family": "nope"}, "family 'nope'"),
        ({"message": "Call {number}"}, "unknown placeholder"),
        ({"all": []}, "give its pattern"),
        ({"source": [{"name": "x", "url": "http://insecure"}]}, "https://"),
        ({"any_except": ["killing myself laughing"]}, "needs an any: list"),
    ],
)
def test_it_rejects_a_malformed_rule(change: dict, complaint: str) -> None:
    with pytest.raises(RuleSetError, match=complaint):
        build_ruleset(_minimal(**change))


def test_it_refuses_a_rule_without_a_source_on_it_or_its_family() -> None:
    data = _minimal()
    del data["families"]["f"]["source"]
    with pytest.raises(RuleSetError, match="rule r: needs a source"):
        build_ruleset(data)


def test_it_rejects_duplicate_rule_ids() -> None:
    data = _minimal()
    data["rules"].append(dict(data["rules"][0]))
    with pytest.raises(RuleSetError, match="unique"):
        build_ruleset(data)


def test_it_rejects_a_concept_measured_by_something_that_is_not_a_quantity() -> None:
    data = _minimal()
    data["concepts"]["c"] = {"terms": ["chest"], "measured": ["c"]}
    with pytest.raises(RuleSetError, match="measured 'c' is not a quantity"):
        build_ruleset(data)


def test_a_concept_is_said_by_the_measurements_of_the_concepts_it_includes() -> None:
    """ "infection" includes "fever", so a temperature read as a number says it as "fever" does."""
    data = _minimal(all=["infection", "breathless"])
    data["concepts"] = {
        "fever": {"measured": ["temp_38"], "terms": ["fever"]},
        "temp_38": {"quantity": "temperature_c", "at_least": 38},
        "infection": {"include": ["fever"], "terms": ["infection"]},
        "breathless": ["breathing fast"],
    }
    rules = build_ruleset(data)
    fired = [f.rule.id for f in rules.read_text("she is 39.4 and breathing fast")[1].firings]
    assert fired == ["r"]
    assert rules.read_text("she is 37.1 and breathing fast")[1].firings == []
