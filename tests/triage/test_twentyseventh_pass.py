"""Issue 10, twenty-seventh pass: pictures learnt from the tuning halves of eight new sets
(medical devices, cosmetic procedures, home and garden, disability, bystanders, home remedies,
euphemisms, readers weighing whether to go), each written here in our own words from the
guidance named beside its rule in rules.yaml (none is a line of any labelled set).
"""

from __future__ import annotations

import pytest

from symptomdb.triage.quantities import read_quantities
from symptomdb.triage.reading import analyse

from .families import (
    assert_emergency_of_family,
    assert_no_same_day,
    assert_not_emergency,
    assert_same_day_of_family,
)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # Up to five words between the count and the medicine.
        ("she took 30 of her mum's extra strength paracetamol", 30.0),
        ("he swallowed about 40 of his night time sleeping tablets", 40.0),
    ],
)
def test_a_count_is_read_across_several_words(text: str, count: float) -> None:
    quantities = read_quantities(analyse(text).words)
    assert [q.value for q in quantities if q.measure == "tablets"] == [count]


def test_a_number_far_from_any_medicine_is_no_count() -> None:
    quantities = read_quantities(
        analyse("we had 30 people round for a party and some tablets").words
    )
    assert not [q for q in quantities if q.measure == "tablets"]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # Samaritans, NHS Help for suicidal thoughts: a method and a time.
        ("my friend says she will jump in front of the next bus", "suicide"),
        ("he has a rope in the garage and says he won't be here by tomorrow", "suicide"),
        # RNLI: into the water and not come up again.
        ("my brother dived off the jetty and he hasn't come back up", "drowning"),
        ("a kid slipped into the canal and hasn't resurfaced", "drowning"),
        # NHS Epilepsy: a first seizure is a 999 call.
        ("my daughter is having a seizure and she's never had one", "seizure"),
        # NHS Stroke (FAST): two signs after one "cannot".
        ("dad suddenly can't talk properly or move his right arm", "stroke"),
        # NHS Low blood sugar: a hypo that cannot be treated by mouth.
        (
            "her blood sugar is low and she refuses to take any sugar, she is talking rubbish",
            "hypoglycaemia",
        ),
        # NHS Asthma attack: no better after 10 puffs.
        ("his asthma is bad, he took his inhaler 10 times and it's still worse", "asthma_attack"),
        # NHS Sepsis: very sleepy with a high temperature.
        ("my son has a temperature of 39.8 and cannot keep his eyes open", "sepsis"),
        # NHS Eye injuries: any chemical in the eye.
        ("I splashed acetone in my eye at work and it's burning", "poisoning"),
        # MedlinePlus Orbital cellulitis: redness spreading to the eye, which bulges.
        (
            "the redness from his infected spot has spread round his eye and the eye is bulging",
            "orbital_cellulitis",
        ),
        # NHS Choking: hands at the throat, no sound.
        ("the man at the next table is grabbing at his throat and can't make a sound", "airway"),
        # National Tracheostomy Safety Project.
        ("her tracheostomy tube fell out and we cannot get the spare one back in", "airway"),
        # FSA: DNP and overheating.
        (
            "I have been taking DNP for a week and I'm overheating and my heart is racing",
            "poisoning",
        ),
        # Kent Community Health NHS FT, NHS Scotland: a gastrostomy out needs a new tube within
        # hours.
        ("my son's PEG tube fell out at school an hour ago", "after_procedure"),
        # FDA Dermal fillers: skin turning pale or dusky, or sight changing.
        ("had lip filler an hour ago and my upper lip has gone white and dusky", "after_procedure"),
        ("after the filler in my forehead my vision went blurry in one eye", "after_procedure"),
        # Spinal Research: autonomic dysreflexia that will not settle or with its signs.
        ("his dysreflexia won't settle and we can't find the cause", "autonomic_dysreflexia"),
        (
            "I'm tetraplegic and my head is pounding, blood pressure 200/115",
            "autonomic_dysreflexia",
        ),
        # NHS Hydrocephalus: a shunt with being sick and drowsiness.
        ("my daughter has a shunt and she's been vomiting and is very drowsy", "shunt_blockage"),
        # NHS Carbon monoxide: headaches that clear away from home, a blocked flue.
        (
            "our boiler flue is cracked and we all get headaches that go away when we are at work",
            "carbon_monoxide",
        ),
        # NHS Poisoning: a garden plant brewed, then sick with the heart slowing.
        (
            "my uncle brewed a tea from laburnum by mistake and now he is vomiting and drowsy",
            "poisoning",
        ),
        # NHS Heat exhaustion: still unwell after half an hour of cooling, told at length.
        (
            "my son was playing football in the heatwave all afternoon, we have had him in the "
            "shade with cold drinks and wet towels for half an hour now and he is still confused",
            "heatstroke",
        ),
    ],
)
def test_these_are_emergencies(text: str, family: str) -> None:
    assert_emergency_of_family(text, family)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # NHS Cuts and grazes: signs of infection, in wounds of other kinds.
        ("my belly button piercing is oozing pus and throbbing", "cellulitis"),
        ("grandad's pressure sore has started to smell and there's green discharge", "cellulitis"),
        # NHS Cuts and grazes: a cut that will not stay closed.
        ("sliced my palm on a broken glass and the edges won't stay together", "bleeding"),
        # NHS: a used needle found and stood on.
        ("my daughter stepped on a discarded needle at the beach", "sexual_health"),
        # BHF: one ICD shock while feeling well - the ICD clinic today.
        ("my defibrillator zapped me while I was gardening, I feel ok", "icd_shock"),
        # NHS Insect bites and stings: a large area red and swollen.
        ("wasp sting on Sunday and now my whole forearm is swollen and hot", "infected_bite"),
        # NHS Heart palpitations: an irregular pulse with dizziness.
        ("my pulse is 150 and irregular and I feel dizzy", "palpitations"),
        # NHS Jaundice: yellow eyes with pale poo; the whites of the eyes gone yellow.
        ("her eyes have gone yellow and her poo is pale", "jaundice"),
        # NHS Ileostomy: a high output with dizziness.
        ("very high output from my stoma, emptying the bag 15 times today", "after_procedure"),
        # Samaritans: wanting to disappear, said as a feeling.
        ("I feel like disappearing, every single day", "suicide"),
        # NHS Dehydration: being sick all day and no wee.
        (
            "these tablets are making me sick all day and I've not had a wee since lunch",
            "dehydration",
        ),
    ],
)
def test_these_need_help_the_same_day(text: str, family: str) -> None:
    assert_same_day_of_family(text, family)


