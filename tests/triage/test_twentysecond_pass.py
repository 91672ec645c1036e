"""Issue 10, twenty-second pass: presentations learnt from the tuning halves' misses and from our
own probes, each written here in our own words from the guidance named beside its rule in
rules.yaml or its entry in reading.yaml (none is a line of any labelled set)."""

from __future__ import annotations

import pytest

from symptomdb.triage.quantities import read_quantities
from symptomdb.triage.reading import analyse

from .families import assert_emergency_or_not, assert_same_day_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Priapism; UCLH: an erection of four hours or more, however it is written.
        (True, "erection that has lasted 4 hours now and it hurts"),
        (True, "priapism 4hrs+"),
        (False, "erection went down after 20 minutes, is that normal on tadalafil"),
        # Samaritans / NHS Help for suicidal thoughts: a goodbye, then nobody can reach them.
        (True, "she posted a goodbye on facebook and no one can get hold of her"),
        (True, "my brother sent a goodbye text and is not replying to messages"),
        (False, "he said goodbye to everyone at his leaving do, he's off travelling"),
        # NHS Inguinal hernia: each sign alone - it will not go back, goes hard or tender,
        # sudden pain, or being sick.
        (True, "the hernia in my groin won't go back and it's really sore"),
        (True, "my hernia has gone rock hard since this morning"),
        (True, "umbilical hernia and now I'm being sick"),
        (False, "my hernia pops back in when I lie down, is surgery worth it"),
        (False, "my hernia is a bit tender after lifting, it still goes back in"),
        (True, "my hernia won't go back in and it hurts"),
        (True, "my hernia goes back in but now it's red and I'm vomiting"),
        (False, "got my hernia from working hard lifting boxes, how long is the wait for surgery"),
        # Emphasis between a finding's words ("can't even fart") and text-message negations.
        (True, "tummy swollen, vomiting, can't even pass wind"),
        (True, "he cnt breathe properly"),
        (True, "cudnt wake her this morning, she's still really floppy"),
        # A finding's longer wording does not push its shorter one out of the window.
        (True, "my brother is snoring oddly and won't wake up properly"),
        # Workers, riders and strangers are people who collapse.
        (True, "one of the scaffolders has collapsed on site"),
        (True, "a cyclist collapsed in front of our house and isn't moving"),
        # NHS Carbon monoxide: an engine or a heater burning in a closed space.
        (True, "we had the gas heater on in the caravan all night and now we both feel dizzy"),
        (False, "is a diesel heater safe to use in a campervan with the window open"),
        # NHS Epilepsy: fits told by their movements, one after another.
        (True, "my son is having jerking fits one after another"),
        (False, "she had a fit of giggles in assembly"),
        # DAN: decompression illness up to 48 hours after a dive.
        (True, "did a deep dive this morning and now my knees ache and my hands are tingling"),
        (True, "surfaced too quickly on my last dive, now I feel dizzy and breathless"),
        (False, "planning a diving holiday in Egypt, do I need a medical first?"),
        # NICE NG133 and NHS Pre-eclampsia: it can start after the birth.
        (True, "gave birth 4 days ago, my bp is 165/112 and I have a blinding headache"),
        # NICE CG98: jaundice in a baby's first day.
        (True, "our daughter was born yesterday evening and she already looks yellow"),
        (False, "baby is 5 days old and a little yellow, feeding well, midwife checked"),
        # NICE NG143: a breathing rate over 60 a minute in a young child.
        (True, "my 4 month old is breathing about 70 times a minute"),
        (False, "my 4 month old is breathing about 40 a minute while asleep"),
        # NICE NG51 / UK Sepsis Trust: 25 breaths a minute or more with an infection.
        (True, "chest infection for three days, RR 30, temp 38.6"),
        # NHS Burns: any chemical burn - wet cement or acid on the skin.
        (True, "kneeled in wet cement yesterday and now there are blisters on my knees"),
        (True, "got some acid on my fingers at work and they're burning"),
        # NHS Eye injuries: chemicals from the farm or the building site, a nail gun.
        (True, "splashed sheep dip in my eye this morning"),
        (True, "builders lime powder blew in my eyes"),
        (False, "the pool chlorine makes my eyes sting for an hour"),
        # NICE NG232: a hard blow at speed, then drowsiness or a pupil changed.
        (True, "she skied into a tree and now one pupil is bigger than the other"),
        (True, "he fell over in the garden and since then he's gone strange, not making sense"),
        # NHS Stroke, FAST: drink dribbling out of the corner of the mouth.
        (True, "her face went weird on one side and tea is dribbling out"),
        # NHS Subarachnoid haemorrhage: a headache like a blow, out of nowhere.
        (True, "out of nowhere a headache like being hit with a hammer"),
        # NHS Cauda equina syndrome: a wee that will not start, numb down below.
        (True, "back pain and I can't get my wee started and I'm numb down below"),
        # NHS Malaria: severe signs after Africa.
        (True, "came back from Uganda last week, fever and now she's confused"),
        (False, "back from Spain, bit of a cold"),
        # NHS Frostbite: blisters after the mountain's cold.
        (True, "on the summit my fingers went hard and white, now they're blistering"),
        (False, "my fingers go white in the cold and then red, happens every winter"),
        # NHS Heatstroke: stopped sweating and confused, the air's temperature not the body's.
        (True, "working outside in 35 degree heat, now he's confused and has stopped sweating"),
        # Homework, writing and curiosity frame a whole message; a report beside them still
        # alarms.
        (False, "for my school project, what does a heart attack feel like? crushing chest pain?"),
        (False, "my nan is asking me what a stroke looks like in older women"),
        (False, "I'm writing a novel where a man's chest pain spreads to his arm, is that right?"),
        (True, "just curious, I have crushing chest pain going down my arm right now"),
        (True, "I'm writing this from the bus, crushing chest pain going down my arm"),
        # "Cannot X without Y": Y comes every time, a double negative.
        (True, "she can't stand up without passing out and her poo is black"),
        (False, "walked round the park without any chest pain today"),
        # NHS Bowel obstruction: sick that smells of poo, told in its own clause.
        (True, "he's being sick, it smells like poo, and his belly is huge"),
        (True, "no proper poo for a week, belly distended, now vomiting"),
        # CDC NIOSH / MedlinePlus: cola-coloured pee with swollen, painful muscles.
        (True, "after the bootcamp class my thighs are swollen and my pee is like cola"),
        (False, "my pee is dark after a long hot walk, I'm drinking more water now"),
        # NHS Fainting: a collapse while exercising.
        (True, "my brother collapsed on the rowing machine at the gym"),
        # St John Ambulance: a blow to the ribs, then faint or blood in the pee.
        (True, "took a knee to the ribs at football and now I feel faint when I stand"),
        (True, "kicked in the back during the match and now I'm peeing bright red blood"),
        # NHS Compartment syndrome: swollen tight after a fall, fingers numb.
        (True, "fell off my bike, my forearm is swollen tight and my fingers have gone numb"),
        # NHS Anaphylaxis: a tongue that feels fat after a sting.
        (True, "stung by a wasp and my tongue feels fat"),
        # NHS Help for suicidal thoughts: cannot stay safe.
        (True, "my daughter says she can't stay safe"),
        # Winded, or a joke, is not a breathing emergency.
        (False, "got winded in the tackle, couldn't breathe for a few seconds, fine now"),
        (False, "I can't breathe, this video is too funny"),
        (True, "took a blow to the chest and I still can't breathe properly and my lips are blue"),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    """Emergency is "emergency" exactly; not an emergency is anything else."""
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # NHS Pre-eclampsia: signs after the birth without a very high reading.
        (True, "had my baby last week, my face is puffy and I've got a bad headache"),
        # NHS Umbilical cord care: a red, smelly stump.
        (True, "my 9 day old's belly button is red and smells"),
        (False, "the cord stump fell off on day 10, all looks clean"),
        # NHS Malaria: a fever after a trip to where malaria is common.
        (True, "home from Ghana five days ago with a fever and the shivers"),
        # NHS Vertigo; NHS Hearing loss; NHS Achilles tendon rupture: the same day.
        (True, "the room keeps spinning and I can't walk, I've been sick"),
        (True, "woke up and can't hear out of my right ear"),
        (True, "felt a pop at the back of my ankle at squash and now I'm walking flat-footed"),
        # NHS Dehydration: drinking much less and dark pee.
        (True, "mum is drinking much less than usual and her wee is dark"),
        # NHS Broken ankle: a child who hops and will not put weight on it.
        (True, "he jumped off the bed and keeps hopping on one foot, won't put weight on it"),
    ],
)
def test_same_day_or_not(same_day: bool, text: str) -> None:
    """Same day is "urgent" exactly; not same day is neither urgent nor an emergency."""
    assert_same_day_or_not(text, same_day)


@pytest.mark.parametrize(
    ("text", "measure", "value"),
    [
        ("RR 32 and sats 93", "breathing_rate", 32),
        ("breathing really fast, about 80 a minute", "breathing_rate", 80),
        ("70 breaths per minute", "breathing_rate", 70),
        ("baby born 18 days ago with a fever", "age_months", 18 / 30.44),
    ],
)
def test_quantities_read(text: str, measure: str, value: float) -> None:
    found = [q for q in read_quantities(analyse(text).words) if q.measure == measure]
    assert found and found[0].value == pytest.approx(value, abs=0.01)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # A time, not a rate; the air's temperature, not the body's; a mother's birth.
        ("stopped breathing for 2 minutes", "breathing_rate"),
        ("out in 34C all day on the roof", "temperature_c"),
        ("it was 35 degree heat at the match", "temperature_c"),
        ("delivered 2 weeks ago and still sore", "age_months"),
    ],
)
def test_quantities_not_read(text: str, measure: str) -> None:
    assert not [q for q in read_quantities(analyse(text).words) if q.measure == measure]
