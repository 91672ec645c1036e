"""Sixteenth pass of issue 10: presentations read from the guidance that the rules lacked (a red
eye with changed sight, a mental health crisis in plain words, delusions, contractions close
together, new type 1 diabetes in an adult, blisters in the mouth with skin coming off, pain far
beyond the wound) and the look-alikes their words share. Every sentence is written for this test;
none is from a labelled set."""

from __future__ import annotations

import pytest

from symptomdb.triage import load_rules, triage

from .families import assert_read_as


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [
        # NHS Red eye: a red eye with changes to your eyesight is seen the same day.
        ("got a red eye and blurred vision", "urgent", "red-eye-sight-changed"),
        # NHS Where to get urgent help for mental health: 111 (or a crisis line) the same day.
        (
            "he says he can't cope anymore and is in a really dark place",
            "urgent",
            "mental-health-crisis-not-coping",
        ),
        ("I think I'm having a nervous breakdown", "urgent", "mental-health-crisis-not-coping"),
        # NHS Signs that labour has begun: contractions about 5 minutes apart - call the unit.
        ("38 weeks, contractions 3 minutes apart", "urgent", "labour-contractions-close"),
        # In labour, "the baby's coming" is a birth before help arrives (call 999).
        ("contractions all night and now she says the baby's coming", "emergency", ""),
        # NHS Type 1 diabetes: an urgent GP appointment or 111, in an adult as in a child.
        (
            "I'm 24 and always thirsty, weeing all night and dropped a stone without trying",
            "urgent",
            "new-diabetes-signs",
        ),
        # NHS Stevens-Johnson syndrome: sores or blisters in the mouth and eyes with skin coming
        # away is A&E or 999.
        (
            "new antibiotics, now blisters in her mouth and the skin on her back is coming off",
            "emergency",
            "severe-skin-reaction",
        ),
        # NHS Necrotising fasciitis: pain much worse than you would expect from the wound.
        (
            "small cut on his shin, red all round it and he is in agony way worse than it looks",
            "emergency",
            "",
        ),
        # NHS Blue lips or skin: a grey-blue tinge, whatever word the parent uses.
        ("his lips have gone dusky and he is breathing really fast", "emergency", ""),
        # NHS Meningitis: a stiff neck and a headache with being sick, before any rash.
        ("flatmate has a rigid neck, a splitting headache and keeps vomiting", "emergency", ""),
        # NHS Epilepsy / first aid: a tonic-clonic seizure past 5 minutes.
        ("my uncle is shaking all over on the floor, it's been 7 minutes", "emergency", ""),
        # NHS When to call 999: a part of the body cut off.
        ("chopped the end of my finger clean off with the bread knife", "emergency", ""),
        # NHS Sudden confusion, in a learner's English.
        ("my father is not knowing where he is since lunch today", "emergency", ""),
        # NHS Electric shock: a mains shock through an appliance.
        ("got a shock from the toaster and my heart is going all funny", "emergency", ""),
        # NHS Sudden loss of vision: an eye's sight gone and not back.
        (
            "my right eye went dark while I was driving and it still has not come back",
            "emergency",
            "stroke-sight-gone-today",
        ),
        # NHS Cellulitis: hot, swollen skin around a scratch, redness not always seen.
        ("cat scratch on my wrist is now hot and puffy", "urgent", "cellulitis-wound-hot-swollen"),
        # NHS Dehydration: symptoms that drinking more does not help.
        (
            "dark urine and dizzy when I stand up, drinking lots but it is not helping",
            "urgent",
            "dehydration-not-helped-by-drinking",
        ),
        # NHS Malaria: a fever after travel where malaria is a risk.
        (
            "stopped my antimalarials early after Uganda and now I have a fever and sweats",
            "urgent",
            "malaria-fever-after-travel",
        ),
        # NHS Conjunctivitis: red or sticky eyes in a baby under 28 days old.
        ("my 2 week old has a sticky eye with yellow goo", "urgent", "newborn-sticky-eye"),
        # NHS Post-exposure prophylaxis: sex with someone who has HIV, within 72 hours.
        (
            "we had sex without a condom and he has just told me he has HIV",
            "urgent",
            "sex-emergency-contraception-or-pep",
        ),
        # NHS Headaches: a headache that suddenly becomes extremely painful.
        ("my headache suddenly got much worse about ten minutes ago", "emergency", ""),
        # NHS Epilepsy: fits that keep coming for a long while.
        ("she has been fitting on and off since this morning", "emergency", ""),
        # NHS High temperature in babies: under 3 months with 38C, the age told with "only".
        ("he's only 6 weeks and his temperature is 38.4", "emergency", ""),
        # NHS Postpartum psychosis: a belief that the baby has been swapped.
        (
            "since the baby arrived she has barely slept and now says someone swapped him",
            "emergency",
            "",
        ),
        # NHS Necrotising fasciitis: redness spreading fast, blisters and severe pain.
        (
            "the red patch on her calf is spreading fast, blisters forming, she is in agony",
            "emergency",
            "",
        ),
        # NHS Dental abscess: swelling spreading towards the eye and trouble swallowing.
        (
            "bad toothache and now the swelling has spread up to my eye, it is hard to swallow",
            "emergency",
            "",
        ),
        # NHS Red eye: red and painful, told the other way round.
        ("my eye has been really painful and red since lunch", "urgent", "red-eye-painful"),
        # NHS Alcohol poisoning: drink told by its amount, being sick and passing out.
        ("she drank way too much at a house party and keeps passing out", "emergency", ""),
        # CDC / NHS: opioid overdose - pinpoint pupils and very sleepy after extra doses.
        (
            "gran took extra morphine doses, pupils are pinpoint and she is very drowsy",
            "emergency",
            "",
        ),
        # NHS High blood sugar: very high sugar with drowsiness or confusion.
        (
            "type 2, sugar 28 all day and now really drowsy",
            "emergency",
            "high-sugar-drowsy-or-confused",
        ),
        # BHF: more than one ICD shock; one shock feeling well is the ICD clinic today.
        ("my defibrillator has fired twice in an hour", "emergency", "icd-shocks"),
        ("ICD went off once earlier, I feel fine", "urgent", "icd-single-shock"),
        # NICE NG234: cancer with back pain and weak legs.
        (
            "prostate cancer with spinal mets and now my legs feel weak",
            "emergency",
            "spinal-cord-compression-with-cancer",
        ),
        # Acute oncology: a red, swollen PICC line; diarrhoea on immunotherapy.
        ("the skin round my picc line is red and swollen", "urgent", "chemo-line-infected"),
        (
            "on nivolumab and I've had watery poo five times today",
            "urgent",
            "immunotherapy-diarrhoea",
        ),
        # NICE NG232: a bleeding disorder counts as blood thinners after a knock to the head.
        ("I have haemophilia and hit my head on the car door", "emergency", ""),
        # NHS: someone who has collapsed and barely responds.
        ("grandad collapsed in the hall and is barely responding", "emergency", ""),
        # NHS Inguinal hernia: a lump that will not go back in, with being sick.
        ("his hernia won't go back in and he keeps being sick", "emergency", "hernia-stuck"),
        # CAPT: a button battery missing where a toddler was playing.
        (
            "the battery from the car key is missing and the baby was chewing it",
            "emergency",
            "button-battery-missing-near-child",
        ),
        # NHS Bronchiolitis: less than half the usual feeds.
        (
            "my 5 month old is only taking half her usual milk",
            "urgent",
            "child-feeding-half-the-usual",
        ),
        # NHS Methotrexate: a weekly medicine taken every day.
        (
            "dad has been taking his methotrexate daily by mistake",
            "urgent",
            "weekly-medicine-taken-daily",
        ),
        # BHF: heart failure with 2kg or more gained in a few days.
        (
            "I have heart failure and my weight has gone up 3kg since the weekend",
            "urgent",
            "heart-failure-weight-gain",
        ),
        # NHS Kidney transplant: a temperature after a transplant, told with when it was done.
        (
            "liver transplant 6 months ago and now a fever of 38.3",
            "urgent",
            "transplant-fever-or-less-urine",
        ),
        # NHS Head injury: a baby rolled off the bed onto his head and has been sick.
        ("my 9 month old rolled off the sofa onto his head and has been sick", "emergency", ""),
        # NHS urgent mental health help: "I can't cope" said plainly.
        ("my son rang crying, he says he can't cope", "urgent", "mental-health-crisis-not-coping"),
    ],
)
def test_the_presentation_is_read(text, level, rule):
    assert_read_as(text, level, rule)


