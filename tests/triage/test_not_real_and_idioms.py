"""Everyday look-alikes, fiction, training and idioms share an emergency's words without being
one; a real emergency told beside them is still one. Our own examples, written for this suite."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

E = "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "in the TV drama the dad collapsed with a heart attack, is that realistic",
        "the nurse on the course showed us how to use an EpiPen on a dummy",
        "my first aid course covers choking next week, any tips",
        "my character in the novel has a seizure in chapter two",
        "how to do CPR on a first aid course",
        "hay fever is bad this week, itchy eyes and sneezing",
        "how many chest compressions a minute in CPR, revising for my first aid course",
        "we laughed so hard at the pub quiz that I could not breathe",
        "my heart stopped when I heard the exam results",
        "I was killing myself laughing at the wedding speech",
        "the kids collapsed into giggles at the puppet show",
        "my dad had a fit when he saw the scratch on his car",
        "my cat is having a seizure, what should I do",
        "our puppy has a swollen face after a wasp sting",
        # Make-believe, and what the guidance says for no one in particular.
        "the twins were playing hospitals and pretending to have a stroke",
        "at brownies tonight they learnt what to do if someone stops breathing",
        # NHS Sleep apnoea: gasps and choking noises while snoring are for a GP.
        "my partner snores and now and then gasps in her sleep, could it be sleep apnoea",
        "grandad snores like a foghorn and makes choking noises in his sleep",
    ],
)
def test_fiction_training_and_idioms_are_not_emergencies(text):
    assert triage(text).level != E, triage(text).rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "my dad collapsed at his first aid course and isn't breathing",
        "at the first aid class a woman collapsed and is unconscious",
        "of course he is not breathing, what do I do",
        "we were watching a film when my husband collapsed and he won't wake up",
        "hay fever season but now a high fever of 39.5 and a stiff neck",
        "his heart stopped and he isn't breathing",
        "I keep thinking about killing myself",
        "my wife collapsed in the kitchen after laughing at the telly",
        "a hot dog is stuck in my throat and I can't breathe",
        "the dog bit me and I'm bleeding heavily, it won't stop",
        "what to do if my toddler is not breathing",
        "he was snoring really loudly. now he is gasping for air and going blue",
        "she was pretending to be fine but now her lips are blue and she can't breathe",
    ],
)
def test_a_real_emergency_beside_them_still_is_one(text):
    assert triage(text).level == E, triage(text).rule_ids


# Told the way readers type them; each follows the NHS page for its picture.
EVERYDAY_EMERGENCIES = [
    "my wife's speech went funny all of a sudden and she can't lift her cup with her right hand",
    "husband is gasping and clutching his chest, grey and sweaty",
    "baby is grunting with every breath and looks floppy",
    "my son ate a peanut cookie and his face is puffing up and he's wheezing",
    "friend took loads of pills at the party and we can't wake her",
    "my mum slipped in the bathroom, hit her head on the bath and is being sick and confused",
    "worst headache of my life came on while lifting weights, vomited twice",
    "i cant breathe properly and my lips look blue",
    "my 4 month old has a temperature of 39 and won't feed and is very sleepy",
    "he's been fitting for more than five minutes and won't stop",
    "sudden agony in my balls, feel sick, started an hour ago",
    "I'm 8 weeks pregnant with sharp pain on one side and my shoulder tip hurts",
    "blood pouring from a cut on my leg and it won't stop even with pressure",
    "she took 30 paracetamol this morning and now feels sick",
    "my diabetic dad is sweaty, confused and slurring, we can't get him to eat",
    "can't feel my legs after falling off the ladder, neck hurts",
    "vomiting blood, lots of it, feel faint",
    "rash of tiny purple spots that won't fade, fever and cold hands",
    "i have a plan to end it tonight and have the pills ready",
    "he was pulled out of the pool not breathing",
    "my grandad is very hot, confused and not sweating after gardening all day in the heat",
    "black tarry poo and I nearly passed out on the toilet",
    "choking on a grape, can't cough or speak",
    "sudden tearing pain through to my back between my shoulder blades",
    "my leg is swollen and painful and now I'm suddenly breathless and coughing blood",
]

# Shares their words but is self-care, a GP appointment, a question or the past.
EVERYDAY_LOOK_ALIKES = [
    "had a panic attack on the train, heart racing, it passed after ten minutes, I feel fine now",
    "got a nosebleed after blowing my nose, stopped after five minutes of pinching",
    "I cut my thumb chopping onions, a plaster sorted it",
    "my baby bumped her head on the coffee table, cried straight away, now playing as normal",
    "my son fell off his scooter and grazed both knees, cleaned them up",
    "I have a migraine like my usual ones, with the zigzag lights first, took my sumatriptan",
    "burnt my hand on the oven tray, small red patch, ran it under cold water for 20 minutes",
    "stung by a wasp on the arm, a bit red and itchy around it, no other symptoms",
    # A false alarm until the bank had look-alikes of a first taste of shellfish with no reaction.
    "ate some prawns and feel fine, just wondering if shellfish allergy can start in adults",
    "my period is a few days late, I've been stressed",
    "my blood sugar was 9 after a big dinner, I'm type 2 on metformin",
    "temperature 37.8 with a cold, taking paracetamol, drinking fine",
    "feeling a bit down since the winter started, still going to work and seeing friends",
    "my back is sore after moving house, no numbness, peeing normally",
    "dizzy for a second when I stand up too fast, fine otherwise",
    "my toddler swallowed a bit of toothpaste",
    "got some bleach on my hands while cleaning, washed it off",
    "i think i strained a muscle in my chest lifting weights, hurts when i press on it",
    "occasional palpitations after too much coffee",
    "my mum fell over in the garden, she's up and walking, just a bruised knee",
    "I've been coughing for a few days with a cold, clear phlegm",
    "slight headache after a long day on the laptop",
    "my eye is red and gritty, no pain, vision fine",
    "toddler has diarrhoea but is drinking and weeing normally",
    "pregnant 20 weeks, baby moving loads, just some heartburn at night",
    "can you die from a bee sting if you're not allergic",
    "what are the early signs of sepsis in adults",
    "is it normal to feel faint when giving blood",
    "my husband snores loudly and sometimes stops breathing for a few seconds at night",
    "my husband snores loudly and sometimes stops breathing for a few seconds at night",
]


@pytest.mark.parametrize("text", EVERYDAY_EMERGENCIES)
def test_everyday_emergencies_are_called_emergencies(text):
    assert triage(text).level == E, triage(text).rule_ids


@pytest.mark.parametrize("text", EVERYDAY_LOOK_ALIKES)
def test_everyday_look_alikes_are_not_emergencies(text):
    assert triage(text).level != E, triage(text).rule_ids


def test_a_snorer_who_stops_breathing_and_will_not_wake_is_an_emergency():
    assert triage("he was snoring, then stopped breathing and now won't wake up").level == E


# Same-day pictures (NHS: kidney infection, cellulitis, retinal detachment, animal bites, quinsy,
# baby movements, high blood sugar, fever in babies, delirium with infection, appendicitis,
# kidney stones, broken bones, pre-eclampsia, first fits, dehydration, palpitations, chest pain).
EVERYDAY_SAME_DAY = [
    (
        "been weeing loads and it stings, now I've got a temperature and my lower back on the"
        " right is really sore"
    ),
    (
        "my leg has gone red, hot and swollen around a scratch from the garden and the red "
        "patch is getting bigger"
    ),
    "seeing lots of new floaters in one eye and flashes at the edge, like a cobweb came down",
    "our dog bit my daughter's hand, two small puncture marks, it's bled a bit",
    "really bad sore throat only on the left, can barely open my mouth and my voice sounds muffled",
    "I'm 36 weeks and haven't felt the baby kick at all since this morning",
    "my blood sugar has been over 20 all day even with my insulin, feel thirsty and weeing a lot",
    "6 month old has had a temperature of 39 since yesterday, still feeding a little",
    "my mum seems more muddled than usual over the last couple of days and has a water infection",
    (
        "pain started around my belly button yesterday and has moved down to the bottom "
        "right, hurts to walk"
    ),
    "agonising pain in my side that comes in waves and goes down to my groin, I'm pacing about",
    "I think I've broken my wrist falling off my bike, it's swollen and bent a bit",
    "34 weeks pregnant with a bad headache that won't go and my vision's gone a bit blurry",
    (
        "had a fit for the first time yesterday evening at home, I'm back to normal now, "
        "never had one before"
    ),
    "been vomiting since last night, can't keep even water down, peeing hardly anything",
    "my heart keeps racing for no reason and I feel a bit lightheaded with it",
    "chest pain on and off since this morning, not too bad, no sweating or breathlessness",
]

# Emergencies told as a story, the finding in the middle.
STORIES = [
    (
        "I was feeling rubbish with flu-like stuff for a couple of days but tonight I'm "
        "shivering uncontrollably, my skin looks mottled and I feel like I'm going to die"
    ),
    (
        "we were at the park having a picnic and my little boy was stung by something, and "
        "now ten minutes later his lips are huge and he's making a whistling noise when he "
        "breathes"
    ),
    (
        "long story but my brother was drinking all afternoon, took some of his mate's "
        "tablets, and now he's snoring really loudly and we can't wake him at all"
    ),
    (
        "nan had a fall this morning but said she was fine, now this evening she is really "
        "drowsy and not making sense and she's on warfarin"
    ),
    (
        "I've had a bit of a cough this week and then today out of nowhere I got a sharp pain"
        " in my chest when I breathe and I'm really short of breath, I flew back from "
        "Australia on Monday"
    ),
    (
        "my partner has been really low for months and tonight he sent me a text saying sorry"
        " for everything and goodbye and he's not answering"
    ),
    (
        "so I've been diabetic for years, been sick all day with a tummy bug, now my "
        "breathing is deep and fast and my breath smells like pear drops"
    ),
    (
        "doing the gardening and my dad said his arm went dead and now one side of his face "
        "looks like it's slipping"
    ),
]


@pytest.mark.parametrize("text", EVERYDAY_SAME_DAY)
def test_same_day_pictures_get_at_least_urgent(text):
    assert triage(text).level in (E, "urgent"), triage(text).rule_ids


@pytest.mark.parametrize("text", STORIES)
def test_emergencies_told_as_stories_are_called_emergencies(text):
    assert triage(text).level == E, triage(text).rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "said goodbye to my friends at the airport, feeling a bit low",
        "sent a goodbye message to my team as I'm leaving my job, so sad",
    ],
)
def test_an_ordinary_goodbye_is_not_an_emergency(text):
    assert triage(text).level != E, triage(text).rule_ids


# An animal as the clause's subject, or one that was found, with no person in the clause: the
# vet's concern (context.yaml animals). Our own examples.
@pytest.mark.parametrize(
    "text",
    [
        "parrot seems to be choking on a sunflower seed",
        "found a kitten under the car, soaking and freezing cold",
        "our old dog is fitting on the kitchen floor",
        "hamster was bleeding from its paw after the cage door shut on it",
        "the rabbit has stopped breathing properly, I think",
    ],
)
def test_an_animal_alone_is_not_an_emergency_of_ours(text):
    assert triage(text).level != E, triage(text).rule_ids


# The same animals beside a person, or doing something to one, or only where the reader was:
# a report, never quieted.
@pytest.mark.parametrize(
    "text",
    [
        "walking the dog when a crushing pain came on in my chest and went down my arm",
        "bitten by a dog and bleeding heavily, it won't stop",
        "thrown off the horse onto my back and I can't feel my legs",
        "the dog knocked grandad over, he hit his head and now he's confused and being sick",
        "the cat is fine but my son is choking and can't breathe",
    ],
)
def test_a_person_beside_an_animal_is_still_a_report(text):
    assert triage(text).level == E, triage(text).rule_ids


# A word that names an animal and a part of the body is the body: "calf" is a leg here.
@pytest.mark.parametrize(
    "text",
    ["my calf is hot, swollen and throbbing", "her calf was red and puffy and sore to touch"],
)
def test_a_calf_is_a_leg_not_an_animal(text):
    assert triage(text).level in (E, "urgent"), triage(text).rule_ids


# "The worst headache" compared with recent weeks, or "the worst pain" saying where it is, is not
# the NHS's "worse than any you've had before"; the worst of a life still is.
@pytest.mark.parametrize(
    "text",
    [
        "worst headache in weeks, probably because I skipped my coffee",
        "this is the worst migraine I've had this month, usual aura, took my triptan",
        "tension headache, worst pain is at the back of my neck after a long day at the desk",
    ],
)
def test_a_worst_headache_of_the_month_is_not_thunderclap(text):
    assert "thunderclap-headache-worst-ever" not in triage(text, locale="GB").rule_ids


@pytest.mark.parametrize(
    "text",
    [
        "this is the worst headache I have ever had",
        "the worst pain I've ever had in my head, came on like a bang",
        "worst headache in my life",
    ],
)
def test_the_worst_headache_of_a_life_still_is(text):
    assert triage(text, locale="GB").level == "emergency"
