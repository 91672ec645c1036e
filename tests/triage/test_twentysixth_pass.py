"""Issue 10, twenty-sixth pass: pictures learnt from the tuning halves of eight new sets (skin
colour, nights out, food and fasting, kidneys and catheters, mouth and throat, very short
messages, Englishes outside England and the US, anxious readers), each written here in our own
words from the guidance named beside its rule in rules.yaml (none is a line of any labelled set).
"""

from __future__ import annotations

import pytest

from symptomdb.triage.quantities import read_quantities
from symptomdb.triage.reading import analyse

from .families import (
    assert_emergency_of_family,
    assert_not_emergency,
    assert_same_day_of_family,
    families,
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the renal unit phoned, potassium 6.9", [6.9]),
        ("her potassium came back at 7.2 mmol", [7.2]),
        ("his potassium level was 5.4 last month", [5.4]),
        # A potassium reading is never a blood sugar, even with the sugar's unit after it.
        ("potassium 3.1 mmol", [3.1]),
        ("a banana has about 400mg of potassium", []),
    ],
)
def test_it_reads_a_potassium_as_a_number(text: str, found: list[float]) -> None:
    quantities = read_quantities(analyse(text).words)
    assert [q.value for q in quantities if q.measure == "potassium_mmol"] == found
    assert not [q for q in quantities if q.measure == "glucose_mmol"]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # UK Kidney Association: 6.5 or more is severe hyperkalaemia.
        ("bloods this morning, potassium 6.7, I feel fine though", "hyperkalaemia"),
        # A clinician has already said to go now.
        (
            "the out of hours doctor told me to go straight to A&E, do I really need to",
            "sent_to_emergency",
        ),
        ("111 told us to call an ambulance for dad but he says he is fine", "sent_to_emergency"),
        # Missed dialysis with fluid on the lungs (renal units' non-attendance advice).
        ("I skipped dialysis on Friday and now I'm breathless lying down", "missed_dialysis"),
        # CDC Botulism: home-canned food and a face going weak.
        ("we ate home canned beans last night and today I have double vision", "botulism"),
        # MHRA: ketones of 3 or more on a gliflozin, whatever the sugar or the diet.
        ("on empagliflozin, sugar is 8 but ketones 4.2", "dka"),
        ("keto diet, ketones 3.6 and I keep throwing up", "dka"),
        # Swallowed magnets pull together through the gut (hospital emergency departments).
        ("my son swallowed two magnetic balls from his desk toy", "foreign_body"),
        ("he swallowed a whole packet of them before I could stop him", "overdose"),
        ("he took ketamine at the party and now he is having a fit", "recreational_drugs"),
        # NHS Meningitis: a stiff neck with confusion.
        ("she has a stiff neck and is confused and not herself", "meningitis"),
        # NHS Abdominal aortic aneurysm: known to have one, now collapsed.
        (
            "grandad has a triple A being watched and he has just collapsed in the garden",
            "aortic_dissection",
        ),
        # NHS Fainting: call 999 if they do not wake within a minute.
        ("she fainted in the queue and is not waking up", "collapse"),
        # NHS Epiglottitis: drooling and sitting forward to breathe.
        ("my little boy is drooling and leaning forward to breathe, he won't lie down", "airway"),
        # NHS Stroke (FAST): drink running from one side of the mouth.
        ("his lip is numb and he is drooling out of one side of his mouth", "stroke"),
        # NHS Head injury: a face-first fall with vomiting.
        ("tripped and fell face first onto the kerb and I've been sick twice", "head_injury"),
        # NHS Giant cell arteritis: the temple and the sight.
        (
            "pain at my left temple for days and now the sight in that eye went dim",
            "giant_cell_arteritis",
        ),
        # NHS Anticoagulants: blood in the pee on a blood thinner.
        ("on apixaban and my wee looks like red wine with clots in it", "bleeding"),
        # NHS Confusion: well at breakfast, lost by the evening.
        (
            "nan was fine at breakfast and by teatime she didn't know what day it was",
            "new_confusion",
        ),
        # Samaritans and NHS: a plan and the means.
        ("he has bought a rope and has a plan for tonight", "suicide"),
        # NHS Dehydration: faint on standing after a day of vomiting.
        ("been vomiting all day and I nearly faint whenever I stand up", "dehydration"),
    ],
)
def test_these_are_emergencies(text: str, family: str) -> None:
    assert_emergency_of_family(text, family)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("potassium 6.2 on my blood test, the surgery wants to repeat it", "hyperkalaemia"),
        ("the dialysis transport never came today, I feel ok", "missed_dialysis"),
        ("on methotrexate and I've got a really sore throat and ulcers", "low_white_cells"),
        ("carbimazole for my thyroid and now a temperature of 38", "low_white_cells"),
        ("came back from Thailand a week ago and now I've got a fever and aching joints", "dengue"),
        ("my daughter has a rough sandpaper rash and a strawberry tongue", "scarlet_fever"),
        ("knocked his front tooth clean out playing hockey", "dental_injury"),
        (
            "her eczema has suddenly come up in clusters of little blisters and she is hot",
            "eczema_herpeticum",
        ),
        ("lots of bruises coming up on my legs and I haven't knocked them", "unexplained_bruising"),
        ("been using nitrous every weekend and my feet have gone numb", "nitrous_oxide_nerves"),
        ("mastitis since Sunday and it isn't getting better with feeding", "mastitis"),
        ("had cystitis for a few days and now the pain has gone into my back", "kidney_infection"),
        ("pulse is 156 sitting on the sofa and I feel light headed", "palpitations"),
        ("sugar patient, fasting reading 19 mmol since 3 days", "high_blood_sugar"),
    ],
)
def test_these_need_help_the_same_day(text: str, family: str) -> None:
    assert_same_day_of_family(text, family)


