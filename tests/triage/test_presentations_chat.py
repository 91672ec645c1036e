"""Emergencies told in a hurry, in a second language or as a clinical case (2026-12-02, second
round).

Our own sentences, written from the guidance each rule cites (NHS Burns and scalds, NHS
Glaucoma, NHS guidance on getting help in a mental health crisis, NHS Asthma attacks, NHS Head
injury and concussion, NHS Heart palpitations, NHS Appendicitis, NHS Paracetamol overdose, NHS
Bowel obstruction), in words readers use; none is taken from a benchmark set. The rules alone:
the semantic detector has its own tests.
"""

from __future__ import annotations

import pytest

from symptomdb.triage import triage
from symptomdb.triage.quantities import read_quantities
from symptomdb.triage.reading import analyse
from symptomdb.triage.ruleset import RuleSetError, build_ruleset

from .families import (
    assert_emergency_of_family,
    assert_not_emergency,
    assert_same_day_of_family,
    families,
)

E = "emergency"
SOURCE = [{"name": "NHS: Vaginal bleeding in pregnancy", "url": "https://www.nhs.uk/pregnancy/"}]

EMERGENCIES = [
    # Chemicals on the skin are a burn whether or not the reader says "burn".
    ("splashed oven cleaner on my arm and it's gone white", "burns"),
    ("caustic soda went on her hands while unblocking the sink", "burns"),
    # Acute angle-closure glaucoma: a red eye with rainbow rings.
    ("my left eye has gone red and there are rainbow circles round every lamp", "acute_glaucoma"),
    # A plan is a 999 call; so is the intent told by someone who fears for another.
    ("i've had enough and i know how i'm going to do it tonight", "suicide"),
    ("my flatmate keeps saying he wants to end his life", "suicide"),
    # How people name each other on a phone.
    ("my gf fainted in the bath and now she won't wake up", "collapse"),
    # "The heart" for the chest, as a literal translation says it.
    ("pressure on my heart for half an hour, going into my jaw, cold sweat", "heart_attack"),
    ("my heart is hammering and I passed out at the bus stop", "palpitations"),
    # A fading wheeze in an attack that is no better: a silent chest.
    (
        "asthma attack and the wheeze has gone quiet but he still can't get his breath",
        "asthma_attack",
    ),
    (
        "knocked heads in the match, now he's confused and clear fluid is running from his nose",
        "head_injury",
    ),
    (
        "appendix pain on the right that has now spread all over and my tummy is rigid",
        "appendicitis",
    ),
    # A fever in the weeks after a birth with a sign of infection (RCOG Green-top 64b).
    ("ten days since my caesarean, running 38.9, the scar is red and oozing", "sepsis"),
    ("postnatal, shivering with a fever and the discharge smells bad down there", "sepsis"),
    # Not noticing is the finding: painless incontinence with a back injury (cauda equina).
    ("hurt my back moving house and now I wet myself without noticing", "cauda_equina"),
    ("slipped on the stairs and hit the back of my head, I take apixaban", "head_injury"),
    # A pregnancy told by its test, not named.
    (
        "test came back positive last week, now stabbing pain on one side and I feel faint",
        "ectopic_pregnancy",
    ),
    ("felt hot and dizzy all day in the sun and then she had a fit", "heatstroke"),
    # Numbers in words, as a worried reader types them.
    ("she took thirty-two paracetamol at lunchtime", "overdose"),
]

LOOK_ALIKES = [
    "salicylic acid face wash stings a little",
    "acid reflux after pizza",
    "he was killing himself laughing at the video",
    "she's had enough of her job and picked a date to leave",
    "I have asthma and I'm a bit tired after work",
    "my heart hurts for the families in the news",
    "the news says a swimmer drowned off the pier, how do I teach my kids water safety",
    "my covid test came back positive and I have a sore throat",
    "gave birth a month ago and wondering when I can start running again",
]


@pytest.mark.parametrize(("text", "family"), EMERGENCIES)
def test_it_is_an_emergency_of_its_family(text: str, family: str) -> None:
    assert_emergency_of_family(text, family)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_look_alike_is_not_an_emergency(text: str) -> None:
    assert_not_emergency(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("took twenty four paracetamol", [("tablets", 24)]),
        ("took twenty-four paracetamol", [("tablets", 24)]),
        ("swallowed forty one tablets", [("tablets", 41)]),
        ("temp thirty nine point four", [("temperature_c", 39.4)]),
        ("took twenty paracetamol", [("tablets", 20)]),
    ],
)
def test_numbers_in_several_words_are_one_number(
    text: str, expected: list[tuple[str, float]]
) -> None:
    found = [(q.measure, round(q.value, 1)) for q in read_quantities(analyse(text).words)]
    assert found == expected


def test_who_the_story_is_about_holds_for_findings_told_later() -> None:
    # A case told as clinicians write it: the age first, the finding many words later.
    story = (
        "A 9-day-old girl, born at 39 weeks after an uneventful pregnancy and breastfeeding "
        "well until this afternoon, has been unsettled and her parents now report that she "
        "has vomited twice and the vomit is dark green"
    )
    result = triage(story, semantic=False)
    assert result.level == E, result.rule_ids
    assert "bilious_vomiting" in families(result.rule_ids)


def test_a_child_named_far_from_a_swallowed_medicine_is_not_their_poisoning() -> None:
    # `child_nearby` keeps its window: the adult took the tablets.
    text = (
        "I swallowed two paracetamol for the headache I woke up with after a long night shift "
        "on the ward, then slept until the afternoon when my toddler came home from nursery"
    )
    assert triage(text, semantic=False).level != E


