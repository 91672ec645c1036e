"""The presentations issue 10 added to rules.yaml: each family's examples and look-alikes.

The sentences are written for this file from the public guidance each family cites (NHS, NICE,
CDC...), in the words readers use; they are not taken from any benchmark set. Each example must
reach its family's level (or a more urgent one) with a rule OF THAT FAMILY firing, so that the
reader gets that family's advice on where to go. Each look-alike (a question, past history, an
everyday phrase with the same words) must not be called an emergency.

These test the rules alone: the semantic detector has its own tests.
"""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from symptomdb.triage import LEVELS, TriageResult, load_rules, triage
from symptomdb.triage.locale import numbers_for

E = "emergency"
U = "urgent"

# family: (level, examples that must reach it, look-alikes that must not be an emergency)
FAMILIES: dict[str, tuple[str, list[str], list[str]]] = {
    "dka": (
        E,
        [
            "diabetic, been sick all day, breathing deep and fast, breath smells fruity",
            "my type 1 son keeps vomiting and his breath smells like pear drops",
            "I'm on insulin and have bad tummy pain and can't stop being sick",
            "my blood sugar is really high and I've been throwing up since this morning",
            "sugar reading 25 mmol and I keep vomiting",
            "insulin pump failed overnight, now nauseous with stomach pain and fruity breath",
            "diabetic and my urine ketones are large, feeling awful",
        ],
        [
            "what is diabetic ketoacidosis",
            "how to prevent DKA when you're ill",
            "my grandad had DKA years ago",
        ],
    ),
    "hypoglycaemia": (
        E,
        [
            "my diabetic husband is confused and sweaty and not making sense",
            "blood sugar 2.1 and she's really drowsy",
            "he's having a hypo and he's passed out",
            "my daughter's sugar dropped to 45 mg/dl and she's confused",
            "found my diabetic mum unconscious on the sofa",
            "sugar is 2.8 and she's having a seizure",
        ],
        [
            "how do I treat a mild hypo",
            "what causes low blood sugar in people without diabetes",
            "had a hypo last night but I'm fine now after juice",
        ],
    ),
    "chemotherapy_fever": (
        E,
        [
            "I'm on chemo and my temperature is 38.2",
            "my mum had chemotherapy last week and now she's shivery and feels unwell",
            "having chemo for breast cancer, temp 37.8 tonight",
            "my son is neutropenic after his leukemia treatment and has a fever",
            "my husband is on chemotherapy and has a temperature of 100.8F",
        ],
        [
            "what are the side effects of chemotherapy",
            "can chemo cause fever",
            "I finished chemo years ago and feel great",
        ],
    ),
    "spinal_injury": (
        E,
        [
            "he dived into the shallow end and now he can't feel his legs",
            "fell off a ladder and hurt my neck, now I have pins and needles in both arms",
            "my daughter came off her horse, her back hurts and her legs are numb",
            "car crash, my neck is killing me and my hands are tingling",
            "I think he's broken his neck",
            "after the motorbike accident she can't move her legs",
        ],
        [
            "my neck is stiff from sleeping funny",
            "what is a spinal cord injury",
            "I broke my back years ago and still have pins and needles",
            "I fell asleep on the sofa and my back hurts",
        ],
    ),
    "ectopic_pregnancy": (
        E,
        [
            "6 weeks pregnant, sharp pain low on one side and pain at the tip of my shoulder",
            "positive pregnancy test last week and now stabbing pain on my left side",
            "I'm 7 weeks pregnant and I just fainted",
            "missed my period, pain on the right side of my tummy and my shoulder hurts",
            "8 weeks gone with cramps on one side",
            "pregnant, pain at the tip of my shoulder when I lie down",
        ],
        [
            "what are the signs of an ectopic pregnancy",
            "I had an ectopic pregnancy years ago and want to try again",
            "6 weeks pregnant and feeling tired",
        ],
    ),
    "testicular_torsion": (
        E,
        [
            "pain in my balls",
            "my son says his balls really hurt",
            "my nuts are killing me",
            "testicle swollen and very painful",
            "my teenager woke up with pain in his testicle and he's been sick",
            "sudden agony in my left nut",
        ],
        [
            "pain in the balls of my feet",
            "I ate a handful of nuts and now my stomach hurts",
            "how to check your testicles for lumps",
            "aching testicle for a few days",
        ],
    ),
    "overdose": (
        E,
        [
            "took 9 paracetamol",
            "I've taken 16 paracetamol today",
            "she swallowed 30 sleeping pills",
            "my friend took twelve tablets an hour ago",
            "took 10 ibuprofen for my back",
            "my daughter took 14 paracetamol tablets",
            "I took 15 Tylenol",
        ],
        [
            "took 2 paracetamol for my headache",
            "I take 10 tablets every day for my heart",
            "took 8 paracetamol over 24 hours",
        ],
    ),
    "recreational_drugs": (
        E,
        [
            "my friend took mdma and is burning up and fitting",
            "he's really drunk and we can't wake him",
            "she took ketamine and her breathing is really shallow",
            "I think my drink was spiked and I'm confused and my heart is pounding",
            "took cocaine and now I have chest pain",
            "I think he has alcohol poisoning",
            "took speed and my heart rate is 160",
        ],
        [
            "is it safe to drink alcohol on antibiotics",
            "my brother smokes weed every day",
            "hangover headache after being drunk last night",
        ],
    ),
    "drowning": (
        E,
        [
            "my son nearly drowned in the pool",
            "someone is drowning in the lake",
            "we pulled her out of the water and she keeps coughing and is very sleepy",
            "my toddler went under in the bath and now he's breathing funny",
            "my daughter was found face down in the pool",
        ],
        [
            "I'm drowning in work this week",
            "how to prevent drowning at the beach",
            "I feel like I'm drowning in debt",
        ],
    ),
    "airway": (
        E,
        [
            "my baby is choking on a grape",
            "he's choking and can't breathe",
            "something is stuck in her throat and she can't cough",
            "my child is making a high pitched noise when breathing in",
            "drooling and can't swallow with a really sore throat",
            "my son has croup and is making a high-pitched sound when he breathes in",
        ],
        [
            "what is the choking hazard for toys",
            "my baby is drooling because she's teething and won't swallow her food",
            "I get a choking feeling when I'm anxious",
            "choked on my drink but I'm fine now",
        ],
    ),
    "snake_bite": (
        E,
        [
            "bitten by a snake on my ankle",
            "an adder bit my dog and then me",
            "my son got bitten by a rattlesnake",
            "a snake bit me while hiking",
            "I got bit by a snake in my yard",
        ],
        [
            "how to treat a snake bite",
            "my snake plant is dying",
            "saw a snake in the garden and was a bit scared",
        ],
    ),
    "labour": (
        E,
        [
            "my waters broke and I can feel the cord",
            "the baby is coming now and I'm at home",
            "I can see the baby's head",
            "contractions every minute and I need to push",
            "I'm pregnant and something like the cord is hanging out",
            "help the baby is crowning",
        ],
        [
            "what are the signs of labour",
            "how long does labour last for a first baby",
            "the baby's cord stump fell off",
        ],
    ),
    "psychosis": (
        E,
        [
            "my brother is hearing voices telling him to hurt someone",
            "my son is psychotic and threatening to kill us",
            "she's paranoid and waving a knife around",
            "he says god told him to kill his neighbour",
            "my dad is hallucinating and attacked my mum",
        ],
        [
            "what is psychosis",
            "my brother has schizophrenia and is doing well on his meds",
            "I hear voices when I'm falling asleep",
            "I'm going to kill my brother for eating my cake",
        ],
    ),
    "bilious_vomiting": (
        E,
        [
            "my baby is vomiting green",
            "newborn throwing up green bile",
            "my 2 year old's sick is green",
            "baby vomited bright green",
            "my toddler's vomit is green",
        ],
        [
            "my baby's poo is green",
            "why is baby poop green",
            "baby brought up some milk after a feed",
        ],
    ),
    "hypothermia": (
        E,
        [
            "found my grandad in his cold house, he's confused and slurring",
            "she's been out in the snow all night and is very drowsy",
            "his temperature is 34.5 and he feels cold",
            "body temperature 94F and shivering stopped",
            "I think he has hypothermia",
            "my baby feels cold to touch and is floppy",
        ],
        [
            "what is hypothermia",
            "my hands are always cold",
            "how to avoid hypothermia when camping",
        ],
    ),
    "heatstroke": (
        E,
        [
            "I think I have heatstroke",
            "my dad was working outside in the heat and now he's confused and not sweating",
            "ran a marathon in the heat and collapsed",
            "temperature 40.5 after being in the sun all day",
            "heat exhaustion and still unwell after cooling down for half an hour",
        ],
        [
            "what are the symptoms of heatstroke",
            "I had heat stroke last summer",
            "how to prevent heatstroke in dogs",
        ],
    ),
    "hip_fracture": (
        E,
        [
            "my nan fell and can't stand up",
            "my 84 year old mum fell and can't get up, her hip hurts",
            "grandad fell and his leg looks shorter and turned out",
            "fell on my hip and can't put any weight on my leg",
            "I think she's broken her hip",
            "grandma tripped and her foot is turned outwards",
        ],
        [
            "my nan broke her hip last year",
            "hip pain when I walk up stairs",
            "how long does a hip fracture take to heal",
            "my older brother fell over playing football and hurt his ankle",
        ],
    ),
    "carbon_monoxide": (
        E,
        [
            "our carbon monoxide alarm is going off and I feel dizzy",
            "we've been using a generator indoors and everyone has a headache",
            "could it be carbon monoxide poisoning, we all feel sick at home",
            "the boiler flame is yellow and we have headaches and feel sick",
            "our CO detector is beeping and my kids have headaches",
        ],
        [
            "how to test a carbon monoxide alarm",
            "what is carbon monoxide",
            "paint fumes gave me a headache",
        ],
    ),
    "collapse": (
        E,
        [
            "I don't think she's breathing",
            "he's gone blue and won't answer me",
            "can't find a pulse",
            "my dad isn't responding to me",
            "I'm not sure if he's breathing",
            "my wife is on the floor and not answering",
        ],
        [
            "my temperature isn't responding to ibuprofen",
            "my son's fever isn't responding to calpol",
            "she isn't answering her phone",
            "her laptop is not responding",
            "my fingers went blue in the cold",
        ],
    ),
    "kidney_infection": (
        U,
        [
            "I have a UTI and now a high temperature",
            "fever and pain in my side under my ribs",
            "burning when I pee and I'm shivering",
            "I think I have a kidney infection",
            "cystitis and now a temperature and back pain",
        ],
        ["what causes kidney infections", "UTI that cleared up with antibiotics"],
    ),
    "kidney_stones": (
        U,
        [
            "severe pain in my side that comes in waves",
            "agony in my left side going down to my groin",
            "could this be a kidney stone",
            "pain in my kidney area that comes and goes, can't get comfortable",
            "excruciating pain in my flank",
        ],
        ["how to prevent kidney stones", "I had kidney stones years ago"],
    ),
    "cellulitis": (
        U,
        [
            "my leg is red, hot and swollen",
            "the redness around the cut on my arm is spreading and it's painful",
            "I think I have cellulitis",
            "red streak going up my arm from a scratch, it's sore",
            "my foot is red, hot and swollen after a blister",
        ],
        ["sunburn on my back is red and hot and sore", "how is cellulitis treated"],
    ),
    "retinal_detachment": (
        U,
        [
            "sudden flashes of light and floaters in my right eye",
            "a dark curtain is coming across my vision",
            "loads of new floaters in my eye today",
            "shadow in the corner of my eye that won't go away",
            "it's like a veil over part of my vision",
        ],
        ["I've had the same floaters for years", "dark shadows under my eyes"],
    ),
    "appendicitis": (
        U,
        [
            "pain in my lower right tummy",
            "pain started around my belly button and moved to the right side",
            "bottom right of my stomach hurts when I walk and I feel sick",
            "I think my son has appendicitis",
            "my daughter has pain in the bottom right of her tummy and a temperature",
        ],
        [
            "how long do you stay in hospital after appendicitis",
            "pain in my lower right back after gardening",
        ],
    ),
    "dehydration": (
        U,
        [
            "been vomiting all day and I feel dizzy when I stand up",
            "my toddler has diarrhoea and has had fewer wet nappies",
            "my baby's soft spot is sunken",
            "I can't keep any fluids down",
            "stomach bug for 2 days and my pee is dark and I'm peeing less",
        ],
        ["how much water should I drink a day", "dry mouth at night"],
    ),
    "infected_bite": (
        U,
        [
            "my dog bite is red and oozing pus",
            "the cat bite on my hand is hot and throbbing",
            "a dog bit me and broke the skin",
            "insect bite has a red line spreading up my leg",
            "my son was bitten by a dog and the skin is broken",
        ],
        ["mosquito bites are itchy", "how to stop my puppy biting"],
    ),
    "quinsy": (
        U,
        [
            "really bad sore throat on one side and I can't open my mouth properly",
            "tonsillitis and now my voice sounds muffled",
            "severe throat pain on the left side, worse every day",
            "could this be quinsy",
            "sore throat, my voice has changed and it's hard to open my mouth",
        ],
        ["mild sore throat with a cold", "what is quinsy"],
    ),
    "new_confusion": (
        U,
        [
            "my mum has been confused since yesterday",
            "grandad is muddled and not himself today",
            "my dad keeps getting confused and doesn't know where he is",
            "she's more and more confused this week",
            "my wife is disoriented and doesn't recognise me",
        ],
        [
            "I'm confused about my test results",
            "this letter from the council is confusing",
        ],
    ),
    "high_blood_sugar": (
        U,
        [
            "I'm diabetic and my blood sugar is high",
            "my sugars are running high and I'm really thirsty",
            "blood sugar 18 mmol all week",
            "type 2 and my glucose is 17",
            "type 1, my sugars won't come down",
            "my blood sugar meter reads HI",
        ],
        ["what is a normal blood sugar level", "my sugar was 6.5 this morning"],
    ),
    "pre_eclampsia": (
        U,
        [
            "I'm 34 weeks pregnant with a bad headache and blurred vision",
            "pregnant and seeing flashing lights",
            "pregnant with pain just below my ribs and a headache that won't go away",
            "30 weeks pregnant and my face and hands have suddenly swollen",
        ],
        ["what is pre-eclampsia", "swollen ankles after a long day, not pregnant"],
    ),
    "palpitations": (
        U,
        [
            "my heart is racing and I feel dizzy",
            "palpitations and lightheaded",
            "heart keeps skipping beats and I feel woozy",
            "heart pounding and chest pain",
            "irregular heartbeat and lightheaded",
        ],
        ["heart racing after coffee", "what causes palpitations"],
    ),
    "first_fit": (
        U,
        [
            "my son had his first fit yesterday and seems fine now",
            "first seizure ever this morning, I'm back to normal",
            "my wife had a seizure for the first time, it stopped after a minute",
            "my husband just had a fit, never had one before",
        ],
        ["I'm fit and healthy", "what causes a first seizure in adults"],
    ),
    "head_injury": (
        U,
        [
            "hit my head and have a headache",
            "my son banged his head and feels dizzy",
            "bumped my head yesterday and I still feel dazed",
            "concussion from rugby, head hurts",
            "fell and hit my head, now I feel dizzy and have a headache",
        ],
        ["bumped my head on a cupboard", "what are the signs of concussion"],
    ),
    "reduced_baby_movements": (
        U,
        [
            "my baby is moving less than usual, 32 weeks pregnant",
            "haven't felt the baby kick today",
            "reduced movements at 36 weeks",
            "I'm pregnant and the baby hasn't moved since this morning",
            "baby is quieter than usual, 28 weeks",
        ],
        ["when will I feel my baby move", "baby kicking a lot at night"],
    ),
    # --- issue 10, fourth pass (NHS pages cited in rules.yaml beside each family) ---
    "priapism": (
        E,
        [
            "my erection has lasted 6 hours and it really hurts",
            "had a hard on since 2am, its now 9am and it won't go down",
            "painful erection that will not go away after taking a tablet for ED",
            "could this be priapism, erect for five hours",
        ],
        ["what is priapism", "how long does an erection normally last"],
    ),
    "adrenal_crisis": (
        E,
        [
            "I have Addison's and keep vomiting, can't keep my hydrocortisone down",
            "my son has adrenal insufficiency, he's been sick twice and is very drowsy",
            "Addisons, dizzy every time I stand and feel extremely weak with a tummy bug",
            "I think my wife is having an adrenal crisis",
        ],
        [
            "what is an adrenal crisis",
            "I have Addison's disease, how do I renew my steroid card",
        ],
    ),
    "sickle_cell": (
        E,
        [
            "my daughter has sickle cell and her temperature is 38.6",
            "sickle cell crisis, the painkillers are not working and he is crying",
            "I have sickle cell disease and now chest pain and I'm short of breath",
            "sickle cell anaemia, suddenly very confused and drowsy",
        ],
        [
            "what is sickle cell trait",
            "is sickle cell disease inherited from both parents",
        ],
    ),
    "nosebleed": (
        E,
        [
            "nosebleed for 30 minutes and it won't stop",
            "my son's nose has been bleeding for 25 mins even pinching it",
            "nose bleed that will not stop and I feel dizzy",
            "grandad's nosebleed is pouring and he is swallowing blood",
        ],
        [
            "nosebleed for 2 minutes then it stopped",
            "how do I stop my child's nosebleeds",
        ],
    ),
    "eye_injury": (
        U,
        [
            "I scratched my eye on a twig this morning and it's still sore",
            "my toddler poked me in the eye and it's been watering all day",
            "was using an angle grinder and a piece of metal went in my eye",
            "a bit of metal flew into my eye when hammering",
        ],
        ["how do I choose safety goggles for grinding", "my eye is itchy from hay fever"],
    ),
    "shingles": (
        U,
        [
            "I think I have shingles on my forehead, going towards my eye",
            "shingles rash by my eye and it's red",
            "shingles blisters on the tip of my nose",
            "shingles on one side of my face",
        ],
        ["can you get the shingles vaccine twice", "had shingles years ago, fine now"],
    ),
    "chickenpox_in_pregnancy": (
        U,
        [
            "I'm 12 weeks pregnant and my niece has chickenpox, I sat with her all afternoon",
            "pregnant and was near someone with chicken pox yesterday",
            "my pregnant sister has been exposed to chickenpox at work",
            "I'm pregnant, not sure I've had chickenpox, my son's friend has it",
        ],
        ["chickenpox spots on my 4 year old, how long is he contagious", "chickenpox vaccine"],
    ),
    "jaundice": (
        U,
        [
            "the whites of my eyes have gone yellow",
            "my skin looks yellow and my pee is dark",
            "dad's skin has gone yellow over the last few days",
            "I think I'm jaundiced",
        ],
        ["yellow sticky discharge from my eye", "my teeth are yellow, what whitening is safe"],
    ),
    "new_diabetes": (
        U,
        [
            "my 8 year old is drinking loads and weeing constantly",
            "my daughter is always thirsty and has lost weight",
            "son very thirsty and started wetting the bed again",
            "my toddler is drinking so much and going to the toilet all the time",
        ],
        ["how much water should a child drink a day", "my son's bedwetting, any tips"],
    ),
}


