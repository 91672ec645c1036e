"""Normalisation, stemming, typo correction and NegEx, without the clinical rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from symptomdb.triage import load_rules
from symptomdb.triage.context import assign_context
from symptomdb.triage.reading import analyse, normalise
from symptomdb.triage.speller import Speller
from symptomdb.triage.stems import stem
from symptomdb.triage.terms import Span, Term, TermIndex, parse_terms, spelled_out


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I can't breathe!", "i cannot breathe |"),
        ("He won't wake up", "he will not wake up"),
        ("She isn't breathing", "she is not breathing"),
        ("i couldnt breathe", "i cannot breathe"),
        ("it's my baby's lips", "it is my baby lips"),
        # A comma has its own mark: it may separate the items of a list (context.py).
        ("Haemorrhage, oedema", "hemorrhage ^ edema"),
        ("Haemorrhage; oedema", "hemorrhage | edema"),
        ("Café  naïve", "cafe naive"),
        ("temp 38.5 now", "temp 38.5 now"),
        ("self-harm", "self harm"),
        # Shorthand is written out, as a whole word only.
        # A spaced plus, slash or arrow separates the items of typed notes: each its own clause.
        ("c/o CP + SOB", "complaining of chest pain | short of breath"),
        ("no fever / stiff neck -> rash", "no fever | stiff neck | rash"),
        ("bp 150/100, n+v", "bp 150 100 ^ n v"),
        # A form's field denied after its name reads as the denial written first.
        ("chest pain: none / rash - no", "no chest pain | not rash"),
        ("conscious: no", "not conscious"),
        ("Vomiting: nil, fever: 39", "no vomiting ^ fever | 39"),
        ("N&V, abdo pain", "nausea and vomiting ^ abdominal pain"),
        ("cpu and sobbing", "cpu and sobbing"),
    ],
)
def test_it_normalises_text(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "words",
    [
        ("swelling", "swells", "swelled", "swollen", "swell"),
        ("breathing", "breathe", "breath", "breathes"),
        ("vomiting", "vomited", "vomits", "vomitting"),
        ("bleeding", "bleeds", "bled", "bleed"),
        ("stopped", "stopping", "stops", "stop"),
        ("seizure", "seizures"),
        ("collapsed", "collapse", "collapsing"),
        ("pooing", "poo"),
    ],
)
def test_it_stems_inflections_alike(words: tuple[str, ...]) -> None:
    assert len({stem(w) for w in words}) == 1, {w: stem(w) for w in words}


def test_it_keeps_fitting_apart_from_fit() -> None:
    assert stem("fitting") != stem("fit")


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("cheast", "chest"),
        ("breth", "breath"),
        ("unconcious", "unconscious"),
        ("siezure", "seizure"),
        ("bleding", "bleeding"),
        ("tounge", "tongue"),
        ("anaphylaxsis", "anaphylaxis"),
    ],
)
def test_it_corrects_typos_of_clinical_words(typo: str, word: str) -> None:
    assert load_rules().speller.correct(typo) == word


@pytest.mark.parametrize("word", ["sitting", "breast", "paint", "chess", "stoke", "the", "pin"])
def test_it_leaves_real_and_short_words_alone(word: str) -> None:
    assert load_rules().speller.correct(word) == word


def test_it_needs_the_first_letter_right() -> None:
    speller = Speller(["fitting"])
    assert speller.correct("fittimg") == "fitting"
    assert speller.correct("gitting") == "gitting"


def test_it_joins_a_split_compound_into_the_vocabularys_word() -> None:
    speller = Speller(
        ["headache", "nosebleed", "heatstroke", "heat", "nowhere"], apart=[("heat", "stroke")]
    )
    assert speller.joined("head", "ache") == "headache"
    assert speller.joined("nose", "bleeds") == "nosebleeds"  # the vocabulary word's plural
    assert speller.joined("heat", "stroke") is None  # the vocabulary writes it apart too
    assert speller.joined("now", "her") is None  # "nowher" only shares a stem with "nowhere"
    assert speller.joined("in", "to") is None  # too short to be a slip


def test_split_compounds_are_joined_only_when_asked() -> None:
    speller = Speller(["headache"])
    text = "a head ache since this morning"
    assert "headache" in analyse(text, speller, join_compounds=True).words
    assert analyse(text, speller).words[:2] == ("head", "ache")


def test_a_split_compound_reads_as_the_rules_word_when_that_is_more_urgent() -> None:
    # The rules know "overdose" in one piece; a reader who splits it is not left with nothing.
    rules = load_rules()
    doc, reading = rules.read_text("I think my brother took an over dose an hour ago")
    assert "overdose" in doc.words
    assert reading.firings and reading.firings[0].rule.level == "emergency"


def test_joining_never_replaces_a_reading_of_the_two_words_apart() -> None:
    # "tummy" and "ache" are two concepts of the abdominal pain rules; "tummyache" one word.
    rules = load_rules()
    text = "sudden severe tummy ache and I cannot stand up straight"
    joined = rules.read(analyse(text, rules.speller, join_compounds=True))
    doc, reading = rules.read_text(text)
    assert not joined.firings  # what joining alone would have given
    assert reading.firings and reading.firings[0].rule.level == "emergency"
    assert doc.words[2:4] == ("tummy", "ache")


DICTIONARY = Path("/usr/share/dict/words")


@pytest.mark.skipif(not DICTIONARY.exists(), reason="needs a system word list")
def test_it_leaves_dictionary_words_alone() -> None:
    # Lists what to add to known_words.txt after vocabulary changes in rules.yaml.
    speller = load_rules().speller
    changed = sorted(
        w
        for w in {line.strip().lower() for line in DICTIONARY.read_text().splitlines()}
        if w.isalpha() and w.isascii() and speller.correct(w) != w
    )
    assert changed == [], "add to known_words.txt:\n" + "\n".join(changed)


def _negated(text: str, word: str) -> bool:
    doc = analyse(text)
    return doc.words.index(word) in assign_context(doc).negated


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("no chest pain", "chest", True),
        ("denies fever", "fever", True),
        ("without any swelling", "swelling", True),
        ("never had a seizure", "seizure", True),
        ("no longer bleeding", "bleeding", True),
        ("negative for stroke", "stroke", True),
        ("free of seizures", "seizures", True),
        ("no sign of rash", "rash", True),
        ("meningitis was ruled out", "meningitis", True),
        ("the bleeding has stopped", "bleeding", True),
        ("no fever and stiff neck", "stiff", True),
        ("no fever and my neck is stiff", "stiff", False),
        ("no fever but stiff neck", "stiff", False),
        ("no fever, stiff neck", "stiff", False),
        ("not only a headache", "headache", False),
        ("no improvement in the rash", "rash", False),
        ("bleeding that won't stop", "bleeding", False),
        ("chest pain, not sure why", "chest", False),
        # "no" before a subject is an interjection, with or without its comma.
        ("my dog, no my son drank bleach", "bleach", False),
        ("no he is not breathing", "breathing", True),
        ("no i have no fever", "fever", True),
        ("no pain in my chest", "chest", True),
        # A list after "no" / "denies" runs past its commas when it closes with "or".
        ("no headache, double vision, slurred speech or weakness", "slurred", True),
        ("denies chest pain, sweating, or nausea", "nausea", True),
        # ... not when an item is a statement, or the list does not close with "or".
        ("no headache, slurred speech and weakness", "slurred", False),
        ("no headache, she is slurring her words or weak", "slurring", False),
        ("no fever, now his speech is slurred or odd", "speech", False),
        ("no headache, vomiting or fever. lips blue", "blue", False),
        # A clinician's denial may close its list with "and"; a reader's "no" may not.
        ("she denies fever, headache, neck stiffness and rash", "rash", True),
        ("he denied chest pain, sweating and palpitations", "palpitations", True),
        ("no fever, bad headache and a rash", "rash", False),
    ],
)
def test_it_finds_negation_scope(text: str, word: str, negated: bool) -> None:
    assert _negated(text, word) is negated


def test_it_does_not_let_a_trigger_inside_a_finding_negate_it() -> None:
    doc = analyse("he is not breathing and blue")
    index = TermIndex([("apnoea", Term.parse("not breathing")), ("blue", Term.parse("blue"))])
    found = index.find(doc)
    context = assign_context(doc, protected=[s for spans in found.values() for s in spans])
    assert found["apnoea"] == [Span(2, 4)]
    assert 2 not in context.negated and 4 not in context.negated


def test_a_finding_that_is_a_negation_and_one_word_negates_that_word_for_the_others() -> None:
    # "no sweating" is a sign of its own (heatstroke) and no sweat beside anything else.
    doc = analyse("pain in my chest, no sweating")
    index = TermIndex([("no_sweat", Term.parse("no sweating")), ("sweat", Term.parse("sweating"))])
    found = index.find(doc)
    context = assign_context(doc, protected=[s for spans in found.values() for s in spans])
    assert found["sweat"][0].start in context.negated_within_terms
    assert found["no_sweat"][0].start not in context.negated_within_terms


def test_a_longer_finding_keeps_the_words_after_its_negation() -> None:
    # "baby has not moved" is about movements: "moved" still names them for the rules.
    doc = analyse("baby has not moved much")
    index = TermIndex(
        [
            ("still", Term.parse("not moved")),
            ("fewer", Term.parse("not moved much")),
            ("movement", Term.parse("moved")),
        ]
    )
    found = index.find(doc)
    context = assign_context(doc, protected=[s for spans in found.values() for s in spans])
    assert found["movement"][0].start not in context.negated_within_terms


def test_it_marks_the_distant_past_as_historical() -> None:
    doc = analyse("I had a seizure as a child")
    assert doc.words.index("seizure") in assign_context(doc).historical


def test_it_marks_information_questions() -> None:
    doc = analyse("can anxiety cause chest tightness")
    assert doc.words.index("chest") in assign_context(doc).questions
    doc = analyse("what should I do, crushing chest pain")
    assert doc.words.index("chest") not in assign_context(doc).questions


def test_it_matches_terms_ignoring_articles_and_possessives() -> None:
    doc = analyse("pain going down my left arm")
    found = TermIndex([("spread", Term.parse("down left arm"))]).find(doc)
    assert found["spread"] == [Span(2, 5)]


def test_it_matches_exact_terms_only_in_that_form() -> None:
    index = TermIndex([("tear", Term.parse("=tearing"))])
    assert index.find(analyse("tearing pain")) == {"tear": [Span(0, 1)]}
    assert index.find(analyse("in tears")) == {}


def test_a_term_with_choices_stands_for_each_of_them() -> None:
    assert spelled_out("heart stopped when (i|she) (saw|found out)") == [
        "heart stopped when i saw",
        "heart stopped when i found out",
        "heart stopped when she saw",
        "heart stopped when she found out",
    ]
    assert spelled_out("is he (|even) breathing") == ["is he breathing", "is he even breathing"]
    assert spelled_out("chest pain") == ["chest pain"]


def test_the_index_finds_what_trying_every_term_finds() -> None:
    # The index tries only the terms whose second word stands where it may (right after the
    # first, or after a few linking words): it must find what trying every term would.
    rules = load_rules()
    entries = [(name, term) for name, terms in rules.concepts.items() for term in terms]
    index = TermIndex(entries)
    for text in (
        "her neck is so stiff and she has a rash, he had a fit about an hour ago",
        "all of mum's sleeping pills are out on the table, skin round it has gone dark purple",
        "dizzy every time she gets up, in 42 degrees, pain in right side now all over tummy",
    ):
        doc = analyse(text, rules.speller)
        everything: dict[str, list[Span]] = {}
        for start in range(len(doc.words)):
            seen: set[str] = set()
            for owner, term in sorted(entries, key=lambda e: -len(e[1].parts)):
                end = None if owner in seen else term.end_at(doc, start)
                if end is not None:
                    seen.add(owner)
                    everything.setdefault(owner, []).append(Span(start, end))
        assert index.find(doc) == everything, text


def test_a_choice_of_only_dropped_words_is_refused() -> None:
    # "the" and "his" are dropped before terms are matched: "all (his|her) pills" would be
    # "all pills" twice, and "(having|had) fit about (the|it)" would be "had fit about".
    with pytest.raises(ValueError, match="no word the reading keeps"):
        parse_terms(["all (his|her) pills"])
    assert [t.text for t in parse_terms(["all (|mum) pills"])] == ["all pills", "all mum pills"]


def test_a_term_standing_for_too_many_terms_is_refused() -> None:
    # Each spelt-out term is kept in every worker's memory.
    line = " ".join("(" + "|".join(f"w{i}x{j}" for j in range(8)) + ")" for i in range(4))
    assert len(parse_terms([line])) == 8**4
    with pytest.raises(ValueError, match="stands for 32,768 terms"):
        parse_terms([line + " (a1|b1|c1|d1|e1|f1|g1|h1)"])


def test_the_rules_read_a_term_with_choices_as_each_of_them() -> None:
    rules = load_rules()
    # "berries (off|from|in) (bush|…|park)" in rules.yaml: each combination is a term.
    for text in ("ate berries off a bush", "ate some berries in the park"):
        assert rules.index.find(analyse(text, rules.speller)).get("unknown_plant"), text
    assert not rules.index.find(analyse("ate berries with yoghurt", rules.speller)).get(
        "unknown_plant"
    )


@pytest.mark.parametrize(
    ("text", "concept", "found"),
    [
        # Linking and degree words between a term's words leave the finding as it is.
        ("her neck is so stiff", "stiff_neck", True),
        ("his lips have gone really blue", "went_blue", True),
        ("my son's nose has been bleeding", "nosebleed", True),
        # "her" may be a possessive, which the reading keeps: it stands between as "is" does.
        ("she has not opened her bowels or passed wind", "no_poo_or_wind", True),
        # Never a negation, and never more than a few words apart.
        ("her neck is not stiff", "stiff_neck", False),
        ("neck pain on the left, stiff upper lip about it", "stiff_neck", False),
    ],
)
def test_a_terms_words_may_have_linking_words_between_them(
    text: str, concept: str, found: bool
) -> None:
    rules = load_rules()
    assert bool(rules.index.find(analyse(text, rules.speller)).get(concept)) is found