@pytest.mark.parametrize(
    "text",
    [
        # A date, not a birth: contractions are not named as coming close together.
        "the baby's coming in August and I have a bit of back ache",
        # Contractions started minutes ago: a time since, not how far apart they are.
        "period type pains started 2 minutes ago",
        # Thirst from a night out, not the 4 Ts.
        "been drinking loads at the party and peeing all night",
        # Idioms and history of the crisis words.
        "I can't cope with this heat anymore haha",
        "what is a mental health crisis team",
        # A belief about the reader's videos, not a delusion of being watched.
        "I think people are watching my videos",
        # The topic, a trainer device and a learning question, not an allergic reaction now.
        "the anaphylaxis talk at school was really useful",
        "practised with my epipen trainer at the clinic",
        "what should I do if someone is drowning at the beach",
        # Numb from the way someone sat; a worst headache that is only the worst in a while.
        "my foot went numb from sitting on it",
        "worst headache I've had in a while but paracetamol sorted it",
        # A cut that bled a lot and stopped with a plaster; a nosebleed that stopped.
        "sliced my thumb on the mandoline, bled a lot but stopped with a plaster",
        "blocked nose so he's not breathing properly through his nose",
        # Lifelong and learning: no sudden loss, no travel fever, no crisis.
        "I've been blind in one eye since birth",
        "do we need malaria tablets for Kenya",
        "I can't cope with the noise from next door",
        # Ectopic heartbeats are a rhythm, not a pregnancy; a snorer's pause told as over.
        "the cardiologist said my flutters are ectopic beats, harmless",
        "he snores and stops breathing for a second, then gasps and carries on",
        # Dementia's usual muddle; an idiom of embarrassment.
        "dad has dementia and is muddled as usual, nothing new",
        "I could have died of embarrassment when I tripped on stage",
        # Static from a car door is not a shock from the mains.
        "got zapped by static off the car door again",
        # A usual seizure that stopped well before the care plan's five minutes.
        "her usual seizure lasted a minute, well before the five minutes in her plan, asleep now",
        # Waking for school; Mongolian blue spots; water boiled and cooled for a baby.
        "my son won't wake up for school again, typical teenager",
        "my baby has bluish grey patches on her back, the midwife said Mongolian spots",
        "can I give my 5 month old cooled boiled water in the heat",
        "how do you do the glass test on a rash?",
        "I take methotrexate every Monday, can I drink alcohol with it",
        # A comma ends a term: "got out, had a cold shower" is not "out cold".
        "felt a bit hot in the sauna so I got out, had a cold shower and felt great",
    ],
)
def test_the_look_alike_is_not_an_emergency(text):
    assert triage(text, locale="GB").level != "emergency"


