from __future__ import annotations

from symptomdb.language.spelling import base_forms
from symptomdb.search.query import analyse
from symptomdb.search.spelling import Speller, vocabulary_count

SPELLER = Speller(
    vocabulary_count(
        [
            "Headache",
            "Muscle spasm",
            "Muscle spasms",
            "Diarrhea",
            "Palmar hyperhidrosis",
            "Sweaty palms",
            "Rectal hemorrhage",
            "Urinary urgency",
            "Abdominal pain",
        ]
    )
)


def test_filler_is_not_content():
    analysed = analyse("I have a really bad headache since yesterday", SPELLER)
    assert analysed.content == ["headache"]


def test_typos_are_corrected_against_the_catalogue():
    assert analyse("haedache", SPELLER).content == ["headache"]
    assert analyse("mussle spasms", SPELLER).content == ["muscle", "spasms"]
    assert analyse("swetty palms", SPELLER).content == ["sweaty", "palms"]
    assert analyse("urinery urgensy", SPELLER).corrected_text == "urinary urgency"


def test_ordinary_english_words_are_not_corrected():
    # "knotted" is no typo for anything, although it is not a catalogue word.
    assert "knotted" in analyse("my calf knotted up", SPELLER).content


def test_british_spellings_become_the_catalogues():
    assert analyse("diarrhoea", SPELLER).content == ["diarrhea"]


def test_lay_words_add_clinical_ones():
    analysed = analyse("tummy ache", SPELLER)
    assert "abdominal" in analysed.expansions
    assert "pain" in analysed.expansions
    assert analyse("been throwing up all night", SPELLER).expansions[:1] == ["vomiting"]


def test_inflections_of_known_words_are_not_typos():
    speller = Speller(
        vocabulary_count(
            ["High arches", "Fainting spells", "Itch", "Vomiting", "Blurred vision", "Dizziness"]
        )
    )
    # One edit from a catalogue word, but each is a known word inflected.
    assert speller.correct("aches") == "aches"  # not "arches"
    assert speller.correct("swells") == "swells"  # not "spells"
    assert speller.correct("itches") == "itches"
    # A misspelt inflection is still corrected, to the same inflection.
    assert speller.correct("vomitting") == "vomiting"
    assert speller.correct("blured") == "blurred"
    assert speller.correct("dizzyness") == "dizziness"


def test_base_forms_undo_regular_inflections():
    assert "ache" in base_forms("aches")
    assert "itch" in base_forms("itches")
    assert "ache" in base_forms("aching")
    assert "throb" in base_forms("throbbing")
    assert "dizzy" in base_forms("dizziness")
    assert "fever" in base_forms("feverish")
    assert base_forms("ache") == []