def _triage(text: str) -> TriageResult:
    """The rules' verdict (the semantic detector is switched off where it exists)."""
    if "semantic" in inspect.signature(triage).parameters:
        return triage(text, semantic=False)
    return triage(text)


def _families(result: TriageResult) -> set[str]:
    family = {rule.id: rule.family for rule in load_rules().rules}
    return {family[i] for i in result.rule_ids if i in family}


def _examples() -> list[Any]:
    return [
        pytest.param(family, level, text, id=f"{family}-{index}")
        for family, (level, examples, _) in FAMILIES.items()
        for index, text in enumerate(examples)
    ]


def _look_alikes() -> list[Any]:
    return [
        pytest.param(text, id=f"{family}-{index}")
        for family, (_, _, look_alikes) in FAMILIES.items()
        for index, text in enumerate(look_alikes)
    ]


@pytest.mark.parametrize(("family", "level", "text"), _examples())
def test_it_reaches_the_family_level_with_the_family_advice(
    family: str, level: str, text: str
) -> None:
    result = _triage(text)
    assert result.level is not None, text
    assert LEVELS.index(result.level) <= LEVELS.index(level), (text, result.rule_ids)
    assert family in _families(result), (text, result.rule_ids)


@pytest.mark.parametrize("text", _look_alikes())
def test_it_does_not_call_a_look_alike_an_emergency(text: str) -> None:
    result = _triage(text)
    assert result.level != E, (text, result.rule_ids, result.matched)