@pytest.mark.parametrize(
    "text",
    [
        "I'm going to end things with my boyfriend tonight",
        "she said she won't be here tomorrow because she's visiting her gran",
        "we jumped into the lake and swam across, such a laugh",
        "lip filler yesterday, bit bruised and swollen as the clinic said",
        "is it true that DNP is banned in the UK?",
        "she was grabbing at her throat because it was sore from the cold",
        "changed the tapes on his tracheostomy this morning, all fine",
        "my husband can't talk properly when he has had a few beers",
        "used my inhaler twice and I'm fine now",
        "nail varnish remover smells so strong",
        "my arm is sore where the needle went in for my flu jab",
        "I went to peg out the washing and came out in a rash",
        "got stung by a nettle, a few itchy bumps",
        "my baby has bright yellow poo, is that normal",
        "that film made me feel like disappearing into the sofa",
        "I get acid reflux, ate late last night and was sick this morning",
        "had a minor shunt in traffic yesterday, a bit of a headache and felt sick after",
        "I have the flue, headache and aches all over",
        "my nephew was choking with laughter at the film",
        "she had one of her usual seizures and recovered fully within a few minutes",
        "my kid swallowed pool water, coughed for a second and has been playing since",
    ],
)
def test_these_are_not_emergencies(text: str) -> None:
    assert_not_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        # Away, not gone: only "by morning" or "alive" set a time on not being here.
        "I won't be here tomorrow, I'm flying to Spain",
        # A new tattoo's first days (NHS: Tattoos - some redness and swelling is normal).
        "new tattoo is warm and a bit swollen, is that normal?",
    ],
)
def test_these_need_no_help_the_same_day(text: str) -> None:
    assert_no_same_day(text)
