from __future__ import annotations

import pytest

from symptomdb.language.spelling import us_spelling
from symptomdb.terminology.text import key, name_variants


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("diarrhoea", "diarrhea"),
        ("oesophagus", "esophagus"),
        ("haemorrhage", "hemorrhage"),
        ("anaemia", "anemia"),
        ("oedema", "edema"),
        ("tumour", "tumor"),
        ("paralysed", "paralyzed"),
        ("centre", "center"),
        # ordinary words the patterns must leave alone
        ("four", "four"),
        ("hour", "hour"),
        ("toes", "toes"),
        ("does", "does"),
    ],
)
def test_it_folds_british_spellings(british, american):
    assert us_spelling(british) == american


def test_a_key_ignores_case_plural_spelling_and_nos():
    assert key("Muscle Spasms") == key("muscle spasm")
    assert key("Diarrhoea NOS") == key("Diarrhea")
    assert key("Gastro-oesophageal reflux") == key("gastro esophageal reflux")


@pytest.mark.parametrize(
    ("name", "variant"),
    [
        ("Pain in right elbow", "elbow pain"),
        ("Headache, unspecified", "headache"),
        ("Muscle spasm of back", "back muscle spasm"),
        ("Sleepwalking [somnambulism]", "sleepwalking"),
        ("Stiffness of elbow, not elsewhere classified", "elbow stiffness"),
        ("Abnormal weight loss", "weight loss"),
    ],
)
def test_classification_names_have_plain_variants(name, variant):
    assert variant in name_variants(name)