def test_it_has_enough_examples_for_every_family() -> None:
    for family, (_, examples, look_alikes) in FAMILIES.items():
        assert len(examples) >= 4, family
        assert len(look_alikes) >= 2, family


@pytest.mark.parametrize(("family", "level"), [(f, lv) for f, (lv, _, _) in FAMILIES.items()])
def test_every_family_has_a_sourced_rule_at_its_level(family: str, level: str) -> None:
    rules = [r for r in load_rules().rules if r.family == family and r.level == level]
    assert rules, family
    for rule in rules:
        assert rule.sources and all(s.url.startswith("https://") for s in rule.sources)
        if level == E:
            assert "{emergency_number}" in rule.message, rule.id


# --- where to go, as the guidance says --------------------------------------------------------


def _message(family: str, level: str = E) -> str:
    return next(r.message for r in load_rules().rules if r.family == family and r.level == level)


@pytest.mark.parametrize(
    ("family", "level", "words"),
    [
        ("chemotherapy_fever", E, ["24-hour oncology", "emergency department"]),
        ("carbon_monoxide", E, ["fresh air", "{gas_line}", "{emergency_number}"]),
        ("ectopic_pregnancy", E, ["early pregnancy unit", "emergency department"]),
        ("reduced_baby_movements", U, ["midwife or maternity unit now"]),
        ("pre_eclampsia", U, ["midwife or", "maternity unit now"]),
        ("retinal_detachment", U, ["eye casualty"]),
        ("hypothermia", E, ["warm"]),
        ("heatstroke", E, ["heatstroke", "cool"]),
        ("poisoning", E, ["{poison_line}"]),
        ("labour", E, ["knees and elbows"]),
        ("snake_bite", E, ["still"]),
    ],
)
def test_it_says_where_to_go(family: str, level: str, words: list[str]) -> None:
    message = _message(family, level)
    for word in words:
        assert word in message, (family, word)


