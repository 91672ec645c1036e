"""Context may only silence a finding when that is clear within the finding's own clause."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage
from symptomdb.triage.context import normal_signs, triggers
from symptomdb.triage.reading import analyse, normalise
from symptomdb.triage.ruleset import RuleSet, build_ruleset


@pytest.mark.parametrize(
    "text",
    [
        "I don't think she's breathing",
        "i dont think my dad is breathing",
        "never felt pain like this in my chest, it's heavy and going down my arm",
        "I have never had chest pain this bad, crushing and spreading to my jaw",
        "what does it mean if I have heavy chest pain and sweating",
        "is it serious when my face drops on one side and my arm goes weak",
        "what does it mean if my chest feels crushed and I am sweating",
        # No "I" or "my": the body part alone says whose it is.
        "what does it mean when one testicle suddenly hurts a lot and sits higher than the other",
        "what does it mean when half the face drops and an arm goes weak",
        "what does it mean if vomit looks like coffee grounds",
        "I think I'm having a heart attack after climbing the stairs",
        "I used to get migraines but now I have the worst headache of my life",
        # "in the last month" is a stretch up to now, not the past ("last month" is).
        "he has had three fits in the last month and is fitting again now",
    ],
)
def test_it_keeps_a_report_that_looks_like_negation_history_or_a_question(text: str) -> None:
    assert triage(text).level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "what are the signs of a stroke",
        "my dad had a stroke last year",
        "I have never had a seizure",
        "no chest pain, just a cough",
        "how do you know if someone is having a heart attack",
        "can anxiety cause chest tightness",
    ],
)
def test_it_still_silences_what_is_clearly_not_a_report(text: str) -> None:
    assert triage(text).level != "emergency"


def test_a_belief_in_the_negative_reads_as_the_finding() -> None:
    assert normalise("I don't think he's breathing") == "i he is not breathing"
    assert normalise("we do not believe that the baby is moving") == "we the baby is not moving"
    # "Can" and the "not" it gains read as the reader would have typed them.
    assert normalise("I don't think he can move his legs") == "i he cannot move his legs"


def _one_rule(concepts: dict[str, list[str]], finding: str, **keys: list[str]) -> RuleSet:
    """A rule set of one emergency rule on ``finding``, with ``keys`` such as ``unless``."""
    source = [{"name": "s", "url": "https://s"}]
    rule = {"id": "r", "family": "f", "level": "emergency", "all": [finding], **keys}
    return build_ruleset(
        {
            "concepts": concepts,
            "families": {"f": {"message": "m", "source": source}},
            "rules": [rule],
        }
    )


def test_an_exception_speaks_for_its_own_clause_only() -> None:
    concepts = {"breathless": ["cannot breathe"], "nose": ["blocked nose"]}
    rules = _one_rule(concepts, "breathless", unless=["nose"])
    assert not rules.evaluate(analyse("cannot breathe through blocked nose"))
    assert rules.evaluate(analyse("he had a blocked nose. now he cannot breathe at all"))


def test_a_known_cause_counts_told_as_the_past_but_not_denied() -> None:
    concepts = {"droop": ["face drooping"], "palsy": ["diagnosed with bell palsy"]}
    rules = _one_rule(concepts, "droop", unless_known=["palsy"])
    assert not rules.evaluate(analyse("diagnosed with bell's palsy last month, face drooping"))
    assert rules.evaluate(analyse("face drooping, never diagnosed with bell's palsy"))


def test_a_condition_lived_with_holds_when_told_as_the_past_and_a_treatment_does_not() -> None:
    source = [{"name": "s", "url": "https://s"}]
    rules = build_ruleset(
        {
            "about_the_person": ["sickle", "chemo"],
            "lifelong_conditions": ["sickle"],
            "concepts": {"sickle": ["sickle cell"], "chemo": ["chemo"], "fever": ["fever"]},
            "families": {"f": {"message": "m", "source": source}},
            "rules": [
                {"id": "s", "family": "f", "level": "emergency", "all": ["sickle", "fever"]},
                {"id": "c", "family": "f", "level": "emergency", "all": ["chemo", "fever"]},
            ],
        }
    )
    fired = rules.evaluate(analyse("I've had sickle cell all my life and now I have a fever"))
    assert [f.rule.id for f in fired] == ["s"]
    assert not rules.evaluate(analyse("I had chemo years ago and now I have a fever"))


def test_a_recent_stretch_is_not_the_past() -> None:
    assert triage("I've blacked out twice in the past month", semantic=False).level == "urgent"
    assert triage("I blacked out last month at a party, fine since", semantic=False).level is None


@pytest.mark.parametrize(
    "text",
    [
        "I had fits when I was 6 and none since",
        "my brother had croup when he was little",
        "they both had asthma attacks when they were kids",
    ],
)
def test_childhood_is_history_whoever_it_was(text: str) -> None:
    assert triage(text, locale="GB", semantic=False).level is None, text


def test_a_clause_about_now_is_not_childhood() -> None:
    text = "she is having a seizure now, it started when she was eating"
    assert triage(text, locale="GB", semantic=False).level == "emergency"


def test_trigger_lists_spell_out_their_choices_as_rules_do() -> None:
    # context.yaml "breathing (is|sounds|looks|seems) (normal|fine|...)" is one line for many.
    assert ("breathing", "sounds", "calm") in triggers().normal_signs
    doc = analyse("she is breathing comfortably now")
    assert [doc.words[i] for i in sorted(normal_signs(doc))] == ["breathing", "comfortably"]
