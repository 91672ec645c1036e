"""A birth that will not wait is an emergency when labour or pregnancy is in the text; the same
words about an appointment or a pet are not (rules.yaml: imminent_birth, birth_near_in_labour).
Our own examples, written for this suite."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage


@pytest.mark.parametrize(
    "text",
    [
        "my wife is in labour and I can see the head",
        "contractions are 2 minutes apart and we won't make it to the hospital",
        "I'm 39 weeks pregnant and I think the head is coming",
        "the baby's head is coming out and the midwife isn't here",
    ],
)
def test_a_birth_before_hospital_is_an_emergency(text):
    assert triage(text).level == "emergency", triage(text).rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "the puppy's head is out of the fence again",
        "traffic is terrible, we won't make it to the hospital in time for my scan appointment",
        "the tortoise's head is coming out of its shell at last",
    ],
)
def test_the_same_words_without_labour_are_not(text):
    assert triage(text).level != "emergency", triage(text).rule_ids