def test_heatstroke_gets_its_own_advice_not_the_stroke_message() -> None:
    result = _triage("I think I have heatstroke")
    assert result.level == E
    assert "stroke" not in _families(result)
    assert "cool" in result.message


def test_carbon_monoxide_names_the_local_gas_line() -> None:
    result = _triage("our carbon monoxide alarm is going off and we all feel dizzy")
    assert "carbon_monoxide" in _families(result)
    gb = triage("our carbon monoxide alarm is going off and we all feel dizzy", locale="GB")
    gas_line = numbers_for("GB").gas_line
    if gas_line and "carbon monoxide" in gb.message:
        assert gas_line in gb.message


# --- quantities: counts and readings compared with the guidance's limits -----------------------


@pytest.mark.parametrize(
    ("text", "emergency"),
    [
        ("took 8 paracetamol today", False),
        ("took 9 paracetamol today", True),
        ("took 6 ibuprofen today", False),
        ("took 7 ibuprofen today", True),
        ("swallowed 40 tablets", True),
        ("took 3 tablets", False),
    ],
)
def test_it_compares_tablet_counts_with_the_daily_limit(text: str, emergency: bool) -> None:
    assert (_triage(text).level == E) is emergency, text


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("on chemo and my temperature is 37.6", "chemotherapy_fever"),
        ("on chemo and my temperature is 99.9F", "chemotherapy_fever"),
        ("hot day, he collapsed, his temperature is 104F", "heatstroke"),
        ("she was in the snow and her temperature is 34", "hypothermia"),
        ("blood sugar 2.5 and confused", "hypoglycaemia"),
        ("glucose 40 mg/dl and very drowsy", "hypoglycaemia"),
    ],
)
def test_it_reads_measurements(text: str, family: str) -> None:
    result = _triage(text)
    assert result.level == E, (text, result.rule_ids)
    assert family in _families(result), (text, result.rule_ids)


