"""Issue 10, twenty-first pass: presentations learnt from the tuning halves' misses, each written
here in our own words from the guidance named beside its rule in rules.yaml (none is a line of
any labelled set)."""

from __future__ import annotations

import pytest

from .families import assert_emergency_or_not, assert_same_day_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # NHS Sepsis: a high temperature read as a number, with fast breathing or confusion.
        (True, "three days after my hip operation I'm 39.2 and breathing really fast"),
        (True, "he's 103F and talking gibberish, he had a chest infection last week"),
        (False, "he's 37.4 and breathing fast after running for the bus"),
        # NHS Paracetamol for adults: doses under four hours apart, or more than 8 in a day.
        (True, "been taking 2 paracetamol every three hours for my toothache since yesterday"),
        (True, "I've been on paracetamol for my back, about 12 tablets a day this week"),
        (False, "I take paracetamol every 4 to 6 hours when my knee is bad"),
        (False, "the leaflet says no more than 8 tablets in 24 hours of paracetamol"),
        # NHS Necrotising fasciitis: a wound, swollen or red skin, and feeling ill.
        (True, "scraped my shin on a rock, the leg is swollen and red, I am shivery and vomiting"),
        (True, "got a nick gardening and now my hand is puffy and I feel fluey and achy all over"),
        (True, "why would a tiny scratch hurt this much, it's swollen and hard"),
        (False, "a bit hot today after her jabs and a little red patch on her leg"),
        (False, "grazed my knee last week, it was a bit red, no fever and it's healing"),
        # NICE NG133: 160/110 or more in pregnancy, with a severe headache or changed sight.
        (True, "34 weeks pregnant, my bp machine says 168/114 and I have a thumping headache"),
        (True, "36 weeks with preeclampsia, bp 170/100, everything looks blurry"),
        (False, "32 weeks pregnant and my blood pressure was 118/76 at the midwife"),
        # NHS Pulmonary embolism: a swollen calf, then passing out or a racing heart.
        (True, "my calf has been swollen and sore since the flight and I just blacked out"),
        (True, "swollen red calf for two days and now my heart is racing"),
        # NHS Stroke: speech gone thick.
        (True, "his speech has gone thick and his face looks lopsided"),
        # RLSS UK: a child limp or unresponsive after going under the water.
        (True, "our toddler went under in the paddling pool and she's limp"),
        # NHS Testicular torsion, in lay words.
        (True, "one of my nuts is really killing since this morning"),
        # NHS Guillain-Barre: tingling that began in the feet, weak legs, swallowing hard.
        (
            True,
            "numbness began in my feet on friday, now my legs are weak and it's hard to swallow",
        ),
        # UKONS acute oncology: confusion or shaking during chemotherapy, without a temperature.
        (True, "had chemo on monday, no fever but he's shaking and confused tonight"),
        # NHS Necrotising fasciitis: red skin spreading, with a fever; not a spreading rash.
        (
            True,
            "the red patch on my shin is spreading up my leg and I've got a temperature of 38.8",
        ),
        (False, "a red rash spreading across her back, temperature 38, playing happily"),
        # NHS Fainting: a faint with a very slow or pounding heart, or during sport.
        (True, "grandad blacked out in the garden and his pulse is really slow"),
        (True, "my daughter collapsed and passed out during netball"),
        (False, "I always faint at blood tests, did again today, fine after a biscuit"),
        # NHS Head injury: clear fluid from the nose, however long the story.
        (
            True,
            "he came off his bike on saturday and banged his head on the kerb. since then there "
            "has been clear fluid dripping from his nose on one side, and it tastes salty to him",
        ),
        # NHS Glaucoma: sudden severe eye pain, misty sight and sickness; halos told of lights.
        (True, "terrible pain in my right eye tonight, everything looks misty and I've been sick"),
        (True, "her eye is red and painful and the lights have rings round them"),
        # RCOphth: a pupil out of shape after any injury to the eye.
        (True, "a branch scratched his eye on the walk and now his pupil is teardrop shaped"),
        # BHF: an ICD named, then its shocks told after, twice or with feeling unwell.
        (True, "I've got an ICD and it went off twice while I was shopping"),
        (False, "my ICD went off once this morning and I feel completely fine"),
        # NHS Sudden loss of vision: all the sight of one eye gone, told now; not since childhood.
        (True, "I can't see anything out of my right eye since lunch"),
        (False, "I've been blind in my left eye since I was a child"),
        # NHS Dental abscess: swelling below the jaw and into the neck, breathing that hurts.
        (True, "tooth abscess and the swelling is under my jaw and neck now, hurts to swallow"),
        # NHS Anticoagulant medicines: heavy bleeding, a pad an hour, on a blood thinner.
        (True, "I take rivaroxaban and I'm soaking through a pad every hour"),
        (
            True,
            "on warfarin for a clot from last year, cut my thumb an hour ago and it's still "
            "pouring",
        ),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # A wrist splint worn at night is not a cast on a break.
        (False, "my thumb goes numb at night even with my wrist splint on"),
        (True, "my leg is in plaster and my toes have gone cold and blue"),
        # The weather an old injury aches in.
        (False, "my old broken ankle from years back aches in cold weather"),
        # The glass test told with the rash fading in a clause of its own.
        (False, "little red spots on his arm, I pressed a glass on them and they all faded"),
        (True, "spots on her legs and I did the glass test and they are still there"),
        # A story heard, a medical drama, a policy being written.
        (False, "my aunt told a story about her neighbour having a stroke in the garden"),
        (False, "do magnets hurt if swallowed? it is for our nursery policy"),
        # Slurring explained by the drink, and a stroke that is not.
        (False, "I was slurring my words after a few pints last night, fine today"),
        (True, "he was drunk last night but he's sober now and still slurring his words"),
        # A twinge of seconds in a testicle, gone; and the pain that stays.
        (False, "twinge in my left testicle for a couple of seconds, gone now"),
        (True, "sudden bad pain in my right testicle for the last hour"),
        # Water swallowed and coughed up at once; and a cough that goes on.
        (False, "she swallowed some bath water and coughed for a few seconds, happy again now"),
        (True, "went under at the lake and he's been coughing ever since and is very sleepy"),
        # A purpose denied; laughter.
        (False, "how should I lock away cleaning products so nothing gets swallowed"),
        (False, "the chilli challenge had me choking and crying with laughter"),
        (True, "my son sounds like he's choking on something in his room"),
        # NHS Epilepsy: a usual seizure that stopped within 5 minutes; one that goes blue.
        (False, "she has epilepsy and had one of her usual fits, over in a minute, asleep now"),
        (True, "she has epilepsy, this fit has gone on for over 5 minutes"),
        (True, "he had a seizure and went blue"),
    ],
)
def test_look_alikes_and_the_reports_beside_them(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # NHS Kidney stones: a stone named with severe pain, or pain the painkillers do not touch.
        (True, "my kidney stone pain is not touched by the tablets and I can't keep still"),
        (False, "had kidney stones years ago, what should I drink to stop them coming back"),
        # NHS Chest pain: pain brought on by pressing after a strain; heartburn an antacid settles.
        (False, "chest sore since moving the wardrobe, hurts when I press on it"),
        (False, "burning behind my breastbone after pizza, a rennie sorted it"),
        (True, "sharp pain in my chest that came on this evening, no idea why"),
        # A reliever used twice in a week is not a medicine taken twice by mistake.
        (False, "needed my reliever inhaler twice this week in the cold"),
        (True, "gave him his amlodipine twice this morning by mistake"),
        # NHS Sore throat: with a very high temperature or hot and shivery.
        (True, "really sore throat and I'm 39.4 and shivery"),
        (False, "bit of a sore throat and 37.6, eating fine"),
        # NHS Ear infections: discharge from a child's ear, whoever's ear it is.
        (True, "earache and green stuff is leaking out of my daughter's ear since last night"),
        # NHS Conjunctivitis: a newborn's red, weepy eyes.
        (True, "my 10 day old has red watery eyes"),
        # NHS Post-exposure prophylaxis: unprotected sex of any kind in the last 72 hours.
        (True, "had unprotected oral sex last night, should I get PEP"),
        # NHS Cuts and grazes: a cut long and deep; a blade that slipped.
        (True, "the craft knife slipped, the cut is 3 cm long and deep"),
    ],
)
def test_same_day_or_not(same_day: bool, text: str) -> None:
    """Same day is "urgent" exactly; not same day is neither urgent nor an emergency."""
    assert_same_day_or_not(text, same_day)
