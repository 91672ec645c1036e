"""Issue 10, twenty-first pass: presentations learnt from the tuning halves' misses, each written
here in our own words from the guidance named beside its rule in rules.yaml (none is a line of
any labelled set)."""

from __future__ import annotations

import pytest

from .families import assert_emergency_or_not, assert_same_day_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Sepsis: a high temperature read as a number, with fast breathing or confusion.
        (True, "three days after my hip operation I'm 39.2 and breathing really fast"),
        (True, "he's 103F and talking gibberish, he had a chest infection last week"),
        (False, "he's 37.4 and breathing fast after running for the bus"),
        # NHS Paracetamol for adults: doses under four hours apart, or more than 8 in a day.
        (True, "been taking 2 paracetamol every three hours for my toothache since yesterday"),
        (True, "I've been on paracetamol for my back, about 12 tablets a day this week"),
        (False, "I take paracetamol every 4 to 6 hours when my knee is bad"),
        (False, "the leaflet says no more than 8 tablets in 24 hours of paracetamol"),
        # NHS Necrotising fasciitis: a wound, swollen or red skin, and feeling ill.
        (True, "scraped my shin on a rock, the leg is swollen and red, I am shivery and vomiting"),
        (True, "got a nick gardening and now my hand is puffy and I feel fluey and achy all over"),
        (True, "why would a tiny scratch hurt this much, it's swollen and hard"),
        (False, "a bit hot today after her jabs and a little red patch on her leg"),
        (False, "grazed my knee last week, it was a bit red, no fever and it's healing"),
        # NICE NG133: 160/110 or more in pregnancy, with a severe headache or changed sight.
        (True, "34 weeks pregnant, my bp machine says 168/114 and I have a thumping headache"),
        (True, "36 weeks with preeclampsia, bp 170/100, everything looks blurry"),
        (False, "32 weeks pregnant and my blood pressure was 118/76 at the midwife"),
        # NHS Pulmonary embolism: a swollen calf, then passing out or a racing heart.
        (True, "my calf has been swollen and sore since the flight and I just blacked out"),
        (True, "swollen red calf for two days and now my heart is racing"),
        # NHS Stroke: speech gone thick.
        (True, "his speech has gone thick and his face looks lopsided"),
        # RLSS UK: a child limp or unresponsive after going under the water.
        (True, "our toddler went under in the paddling pool and she's limp"),
        # NHS Testicular torsion, in lay words.
        (True, "one of my nuts is really killing since this morning"),
        # NHS Guillain-Barre: tingling that began in the feet, weak legs, swallowing hard.
        (
            True,
            "numbness began in my feet on friday, now my legs are weak and it's hard to swallow",
        ),
        # UKONS acute oncology: confusion or shaking during chemotherapy, without a temperature.
        (True, "had chemo on monday, no fever but he's shaking and confused tonight"),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # NHS Kidney stones: a stone named with severe pain, or pain the painkillers do not touch.
        (True, "my kidney stone pain is not touched by the tablets and I can't keep still"),
        (False, "had kidney stones years ago, what should I drink to stop them coming back"),
    ],
)
def test_same_day_or_not(same_day: bool, text: str) -> None:
    """Same day is "urgent" exactly; not same day is neither urgent nor an emergency."""
    assert_same_day_or_not(text, same_day)
