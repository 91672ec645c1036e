"""A leaflet's lay phrase is found as a phrase, whatever the form of its verb and whichever
pronoun the reader uses (issue 13.2; slow: the whole catalogue, with its vectors)."""

from __future__ import annotations

import pytest

from symptomdb.search.service import search

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

URINARY_INCONTINENCE = "HP:0000020"


@pytest.fixture(autouse=True)
def _catalogue(catalogue):
    return catalogue


@pytest.mark.parametrize(
    "query",
    [
        "he leaks pee whenever he sneezes",
        "leaked urine while laughing",
        "leaking a little wee when I cough",
    ],
)
def test_a_lay_phrase_reaches_its_symptom_in_any_form(query):
    top = [{c.code for c in hit.codes} for hit in search(query, limit=5)]
    assert any(URINARY_INCONTINENCE in codes for codes in top), top


@pytest.mark.parametrize(
    ("query", "code"),
    [
        # Our own sentences around dictionary idioms (data/idioms.yaml), in other forms.
        ("she has been a nervous wreck all week", "HP:0000739"),  # Anxiety
        ("feeling a bit under the weather today", "HP:0033834"),  # Malaise
        ("he keeps nodding off in the afternoon", "HP:0002329"),  # Drowsiness
    ],
)
def test_an_idiom_reaches_its_symptom(query, code):
    top = [{c.code for c in hit.codes} for hit in search(query, limit=5)]
    assert any(code in codes for codes in top), top
