"""Fiction, training and idioms share an emergency's words without being one; a real emergency
told beside them is still one. Our own examples, written for this suite."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

E = "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "in the TV drama the dad collapsed with a heart attack, is that realistic",
        "the nurse on the course showed us how to use an EpiPen on a dummy",
        "my first aid course covers choking next week, any tips",
        "my character in the novel has a seizure in chapter two",
        "how to do CPR on a first aid course",
        "hay fever is bad this week, itchy eyes and sneezing",
        "how many chest compressions a minute in CPR, revising for my first aid course",
    ],
)
def test_fiction_training_and_idioms_are_not_emergencies(text):
    assert triage(text).level != E, triage(text).rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "my dad collapsed at his first aid course and isn't breathing",
        "at the first aid class a woman collapsed and is unconscious",
        "of course he is not breathing, what do I do",
        "we were watching a film when my husband collapsed and he won't wake up",
        "hay fever season but now a high fever of 39.5 and a stiff neck",
    ],
)
def test_a_real_emergency_beside_them_still_is_one(text):
    assert triage(text).level == E, triage(text).rule_ids
