"""Issue 10, eighteenth pass: presentations learnt from the tuning halves of the crisis,
infections and heart-and-lungs sets, each written here in our own words from the guidance
named beside its rule in rules.yaml (none is a line of any labelled set)."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_emergency_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Help for suicidal thoughts / Samaritans: affairs put in order, a plan, a goodbye,
        # the means to hand, someone out of reach.
        (
            True,
            "sat in the car at the reservoir with all my pills, wanted someone to know where I am",
        ),
        (True, "I've sorted my will and I know when and how, don't try to talk me out of it"),
        (True, "she texted sorry for everything and now her mobile is switched off"),
        (True, "he left his passwords for his brother and said he is heading to the multistorey"),
        (True, "coworker messaged that he has a rope, now he is not picking up"),
        (True, "I'm going to walk into the sea tonight"),
        # NHS Healthier Together: a first febrile fit is an ambulance call; NHS Meningitis.
        (True, "my 2 year old has a temp of 39 and is jerking all over, eyes rolled"),
        (True, "he just got back from Nigeria with a fever and now he's having a fit"),
        # NHS Psychosis: voices telling someone to harm.
        (True, "the voices are telling me to jump off the bridge"),
        # NICE CG100: delirium tremens or a withdrawal fit.
        (True, "stopped drinking two days ago and just had a fit"),
        # NHS SSRIs, side effects: severe serotonin syndrome.
        (
            True,
            "on sertraline and took tramadol for my back, now really hot, twitching and confused",
        ),
        # NHS Abdominal aortic aneurysm: a known aneurysm and sudden severe pain.
        (True, "I know I have an AAA and I've just had sudden severe pain in my back"),
        # NHS Aortic dissection: a tearing pain between the shoulder blades.
        (True, "pain between my shoulder blades like I'm being torn open"),
        # NHS: a baby who stops breathing.
        (True, "my 6 week old went about 20 seconds without breathing then gasped"),
        # NHS Sepsis: mottled skin; blue or grey lips or tongue; confusion; fast breathing.
        (True, "her legs look marbled and she's had flu for days"),
        (True, "her lips and tongue look grey and she has a chest infection"),
        (True, "Dad has a chest infection and he's not recognising us tonight"),
        (True, "had my op last week, temp 39 and panting lying in bed"),
        # NHS Angina: the second dose of GTN has not eased the pain.
        (True, "GTN twice and the chest pain is not easing"),
        # NHS Dental abscess: the eye on that side swelling.
        (True, "abscess on a back tooth and the eye on the same side is puffing up"),
        # NHS Meningitis: a bulging soft spot; a rash that stays under a glass.
        (True, "baby has a fever and the soft bit on top of her head is puffed up"),
        (
            True,
            "rash on his tummy that doesn't go away when I press a glass against it and he is hot",
        ),
        # NICE CG147: a foot gone pale and cold with pins and needles.
        (True, "my left foot went pale and cold an hour ago with pins and needles"),
        # NHS Necrotising fasciitis: pain far beyond the wound.
        (True, "way more pain than a cut should cause and the arm is swelling"),
        # NHS Bowel obstruction: vomit that smells of poo.
        (True, "being sick and it smells like poo"),
        # NHS Epilepsy: a first seizure, said in a carer's shorthand.
        (True, "resident's husband, no hx of fits, had a fit on the sofa, now drowsy"),
        # NHS Transient ischaemic attack: sight gone and an arm tingling, even when both passed.
        (True, "had a strange spell where half my vision went and my arm tingled, fine now"),
        # NHS Poisoning: foraged mushrooms or berries, then the signs of poisoning.
        (True, "we picked wild mushrooms and fried them, now we both can't stop being sick"),
        (True, "ate berries off a bush, now seeing double and my heart is racing"),
        # NHS Transient ischaemic attack: a limb weak or numb for minutes, then better.
        (True, "my hand went weak for a few minutes and I dropped my cup, it's ok now"),
        # NHS Head injury: blood from the ear, bruising behind it.
        (True, "he hit his head falling off his bike and there is blood coming out of his ear"),
        # NHS Epilepsy: nobody knows whether it is a first seizure.
        (True, "a man collapsed in the street and is fitting, we don't know if he has epilepsy"),
        # Epilepsy Society: still fitting after the rescue medicine.
        (True, "gave her buccal midazolam ten minutes ago and she is still fitting"),
        # NHS Guillain-Barre syndrome: weakness climbing from the feet, swallowing affected.
        (True, "legs weak for 3 days and it's going upwards, now he can't swallow properly"),
        # NHS Ileostomy / Bowel obstruction: a stoma with no output and being sick.
        (True, "stoma bag empty for a day, bloated and being sick"),
        # NHS Kidney stones: a stone with a fever, or no pee.
        (True, "kidney stone and now a fever of 39 and shivering"),
        # NHS inform: a severe stomach ache.
        (True, "her tummy hurts so much she cannot bear me touching it"),
        # Asthma + Lung UK: no better after 10 puffs; NHS: an attack without an inhaler.
        (True, "asthma attack, done 10 puffs of the blue inhaler and she is getting worse"),
        (True, "wheezing badly after PE and she has no inhaler with her"),
        (True, "he has had loads of puffs of his inhaler and is getting more tired and slumped"),
        # NHS Poisoning / Self-harm: an overdose of a calming or psychiatric medicine, or any
        # taken on purpose; a count told with "my mum's" without its apostrophe.
        (True, "took 6 sleeping tablets on purpose"),
        (True, "I've swallowed 7 of my antidepressants"),
        (True, "took 10 of my mums sleeping tablets an hour ago and feel really drowsy"),
        # Resuscitation Council UK: a slow measured heart rate with confusion.
        (True, "16 with anorexia, heart rate 38, dizzy and confused"),
        # NHS inform: a tummy too sore to touch; NHS Ovarian cyst, Inguinal hernia, Urinary
        # retention, Dehydration.
        (True, "his belly is so sore he screams when I touch it"),
        (True, "I have an ovarian cyst and now sudden severe pain on that side"),
        (True, "my hernia is tender and red and I've started vomiting"),
        (True, "can't wee at all and it feels like my bladder will burst"),
        (True, "d and v bug and now he can't stand without nearly passing out"),
        # Everyday uses of the same words.
        (False, "my ovarian cyst scan is next week, no pain"),
        (False, "I have an umbilical hernia, it goes back in easily"),
        (False, "pink pee after eating beetroot"),
        (False, "red jelly sweets in her nappy after she ate a bag of them"),
        (False, "I take 2 sertraline every morning"),
        (False, "had a wheezy cold last week, no inhaler needed now"),
        (False, "sat cross-legged on the floor for ages and my foot went to sleep"),
        (False, "he had a stroke in 2019 and his left side has been weak ever since"),
        (False, "the kids moaned about sore tummies after the party and were fine after a nap"),
        (False, "I'm choking on this essay deadline"),
        (False, "slept on my arm and it was numb for a few minutes"),
        (False, "my legs felt weak for a few minutes after the run"),
        (False, "I had a kidney stone last year, how much water should I drink?"),
        (False, "I picked field mushrooms yesterday, how do I store them"),
        (False, "my foot has pins and needles from sitting cross legged, vision fine"),
        (False, "my husband snores really loud and sometimes it stops for a second then he snorts"),
        (False, "my eldest had a febrile convulsion at 18 months, he is 6 now and has a cold"),
        (
            False,
            "we bought a new rope for the tyre swing, the kids were not answering when I called",
        ),
        (False, "Does the crisis line only help people who feel suicidal?"),
        (False, "did 20 miles on the bike and my feet want to die"),
        (False, "is there a support group for families who lost someone to suicide?"),
        (False, "Sore across my chest after going heavy on the bench, worse when I press on it"),
        (False, "I could barely breathe for laughing at the film"),
        (False, "blotchy red rash on my son's arms, I did the glass test and it fades"),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


def test_a_fever_just_after_the_jabs_is_same_day_advice_unless_another_sign_is_told() -> None:
    # NHS MenB vaccine: a fever after the jabs is expected; a floppy baby is still an emergency.
    after_jabs = triage("my 9 week old had her jabs this morning and is 38.2", locale="GB")
    assert after_jabs.level == "urgent", after_jabs.rule_ids
    floppy = triage("8 week old had jabs yesterday, temp 38.5 and floppy", locale="GB")
    assert floppy.level == "emergency", floppy.rule_ids
    without_jabs = triage("my 7 week old has a temperature of 38.4", locale="GB")
    assert without_jabs.level == "emergency", without_jabs.rule_ids


@pytest.mark.parametrize(
    "text",
    [
        # NHS Urinary tract infections: a man or someone pregnant with UTI symptoms.
        "my husband says it burns when he pees and he's going every half hour",
        "22 weeks pregnant and I think I have a water infection",
        # NHS Blood in urine: red or pink pee.
        "my pee is pink today and nothing hurts",
        # NHS Hearing loss / NICE NG98: most of the hearing in one ear gone over hours.
        "lost most of the hearing in my left ear over a couple of hours",
        # NHS Wound infection after surgery / Cuts and grazes: pus or cloudy fluid from a wound.
        "the stitches in his knee are puffy and red and there is a bit of pus",
        "my c section incision is draining cloudy stuff",
        # NHS DVT: a puffy, sore calf.
        "calf puffed up and sore since my hip operation",
        # BHF: 2 kg in a few days with heart failure, in its abbreviation.
        "weight up 2kg overnight, HF",
    ],
)
def test_same_day_signs_in_everyday_words(text: str) -> None:
    result = triage(text, locale="GB")
    assert result.level == "urgent", (text, result.level, result.rule_ids)
