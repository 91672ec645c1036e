"""Issue 10, twenty-ninth pass: pictures learnt from the tuning halves of four new sets (cancer
treatment and immunosuppression, text-speak and emoji, people at work reporting someone, medical
words misused), each written here in our own words from the guidance named beside its rule in
rules.yaml (none is a line of any labelled set); and the reading's own changes: laughing faces and
"lol" read as laughter where breathing is the word (not where a condition is named), "not
literally" taking back what came before it unless a "but" follows, more words for the people a
clause is about ("my mam"), the first aid kit and a training module read as training, and
"what does ... feel like", "next time" and a fear of the future read as questions.
"""

from __future__ import annotations

import pytest

from symptomdb.triage import load_rules, triage
from symptomdb.triage.reading import normalise

from .families import (
    assert_emergency_of_family,
    assert_no_same_day,
    assert_not_emergency,
    assert_same_day_of_family,
)


def test_a_laughing_face_is_read_as_lol() -> None:
    assert normalise("I can't stop 😂😂") == "i cannot stop lol lol"


def test_not_literally_takes_back_what_came_before_it() -> None:
    doc, reading = load_rules().read_text("this traffic makes me want to die, not literally")
    assert doc.words.index("die") in reading.context.negated


def test_a_mother_called_mam_is_someone_else_not_the_reader() -> None:
    doc = load_rules().read_text("my mam has a bad back")[0]
    assert "mam" in doc.who[0]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # NICE NG234: with cancer, legs that give way or toes that cannot be felt.
        (
            "prostate cancer that has spread to his bones and now his legs keep giving way",
            "spinal_cord_compression",
        ),
        (
            "lung cancer, and since this morning I cannot feel my feet properly",
            "spinal_cord_compression",
        ),
        # NICE NG234: a cancer treated long ago still counts, told far from the legs, about
        # someone called "my mam".
        (
            "My mam was treated for breast cancer a long time ago and was fine after. For a "
            "fortnight she has had a sore middle of her back at night, and today she says her "
            "legs feel numb and heavy",
            "spinal_cord_compression",
        ),
        # Macmillan SVCO: a swollen face with breathlessness and a cancer in the chest.
        (
            "I have lymphoma in my chest, my face and neck have gone puffy and the headache is "
            "worse when I bend down",
            "svco",
        ),
        # UKONS triage: diarrhoea with blood on a checkpoint inhibitor.
        ("on ipilimumab and today the diarrhoea has blood in it", "immunotherapy_side_effect"),
        # Acute oncology advice: a temperature told with the chemotherapy's cycle.
        ("third cycle of chemo last week, now 38.1 and shivery", "chemotherapy_fever"),
        # NHS Steroid emergency card: long-term steroids, vomiting the tablets.
        (
            "on long-term prednisone and I've thrown up every tablet today, I can hardly stand",
            "adrenal_crisis",
        ),
        # Sickle Cell Society: a child's swollen tummy and sudden paleness.
        (
            "my son has sickle cell and his belly has gone big and hard and he is very pale",
            "sickle_cell",
        ),
        # NHS Appendicitis: pain that eased, then came back worse and everywhere.
        (
            "they said it might be my appendix, it got a bit better then suddenly much worse",
            "appendicitis",
        ),
    ],
)
def test_these_are_emergencies(text: str, family: str) -> None:
    assert_emergency_of_family(text, family)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # NHS Burns and scalds: a burn with signs of infection.
        ("the burn on my hand from the iron is now oozing pus", "burns"),
        # NHS Insect bites and stings: a sting near the eye.
        ("a wasp stung my daughter near her eye", "infected_bite"),
        # NHS Broken or knocked-out tooth: a tooth loose and knocked back after a blow.
        ("fell off his bike and his front tooth is wobbly and knocked back", "dental_injury"),
        # NHS HIV: a used needle that went into the skin (PEP within 72 hours).
        ("a discarded needle went into my thumb while clearing the park", "sexual_health"),
        # NHS Pre-eclampsia, the pregnancy told by its weeks.
        ("27 weeks and a headache that will not go away, face puffy too", "pre_eclampsia"),
    ],
)
def test_these_need_help_the_same_day(text: str, family: str) -> None:
    assert_same_day_of_family(text, family)


@pytest.mark.parametrize(
    "text",
    [
        # Laughter typed.
        "my sister sent me a video of a goat screaming and I literally can't breathe lol",
        # A figure of speech taken back.
        "this heat makes me want to die, not literally, just moaning",
        # Said to be well.
        "pulled something in my groin playing football, testicles are fine",
        # NHS Breath-holding in babies and children.
        "our 2 year old held his breath screaming in a tantrum and went a bit blue, then cried on",
        # Keeping the first aid kit.
        "first aider here: the first aid kit audit says our eye wash pods are out of date",
        # Writing about it.
        "writing a fanfic where a character has a seizure, what should her friends do",
        # Asking what it is like, or about a next time (hypothetical cues).
        "what does a heart attack feel like? my class is learning first aid",
        "had a bad reaction to a bee sting as a kid, am I likely to get anaphylaxis next time?",
        "so scared I'll have a heart attack on the treadmill like my grandad did",
    ],
)
def test_these_are_not_emergencies(text: str) -> None:
    assert_not_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "writing a training module for bus drivers. What should they do if a passenger collapses?",
        "what is our policy if a swimmer has a seizure in the pool",
    ],
)
def test_these_need_no_help_the_same_day(text: str) -> None:
    assert_no_same_day(text)


def test_a_real_report_with_lol_in_another_clause_is_still_an_emergency() -> None:
    result = triage("lol ok this is not funny. my friend took loads of pills and won't wake up")
    assert result.level == "emergency"


def test_a_take_back_followed_by_but_is_no_take_back() -> None:
    result = triage("i want to die, not literally, but i think about it every single day")
    assert result.level == "emergency"


def test_a_benign_tumour_is_no_cancer_behind_weak_legs() -> None:
    result = triage("benign tumour in my knee and my legs feel weak after the walk", semantic=False)
    assert "spinal-cord-compression-with-cancer" not in result.rule_ids


def test_a_kitchen_that_smells_of_smoke_is_no_infected_burn() -> None:
    result = triage("burnt my hand on the grill and the kitchen smells of smoke", semantic=False)
    assert "burn-infected" not in result.rule_ids
