"""Issue 10, nineteenth pass: presentations learnt from the tuning halves' misses, each written
here in our own words from the guidance named beside its rule in rules.yaml (none is a line of
any labelled set)."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Transient ischaemic attack: speech or an eye's sight gone for a spell, then back.
        (True, "for about ten minutes I couldn't talk at all, then it passed"),
        (True, "the sight in my right eye went black, it came back after 2 minutes"),
        (True, "lost half my vision on the bus this morning, all back to normal now"),
        (True, "words were coming out wrong for a few minutes, then it all went away"),
        # NHS Epilepsy: a bystander sees a fall and then jerking.
        (True, "a teenager dropped on the platform and is twitching"),
        # NHS Appendicitis: the pain spreads across the tummy.
        (True, "right sided belly pain since yesterday and now it has moved all over my stomach"),
        (True, "appendix pain since Monday, now it's all across my tummy"),
        # NHS Sepsis: not knowing the day, with a fever.
        (True, "kidney infection, 39.4 and today she didn't know what year it was"),
        # NHS Sudden severe headache: from nothing to the worst in under a minute.
        (True, "my head went from zero to agony in under a minute while lifting"),
        # NHS Priapism: still hard hours after an erection medicine.
        (True, "had sildenafil at 10pm and I'm still hard and it hurts at 5am"),
        # NHS Help for suicidal thoughts: the means ready and the intent to use them.
        (True, "he has bought a gun and says he is going to use it tonight"),
        # Everyday uses of the same words.
        (False, "my vision went blurry for a few minutes after standing up, then it went away"),
        (False, "I had a TIA two years ago, what should my blood pressure be?"),
        (False, "period cramps low on the right that spread round my lower back every month"),
        (False, "temp spiked to 38.2 last night, paracetamol brought it down, eating fine"),
        (False, "got the rope ready for the tree swing, going to use it this weekend"),
        (False, "took a viagra last night, no problems, all normal this morning"),
        (False, "my neighbour's old shed collapsed in the storm"),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    result = triage(text, locale="GB")
    assert (result.level == "emergency") is emergency, (text, result.level, result.rule_ids)


def test_a_fever_that_spiked_is_not_a_spiked_drink() -> None:
    """ "Spiked" said of a temperature is a fever's peak; the drugs message would mislead."""
    result = triage("temp spiked to 103 overnight and now she is not making sense", locale="GB")
    assert result.level == "emergency"
    assert not any(rule.startswith("recreational-drugs") for rule in result.rule_ids)
