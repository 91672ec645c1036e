"""Issue 10, twentieth pass: presentations learnt from the tuning halves' misses, each written
here in our own words from the guidance named beside its rule in rules.yaml (none is a line of
any labelled set)."""

from __future__ import annotations

import pytest

from .families import assert_emergency_or_not, assert_same_day_or_not


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # MedlinePlus Surgical wound care: a wound from an operation that splits open.
        (True, "had a hernia repair last week and the wound has burst open"),
        (True, "my c-section scar has come apart and there's fluid leaking"),
        (
            True,
            "after my bowel surgery the stitches have popped open and something pink is poking out",
        ),
        # Urology Care Foundation: a snap from the penis with swelling or a bend; a stuck ring.
        (True, "heard a crack during sex and now my penis is swollen and purple"),
        (True, "it went pop while we were having sex and it's bent and bruised"),
        (True, "the metal cock ring is stuck and won't come off"),
        # ENT UK: any bleeding after a tonsil operation.
        (True, "my tonsils were taken out a week ago and there's some blood in my spit"),
        # Colonoscopy aftercare: a tummy swollen tight, pain that keeps growing, lots of blood.
        (
            True,
            "had a colonoscopy yesterday and they removed two polyps, now my tummy is swollen "
            "tight and the pain keeps getting worse",
        ),
        # BNF Clozapine: signs of infection.
        (True, "on clozapine and has a high temperature and a sore throat"),
        (True, "she takes clozapine and has got mouth ulcers and is shivering"),
        # NHS Methotrexate: taken daily, with mouth ulcers or a fever.
        (True, "taking methotrexate daily by mistake and now mouth ulcers and a fever"),
        # St John Ambulance Internal bleeding: a blow to the trunk, then faint or blood in the pee.
        (
            True,
            "got kicked in the stomach by a horse and now I feel faint and my shoulder tip hurts",
        ),
        (True, "peeing blood after a hard tackle in rugby"),
        # Samaritans / NHS: things given away, a goodbye, a locked door.
        (True, "my brother gave me his guitar and said goodbye and now his door is locked"),
        # NHS Heatstroke: hot skin that has stopped sweating, with confusion.
        (True, "after the marathon he stopped sweating and is talking nonsense"),
        # NHS Toxic shock syndrome: a period, a high temperature and a sunburn-like rash.
        (True, "on my period with a high temperature and a rash like sunburn"),
        # NHS Eye injuries: something sharp in the eyelid; a pupil out of shape after a blow.
        (True, "fish hook caught in my eyelid next to my eyeball"),
        (True, "hit in the eye by a squash ball and the pupil looks a funny shape"),
        # NHS Burns and scalds: a burn from a fire that blisters on the face.
        (True, "bbq flare up and now blisters on his face"),
        # NHS Snake bites: a rattlesnake by its nickname.
        (True, "rattler got me on the ankle"),
        # NHS Electric shock: a shock from an appliance with a fluttering heart.
        (True, "got a shock off the kettle and now my heart is fluttering"),
        # NICE NG151: chemotherapy spelt as it sounds.
        (True, "I'm on kemo and have a temperature of 38.2"),
        # NHS Sepsis: a racing heart in an idiom, with a fever and an infection.
        (
            True,
            "my heart is going like the clappers and I have a fever of 39 after a chest infection",
        ),
        # NHS Giant cell arteritis: a tender scalp with a change in sight.
        (True, "I'm 75, my scalp is tender, my jaw aches when I chew and now I have double vision"),
        # NHS Psychosis: persecuted, with a weapon kept on him.
        (True, "he keeps saying people are coming to get him and he has a knife in his pocket"),
        # NHS Ectopic pregnancy: pregnant or a period late, pain on one side, and pale or faint.
        (True, "I just found out I'm pregnant, terrible pain low on my left side and I went white"),
        (True, "my period is 2 weeks late, sharp pain low on one side and my heart is racing"),
        # NICE NG41: a dangerous mechanism and neck pain.
        (True, "came off his quad bike into a fence, his neck hurts and he can't turn his head"),
        (False, "car accident last month and my neck is still stiff"),
        # NHS Priapism: the condition's name with its hours.
        (True, "priapism for 5 hours"),
        # NHS Animal and human bites; Rabies.
        (True, "our dog bit my daughter on the cheek and it's a deep gash"),
        (True, "a stray dog in Thailand bit my leg"),
        (True, "a bat scratched me in the loft"),
        (False, "what do I do if a monkey bites me on holiday"),
        # NHS Anticoagulant medicines: bleeding signs on a blood thinner.
        (True, "I'm on apixaban and I've been peeing blood since this morning"),
        (True, "my dad takes rivaroxaban and his poo has gone black"),
        (True, "on warfarin, cut my thumb on a tin and it's still bleeding after half an hour"),
        (False, "on warfarin and I bruise easily, small bruise on my arm"),
        (False, "on warfarin, nosebleed for 5 minutes, stopped when I pinched my nose"),
        # NHS Inguinal hernia: a groin lump suddenly bigger and hard, with vomiting.
        (True, "my baby's groin lump is suddenly bigger and hard and he keeps vomiting"),
        (False, "my son has a groin lump that comes and goes when he cries, otherwise fine"),
        # RCPsych MEED: an eating disorder with fainting, palpitations or too weak to stand.
        (True, "my daughter has anorexia and fainted at school today, her heart is racing"),
        (
            False,
            "I had anorexia as a teenager and now I'm recovered, a bit of chest pain after the gym",
        ),
        # A condition lived with holds when told as the past.
        (True, "I've had sickle cell all my life and now I have a fever of 38.5"),
        # NHS Frostbite: white, numb or blistering after freezing cold; Raynaud's is not it.
        (True, "after skiing my fingertips went white and numb and now they're blistering"),
        (False, "my toes were cold and numb after playing in the snow, fine now they're warm"),
        (False, "my fingers go white and numb when it's cold, I think it's raynauds"),
        # An idiom's exception must not take a medicine: "overdosed on sleep" was one, and it
        # silenced sleeping pills, sleep aids and sleep tablets; it is gone.
        (True, "I think I've overdosed on my sleeping pills"),
        (True, "she overdosed on her sleep medication"),
        (True, "overdosed on sleep tablets"),
        # Look-alikes.
        (False, "rang the surgery, my cut has split open again"),
        (False, "colonoscopy tomorrow and I can't get comfortable with the prep"),
        (False, "during sex I heard a crack in my back and now it's in pain"),
        (False, "just found out I'm pregnant and my heart is racing"),
        (False, "on warfarin, my nose keeps dripping with this cold"),
        (False, "what to do if a wound opens after surgery"),
        (False, "my dad had his gallbladder out last year and the scar looks fine"),
        (False, "the pimple on my chin popped open"),
        (False, "is it normal to have a little bleeding after a colonoscopy"),
        (False, "gave away my old bike to a charity shop today"),
        (False, "it's a hot day at the festival and I'm sweating loads"),
        (False, "on my period and feel a bit faint when I stand up quickly"),
        (False, "cracked my knuckles and now my finger is swollen"),
        (False, "my jaw aches when I chew gum all day"),
        (False, "breathless after a run in the heat, fine once I sat down"),
        (False, "skin burning and red after a day at the beach"),
        # A drowning named as a worry, a dream or a film is not one now; a real one still is.
        (False, "my son swallowed some pool water yesterday, is dry drowning a thing?"),
        (False, "I keep dreaming I'm drowning"),
        (False, "watching a drowning rescue on TV made me anxious"),
        (True, "my son went under at the pool and I think he's drowning"),
        # NHS Subarachnoid haemorrhage: the worst headache that built up over days is not the
        # thunderclap; the one that came on in a minute is.
        (False, "this is the worst headache of my life, it's been building up for a week"),
        (True, "worst headache of my life, came on suddenly a minute ago"),
        # A bleed told as over is cleaned and covered; a bleed now beside something that stopped
        # is still an emergency.
        (False, "bled a lot when my tooth was pulled yesterday but the bleeding has stopped now"),
        (True, "the seizure has stopped now but he is bleeding a lot from his head"),
        # NHS Bell's palsy / Stroke: a droop with a diagnosis a doctor made is not a stroke
        # now; a droop or numbness without one is, even when it passed.
        (False, "my face is drooping on one side since my bell's palsy was diagnosed last month"),
        (True, "I think it's bell's palsy, my face dropped on one side in minutes"),
        (True, "numb face and a droopy mouth for a few minutes, gone now"),
        # NHS Stroke: pins and needles down one side; a dental injection's numbness is not it.
        (True, "I've got pins and needles down one side and my face feels weird"),
        (False, "tingling on one side of my tongue after the dentist numbed it"),
        (True, "diagnosed with bell's palsy, now my arm and leg on one side are weak"),
        # NICE NG232: a fall from a height, then confusion.
        (True, "my son fell from the top bunk and isn't making sense"),
        # NHS Panic disorder: a choking sensation.
        (False, "I felt like I was choking when I had a panic attack, it's passed now"),
        # A chest pain of a second on breathing in is not the lung clot's.
        (False, "sharp pain in my chest for a second when I breathe in, then gone"),
        (True, "sharp pain in my chest every time I breathe in and I'm breathless"),
        # A first-aid lesson's question.
        (False, "how do you stop heavy bleeding from a wound in first aid"),
    ],
)
def test_each_is_an_emergency_or_not(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # NHS Ear infections: 111 now for fluid from the ear or a very high temperature.
        (
            True,
            "my boy has had earache for two days, now yellow stuff is leaking out of his ear",
        ),
        (True, "earache and a temperature of 39.4, she's crying"),
        (False, "my ear is a bit sore after swimming"),
        (False, "my ear infection has gone and I feel fine now"),
        # NICE CKS Anticoagulation: an INR over 5 without bleeding.
        (True, "my INR came back at 7.2 today and I'm not bleeding"),
        (False, "inr 3.1 this morning, in range"),
        # NHS Emergency contraception: sick after the pill; pills missed before sex.
        (True, "I threw up an hour after taking the morning after pill"),
        (True, "missed two of my pills last week and had sex on Saturday"),
        (False, "I took the morning after pill yesterday, when will my period come"),
        # NHS Help for suicidal thoughts: thoughts of not being alive, said of someone else too.
        (True, "my sister says she wishes she wasn't alive anymore"),
        (False, "I wish I wasn't here at this boring party lol"),
        # UKONS triage: diarrhoea during chemotherapy.
        (True, "diarrhoea 6 times today on my chemo tablets"),
        # NHS Bipolar disorder: little sleep with racing thoughts, fast talk or spending.
        (
            True,
            "my brother hasn't slept in days, he's talking really fast and spending all his money",
        ),
        (False, "new baby, not sleeping for days, exhausted"),
        (False, "racing thoughts at night before exams"),
        # NHS Giant cell arteritis: a tender scalp and jaw pain on chewing.
        (True, "my scalp is tender and my jaw hurts when I chew"),
    ],
)
def test_same_day_or_not(same_day: bool, text: str) -> None:
    """Same day is "urgent" exactly; not same day is neither urgent nor an emergency."""
    assert_same_day_or_not(text, same_day)
