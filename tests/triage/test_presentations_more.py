"""Emergencies told with a device, a medicine or a sign the earlier rules lacked (2026-12-02).

Our own sentences, written from the guidance each rule cites (NICE NG232 on blood thinners, HHS on
naloxone, NHS Sepsis, NHS Dental abscess, MedlinePlus on intestinal obstruction and
intussusception, NHS Heart palpitations, NHS Meningitis), in words readers use; none is taken from
a benchmark set. Each must be an emergency with a rule of its family firing; each look-alike must
not be an emergency. The rules alone: the semantic detector has its own tests.
"""

from __future__ import annotations

import pytest

from symptomdb.triage import triage
from symptomdb.triage.wordlists import load_yaml

from .families import (
    assert_emergency_of_family,
    assert_not_emergency,
    assert_same_day_of_family,
)

E = "emergency"

EMERGENCIES = [
    ("grandma takes warfarin and slipped in the shower, banged her head", "head_injury"),
    ("fell off a stool and hit my head, I'm on apixaban", "head_injury"),
    ("we gave him naloxone and he's breathing again, do we still need help", "overdose"),
    ("used narcan on my brother, he came round", "overdose"),
    ("husband has a chest infection and today he's confused and can't follow me", "sepsis"),
    ("libre says 30 and my son is drowsy and confused", "dka"),
    ("sugar reading 450 mg/dl and she's really confused", "dka"),
    ("haven't pooed or passed wind for two days and I keep vomiting", "bowel_obstruction"),
    ("10 month old with bouts of screaming, poo like redcurrant jelly", "bowel_obstruction"),
    ("toothache for days and now my eye is swollen shut", "dental_abscess"),
    ("abscess on my back tooth and the swelling is spreading down my neck", "dental_abscess"),
    ("my smartwatch says atrial fibrillation and I'm really short of breath", "palpitations"),
    ("heart beating weird and I nearly passed out on the stairs", "palpitations"),
    ("feverish toddler who won't bend his neck", "meningitis"),
    ("high temperature and she cries when the light is on, wants the lights off", "meningitis"),
    ("he's been seizing for six minutes", "seizure"),
    ("someone has gone to get the AED, he's not responding", "collapse"),
    ("he fell off the ladder and he is not moving or breathing", "collapse"),
    ("touched a live wire at work and got a shock, arm tingling", "burns"),
    ("burning behind my breastbone that's now going into my left arm", "heart_attack"),
    ("8 weeks pregnant and doubled over holding my stomach, clammy", "pregnancy"),
    ("uncle says the government put a chip in his hand and he has to cut it out", "psychosis"),
    # World English and dictation: "chest paint", "giddiness", "loose motions", "heaps".
    ("chest paint spreading to my jaw and left arm", "heart_attack"),
    ("grandfather has blood in motions and giddiness since morning", "gut_bleeding"),
    ("sliced my thigh on the mower, bleeding heaps", "bleeding"),
    ("her mouth is pulled to one side and her words are slurred", "stroke"),
    ("one fit after another and she is not waking in between", "seizure"),
    ("my dad woke up blind in his right eye", "stroke"),
    ("a dark shadow is coming across the vision in my left eye", "retinal_detachment"),
    ("the barbecue went whoosh, his eyebrows are singed and his voice has gone hoarse", "burns"),
    ("grandad's lip is drooping on one side since lunch", "stroke"),
    ("diarrhoea for two days and now she's confused and hasn't peed all day", "dehydration"),
    ("he can't see out of his right eye and his arm feels like jelly", "stroke"),
    ("pain low on the right since lunch and now it's everywhere in his tummy", "appendicitis"),
    ("gran had one fit, then another without waking in between", "seizure"),
    ("he phoned to say where his will is and now he's not answering the door", "suicide"),
    (
        "test was positive last week, now sharp pain on one side and my shoulder tip hurts",
        "ectopic_pregnancy",
    ),
    (
        "took a football to the balls earlier, hit in the balls and it's getting worse, being sick",
        "testicular_torsion",
    ),
    ("fell off his skateboard, no helmet, and his pupils look different sizes", "head_injury"),
    (
        "can't pass water since this morning, bladder feels full and it's very painful",
        "urinary_retention",
    ),
    ("her vision went black on one side all of a sudden", "stroke"),
    ("eye very red and painful with rainbow halos and a headache", "acute_glaucoma"),
]

