"""Emergencies passed on by someone else, and told in the plain English of readers for whom it is
an additional language (issue 10, eleventh pass), with look-alikes told the same way. Every
sentence is written for this test; none is from a labelled set."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_read_as


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [
        # NHS Glaucoma: a suddenly painful red eye with rings around lights - A&E now.
        (
            "my sister rang, her eye went really painful out of nowhere and she sees halos",
            "emergency",
            "acute-glaucoma-eye-painful-halos",
        ),
        # NICE CG147: a foot gone cold, white and numb or still.
        (
            "the carer says his foot is cold and white since lunch and he cannot move his toes now",
            "emergency",
            "limb-pale-cold-and-numb",
        ),
        # AACE and RCEM: hours on the floor.
        (
            "neighbour found auntie on the kitchen floor, she thinks she has been there since"
            " yesterday evening",
            "emergency",
            "long-lie-hours-on-the-floor",
        ),
        # NHS Paracetamol: more than 8 tablets in 24 hours, even a few at a time, is A&E now.
        (
            "he has been taking panadol for his back all day, 14 tablets gone since breakfast",
            "emergency",
            "overdose-paracetamol-over-the-day",
        ),
        # NHS Eye injuries: something sharp into the eye.
        ("school phoned, a fish hook caught my daughter in the eye", "emergency", "eye-hit-at-speed"),
        # Mayo Clinic: Intestinal obstruction - no stool or gas, swelling and vomiting.
        (
            "my dad cannot pass gas or stool since Friday and keeps throwing up",
            "emergency",
            "bowel-obstruction-vomiting",
        ),
        # NHS Psychosis: call 999 if someone may harm others.
        (
            "my cousin is paranoid, says the neighbours spy on him and talks about hurting people",
            "emergency",
            "psychosis-state-harm-people",
        ),
        # NHS Stroke (FAST): a face gone to one side.
        ("my father face went to one side and his speech is funny", "emergency", ""),
        # NHS Priapism: an erection lasting more than 4 hours.
        ("penis stays hard for 6 hours now, very painful", "emergency", "priapism-over-4-hours"),
        # NHS and ASCIA: a known food allergy, then pale and floppy.
        (
            "my son is allergic to egg, he ate cake and now is pale and floppy",
            "emergency",
            "anaphylaxis-trigger-and-reaction",
        ),
        # NHS Heart palpitations: with dizziness, see a GP urgently.
        (
            "my heart is jumping and I get giddiness when I walk",
            "urgent",
            "palpitations-with-dizziness",
        ),
        # NICE NG98: hearing gone in one ear on waking, seen the same day.
        (
            "woke up and everything is muffled on the left, like cotton wool",
            "urgent",
            "sudden-hearing-loss",
        ),
        # NICE NG143: 3 to 6 months old with 39C or more is amber, seen the same day.
        ("baby 5 months temp 39.4 still feeding", "urgent", "baby-3-to-6-months-fever-39"),
    ],
)
def test_the_presentation_is_read(text, level, rule):
    assert_read_as(text, level, rule)


@pytest.mark.parametrize(
    "text",
    [
        # A household question about an alarm, not a gas in the air.
        "where is best to put a carbon monoxide detector in a flat, my CO alarm beeps for battery",
        # A long-term condition named beside an ordinary complaint.
        "mum has diabetes and her knee hurts on the stairs",
        "dad has asthma and his knee hurts after gardening",
        "my brother has schizophrenia and his knee is sore",
        # "Done" about a job, not a life.
        "I'm done with this job, my back hurts from the desk",
        # A count of paracetamol in a packet, not taken.
        "we have 32 paracetamol tablets in the cupboard, do they go out of date",
    ],
)
def test_the_look_alikes_are_not_emergencies(text):
    assert triage(text, locale="GB").level != "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # Shock at news, told of someone else.
        "my uncle says his heart stopped when he opened the gas bill",
        # A decade past.
        "my aunt broke her leg skiing in the eighties and it still aches in the cold",
        # A dream, told as one.
        "my son had a nightmare that he was shot and woke up crying, he is fine now",
        # Hyperbole.
        "the lads are freezing to death watching the match in the rain",
    ],
)
def test_what_is_passed_on_but_not_happening_is_not_an_emergency(text):
    assert triage(text, locale="GB").level != "emergency", text


def test_a_dream_does_not_hide_what_is_happening_now():
    assert_read_as(
        "she woke from a bad dream and now she is not breathing", "emergency", "collapse-not-breathing"
    )
