from __future__ import annotations

import pytest

from symptomdb.insights.privacy import looks_personal


@pytest.mark.parametrize(
    "text",
    [
        "rash sam.jones@example.org",
        "headache call me on 07700 900123",
        "chest pain +1 (555) 010-9999",
        "dizzy born 12/03/1961",
        "fever dob 1961-03-12",
        "cough since 4th March 1990",
        "my name is Priya and my knee hurts",
        "itchy eyes for Mrs Okafor",
        "pain in the leg of John Smith",
        "nhs number 943 476 5919 back pain",
        # The email pattern's edges: one character either side is enough.
        "a@b.c",
        "rash from jo (AT) example",
        "sore throat jo[at]nhs",
        # Digits of any script: the gate before the phone and date patterns is their \d.
        "cramp ٠٧٧٠٠٩٠٠١٢٣",
        "dob",
    ],
)
def test_it_finds_what_looks_personal(text):
    assert looks_personal(text)


@pytest.mark.parametrize(
    "text",
    [
        "muscle cramps at night",
        "ms fatigue",
        "Crohn's Disease Flare Up",
        "headache for 3 days",
        "vitamin b12 deficiency",
        "covid 19 loss of smell",
        "pain after 2 weeks",
        "pain @ night",
        "rash at the back",
    ],
)
def test_it_leaves_symptom_searches_alone(text):
    assert not looks_personal(text)
