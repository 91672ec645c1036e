"""Issue 10, twenty-eighth pass: pictures learnt from the tuning halves of five new sets
(recurrences and known conditions, danger told by what is absent, children typing, pain,
alcohol and drug dependence), each written here in our own words from the guidance named beside
its rule in rules.yaml (none is a line of any labelled set); and two changes to the reading of
context: history cues that open a phrase, and a film's or a book's story told on after it.
"""

from __future__ import annotations

import pytest

from symptomdb.triage import load_rules, triage

from .families import (
    assert_emergency_of_family,
    assert_no_same_day,
    assert_not_emergency,
    assert_same_day_of_family,
)


def _historical_words(text: str) -> set[str]:
    doc, reading = load_rules().read_text(text)
    return {doc.words[i] for i in reading.context.historical}


def test_history_of_puts_in_the_past_only_what_follows_it() -> None:
    past = _historical_words("she takes warfarin and has a history of nosebleeds")
    assert "nosebleeds" in past
    assert "warfarin" not in past


def test_used_to_keeps_what_came_before_it_in_the_present() -> None:
    past = _historical_words("crushing chest pain like I used to get")
    assert "chest" not in past
    assert "get" in past


def test_a_distant_past_still_covers_its_whole_clause() -> None:
    assert "seizure" in _historical_words("had a seizure years ago")


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # NHS Anticoagulant medicines: bleeding that will not stop on a blood thinner, told after
        # a history in the same clause.
        (
            "I'm on apixaban and have a history of nosebleeds, this one won't stop bleeding",
            "bleeding",
        ),
        # NHS Epilepsy: a fit lasting 5 minutes or more, told by how long it has gone on.
        ("my brother's fit has been going for about seven minutes", "seizure"),
        # CDC opioid overdose: pin-point pupils with snoring noises.
        ("he's slumped on the sofa making snoring noises and his pupils are pinpoint", "overdose"),
        # NHS Poisoning: a child who swallows an opioid substitution medicine needs A&E.
        ("our 3 year old sucked on one of my buprenorphine tablets", "poisoning"),
        # NICE CKS Benzodiazepine withdrawal with NHS Epilepsy (a first fit): 999.
        ("came off diazepam cold turkey last week and just had a seizure", "sedative_withdrawal"),
        # NHS Help for suicidal thoughts: a plan with the means ready.
        ("she's got tablets ready and says she won't be here by morning", "suicide"),
        # What0-18 croup red box: drooling, grey or mottled.
        ("croupy cough all night and now he's drooling and mottled", "airway"),
        # NHS Hydrocephalus: a fit in someone with a shunt.
        ("my son has a VP shunt and has just had a fit", "shunt_blockage"),
        # NHS Low blood sugar: still dropping after treatment.
        ("sugar 2.6 and still falling after two lots of jelly babies", "hypoglycaemia"),
        # NHS Angina: the pain not relieved by the second GTN dose.
        ("used my GTN twice and it's not touching the pain in my chest", "heart_attack"),
        # NHS Ileostomy / Mayo Clinic: a stoma that has stopped with vomiting.
        ("colostomy has stopped working since last night and I keep vomiting", "bowel_obstruction"),
        # NHS Acute pancreatitis: tummy pain through to the back with vomiting.
        (
            "pain in the top of my tummy going through to my back and I keep being sick",
            "pancreatitis",
        ),
        # NHS Stroke: a numb leg and words no longer understood.
        (
            "mum's right leg has gone numb and she doesn't understand what we're saying to her",
            "stroke",
        ),
        # NHS DKA: insulin missed and being sick.
        ("ran out of insulin three days ago and now I'm vomiting", "dka"),
        # NHS Vaginal bleeding in pregnancy, Tommy's: bleeding with a hard tummy.
        ("30 weeks and bleeding, my bump has gone rigid", "pregnancy"),
        # NHS Head injury: double vision after a knock.
        ("banged my head on the shelf and now I'm seeing double", "head_injury"),
        # NHS Poisoning: berries eaten, now drowsy.
        ("my toddler ate berries off a hedge and now she's really drowsy", "poisoning"),
        # NHS Subarachnoid haemorrhage / NICE CKS Headache: a headache that came on in seconds.
        ("my headache came on within seconds while lifting the shopping", "thunderclap_headache"),
        # Samaritans: somewhere to fall from and said to be about to jump.
        ("my dad is on the roof and says he is going to jump", "suicide"),
        # NHS Necrotising fasciitis: skin at a wound going black, spreading fast.
        (
            "the skin around the cut on my leg is going black and spreading fast",
            "necrotising_fasciitis",
        ),
        # NHS SVT: the named rhythm with fainting.
        ("my SVT won't stop this time and I feel like I'm going to faint", "palpitations"),
    ],
)
def test_these_are_emergencies(text: str, family: str) -> None:
    assert_emergency_of_family(text, family)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # NHS Alcohol misuse: withdrawal symptoms are a reason for advice today.
        (
            "gave up drinking yesterday and my hands are trembling and I'm sweaty",
            "alcohol_withdrawal",
        ),
        ("stopped my pregabalin suddenly, jittery and can't sleep", "sedative_withdrawal"),
        # NHS Appendicitis: pain low on the right.
        ("my son has had a pain low on the right since this morning", "appendicitis"),
        # NHS Hearing loss: sudden deafness is seen the same day.
        ("woke up with sudden deafness in my left ear", "sudden_hearing_loss"),
        # NHS UTI: symptoms with a high temperature.
        (
            "I need to pee all the time and it burns, and I've got a temperature of 38.5",
            "kidney_infection",
        ),
        # NHS Cellulitis: named, with the skin hot and swollen.
        ("I think my cellulitis is back, my calf is swollen and red", "cellulitis"),
        # NHS Giant cell arteritis: a new headache with jaw pain on chewing.
        ("new headache this week and my jaw aches when I eat", "giant_cell_arteritis"),
    ],
)
def test_these_need_help_the_same_day(text: str, family: str) -> None:
    assert_same_day_of_family(text, family)


