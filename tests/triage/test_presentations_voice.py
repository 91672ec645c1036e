"""Emergencies told the way people dictate them or type them in a rush (2026-12-02, third round).

Our own sentences, written from the guidance each rule cites (Resuscitation Council UK adult
bradycardia algorithm and the British Heart Foundation on bradycardia; NHS Necrotising
fasciitis; NHS Deep vein thrombosis; NHS Appendicitis; NHS Your baby's movements), in words
readers use; none is taken from a benchmark set.
The rules alone: the semantic detector has its own tests (test_semantic.py).
"""

from __future__ import annotations

import pytest

from symptomdb.triage.quantities import read_quantities
from symptomdb.triage.reading import analyse

from .families import assert_emergency_of_family, assert_not_emergency, assert_same_day_of_family

NF = "necrotising_fasciitis"

EMERGENCIES = [
    # A slow rate the reader measured, with an adverse feature.
    ("grandad's pulse is 36 and he keeps going dizzy like he'll pass out", "slow_heart_rate"),
    ("the care home monitor says heart rate 41 and she's got chest pain", "slow_heart_rate"),
    ("my heart rates 38 on my watch and i'm really short of breath", "slow_heart_rate"),
    # Pain far beyond what the wound looks like; skin turning purple with a fever.
    ("scraped my shin on a step yesterday and the pain is much worse than it looks", NF),
    ("the wound on his hand has a fever with it now and the skin is turning purple", NF),
    # Appendix pain that began at the belly button and has spread, told at a speaker's length.
    (
        "it started near my belly button this morning and now it has spread all over my belly",
        "appendicitis",
    ),
    (
        "really bad pain in my stomach since lunch and i think i'm going to be sick and my belly "
        "has gone hard as a board",
        "abdominal_pain",
    ),
]

NOT_EMERGENCIES = [
    # A slow pulse in someone well, or after effort.
    "my resting pulse is 46, i cycle a lot and feel fine",
    "heart rate 48 asleep according to my watch, no symptoms at all",
    # Too much of a drink that is not alcohol.
    "drank too much coffee before my exam and now my heart is pounding a bit",
    # A bruise around a cut is purple too.
    "cut my knee falling off my bike and the skin around it has gone purple",
]


@pytest.mark.parametrize(("text", "family"), EMERGENCIES)
def test_an_emergency_of_its_family(text: str, family: str) -> None:
    assert_emergency_of_family(text, family)


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_not_an_emergency(text: str) -> None:
    assert_not_emergency(text)


def test_a_heart_rate_with_its_apostrophe_lost_is_still_a_heart_rate() -> None:
    found = read_quantities(analyse("his heart rates 39").words)
    assert [(q.measure, q.value) for q in found] == [("heart_rate", 39.0)]


def test_the_baby_named_by_a_pronoun_in_a_pregnancy_is_still_the_baby() -> None:
    assert_same_day_of_family(
        "i'm 30 weeks pregnant and i haven't felt him move all day", "reduced_baby_movements"
    )
    # Without a pregnancy, "him" is anyone.
    assert_not_emergency("i haven't felt him move since he nodded off in his chair")


def test_a_calf_that_is_hot_and_swollen_is_a_leg() -> None:
    # The deep vein thrombosis rule belongs to the pulmonary embolism family (its next step).
    assert_same_day_of_family("my calf is hot and swollen since the flight", "pulmonary_embolism")
