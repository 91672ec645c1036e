"""Emergencies told by the people who look after older relatives, and symptoms written as a list
or a timeline (issue 10, tenth pass), with the look-alikes told the same way. Every sentence is
written for this test; none is from a labelled set."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_read_as


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [
        # NICE NG51: with an infection, a systolic blood pressure of 90 or less is high risk.
        (
            "feels shivery and feverish, bp 88/52 on her home monitor",
            "emergency",
            "sepsis-infection-low-blood-pressure",
        ),
        # AACE, RCEM and BGS: hours on the floor (a "long lie") is a 999 call.
        (
            "grandad has been lying on the bathroom floor since last night",
            "emergency",
            "long-lie-hours-on-the-floor",
        ),
        (
            "she is on the landing floor and cannot get herself up",
            "emergency",
            "on-the-floor-cannot-get-up",
        ),
        # NHS Hip fracture: after a fall, a leg that looks shorter is a broken hip until shown not.
        (
            "nan tripped on the rug and now that leg looks shorter than the other one",
            "emergency",
            "hip-fracture-leg-shortened-or-turned",
        ),
        # NHS Choking; American Red Cross: hands at the throat and no sound.
        (
            "he is grabbing his throat after a bite of steak and no sound is coming out",
            "emergency",
            "airway-throat-clutched-cannot-breathe",
        ),
        # NHS Burns and scalds: a scald that leaves white skin is deep (A&E).
        (
            "the kettle tipped over her foot and the skin there has gone white",
            "emergency",
            "burn-scald-deep",
        ),
        # NHS: Help for suicidal thoughts; Samaritans: a plan, and talk of being a burden.
        (
            "he says he is going to take all his tablets tonight, he doesn't want to be a burden",
            "emergency",
            "suicide-despair-or-goodbye-with-plan",
        ),
        # Delirium: confusion that came on within hours is a 999 call.
        (
            "mum was fine at breakfast and is now picking at the air and not making sense",
            "emergency",
            "new-confusion-sudden",
        ),
        # NHS Febrile seizures: a second fit in the same illness.
        ("fever fit this morning, then another fit just now, she is 18 months", "emergency", ""),
        # NHS Pulmonary embolism: after a long journey, breathless with pain on breathing in.
        (
            "since the long haul flight I'm breathless and it hurts to breathe in",
            "emergency",
            "pulmonary-embolism-risk-and-breathless",
        ),
        # NHS Mastitis: a red, painful breast with a fever or flu-like feeling, seen today.
        (
            "breastfeeding, right breast hot and swollen, shivery and achy all over",
            "urgent",
            "mastitis-breast-and-fever",
        ),
        # NHS Hearing loss, NICE NG98: hearing lost suddenly in one ear, seen the same day.
        (
            "woke up and cannot hear in my left ear, it is all muffled",
            "urgent",
            "sudden-hearing-loss",
        ),
        # A form's "no" after a sign of life is its absence: unconscious is a 999 call.
        ("found him in his chair / conscious: no / breathing: yes", "emergency", ""),
        # NHS Dehydration: peeing less with diarrhoea.
        ("diarrhoea since Tuesday / only peed once today / dizzy", "urgent", ""),
        # NHS Premature labour: signs of labour before 37 weeks, the maternity unit now.
        (
            "32 weeks / contractions every 6 minutes / back ache",
            "urgent",
            "labour-signs-before-37-weeks",
        ),
    ],
)
def test_the_danger_is_read(text, level, rule):
    assert_read_as(text, level, rule)


@pytest.mark.parametrize(
    "text",
    [
        "we sat on the floor all afternoon doing a jigsaw, my knees ache",
        "I'm going to take all my antibiotics like the GP said, is a probiotic worth it",
        "I don't want to be a burden on my daughter, are there carers who do shopping",
        "her hearing aid battery is flat so everything sounds muffled to her",
        "after the long haul flight my ankles are a bit puffy, no pain, breathing fine",
        "the hot water here leaves white marks on the sink, is it bad for my skin",
    ],
)
def test_the_look_alikes_are_not_emergencies(text):
    assert triage(text, locale="GB").level != "emergency"