@pytest.mark.parametrize(
    "text",
    [
        # A film, told on after it is named.
        "In the film I watched, a man stops breathing and they shock him twice. Is that real?",
        "Saw a programme about sepsis, a child had a rash that didn't fade. What's the glass test?",
        "For homework we need to explain why blood clots, can you help?",
        # Questions put as a condition inside a story are the story's.
        "in the movie they gave her an epipen when she collapsed, is that what you do?",
        # Another drink given up.
        "stopped drinking coke and I'm a bit shaky in the afternoons",
        # Jumping for fun, from nowhere to fall or into water to play.
        "the kids are going to jump in the pool after lunch",
        "he's on the edge of the diving board and going to jump",
        "my daughter is on the roof terrace and wants to jump on the trampoline",
        # A headache that came on slowly.
        "headache came on slowly through the afternoon, like my usual tension ones",
        # Fits named in a healthy sense stay quiet.
        "I'm trying to keep fit and the gym is going well",
    ],
)
def test_these_are_not_emergencies(text: str) -> None:
    assert_not_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        # The story's frame ends at a word of the present: a report.
        "watched a documentary about strokes, husband's face is drooping now",
        # The reader in the clause after a story: a report.
        "saw a film about heart attacks and now I have crushing chest pain",
    ],
)
def test_a_report_after_a_story_is_still_read(text: str) -> None:
    assert triage(text, semantic=False).level == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # NHS Teeth grinding: an everyday cause for the jaw.
        "headache and my jaw hurts when I chew, I grind my teeth at night",
        "stopped drinking tea and can't sleep",
        # Low on the right of something other than the tummy.
        "my lower right wisdom tooth is aching",
        "a dull ache low on the right side of my back after digging",
    ],
)
def test_these_need_no_help_the_same_day(text: str) -> None:
    assert_no_same_day(text)
