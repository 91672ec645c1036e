"""Issue 10, twenty-fourth pass: messages typed badly, near pairs, trips away and clinicians'
notes, learnt from the tuning halves' misses and our own probes, each written here in our own
words from the guidance named beside its rule in rules.yaml or its entry in quantities.yaml
(none is a line of any labelled set)."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage
from symptomdb.triage.quantities import read_quantities
from symptomdb.triage.reading import analyse
from symptomdb.triage.speller import Speller

from .families import assert_emergency_or_not, assert_not_emergency, assert_same_day_or_not


def _measures(text: str) -> list[tuple[str, float]]:
    return [(q.measure, round(q.value, 1)) for q in read_quantities(analyse(text).words)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A row of observations: each number is its nearest cue's. The blood pressure is no
        # heart rate, the oxygen level no breathing rate, and "HR" after a temperature no hours.
        (
            "obs temp 36.9, HR 82, BP 128/70, RR 18, SpO2 97%",
            [
                ("temperature_c", 36.9),
                ("heart_rate", 82.0),
                ("diastolic_bp", 70.0),
                ("systolic_bp", 128.0),
                ("breathing_rate", 18.0),
                ("oxygen_saturation", 97.0),
            ],
        ),
        (
            "HR 135 BP 84/50 RR 28 sats 89",
            [
                ("heart_rate", 135.0),
                ("diastolic_bp", 50.0),
                ("systolic_bp", 84.0),
                ("breathing_rate", 28.0),
                ("oxygen_saturation", 89.0),
            ],
        ),
        # Hours and minutes stay a length, with no heart rate read from them.
        ("the fit went on 1 hr 20 mins", [("minutes", 60.0), ("minutes", 20.0)]),
        # An HbA1c in mmol/mol is months' average, not a blood sugar now.
        ("HbA1c 61 mmol/mol at the review", []),
        ("sugar 3.1 mmol/l", [("glucose_mmol", 3.1)]),
        # The weeks of a pregnancy in the notes' own form, weeks over forty.
        ("34/40, headache and swollen hands", [("pregnancy_weeks", 34.0)]),
        ("38+4/40 and contractions", [("pregnancy_weeks", 38.0)]),
        ("bp 118/40", [("diastolic_bp", 40.0), ("systolic_bp", 118.0)]),
        # A reading told against an earlier one, without naming it again: oxygen only.
        (
            "his usual sats are 90, today 83",
            [
                ("oxygen_saturation", 90.0),
                ("oxygen_saturation", 83.0),
            ],
        ),
        (
            "sats 96 at lunch, now 30 mins later still fine",
            [
                ("oxygen_saturation", 96.0),
                ("minutes", 30.0),
            ],
        ),
        # A day's count told as "in 24 hours" after the medicine named.
        (
            "been taking paracetamol for my back, about 14 in 24 hours",
            [
                ("tablets", 14.0),
                ("minutes", 1440.0),
            ],
        ),
    ],
)
def test_readings_in_notes_and_counts(text: str, expected: list[tuple[str, float]]) -> None:
    assert _measures(text) == expected


def test_a_dropped_letter_is_the_likelier_slip() -> None:
    speller = Speller(["sudden", "sudan", "seizure"])
    # One slip from both; a letter of a pair left out is commoner than a letter changed.
    assert speller.correct("suden") == "sudden"
    assert speller.correct("siezure") == "seizure"


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Nosebleed / Cuts and grazes: ten minutes of pinching is the first aid itself; a
        # bleed that stopped with it is not an emergency, one still bleeding after it is.
        (
            False,
            "nosebleed, held the soft part of my nose for 10 minutes, leaning forward, stopped",
        ),
        (False, "sliced my thumb, bled lots at first but stopped after a few minutes of pressure"),
        (True, "pinched her nose for 15 minutes and she's still bleeding"),
        (True, "my nose has been pouring blood for 20 minutes"),
        # NHS when to call 999: someone has collapsed, the person named earlier in the message.
        (True, "grandad went very pale at the table, then collapsed"),
        (False, "our gazebo finally collapsed in the wind"),
        (False, "told a joke and then collapsed into giggles"),
        # NHS Stroke: speech gone to nonsense in its common spelling, a hand that won't grip.
        (True, "all of a sudden my dad's talking jibberish and his right hand won't grip his fork"),
        # Someone drowsy who can only just be kept awake (NHS Is your baby seriously ill?).
        (True, "my brother took something at the party and it's hard to keep him awake"),
        # NHS Help for suicidal thoughts: a plan and means, told as an intention.
        (True, "I've saved up my tablets and I'm not planning to wake up tomorrow"),
        (False, "not planning to wake up early on Saturday, lie-in at last"),
        # A paracetamol count over the day, told as "in 24 hours" (NHS Paracetamol overdose).
        (True, "took paracetamol for toothache all day, about 15 in 24 hours, feel fine"),
        # NHS Appendicitis: 999 if the pain spreads across the tummy; here in a clinician's words.
        (True, "RIF pain since yesterday, now the whole abdomen is rigid and he won't move"),
        # RCOG Umbilical cord prolapse: a cord seen after the membranes have gone.
        (True, "membranes ruptured at home and the cord is visible"),
        # Look-alikes told in a clinician's words or as a training question.
        (False, "tension headache most evenings, no vomiting, it does not wake her"),
        (False, "positional vertigo with torsional nystagmus on testing, otherwise well"),
        (False, "8 weeks pregnant, no pain, no bleeding, booking bloods taken today"),
        (False, "the school nurse is asking how to use an adrenaline auto-injector for a pupil"),
        (True, "I had to use his auto-injector, his lips are still swelling"),
        # Advice passed on for anyone, and the idioms of a shock or a price.
        (False, "a post says you should cough hard if you think you're having a heart attack"),
        (True, "I think I'm having a heart attack"),
        (False, "the roadworks on the way home nearly gave me a seizure"),
        (False, "choking on the price of petrol this week"),
        (True, "he's choking on a sweet and can't breathe"),
        # BTS oxygen guideline (88-92% in COPD), NICE NG115 (a COPD patient's "well" value): a
        # level at the person's own stated target is not the NHS 92%-or-less emergency; under
        # 88% is, whatever the target.
        (False, "dad has COPD, his target sats are 88-92, today 90 and he's his usual self"),
        (False, "with her COPD her oxygen usually sits around 91, today 91, eating well"),
        (True, "with her COPD her oxygen usually sits around 91, today 85"),
        (True, "sats 90 and struggling to breathe"),
        (True, "she's meant to be 94 to 98 but her sats are 90 today"),
        # NHS Hypothermia, St John Ambulance: a baby cold to touch, quiet or not feeding: 999.
        (True, "my 5 week old feels cold and has barely fed since this morning, very quiet"),
        (False, "baby's fingers feel a bit cold but she's feeding and babbling happily"),
        # NHS Pre-eclampsia: a fit in pregnancy, told by its weeks, then hard to wake.
        (True, "a fit at 37 weeks and now she won't wake properly"),
        (False, "keeping fit at 30 weeks with swimming, any tips?"),
        # Child Accident Prevention Trust: a button battery missing near a small child.
        (True, "can't find the tiny round battery from his toy, he's 2 and keeps drooling"),
        # FRANK: MDMA, and the NHS signs of a drug emergency beside it.
        (True, "dancing on pills all night, now he's burning up and confused"),
        (False, "is it ok to have a glass of wine on the pill?"),
        # NHS Heavy periods: bleeding through everything with a near faint.
        (True, "her period's so heavy she's bleeding through everything and nearly fainted"),
        # UK Sepsis Trust: an infection with extreme shivering and barely any urine.
        (True, "catheter changed on Monday, now rigors, 39.6 and hardly weeing"),
        # A count of a medicine named (NHS medicines A to Z): "took 12 quetiapine".
        (True, "she took 12 of her mirtazapine instead of one"),
        # One player knocked out in front of you is not sport on television.
        (True, "one rugby player was knocked out at training and has clear fluid from his nose"),
        # The second round (dialects, atypical pictures, rarer emergencies, women's health).
        # NHS Subarachnoid haemorrhage: a sudden headache with a stiff neck.
        (True, "sudden splitting headache at the gym and now my neck is stiff"),
        (False, "slept funny so my neck's stiff, and I suddenly got a headache from the noise"),
        # NHS Meningitis: a headache and a stiff neck with confusion.
        (True, "my son has a bad headache, a stiff neck and he's confused"),
        # NHS Angina, BHF: pain that rest does not ease; AHA: a woman's heart attack told as
        # indigestion that won't settle, or aching arms with a sweat and sickness.
        (True, "tight jaw and throat since the stairs, not eased after 20 minutes of rest"),
        (True, "indigestion that won't shift, sweating and feeling sick, I'm 60"),
        (True, "both arms aching, clammy and sweaty, and I feel sick"),
        (False, "indigestion after a big curry, settled with a Rennie"),
        # One "sweaty" is one sign, and arms that ache from the gym are muscles.
        (False, "both arms ache after the gym and I'm sweaty"),
        # NHS Urinary retention: suddenly unable to pee at all.
        (True, "he can't pee at all since this morning and his tummy is swollen"),
        (False, "I can't pee when someone is waiting outside the cubicle"),
        # NHS Necrotising fasciitis: darkening skin with crackling under it and a fever.
        (True, "skin on his leg turning dark, crackling under the skin and a high temperature"),
        # RCOG / HSE Postpartum haemorrhage: soaking a pad within the hour after a birth.
        (True, "had the baby on Tuesday and I'm soaking a pad every half hour"),
        # NHS Glaucoma: a red eye with a headache and being sick; a red agonising eye, misty.
        (True, "my eye is red and hard, bad headache over it and I've been sick"),
        (False, "hay fever, itchy red eyes and a mild headache"),
        # NHS Giant cell arteritis: with sight changes, A&E.
        (True, "polymyalgia, sore temples and now the sight in one eye has gone dim"),
        # NHS Toxic shock syndrome: after nasal packing, or on a period red all over like sunburn.
        (True, "nasal packing in since my operation, now a fever, a rash and I feel faint"),
        (True, "on her period with a tampon, burning up, red all over and dizzy when she stands"),
        # Scots and Indian English told in their own words.
        (True, "he cannae get his words oot and his face has dropped on one side"),
        (True, "my da's went doon in the kitchen and he's no breathin"),
        (False, "no breathing problems at all, just a tickly cough"),
        # Look-alikes of the second round: laughter, a birth to come, a question to learn.
        (False, "I nearly collapsed from laughing at the panto, all fine now"),
        (False, "heartburn at 30 weeks, Gaviscon helps, can I take it until the baby comes?"),
        (False, "how would I know if my toddler had meningitis without a rash?"),
        # NHS Priapism: an erection after an injection for ED that has not gone down for hours.
        (
            True,
            "had an injection for erectile dysfunction and it still hasn't gone down 5 hours later",
        ),
        # NHS Testicle pain: one side sitting higher, with pain.
        (True, "my son's groin hurts and one testicle sits higher than the other"),
        (
            True,
            "speech has become unclear since ten minutes, one side of her face looking down",
        ),
    ],
)
def test_emergencies_and_look_alikes(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # NHS Diarrhoea and vomiting: bloody diarrhoea is for an urgent GP appointment or 111.
        (True, "bloody diarrhoea since this morning, otherwise ok"),
        # NHS DVT: swelling in one leg with warmth; both ankles puffy after a flight is not it.
        (True, "left leg puffy and sore since the coach trip, and warm"),
        (False, "both legs a bit puffy after the long flight, went down overnight"),
        # NHS High blood sugar: a high reading that stays high, with a dry mouth and tiredness.
        (True, "sugars 21 all weekend, dry mouth and knackered"),
        # NHS Malaria: a fever after a trip where malaria is, Asia and South America too.
        (True, "got back from Peru ten days ago and now I have a fever and the shivers"),
        # NHS Dehydration: barely weeing and the rehydration sachets not helping.
        (True, "diarrhoea for two days, the sachets are not helping and I'm barely weeing"),
        # NHS Confusion: confusion growing over days in an older person.
        (True, "my 84-year-old dad has been increasingly muddled over three days"),
        # NHS Pre-eclampsia in a midwife's notation.
        (True, "31/40, BP 150/100, protein in urine, feels well"),
        # NHS Giant cell arteritis: a headache at the temples with jaw pain when chewing.
        (True, "aged 74, headache over the temples for a week and his jaw aches when he chews"),
        # NHS Baby movements: fewer than usual, the baby named by its kicking.
        (True, "32 weeks, she's usually a big kicker at night but I've barely felt anything"),
        # NHS Diarrhoea and vomiting: diarrhoea over a week, vomiting over 2 days.
        (True, "diarrhoea for ten days now and it isn't settling"),
        (True, "she's been vomiting for four days"),
        (False, "had diarrhoea for two days last month, all fine since"),
    ],
)
def test_same_day(same_day: bool, text: str) -> None:
    assert_same_day_or_not(text, same_day)


def test_sight_greying_before_a_faint_is_no_blue_skin_to_the_rules() -> None:
    # NHS Fainting: greying vision before it. The rules' "went grey" is the skin's colour.
    assert_not_emergency(
        "felt sick and her vision went grey before she slid to the floor, fine now"
    )


def test_a_diabetes_review_in_mmol_per_mol_is_not_a_high_sugar() -> None:
    result = triage("type 2 review, HbA1c 55 mmol/mol, feet fine, no hypos", locale="GB")
    assert result.level not in ("emergency", "urgent"), result.rule_ids