def test_about_the_person_may_only_name_concepts() -> None:
    data = {
        "about_the_person": ["pregnant", "pregnnat"],
        "concepts": {"pregnant": ["pregnant"], "bleed": ["bleeding"]},
        "families": {"pregnancy": {"message": "Call {emergency_number}.", "source": SOURCE}},
        "rules": [{"id": "p", "family": "pregnancy", "level": E, "all": ["pregnant", "bleed"]}],
    }
    with pytest.raises(RuleSetError, match="pregnnat"):
        build_ruleset(data)
    data["about_the_person"] = ["pregnant"]
    (rule,) = build_ruleset(data).rules
    assert rule.anywhere == ("pregnant",)


def test_a_list_of_denied_findings_is_quiet_to_both_detectors() -> None:
    # As a case description denies the stroke signs one by one; the clause pieces the semantic
    # detector reads ("slurred speech or weakness") must not lose the "no" either.
    text = (
        "A 58-year-old man gets a few seconds of spinning when he turns over in bed, the same as "
        "last winter. He has no headache, facial droop, slurred speech or weakness."
    )
    assert triage(text).level != E
    assert triage(text, semantic=False).level != E


# Same-day advice (NHS Dehydration, NHS Asthma, NHS Self-harm, NHS Tetanus, NHS Vaginal bleeding
# in pregnancy, NHS Severe vomiting in pregnancy, NHS Chickenpox in pregnancy): at least urgent,
# with a rule of the family.
SAME_DAY = [
    ("gran has had a sickness bug since Sunday and is passing less water", "dehydration"),
    ("two days of the runs and now he is dizzy standing up", "dehydration"),
    ("using my reliever every four hours since this morning", "asthma_attack"),
    ("found out my son has been cutting himself", "self_harm"),
    ("she's been scratching her arms with a razor blade", "self_harm"),
    ("stood on a garden fork, never had a tetanus jab", "tetanus"),
    ("11 weeks pregnant with brown discharge when I wipe", "pregnancy"),
    ("I'm pregnant and cannot eat or drink anything since yesterday", "dehydration"),
    ("24 weeks pregnant and never had chickenpox, my niece has it", "chickenpox_in_pregnancy"),
]


@pytest.mark.parametrize(("text", "family"), SAME_DAY)
def test_it_gives_same_day_advice(text: str, family: str) -> None:
    assert_same_day_of_family(text, family)


@pytest.mark.parametrize(
    "text",
    [
        "scratched my hand on the scissors while wrapping presents",
        "my daughter keeps scratching her arms, her eczema is flaring",
        "I've never had chickenpox, can adults get the vaccine",
        "had the runs yesterday, fine today and drinking plenty",
    ],
)
def test_a_mild_version_is_not_same_day(text: str) -> None:
    assert triage(text, semantic=False).level not in (E, "urgent")


def test_who_the_story_is_about_must_be_the_one_with_the_finding() -> None:
    # The child is named first, the reader's own green vomit many words later: the attribute
    # holds only for findings about the same person, so the baby's rule keeps its window.
    text = (
        "My son is 2 and has been at nursery all week with a runny nose, he is eating and "
        "playing as usual and sleeping well at night. Since this morning I have been throwing "
        "up green bile after a night out"
    )
    result = triage(text, semantic=False)
    assert "bilious_vomiting" not in families(result.rule_ids), result.rule_ids


# Carers', first-aiders' and clinicians' shorthand (reading.yaml `shorthand`), and a pulse
# oximeter's reading (NHS Pulse oximeters: 92% or less is a 999 call, 93-94% the same day).
SHORTHAND = [
    ("care home resident collapsed in the lounge, not responding", E),
    ("c/o CP + SOB since 30 mins, sweaty", E),
    ("o2 sats 90% on the finger probe and breathless", E),
    ("spo2 94 with a chest infection, otherwise ok", "urgent"),
    ("oxygen 97 percent and feeling fine", None),
    ("N/V all day, abdo distended, no BO or wind since Tues", E),
    ("vomit smells like poo and he has tummy pain", E),
    ("74yo not PU since last night, bladder swollen and painful", E),
    # Acute limb ischaemia (NICE CG147): pale or blue, cold, and numb, pulseless or still.
    ("his foot has gone white and icy cold and he can't feel his toes", E),
    ("my Raynaud's turned two fingertips white and numb when I went out in the frost", None),
    # Confusion that began within the hour or this morning is sudden (NHS: Confusion).
    ("86yo resident, confusion over the last hour, was chatting normally at lunch", E),
    ("mild confusion over which inhaler is which", None),
]


@pytest.mark.parametrize(("text", "expected"), SHORTHAND)
def test_it_reads_shorthand_and_readings(text: str, expected: str | None) -> None:
    assert triage(text, semantic=False).level == expected, triage(text, semantic=False).rule_ids


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sats 88%", [("oxygen_saturation", 88)]),
        ("oxygen level is 93 percent", [("oxygen_saturation", 93)]),
        ("got 88% in my exam", []),
    ],
)
def test_an_oximeter_reading_is_a_percentage_after_its_cue(
    text: str, expected: list[tuple[str, float]]
) -> None:
    found = [
        (q.measure, round(q.value))
        for q in read_quantities(analyse(text).words)
        if q.measure == "oxygen_saturation"
    ]
    assert found == expected