@pytest.mark.parametrize(
    "text",
    [
        # The advice was for later, not now, or already followed.
        "the GP said to go to A&E if the swelling spreads, it hasn't",
        "the walk-in clinic told me to go to A&E on Monday, we went and it was nothing",
        # A potassium in range.
        "potassium 4.4 on my results, all normal",
        # A magnet's worth of curiosity, a pet's trouble, fiction and idioms.
        "are magnetic building tiles safe for a three year old",
        "my neighbour's dog was hit by a car and had a fit, the vet has him",
        "in the show last night the doctor said the patient had botulism",
        "I'm having a heart attack about my exam results",
        "my boss went purple in the face shouting at the printer",
        "my toddler pretended to choke on a grape and then giggled",
        "I'm scared of choking so I cut my food small",
        "my mate OD'd on Netflix this weekend",
        "the dentist gave me two injections for a filling and my lip is still numb",
        # A fast pulse in the middle of exercise.
        "heart rate 158 on the treadmill and a bit light headed, is that normal",
        # Bruises with their cause told.
        "bruises coming up on my shins after rugby training",
        # A tingle that came and went.
        "one balloon at the party and my fingers went tingly for a minute, gone now",
    ],
)
def test_these_are_not_emergencies(text: str) -> None:
    assert_not_emergency(text)


def test_a_pets_owner_named_by_name_is_not_the_one_in_trouble() -> None:
    words = analyse("my sister's cat is having a seizure").who
    assert words == (frozenset(),)
    assert analyse("my sister is having a seizure").who == (frozenset({"my", "sister"}),)


def test_a_missed_session_asked_about_is_a_question() -> None:
    from symptomdb.triage import triage

    result = triage("what would happen if someone missed dialysis for a week?", semantic=False)
    assert "missed_dialysis" not in families(result.rule_ids)


@pytest.mark.parametrize(
    "text",
    [
        # An illness's name is not a temperature now; a question about it is not the illness.
        "off to Bali next month, how worried should I be about dengue fever",
        "is scarlet fever catching for grown-ups",
        "do I need a yellow fever jab for Kenya",
    ],
)
def test_an_illness_named_with_fever_in_it_is_not_a_fever(text: str) -> None:
    from symptomdb.triage import triage

    assert triage(text, semantic=False).level not in ("emergency", "urgent"), text
