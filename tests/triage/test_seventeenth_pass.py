"""Issue 10, seventeenth pass: presentations learnt from the tuning halves of the pregnancy,
exposures and body-parts sets, each written here in our own words from the guidance named
beside its rule in rules.yaml (none is a line of any labelled set)."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_emergency_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # RCOG / NHS: a baby's foot, leg or bottom coming first is an emergency birth.
        (True, "her waters went an hour ago and I can see a little leg"),
        (True, "in labour at home and a foot is poking out"),
        (True, "the birth is happening right now on the bathroom floor"),
        # NHS Stroke: not understanding what is said, calling things by wrong names.
        (True, "all of a sudden grandad can't understand what we are saying"),
        (True, "my wife keeps calling things by the wrong names since lunch"),
        # NHS Sudden loss of vision: half of what both eyes see gone today.
        (True, "since this morning the right half of his vision has vanished"),
        # NHS Help for suicidal thoughts: a method named as a plan.
        (True, "I am going to throw myself off the multi storey tonight"),
        (True, "he says he will step in front of a train"),
        # CDC: an engine run in an enclosed space, people unwell.
        (
            True,
            "van left running in the garage with the door shut and now my dad is dizzy and sick",
        ),
        # NHS Eye injuries / HSE: cement is an alkali, a chemical in the eye.
        (True, "splashed wet concrete in my eye and it stings like mad"),
        # NHS Burns and scalds: a burn bigger than the hand is A&E.
        (True, "spilt a pan of boiling water, blisters right across his tummy"),
        # St John Ambulance, Shock: heavy bleeding, a period's too, with faintness.
        (True, "flooding with my period, soaked the sheets and almost passed out in the loo"),
        (True, "bleeding loads from the cut on his leg and he has gone white as a sheet"),
        # NHS Stevens-Johnson syndrome: target-shaped spots with sore lips after a new medicine.
        (True, "spots like bullseyes all over after the new tablets and her lips are raw"),
        # NHS Postpartum psychosis: a manic mood, beliefs about the baby.
        (True, "three days after the birth she is talking so fast and says she was chosen by god"),
        (True, "had her baby on monday and now says the baby is a demon"),
        # A common spelling of faint, beside a black stool (NHS Stomach ulcer: A&E).
        (True, "poo like tar this morning and I went feint on the stairs"),
        # NHS Meningitis: the glass test's result read, and "not" never skipped.
        (True, "purple spots on her legs and a fever, did the glass test and they don't fade"),
        # Everyday uses of the same words.
        (False, "my foot hangs out of the duvet when it's hot"),
        (False, "my two year old does not understand what I am saying when I say no"),
        (False, "the kids jump off the harbour wall into the sea every summer"),
        (False, "a big blister on my heel from new boots"),
        (False, "huge blisters on both feet after the marathon"),
        (False, "heavy period this month and a bit tired"),
        (False, "laying a concrete path this weekend, what gloves should I wear"),
        (False, "the darts board has a bullseye, my rash is just a small dry patch"),
        (False, "my son talks so fast when he is excited about football"),
        # Training, told as training (context.yaml told_elsewhere).
        (False, "the first aid course scenario today was a man who collapses with chest pain"),
        (False, "at cpr class we practised on a dummy that was not breathing"),
        # NHS Meningitis: a rash that fades under a glass is not the meningitis rash.
        (False, "little red spots on his chest, did the glass test and they all went away"),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


def test_training_does_not_silence_a_real_event_told_beside_it() -> None:
    text = "on a first aid course today and now my chest is crushing and spreading to my arm"
    assert triage(text, locale="GB").level == "emergency"
