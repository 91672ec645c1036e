"""Emergencies told in a reader's own words, without the condition's name (2026-12-03).

Our own sentences, written from the guidance each rule cites (American Red Cross and NHS
Choking; NHS Head injury and concussion; NHS Stomach ache; NHS Burns and scalds; NHS Broken
leg; NHS Necrotising fasciitis; NHS Is your baby or toddler seriously ill; the UK ambulance
services' falls advice (AACE, RCEM and BGS); NHS Acute pancreatitis and Abdominal aortic
aneurysm; NHS Postpartum psychosis), in the words readers use; none is taken from a benchmark
set. The rules alone.
"""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import (
    assert_emergency_of_family,
    assert_not_emergency,
    assert_same_day_of_family,
)

EMERGENCIES = [
    # Hands at the throat, no cough or voice.
    ("my dad clutched at his throat while eating steak and can't talk", "airway"),
    # Knocked out when thrown from a bike or in a crash (A&E even if awake now).
    ("my son was knocked out when he came off his scooter", "head_injury"),
    ("she was knocked out in the car crash but seems ok now", "head_injury"),
    # Sudden, severe tummy pain, the onset told after how bad it is.
    (
        "the worst pain in my tummy, can barely move, it started suddenly about twenty minutes ago",
        "abdominal_pain",
    ),
    # A burn by flame, the skin white or charred, in all but the word "burn".
    ("the barbecue went up in flames and his arm is white and waxy where it caught", "burns"),
    # A leg bent the wrong way with the foot gone cold.
    ("after the fall her leg is bent sideways below the knee and her foot is cold", "broken_bone"),
    # Pain far out of proportion to a red patch.
    (
        "red area on my arm and the pain is out of proportion to how it looks",
        "necrotising_fasciitis",
    ),
    # A toddler as limp as a rag doll.
    ("my 18 month old went like a rag doll in my arms", "seriously_ill_child"),
    # On the floor for hours, or fallen and cannot be got up.
    ("found my neighbour on the floor for hours, she's shivering", "long_lie"),
    ("grandad tripped over the rug and we can't get him up", "long_lie"),
    # Severe central tummy pain through to the back.
    ("severe pain in the middle of my stomach that goes through to my back", "pancreatitis"),
    # Psychosis in the weeks after a birth.
    (
        "my partner gave birth 2 weeks ago and now she's paranoid and hearing voices",
        "postpartum_psychosis",
    ),
    # A blood pressure of 180/120 or more with a warning symptom (AHA).
    ("my bp is 196/124 and my vision has gone blurred", "hypertensive_crisis"),
]

NOT_EMERGENCIES = [
    # Knocked out as an idiom of sleep or delight.
    "the cold medicine knocked me out for the whole afternoon",
    # A slip someone got up from.
    "slipped on the ice, got up straight away, bruised my hip a bit",
    # Cannot get up in the morning: tiredness, not a fall.
    "i've been so tired i can't get up in the mornings",
    # A burn-free fire and a worry about a condition's name.
    "the toast caught fire but nobody was hurt",
    "gave birth last week and read about postpartum psychosis, what should I look out for",
    # A mild back ache beside a mild tummy ache.
    "a bit of a stomach ache and my back aches from the gym",
    # A grown-up's age is not a child's: a bruise on an adult's shin is a bruise.
    "a 52 year old with a purple bruise on her knee from the coffee table",
    # A clinician's list of denials, closed with "and".
    "he has a sore throat and denies fever, drooling, stridor and difficulty swallowing",
    # An arm that went dead from lying on it and has come back, checked and normal.
    "my arm went numb lying on it overnight, the feeling came back and my face and speech are fine",
    # A raised reading on its own, out of pregnancy: a doctor today, not 999.
    "bp 182/121 on my home monitor, no symptoms",
]

SAME_DAY = [
    # The usual kicks not felt since yesterday (NHS: Your baby's movements).
    ("31 weeks, haven't felt the normal kicks since yesterday", "reduced_baby_movements"),
    # A reading of 140/90 or more in pregnancy (NICE NG133).
    ("I'm 33 weeks pregnant and my blood pressure at home is 146/96", "pre_eclampsia"),
    # A one-sided blistering rash with the eye on that side red (NHS Shingles).
    ("blisters on one side of my forehead and the eye on that side is red", "shingles"),
]


@pytest.mark.parametrize(("text", "family"), EMERGENCIES)
def test_an_emergency_of_its_family(text: str, family: str) -> None:
    assert_emergency_of_family(text, family)


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_not_an_emergency(text: str) -> None:
    assert_not_emergency(text)


@pytest.mark.parametrize(("text", "family"), SAME_DAY)
def test_same_day_help_of_its_family(text: str, family: str) -> None:
    assert_same_day_of_family(text, family)


def test_a_raised_reading_alone_is_for_a_doctor_today() -> None:
    result = triage("bp 182/121 on my home monitor, no symptoms", semantic=False)
    assert result.level == "urgent", result.rule_ids
