"""Emergencies told in passing, while the reader asks about something else, and the harmless
look-alikes told the same way (issue 10, ninth pass). Every sentence is written for this test;
none is from a labelled set."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_read_as


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [
        # NHS Burns and scalds: white, charred, leathery or painless skin is a deep burn (A&E).
        (
            "which cream is best? the frying pan went up in flames, I grabbed the handle and "
            "my palm has gone white and leathery",
            "emergency",
            "burn-by-fire-deep-skin",
        ),
        # NHS: call 999 for someone who cannot be woken or will not respond.
        ("who do we ring about the noise, we cannot get him to respond", "emergency", ""),
        # Samaritans / NHS warning signs: pills stockpiled for a plan.
        (
            "how do I cancel my gym, she has the pills saved up for tonight",
            "emergency",
            "suicide-plan-with-tablets",
        ),
        # NHS Hearing loss, NICE NG98: sudden hearing loss is seen the same day.
        (
            "can I still go swimming? woke up this morning totally deaf in my right ear",
            "urgent",
            "sudden-hearing-loss",
        ),
        # NHS Eye injuries: something hitting the eye at speed (a strimmer) is A&E; "no goggles
        # and" does not deny what follows a new subject.
        (
            "is it ok to drive? no glasses on and something shot into her eye from the strimmer",
            "emergency",
            "eye-hit-at-speed",
        ),
    ],
)
def test_the_danger_in_an_aside_is_read(text, level, rule):
    assert_read_as(text, level, rule)


@pytest.mark.parametrize(
    "text",
    [
        "the scouts did a lifesaving drill pulling a drowning swimmer out, what should they wear",
        "at the training day we used trainer pens on a colleague pretending her lips had "
        "swollen up, can I keep one",
        "my brother keeps joking that he overdosed on sweets, how much sugar is too much",
        "my 8 year old burned his finger on a candle, small red mark, plaster or not",
    ],
)
def test_the_same_words_in_harmless_asides_do_not_alarm(text):
    assert triage(text, locale="GB").level != "emergency"


def test_an_eye_that_cannot_see_out_of_it_is_not_a_confused_mind():
    result = triage("my eye is so swollen I cannot see out of it", locale="GB")
    assert "new-confusion" not in result.rule_ids
