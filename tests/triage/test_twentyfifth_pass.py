"""Issue 10, twenty-fifth pass: pictures learnt from the tuning halves' misses and our own probes,
each written here in our own words from the guidance named beside its rule in rules.yaml (none is
a line of any labelled set)."""

from __future__ import annotations

import pytest

from symptomdb.triage.quantities import read_quantities
from symptomdb.triage.reading import analyse

from .families import assert_emergency_or_not, assert_same_day_or_not


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("my 9 day old has a temperature", [0.3]),
        ("ate some 2 day old rice", []),
        ("the 3 day old bread was mouldy", []),
    ],
)
def test_an_age_is_a_persons_not_a_foods(text: str, ages: list[float]) -> None:
    found = [
        round(q.value, 1) for q in read_quantities(analyse(text).words) if q.measure == "age_months"
    ]
    assert found == ages


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Stomach ache: sudden or severe tummy pain, told by where it is rather than its name.
        (True, "awful pain low down on my left side since an hour ago, I can't stand up"),
        (True, "worst pain of my life low on the right, came on suddenly while shopping"),
        (False, "a dull ache low on the right on and off for a fortnight, eating fine"),
        # NICE NG234: a cancer treated years ago is still the history new weak legs are read
        # against; a cancer charity run is not.
        (True, "had prostate cancer five years ago, now my back aches and my legs keep giving way"),
        (True, "bowel cancer in 2019, new back pain and my legs feel like lead"),
        (False, "did the cancer research 5k this morning and my legs feel heavy now"),
        # NICE NG51: a temperature under 36 C with a changed mind is a sepsis sign in old age.
        (True, "grandma is 88, temp 35.6 and she's mumbling and not with it since lunch"),
        (False, "temp 35.7 after a cold shower, feel fine, is that normal"),
        # NHS Dehydration (A&E for a sunken soft spot in a baby) with a dry nappy.
        (True, "no wet nappy since last night and the soft spot on his head has sunk in"),
        # Poisons a child gets hold of, named as parents name them (NHS Poisoning).
        (True, "my 2 year old bit into a washing pod and now he is coughing"),
        (True, "my toddler squirted some disinfectant into her mouth"),
        # After an operation or a procedure (NHS and trusts' discharge advice, RCEM, MKUH).
        (True, "two days after my colonoscopy the pain is much worse and I'm hot and shivery"),
        (True, "after my bowel op the wound is leaking brown stuff and I have a fever"),
        (False, "had a colonoscopy this morning, bit bloated and windy, eating fine"),
        (True, "neck is swelling up quickly after my thyroid operation"),
        (True, "pain under my plaster cast is unbearable and I can't move my toes"),
        (False, "itchy under my plaster cast, toes pink and wiggling"),
        (True, "my new hip popped out when I bent down"),
        (False, "my hip replacement is going well, no pain"),
        (True, "mum's catheter bag is empty since lunchtime and her tummy is swollen and tight"),
        # Work: shocks, injection injuries, crushes, confined spaces, fumes (NHS, St John
        # Ambulance, RCEM, HSE).
        (True, "got a belt off 240 volts and my arm keeps twitching"),
        (False, "got a static shock off the car door again"),
        (True, "felt a sharp sting in my index finger while bleeding the hydraulic line"),
        (True, "digger reversed and pinned him against the wall"),
        (True, "my colleague went into the tank to clean it and has gone quiet"),
        (True, "we've had the petrol generator running in the garage and we all have headaches"),
        (True, "a bit of metal flew up while grinding and went in my eye"),
        # Reactions and stings (Mayo Clinic, Resuscitation Council UK).
        (True, "stung by wasps about 30 times and feel sick and shaky"),
        (True, "bee sting on my hand and now my throat feels like it's swelling"),
        (False, "stung by a wasp on the arm, small red lump, feel fine"),
        # NHS Abdominal aortic aneurysm; BHF heart attack told as indigestion.
        (True, "sudden agonising pain in my lower back, I'm 70, sweaty and dizzy"),
        (True, "dad says it's indigestion but he's grey and sweating"),
        (False, "I've got indigestion after a curry, a bit sweaty in this heat"),
        # NHS Asthma attack: too breathless to speak.
        (True, "wheezing so badly he can't talk"),
        # A diabetic person's fit is a hypo until shown otherwise (NHS Low blood sugar).
        (True, "my dad is diabetic and just had a fit in the garden"),
        # Asked aloud about one's own tablets (Samaritans, NHS Help for suicidal thoughts).
        (True, "she asked how many of her sleeping pills it would take"),
        (True, "he keeps saying we'd be better off without him and he has a shotgun in the shed"),
        (False, "honestly the team would be better off without him, he's useless at defending"),
        # Already seen and now worse: the signs the services say to come back for.
        (True, "diagnosed with tonsillitis, now drooling and can't get drinks down"),
        (True, "the redness has gone past the pen mark and I'm shivering and boiling hot"),
        (True, "sent home in a cast, the pain in my leg is unbearable and my toes are tingling"),
        (True, "fever since morning, cries when we bend his neck, won't open his eyes in light"),
        # Blood (NHS Cuts and grazes, Ruptured spleen, Apixaban, Black eye).
        (True, "sliced my finger on a tin, pressed for 30 minutes, still bleeds when I let go"),
        (True, "on apixaban and my poo is black and sticky"),
        (True, "upper left tummy pain after falling off my bike, shoulder tip pain, heart racing"),
        (True, "after a punch there's blood sitting over the coloured part of her eye"),
        (False, "our business is haemorrhaging money"),
        (False, "we're drowning in laundry this week"),
        # Seasons: sparklers and fireworks (NHS Burns and scalds, Eye injuries).
        (True, "my 6 year old grabbed a lit sparkler by the wrong end, his fingers are blistering"),
        (True, "a firework went off by his face, eye red and everything on that side looks foggy"),
        # NHS Swollen glands: difficulty swallowing or breathing.
        (True, "swollen glands in my neck and it's getting harder to swallow"),
        (False, "swollen glands with a cold, swallowing fine"),
        # A plan and the means, said without the word (NHS Help for suicidal thoughts).
        (True, "crisis team said ring if worse, it is worse, I have a plan and the means with me"),
        (True, "bought a rope today to use this weekend"),
        # Medicines' dangerous reactions (NHS Stevens-Johnson syndrome, NHS Haloperidol).
        (True, "started a new epilepsy tablet, now my skin hurts to touch and is blistering"),
        (True, "brother on olanzapine is rigid, sweating and has a temperature of 39.5"),
        (False, "stiff and sore after the gym, on quetiapine, no fever"),
        # Anaphylaxis in a child as sleepiness with hives and vomiting (Anaphylaxis UK).
        (True, "after eating prawns my 3 year old has hives, has been sick and is really sleepy"),
        (False, "hives after strawberries, playing happily, no vomiting"),
        # Lip filler's own swelling and bruising.
        (False, "lips a bit swollen and bruised the day after lip filler, breathing fine"),
        # First aid asked to learn, and first aid asked for now.
        (False, "what is the right first aid if bleach gets in someone's eye?"),
        (True, "bleach splashed in my eye, what first aid do I do now"),
        # BHF Bradycardia: 40 or less with dizziness; a fit person's pulse in the 40s is not.
        (True, "my watch says my heart rate is 38 and I keep getting dizzy when I stand"),
        (False, "resting heart rate 42, I'm a runner, feel great"),
        # Health for Under 5s (NHS): a jaundiced baby feeding poorly or much sleepier.
        (True, "our 5 day old is jaundiced and not interested in feeds, very sleepy"),
        (False, "10 day old looks a bit yellow but feeding well and alert"),
        # NHS Epilepsy: a seizure longer than is usual for the person.
        (True, "his seizures normally last a minute, this one is going on much longer than usual"),
        # A food's age is no baby's: "2 day old chicken" with a fever is an adult's food poisoning.
        (False, "ate some 2 day old chicken and now I have a temperature of 38.5"),
        # Idioms: too much to take in, and blood in a film.
        (False, "my head is exploding with all this conflicting advice about the virus"),
        (True, "my head is exploding, worst headache of my life, came on suddenly"),
        (False, "the blood on screen in that horror film made me feel sick"),
        # A reading on a device's screen is a reading, not a film: "on screen" is no fiction cue.
        (True, "the oximeter says 84 on screen"),
    ],
)
def test_twentyfifth_pass_pictures(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # UK Concussion Guidelines for Grassroots Sport: call 111 within 24 hours of a suspected
        # concussion, however mild; a bump at home with a slight headache stays self-care (NHS
        # Head injury and concussion), and a player already checked over has had that advice.
        (True, "my daughter took a knock in netball, slight headache and a bit foggy"),
        (True, "clashed heads at hockey training, feels dazed and a bit dizzy"),
        (False, "banged my head on the shelf, slight headache, otherwise fine"),
        (False, "after the rugby knock I was checked over at A&E and sent home, mild headache"),
        (False, "watching the football gave me a headache"),
        # A houseplant chewed by a child: the poison line or 111 (NHS Poisoning).
        (True, "my 18 month old chewed a leaf of our peace lily, lips a little red"),
        # After a procedure: the same-day problems of the hospital's discharge advice.
        (True, "had an epidural for the birth, bad headache whenever I sit up, better lying down"),
        (True, "temperature of 38.4 since my hernia op on Tuesday"),
        (True, "calf pain that won't go, a week after my knee op"),
        (True, "her PICC line has slipped out a bit"),
        (True, "ileostomy pouring out watery output all day"),
        (False, "I get headaches when I stand up too fast"),
        # NHS Coronavirus vaccine side effects: a fluttering heart in the days after a jab.
        (True, "heart fluttering on and off since my booster last week"),
        # A used needle or a splash of a patient's blood (NHS: PEP within 72 hours).
        (True, "got pricked with a used needle at work"),
        # NHS Kidney stones: waves of pain from the back to the groin.
        (True, "waves of pain from my back to groin, can't sit still"),
        # Thoughts of death told by the family, without means or a plan: 111 or a GP today.
        (True, "he said we'd be better off without him"),
    ],
)
def test_twentyfifth_pass_same_day(same_day: bool, text: str) -> None:
    assert_same_day_or_not(text, same_day)
