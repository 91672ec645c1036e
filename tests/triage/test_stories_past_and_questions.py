"""Someone else's story, a past dated by an age or a year, and questions asked to learn are not
emergencies; a present emergency told beside them still is one. Our own examples, written for
this suite (context.yaml: told_elsewhere, historical, info_cues, present_report)."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

E = "emergency"
AT_LEAST_URGENT = {"emergency", "urgent"}


@pytest.mark.parametrize(
    "text",
    [
        "watched a documentary where a climber fell and broke his neck, how do people survive that",
        "read an article about sepsis in toddlers, what should parents watch for",
        "on the news a man was stabbed outside a pub last night",
        "my gran's memoir describes the day she had a stroke",
        "listened to a podcast on paracetamol overdoses in teenagers",
    ],
)
def test_someone_elses_story_is_not_an_emergency(text):
    assert triage(text).level != E, triage(text).rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "I had a heart attack in 2015 and I'm on statins now",
        "when she was 4 she had meningitis, she's 12 now and fine",
        "my dad had a stroke back in January, he's home and walking again",
        "when I was nineteen I took an overdose, I'm doing well these days",
    ],
)
def test_a_past_dated_by_an_age_or_a_year_is_history(text):
    assert triage(text).level != E, triage(text).rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "what do hives from a food allergy look like",
        "what blood sugar level is dangerous for a child",
        "how do I use an asthma inhaler with a spacer",
        "how quickly does meningitis spread in a nursery",
    ],
)
def test_questions_asked_to_learn_are_not_emergencies(text):
    assert triage(text).level != E, triage(text).rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "my son read about choking online and now he is choking on a grape",
        "is this what a heart attack feels like, my chest is crushing and I'm sweating",
        "saw a stroke advert on the news and now my wife's face is drooping, her speech slurred",
        "I had a stroke in 2018 and now my arm has suddenly gone weak and my face has dropped",
    ],
)
def test_a_present_emergency_beside_them_still_is_one(text):
    assert triage(text).level == E, triage(text).rule_ids


def test_a_due_date_is_not_the_past():
    # "in <month>" alone is not history: a pregnancy due in a month is happening now.
    answer = triage(
        "34 weeks pregnant due in January with a sudden bad headache and blurred vision"
    )
    assert answer.level in AT_LEAST_URGENT, answer.rule_ids