LOOK_ALIKES = [
    "where can I buy naloxone for my first aid kit",
    "I'm confused about how often to take my antibiotics for this chest infection",
    "what blood sugar is too high, I get confused by the numbers",
    "trapped wind, can't fart and feel bloated after a curry",
    "is it safe to take ibuprofen with warfarin",
    "my lower back is seizing up after gardening",
    "a tree branch came down on the power line in our street",
    "the AED in our office needs new pads, who do I call",
    "toothache for two days, no swelling, what painkiller is best",
    "shaving cut on my chin that keeps bleeding a bit",
    "that fudge was so sweet it could put you in a diabetic coma",
    "overdosed on box sets all weekend",
    "my landlord will have a heart attack when he sees the carpet",
    "seizure of goods by the bailiffs",
    "is suicide squad worth watching",
    "cardiac arrest lyrics meaning",
    "reading a book where the hero drowns at sea",
    "our dog was stung by a bee on the paw",
    "face paint on my chest for the match",
    "we are drowning in assignments this term",
    "first aid steps for a seizure, staff training next week",
    "my eyes are weak and I can't see road signs well at night",
    "legs feel like jelly after leg day at the gym",
    "my son is allergic to nuts, which cereal bars are safe",
    "did a covid test and it was positive, just a sore throat",
    "how does the morning after pill work",
]


@pytest.mark.parametrize(("text", "family"), EMERGENCIES)
def test_it_is_an_emergency_of_its_family(text: str, family: str) -> None:
    assert_emergency_of_family(text, family)


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_a_look_alike_is_not_an_emergency(text: str) -> None:
    assert_not_emergency(text)


# Same-day advice (NHS Poisoning and Poison Control for a dose taken twice; NHS Eye injuries for
# something stuck in the eye): at least urgent, with a rule of the family.
SAME_DAY = [
    ("I think I gave her the antibiotic twice this morning", "medication_error"),
    ("doubled up on my sertraline by accident", "medication_error"),
    ("accidentally took two of my levothyroxine tablets", "medication_error"),
    ("a bit of metal flew in my eye at work and it won't wash out", "eye_injury"),
    ("my contact lens is stuck up under my eyelid", "eye_injury"),
    ("my toddler pushed a raisin up her nose", "foreign_body"),
    ("painful blisters on my forehead going onto the eyelid", "shingles"),
    ("cut my palm on a glass, it's gaping and might need stitches", "bleeding"),
    ("need my reliever inhaler every couple of hours for my asthma", "asthma_attack"),
    ("toddler fell off the sofa and now won't use her arm", "broken_bone"),
    ("gum boil by my back tooth and my cheek is swollen", "dental_abscess"),
    ("blood sugar readings high for days and always thirsty", "high_blood_sugar"),
    ("painful band of blisters round one side of my waist", "shingles"),
    ("the condom broke on saturday, can I still get emergency contraception", "sexual_health"),
    ("mum's leg bag hasn't filled all afternoon, catheter not draining", "catheter_problem"),
    ("not going to do anything but I don't feel safe in my head tonight", "suicide"),
    ("about 9 weeks along and spotting blood since last night", "pregnancy"),
]


@pytest.mark.parametrize(("text", "family"), SAME_DAY)
def test_it_gives_same_day_advice(text: str, family: str) -> None:
    assert_same_day_of_family(text, family)


def test_chest_paint_is_dictation_only_as_the_phrase() -> None:
    # "chest paint" is read as chest pain; paint near a chest otherwise is not a pain at all.
    assert triage("chest paint since this morning", semantic=False).level is not None
    assert triage("spray painted my chest blue for the match", semantic=False).level is None


def test_a_medicine_taken_twice_a_day_is_not_a_mistake() -> None:
    assert triage("I take my inhaler twice a day", semantic=False).level is None


def test_a_rule_file_with_a_key_given_twice_is_refused() -> None:
    # PyYAML alone keeps the second "fainted" and drops the first's terms without a word.
    text = "concepts:\n  fainted: [fainted]\n  fell: [fell]\n  fainted: [passed out]\n"
    with pytest.raises(Exception, match="'fainted' is given twice"):
        load_yaml(text)