def test_a_normal_temperature_during_chemotherapy_is_not_an_emergency() -> None:
    assert _triage("on chemo and my temperature is 36.8").level != E


@pytest.mark.parametrize(
    ("text", "level", "family"),
    [
        ("I'm 30 weeks pregnant and my baby isn't moving", U, "reduced_baby_movements"),
        ("my baby isn't moving", U, "reduced_baby_movements"),
        ("my newborn is not moving at all", E, "seriously_ill_child"),
        ("my 2 month old baby is not moving", E, "seriously_ill_child"),
    ],
)
def test_a_baby_not_moving_is_a_pregnancy_unless_the_baby_is_born(
    text: str, level: str, family: str
) -> None:
    result = _triage(text)
    assert result.level == level, (text, result.rule_ids)
    assert family in _families(result), (text, result.rule_ids)


# Pictures added to existing families on the fourth pass, each with the family it must reach.
@pytest.mark.parametrize(
    ("text", "family", "level"),
    [
        ("my 5yo is drinking loads and weeing all the time", "new_diabetes", U),
        ("fainted while lying in bed watching telly", "fainting", E),
        ("my dad passed out halfway through his workout", "fainting", E),
        ("29 weeks pregnant and having regular tightenings every 15 minutes", "labour", U),
        ("bumped my head at work yesterday, now I keep forgetting things", "head_injury", E),
        ("mum collapsed in the kitchen, she opens her eyes but doesn't answer", "collapse", E),
        ("her neck has gone really stiff and the lights are hurting her eyes", "meningitis", E),
        ("34 weeks, the kicks feel weaker than usual today", "reduced_baby_movements", U),
        (
            "my grandad was fine last night but this morning he doesn't know where he is",
            "new_confusion",
            E,
        ),
        ("dad suddenly doesn't seem to know who I am", "new_confusion", E),
        (
            "stepped on a nail last week and now my jaw is stiff and I can't open my mouth",
            "tetanus",
            E,
        ),
    ],
)
def test_it_reaches_the_pictures_of_the_fourth_pass(text: str, family: str, level: str) -> None:
    result = _triage(text)
    assert result.level is not None, text
    assert LEVELS.index(result.level) <= LEVELS.index(level), (text, result.rule_ids)
    assert family in _families(result), (text, result.rule_ids)


@pytest.mark.parametrize(
    "text",
    [
        "I'm 30 weeks pregnant, which tv show should I watch on maternity leave",
        "fainted once at a concert years ago, fine since",
        "my 7yo keeps forgetting his homework",
        "my 3 month old is drinking loads of milk, is that normal",
        "my mum was fine yesterday, now she has a bit of a cough",
    ],
)
def test_the_fourth_pass_leaves_look_alikes_below_urgent(text: str) -> None:
    result = _triage(text)
    assert result.level not in (E, U), (text, result.rule_ids)
