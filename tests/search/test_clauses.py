"""Reading a long query clause by clause (search/clauses.py) and fusing the clauses'
similarities (search/fusion.py): no catalogue needed."""

from __future__ import annotations

import numpy as np
import pytest

from symptomdb.search.clauses import MAX_CLAUSES, clauses_of
from symptomdb.search.fusion import W_CLAUSE, clause_fused
from symptomdb.search.query import FILLER, Remembered, analyse

STORY = (
    "My manager has moved every deadline forward this month, and my son is revising for "
    "his exams, but I keep waking at night to pass urine; then I'm shattered at work."
)


def texts(query: str) -> list[str]:
    return [clause.text for clause in clauses_of(query, FILLER)]


def test_a_story_is_cut_at_punctuation_and_at_words_that_open_a_clause():
    assert texts(STORY) == [
        "My manager has moved every deadline forward this month",
        "my son is revising for his exams",
        "I keep waking at night to pass urine",
        "I'm shattered at work",
    ]


def test_each_clause_is_the_query_s_own_words_where_they_stand():
    for clause in clauses_of(STORY, FILLER):
        assert STORY[clause.start : clause.start + len(clause.text)] == clause.text


@pytest.mark.parametrize(
    "query",
    [
        "headache",
        "headache, nausea, sore throat, fever",  # a short query is read whole
        "I have a really bad headache since yesterday",
        # "and" before no new subject does not cut; nor does a decimal point
        "a sore throat and a fever of 38.5 with aching legs and a runny nose",
    ],
)
def test_a_query_of_one_clause_is_not_split(query):
    assert clauses_of(query, FILLER) == []


def test_a_piece_that_says_too_little_joins_its_neighbour():
    found = texts(
        "My head has been pounding since mid morning, I think, and my neck is stiff and sore"
    )
    assert found == [
        "My head has been pounding since mid morning, I think",
        "my neck is stiff and sore",
    ]


PARTS = ["head", "back", "knee", "hip", "neck", "arm", "leg", "foot"]


def test_a_very_long_query_is_read_in_a_few_clauses_and_loses_none_of_its_words():
    query = ", ".join(f"my {part} aches a lot" for part in PARTS)
    found = clauses_of(query, FILLER)
    assert len(found) == MAX_CLAUSES
    assert found[0].start == 0
    assert found[-1].text.endswith("foot aches a lot")
    assert " ".join(c.text for c in found).count("aches") == 8


class Speller:
    """Corrects "ake" to "ache", counting the words it is asked about."""

    def __init__(self) -> None:
        self.asked = 0

    def correct(self, word: str) -> str:
        self.asked += 1
        return "ache" if word == "ake" else word

    us = correct


def test_a_clause_reads_its_words_as_the_whole_query_did_without_the_speller():
    speller = Speller()
    whole = analyse("my tummy ake, and my boss shouts", speller)
    asked = speller.asked
    clause = analyse("my tummy ake", Remembered(whole.corrections))
    assert speller.asked == asked
    assert clause.corrected_text == "my tummy ache"
    assert clause.model_text == analyse("my tummy ake", Speller()).model_text


def test_a_clear_clause_lifts_its_symptom_by_part_of_the_gap_and_is_named():
    whole = np.array([0.50, 0.30, 0.40], dtype=np.float32)
    clauses = np.array(
        [
            [0.45, 0.70, 0.20],  # clause 0 names symptom 1 clearly
            [0.55, 0.25, 0.35],
        ],
        dtype=np.float32,
    )
    fused, leading = clause_fused(whole, clauses)
    assert leading.tolist() == [1, 0, 1]
    assert fused[1] == pytest.approx(0.30 + W_CLAUSE * 0.40)
    assert fused[0] == pytest.approx(0.50 + W_CLAUSE * 0.05)
    # No clause closer than the whole: the whole's similarity stands.
    assert fused[2] == pytest.approx(0.40)


def test_a_tie_between_clauses_is_led_by_the_first_as_argmax_would():
    whole = np.array([0.1, 0.1, 0.1], dtype=np.float32)
    clauses = np.array(
        [[0.3, 0.2, 0.4], [0.3, 0.5, 0.4], [0.1, 0.5, 0.4]],
        dtype=np.float32,
    )
    fused, leading = clause_fused(whole, clauses)
    assert leading.tolist() == clauses.argmax(axis=0).tolist() == [0, 1, 0]
    assert fused.dtype == np.float32 and leading.dtype == np.int64
    assert np.array_equal(fused, whole + W_CLAUSE * (clauses.max(axis=0) - whole))
