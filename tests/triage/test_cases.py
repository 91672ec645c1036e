"""Labelled triage cases, written for this suite (not the shared dev file).

Every rule family has: a positive in lay words, a long first-person complaint, a misspelling,
a negated case, and a benign near-miss. A negated or benign case may still get a lower level
(a negated heart attack can leave an urgent "chest pain"); it must never be an emergency.
"""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

E = "emergency"
NOT_E = "not emergency"  # any level but emergency, including None

CASES: dict[str, list[tuple[str, str | None]]] = {
    "stroke": [
        ("her face is drooping on one side", E),
        ("my dad's smile looks lopsided and he is slurring his words", E),
        ("i was making tea and suddenly my right arm went weak and i dropped the cup", E),
        ("sudden numbness in the left side of my body", E),
        ("he suddenly can't talk properly and his words are coming out wrong", E),
        ("all of a sudden i lost the vision in one eye", E),
        ("my mum's face has fallen on one side", E),
        ("garbled speech and cant lift his arm", E),
        ("sudenly confused and my face feels droopy", E),
        ("I think I'm having a stroke", E),
        ("no facial droop, no arm weakness, speech normal", NOT_E),
        ("she is not slurring and her face is not drooping", NOT_E),
        ("stroke risk factors", None),
        ("how to prevent a stroke", None),
        ("my friend asked if headaches mean stroke", None),
        ("my grandad had a stroke years ago", None),
        ("swimming stroke technique makes my shoulder sore", NOT_E),
    ],
    "heart_attack": [
        ("crushing chest pain going down my left arm", E),
        ("pain in my chest that spreads to my jaw", E),
        ("tight chest and sweating a lot", E),
        ("it feels like an elephant is sitting on my chest", E),
        ("squeezing pressure in the centre of my chest and I feel sick", E),
        (
            "I'm 58 and for the last half hour I've had this heavy feeling in my chest, "
            "I'm clammy and I feel like I might pass out",
            E,
        ),
        ("cheast pain radiating to my back and short of breth", E),
        ("I think I am having a heart attack", E),
        ("no chest pain, no shortness of breath", NOT_E),
        ("denies chest pain or sweating", NOT_E),
        ("chest pain after lifting weights yesterday, sore when I press it", NOT_E),
        ("heartburn after dinner", None),
        ("how to prevent a heart attack", None),
        ("what are the symptoms of a heart attack in women", None),
        ("my blood pressure and heart rate are a bit high", NOT_E),
        ("I have a heavy heart since my dog died", NOT_E),
    ],
    "aortic_dissection": [
        ("sudden tearing pain in my chest going through to my back", E),
        ("ripping pain between my shoulder blades that came on suddenly", E),
        ("feels like something is tearing inside my back", E),
        ("no tearing pain in my back", NOT_E),
        ("tearing up a lot and my back aches", NOT_E),
    ],
    "pulmonary_embolism": [
        ("suddenly short of breath and my calf is swollen", E),
        ("sharp chest pain that is worse when I breathe in", E),
        ("my calf has been swollen and painful and now I'm breathless", E),
        ("all of a sudden I couldn't catch my breath after my long flight", E),
        ("not short of breath, calf not swollen", NOT_E),
        ("calf cramp at night", NOT_E),
    ],
    "anaphylactic shock": [
        ("anaphylactic shock", E),
        ("my throat is swelling up after eating prawns", E),
        ("I ate a peanut and now I'm wheezing", E),
        ("my son got stung by a bee and his lips are swelling up fast", E),
        ("tongue feels swollen and my throat is closing", E),
        ("I had to use my epipen", E),
        ("throat closing after taking a new antibiotic", E),
        ("swolen tounge and lips after penicilin", E),
        ("ate peanuts by accident but no swelling and no trouble breathing", NOT_E),
        ("no throat swelling", NOT_E),
        ("sore throat and swollen glands", NOT_E),
        ("itchy eyes from hay fever", None),
        ("chapped lips in winter", None),
    ],
    "breathing": [
        ("I can't breathe", E),
        ("struggling to breathe and can only say a few words", E),
        ("my lips are turning blue", E),
        ("gasping for breath", E),
        ("my son's blue inhaler isn't helping his asthma", E),
        ("can't breath properly and my lips look grey", E),
        ("not struggling to breathe", NOT_E),
        ("I can't breathe through my nose with this cold", NOT_E),
        ("a bit wheezy after a cold", NOT_E),
    ],
    "collapse": [
        ("he collapsed in the kitchen", E),
        ("my husband isn't breathing", E),
        ("she's unresponsive and won't wake up", E),
        ("I can't wake him up", E),
        ("my dad is unconcious on the floor", E),
        ("no pulse", E),
        ("he fainted but woke up straight away", NOT_E),
        ("I can't wake up in the mornings", NOT_E),
    ],
    "seizure": [
        ("he's been fitting for more than five minutes", E),
        ("she had a seizure and then another one without waking up", E),
        ("my toddler is having a seizure for the first time", E),
        ("my son just had his first ever fit", E),
        ("siezure that won't stop", E),
        ("he's having a fit right now", E),
        ("I had a seizure as a child", None),
        ("never had a seizure", None),
        ("I'm fit and healthy but my knee hurts", NOT_E),
        ("muscle twitching in my eyelid", None),
        ("my flatmate just had a fit on the kitchen floor, she has no history of epilepsy", E),
        ("my son has epilepsy and had one of his usual seizures, he is back to normal now", NOT_E),
    ],
    "bleeding": [
        ("deep cut on my hand and the bleeding won't stop", E),
        ("blood is pouring out of the wound", E),
        ("my nose has been bleeding heavily for 20 minutes", E),
        ("bleding alot from a cut and soaked through the towel", E),
        ("I was stabbed", E),
        ("a pallet fell on my dad's leg at work and crushed it", E),
        ("my hand got caught in the machine at work and my finger is hanging off", E),
        ("crushed some garlic and nicked my finger", NOT_E),
        ("I crushed leg day at the gym, legs are so sore", NOT_E),
        ("paper cut bleeding a little", NOT_E),
        ("no longer bleeding", None),
        ("the bleeding has stopped", None),
        ("my gums bleed a lot when brushing", NOT_E),
        ("heavy periods every month", "routine"),
        ("my blood pressure is high", NOT_E),
    ],
    "vomiting_blood": [
        ("throwing up blood", E),
        ("there is blood in my vomit", E),
        ("vomit looks like coffee grounds", E),
        ("vomitting blood since this morning", E),
        ("vomiting but no blood", NOT_E),
        ("being sick after my blood test", NOT_E),
    ],
    "coughing_blood": [
        ("coughing up blood", E),
        ("there's blood in my phlegm when I cough", E),
        ("coughing but no blood", NOT_E),
        ("spitting blood after brushing my teeth", NOT_E),
    ],
    "gut_bleeding": [
        ("black tarry poo and I feel faint", E),
        ("my stools are black and I'm dizzy", E),
        ("black poo", "urgent"),
        ("stools are not black, not dizzy", NOT_E),
    ],
    "meningitis": [
        ("rash that doesn't fade when I press a glass on it", E),
        ("my baby has a fever and a stiff neck", E),
        ("fever and the light hurts my eyes", E),
        ("my child has purple spots and a high temperature", E),
        ("non blanching rash", E),
        ("the soft spot on my baby's head is bulging", E),
        ("he's got spots that won't go white when I press on them", E),
        ("my daughter's neck is stiff, she has spots on her tummy and she is very sleepy", E),
        ("stiff neck from the gym, a bit of eczema, and sleepy after a late night", NOT_E),
        ("rash fades when pressed with a glass, no fever", NOT_E),
        ("woke up with a stiff neck", None),
        ("stiff neck but no fever", NOT_E),
        ("migraine with sensitivity to light", NOT_E),
    ],
    "acute_glaucoma": [
        ("my right eye is really painful and I'm seeing halos round the street lights", E),
        ("bad eye pain, the eye is red and my vision has gone blurry", E),
        ("red eye and a bit of blurred vision from hay fever, no pain", NOT_E),
        ("what does glaucoma do to your eyes", None),
    ],
    "bowel_obstruction": [
        ("keep being sick, my stomach is bloated and I can't poo or pass wind", E),
        ("constipated for a few days, no pain, otherwise fine", NOT_E),
        ("he keeps vomiting, his tummy is swollen and nothing is coming out the other end", E),
    ],
    "hip_fracture": [
        # "A tumble" is how many older readers say a fall (NHS: Hip fracture).
        ("grandad took a tumble on the patio and can't get up off the ground", E),
        ("she's had a tumble, her groin hurts and her foot is pointing the wrong way", E),
    ],
    "new_confusion": [
        # Confusion that began this morning came on within hours: sudden (NHS: Confusion).
        ("since she woke up my aunt keeps seeing children who aren't there", E),
        ("grandpa was fine yesterday, this morning he's disoriented and agitated", E),
        ("my mum with dementia is a bit more muddled this morning", NOT_E),
    ],
    "broken_bone": [
        ("her fingers have gone white and numb below the plaster cast on her wrist", E),
        ("my leg cast is itchy", NOT_E),
        # A bad break (the wrist or arm an odd shape) is for A&E or 999 (NHS 111 Wales: Broken
        # arm or wrist); a finger is for a minor injuries unit.
        ("my wrist is bent at a funny angle since I came off my bike", E),
        ("landed on his shin in the tackle, heard a snap and it looks bent", E),
        ("so out of shape that my legs ache after one flight of stairs", None),
        ("his little finger is pointing the wrong way after the goalkeeping", "urgent"),
    ],
    "abdominal_pain": [
        ("all of a sudden my belly is insanely painful", E),
        # NHS inform: A&E or 999 for a stomach ache that is severe (rule severe-abdominal-pain).
        ("severe stomach pain", E),
    ],
    "severe_skin_reaction": [
        ("a week after starting new tablets my skin is blistering and peeling off", E),
        ("high temperature and now a blistering rash and sores in my mouth", E),
        ("skin peeling on my shoulders after a sunburn, a bit feverish", NOT_E),
        ("skin peeling on my feet between the toes", NOT_E),
    ],
    "sexual_assault": [
        ("I think I was raped last night after my drink was spiked", "urgent"),
        ("a man sexually assaulted me on the way home", "urgent"),
        ("how common is sexual assault at universities", None),
        ("rape crisis charity fundraising walk", None),
    ],
    "palpitations": [
        ("my pulse is 170 and I feel like I'm going to pass out", E),
        ("my heart is going at 160 and my chest is tight", E),
        ("heart rate hit 165 on my run and I was breathless, fine a minute later", NOT_E),
        ("resting pulse of 72 and breathless going up stairs with a cold", NOT_E),
    ],
    "thunderclap_headache": [
        ("worst headache of my life", E),
        ("sudden severe headache like being hit on the head", E),
        ("thunderclap headache", E),
        ("the worst headache I've ever had came on in seconds", E),
        ("sudden excruciating haedache", E),
        ("the worst migraine I have ever had, it hit me in a split second", E),
        ("worst head ache of my life, out of nowhere", E),
        ("mild headache after a long day", NOT_E),
        ("a tension-type headache", None),
        ("not the worst headache, just a dull ache", NOT_E),
    ],
    "head_injury": [
        ("hit my head and keep vomiting", E),
        ("my son banged his head and now he's confused and sleepy", E),
        ("fell off my bike and hit my head, was knocked out for a minute", E),
        ("bumped my head on a cupboard", "self_care"),
        ("my lad was knocked out in a football tackle and came round a minute later", E),
        ("got punched on a night out and was out cold for a bit", E),
        ("the flu knocked me out for a week", NOT_E),
        ("a character in the film had a stroke", NOT_E),
        ("watching something on tv when crushing pain in my chest spread to my arm", E),
        ("hit my head yesterday, no vomiting, no confusion", NOT_E),
    ],
    "suicide": [
        ("having thoughts of suicide", E),
        ("I want to kill myself", E),
        ("i dont want to live anymore", E),
        ("thinking about ending my life", E),
        ("everyone would be better off without me", E),
        ("im not suicidal just tired", NOT_E),
        ("I don't want to kill myself", NOT_E),
        ("this headache is killing me", None),
        ("my cousin messaged me goodbye and says he is up on the roof", E),
        ("the voices keep telling me to step in front of a train", E),
        ("my brother thinks the neighbours are spying on him and has gone out with a knife", E),
        ("our son is paranoid, says we are trying to poison him, and he punched his sister", E),
        ("my boss is out to get me, he punched a hole in my plans", NOT_E),
        ("my dad has dementia and thinks the carers are poisoning his food", NOT_E),
    ],
    "overdose": [
        ("I took too many pills", E),
        ("took a whole bottle of paracetamol", E),
        ("she's overdosed", E),
        ("swallowed 20 tablets of ibuprofen", E),
        ("my toddler ate some of my tablets", E),
        ("took 2 paracetamol for my headache", None),
        ("never overdosed", NOT_E),
    ],
    "poisoning": [
        ("my toddler drank some bleach", E),
        ("my dog, no my son drank bleach", E),
        ("my child drank some drain cleaner", E),
        ("my daughter swallowed a button battery", E),
        ("got oven cleaner in my eye", E),
        ("carbon monoxide alarm going off and we all have headaches", E),
        ("my 2 year old chewed a laundry pod", E),
        ("food poisoning after eating chicken", NOT_E),
        ("cleaned the bathroom with bleach, hands feel dry", NOT_E),
        ("my son found the washing tablets and has been eating them", E),
        ("toddler had a fever, the medicine helped, now eating and drinking fine", NOT_E),
    ],
    "burns": [
        ("a bad burn over most of my leg", E),
        ("burnt my face with hot oil", E),
        ("my toddler pulled a kettle and scalded his chest", E),
        ("electrical burn from a socket", E),
        ("burned my hand and it's blistering", E),
        ("small burn on my finger from the oven, not blistered", NOT_E),
        ("burning when I pee", NOT_E),
        ("heartburn every night", NOT_E),
        ("sunburn on my shoulders", NOT_E),
    ],
    "testicular_torsion": [
        ("sudden severe pain in my testicle", E),
        ("my son woke up with agony in his balls", E),
        ("sudden testicle pain and it's swollen", E),
        ("aching testicle for a few days", NOT_E),
        ("pain in the balls of my feet", NOT_E),
    ],
    "cauda_equina": [
        ("numbness around my bottom and genitals with back pain", E),
        ("can't feel when I need to pee and my lower back is killing me", E),
        ("saddle numbness", E),
        ("lost control of my bladder and I have sciatica", E),
        ("back pain but no numbness and no problems peeing", NOT_E),
        ("numb bum after a long bike ride", NOT_E),
    ],
    "pregnancy": [
        ("I'm 10 weeks pregnant and bleeding", E),
        ("pregnant with severe stomach pain", E),
        ("bleeding heavily in pregnancy", E),
        ("I'm pregnant and have a bad headache and blurred vision", "urgent"),
        ("not pregnant, just a late period", NOT_E),
        ("pregnant and a bit tired", NOT_E),
    ],
    "tetanus": [
        ("lockjaw after stepping on a rusty nail", E),
        ("stiff jaw and muscle spasms a week after a deep cut", E),
        ("muscle spasms in my calf", NOT_E),
        ("no stiffness after the dog bite", NOT_E),
    ],
    "sepsis": [
        ("my skin is mottled and I feel awful", E),
        ("high temperature and he's confused", E),
        ("I feel like I'm going to die", E),
        ("she hasn't peed all day and has a urine infection", E),
        ("I think I have sepsis", E),
        ("flu and breathing really fast", E),
        ("no fever and not confused", NOT_E),
        ("what is sepsis", None),
    ],
    "seriously_ill_child": [
        ("my baby is floppy and won't wake up", E),
        ("my newborn is turning blue", E),
        ("baby making a high pitched cry and very pale and floppy", E),
        ("my 3 month old has a fever", "urgent"),
        ("my son has a limp after football", NOT_E),
        ("my baby has blue eyes", None),
    ],
    "urgent": [
        ("high fever that won't come down", "urgent"),
        ("I think I broke my wrist", "urgent"),
        ("chest pain", "urgent"),
        ("short of breath walking up stairs", "urgent"),
        ("swollen painful calf", "urgent"),
        ("blood in my pee", "urgent"),
        ("passed out at work this morning", "urgent"),
        ("I keep self harming", "urgent"),
        ("sudden severe stomach pain", E),
        ("I broke out in a rash on my arm", NOT_E),
    ],
    "context": [
        ("not sure if it's a stroke but her face is drooping", E),
        ("should I go to A&E for chest pain spreading to my arm", E),
        ("is it normal to have crushing chest pain", E),
        ("I want to kill myself and I took 30 pills", E),
        ("can anxiety cause chest tightness", NOT_E),
        ("could a stroke cause headaches", None),
        ("I think I pulled a muscle in PE", None),
        ("my dad had a heart attack last year and is doing well", None),
        ("the stock market collapsed and I have a headache", NOT_E),
        ("my tent collapsed in the rain", None),
        ("he collapsed at the bus stop and isn't responding", E),
        ("I had chest pain last year but it was just reflux", NOT_E),
        ("I'm pregnant and have morning sickness", None),
        ("my baby has a cold and a runny nose", None),
        ("bee sting on my arm, a bit red and itchy, no other symptoms", NOT_E),
    ],
    "long_complaints": [
        (
            "I've had a horrible pain in my chest for the last 30 minutes. It started while I "
            "was watching TV and now it's going into my left arm and I feel sick and sweaty",
            E,
        ),
        (
            "my 4 year old has been poorly all day with a temperature and now she has tiny "
            "purple spots on her legs that don't go when I press a glass on them",
            E,
        ),
        (
            "so my grandad is 80 and at dinner he suddenly couldn't get his words out and the "
            "left side of his mouth was hanging down",
            E,
        ),
        (
            "my partner has been depressed for months and tonight he told me he wants to end "
            "his life",
            E,
        ),
        (
            "I've had a cough for a couple of weeks, no fever, no blood, just annoying and "
            "keeping me up",
            "routine",
        ),
    ],
    "routine_and_self_care": [
        ("cough for three weeks", "routine"),
        ("headaches for months", "routine"),
        ("losing weight without trying", "routine"),
        ("mild headache after a long day", "self_care"),
        ("slight cough", "self_care"),
        ("cramp in my legs at night", None),
        ("trouble sleeping", None),
        ("sore shins after running", None),
        ("spots on my chin", None),
    ],
}


# False alarms the whole triage is known to give today, each with the reason. Strict: the day one
# is mended the test says so, and the line goes.
KNOWN_FALSE_ALARMS: dict[str, str] = {}


def _flatten() -> list[pytest.param]:
    return [
        pytest.param(
            text,
            expected,
            id=f"{family}-{index}",
            marks=[pytest.mark.xfail(reason=KNOWN_FALSE_ALARMS[text], strict=True)]
            if text in KNOWN_FALSE_ALARMS
            else [],
        )
        for family, cases in CASES.items()
        for index, (text, expected) in enumerate(cases)
    ]


@pytest.mark.parametrize(("text", "expected"), _flatten())
def test_it_gives_the_expected_level(text: str, expected: str | None) -> None:
    result = triage(text)
    if expected == NOT_E:
        assert result.level != E, (text, result.rule_ids, result.matched)
    else:
        assert result.level == expected, (text, result.rule_ids, result.matched)


def test_it_has_enough_cases() -> None:
    assert sum(len(cases) for cases in CASES.values()) >= 150