def test_delusions_are_seen_the_same_day_at_least():
    # NHS Psychosis: delusions (being followed, messages from the radio) are seen urgently. The
    # semantic detector still reads the family's risk to others beside them, and may call this
    # an emergency: the rule's same-day picture does not speak for the whole family.
    text = "my uncle is convinced the neighbours are watching him and the radio sends him signals"
    result = triage(text, locale="GB")
    assert result.level in {"urgent", "emergency"}
    assert "psychosis-new-hallucinations" in result.rule_ids


def test_an_older_baby_s_sticky_eye_is_not_the_newborn_rule():
    result = triage("my 5 month old has a sticky eye", locale="GB")
    assert "newborn-sticky-eye" not in result.rule_ids


def test_a_contraction_count_is_not_a_back_ache():
    result = triage("my back pains come every 5 minutes and I'm not pregnant", locale="GB")
    assert "labour-contractions-close" not in result.rule_ids


def test_a_bleed_that_stopped_then_left_someone_faint_still_alarms():
    # Without a stopper word ("with a plaster", "after 5 minutes") the heavy bleed still counts.
    assert triage("bled a lot then stopped but now I feel faint", locale="GB").level == "emergency"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # NHS Cuts and grazes: a bleed stopped by pressure is cleaned and covered, however it
        # looked at first, wherever the reader says it stopped.
        ("it bled loads at first and I panicked. It stopped with pressure after a bit", None),
        ("nosebleed on apixaban, pinched for 10 minutes and it has stopped", None),
        # Not when it started again or left someone pale or faint.
        (
            "bled heavily, stopped with pressure but then started again and now it's pouring",
            "emergency",
        ),
        ("bleeding loads, it stopped with a towel but now she is pale and clammy", "emergency"),
    ],
)
def test_a_bleed_stopped_by_pressure_is_not_an_emergency(text, level):
    result = triage(text, locale="GB")
    assert (result.level == "emergency") == (level == "emergency"), (text, result.rule_ids)


def test_a_question_about_overdosing_with_a_count_still_alarms():
    text = "can you overdose on paracetamol? I took 20 this morning"
    assert triage(text, locale="GB").level == "emergency"


def test_the_rules_ruling_words_out_lets_the_detector_defer():
    """A concept said only in its own exceptions, where its list says they rule it out, counts
    as a family the rules have read; one whose exceptions do not (blood) does not."""
    rules = load_rules()
    _, reading = rules.read_text("worst headache in weeks, it eased after a nap")
    assert "thunderclap_headache" in reading.families_read
    _, reading = rules.read_text("my blood pressure is fine")
    assert not reading.families_read & {"bleeding", "coughing_blood", "gut_bleeding"}


def test_a_family_speaks_through_a_rule_that_speaks_for_it():
    """The semantic detector's message for a family comes from ``rule_for``: where a rule of
    that level speaks for the whole family, it is that rule's, not one picture's."""
    rules = load_rules()
    for family in {r.family for r in rules.rules}:
        for level in ("emergency", "urgent"):
            speaking = [
                r
                for r in rules.rules
                if (r.family, r.level) == (family, level) and r.speaks_for_family
            ]
            chosen = rules.rule_for(family, level)
            if speaking:
                assert chosen is not None and chosen.speaks_for_family, (family, level, chosen)
