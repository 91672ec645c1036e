"""Same-day presentations told without their textbook words, sudden sight loss said with "no",
and childhood told of someone else (issue 10, eleventh pass). Every sentence is written for this
test; none is from a labelled set."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_read_as


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [
        # NHS: Help for suicidal thoughts; Samaritans: thinking of ending one's life without a
        # plan still needs someone to talk to today.
        (
            "been having thoughts of ending it, nothing planned",
            "urgent",
            "suicide-thoughts-of-death",
        ),
        (
            "some nights it feels like it would be easier not to wake up",
            "urgent",
            "suicide-thoughts-of-death",
        ),
        # NHS: Croup - contact a GP or 111 if you think your child has croup.
        (
            "my 2 year old has a barky cough that sounds like a seal",
            "urgent",
            "croup-barking-cough",
        ),
        ("I think our little one has croup", "urgent", "croup-named"),
        # NHS: Poisoning - berries or mushrooms from a plant nobody knows: advice, keep a sample.
        (
            "my 4 year old ate a few berries off a bush on our walk, he seems fine",
            "urgent",
            "child-ate-unknown-plant",
        ),
        # NHS: Poisoning - a cleaning product swallowed.
        (
            "grandad drank some disinfectant thinking it was his squash",
            "emergency",
            "swallowed-poison",
        ),
        # NHS: Sudden loss of vision in one eye is an emergency, however it is said.
        ("woke up this morning with no vision in my right eye", "emergency", ""),
        ("no vision out of my left eye since lunch, came on suddenly", "emergency", ""),
    ],
)
def test_the_presentation_is_read(text, level, rule):
    assert_read_as(text, level, rule)


@pytest.mark.parametrize(
    "text",
    [
        # Childhood, told of someone else, is history.
        "my daughter had croup when she was little, does it come back in adults",
        "my brother had fits when he was a baby and grew out of them",
        # Harmless berries, a dog's cough, a vision check.
        "I ate a bowl of berries with my breakfast",
        "our dog has a barking cough after kennels",
        "woke up with no vision problems at all, just a stiff neck from the pillow",
        # Information questions.
        "is croup contagious between siblings",
    ],
)
def test_the_look_alikes_get_no_same_day_answer(text):
    assert triage(text, locale="GB").level not in ("emergency", "urgent"), text
