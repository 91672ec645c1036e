"""Emergencies told lightly ("probably nothing, but…") and in older readers' everyday words
("my ticker", "owt", "a tumble off the roof") (issue 10, twelfth pass), with look-alikes told
the same way. Every sentence is written for this test; none is from a labelled set."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_read_as


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [
        # NHS Burns and scalds: go to A&E after breathing in smoke or fumes.
        (
            "there was a fire in our flat last night, I keep coughing and spitting up black bits",
            "emergency",
            "smoke-breathed-in-a-fire",
        ),
        (
            "the chip pan caught fire, we're all out and fine really, just my voice is croaky",
            "emergency",
            "smoke-breathed-in-a-fire",
        ),
        # ASCIA action plan: after a food reaction has begun, a persistent cough.
        (
            "she ate a cereal bar with nuts, lumpy hives on her arms and she can't stop coughing",
            "emergency",
            "anaphylaxis-cough-with-reaction",
        ),
        # NHS Heat exhaustion and heatstroke: a fit or collapse in the heat.
        (
            "grandad was mowing the lawn in 38 degrees and then he collapsed",
            "emergency",
            "heatstroke-heat-with-collapse-or-fit",
        ),
        # NHS Appendicitis: pain that spreads across the tummy.
        (
            "right sided ache since this morning and now it has spread across my whole tummy",
            "emergency",
            "appendicitis-pain-spreading-or-returning",
        ),
        # NHS Pre-eclampsia: a fit after giving birth.
        (
            "five days after her c section she went rigid then jerked for about a minute",
            "emergency",
            "seizure-after-birth",
        ),
        # NHS Epilepsy: anyone's first seizure is a 999 call.
        (
            "found him twitching and jerking on the sofa, never had anything like that",
            "emergency",
            "seizure-first-ever",
        ),
        # NHS Help for suicidal thoughts: a goodbye and the means at hand.
        (
            "my daughter posted goodbye to everyone and she's in her room with the tablets",
            "emergency",
            "suicide-goodbye-and-means",
        ),
        (
            "I've had enough now, all my tablets are out on the bed",
            "emergency",
            "suicide-despair-and-means",
        ),
        # NHS Psychosis: at risk of harming others.
        (
            "he's convinced the police are following him and he's got an axe in the car",
            "emergency",
            "psychosis-threat",
        ),
        # NHS Heart palpitations: with chest pain, call 999.
        (
            "my ticker is pounding away and my chest hurts",
            "emergency",
            "palpitations-red-flags",
        ),
        # NHS Stroke: speech problems, even when they pass, are a 999 call.
        ("mum's speech went odd for ten minutes this afternoon", "emergency", "stroke-speech"),
        # NICE NG39: a high-energy injury and signs of harm inside.
        (
            "got knocked down by a van, I'm up and walking but I'm going faint and cold and clammy",
            "emergency",
            "major-trauma",
        ),
        (
            "came off the ladder onto the patio, it hurts to breathe",
            "emergency",
            "major-trauma",
        ),
        # NHS Stroke (FAST): a face gone odd and an arm that will not lift, together.
        (
            "dad went all strange, his smile looks odd and he can't raise his left arm",
            "emergency",
            "stroke-face-and-arm",
        ),
        ("a droop down one side of her face since teatime", "emergency", "stroke-face-drooping"),
        # NHS Abdominal aortic aneurysm: sudden severe tummy and back pain with feeling faint.
        (
            "he's 81, awful pain in his belly and back all of a sudden and he's gone faint",
            "emergency",
            "severe-tummy-and-back-pain-and-faint",
        ),
        # NHS Overdose: someone else's medicines, all of them.
        ("she has swallowed all of grandad's heart tablets", "emergency", "overdose"),
        ("he swallowed a whole box of propranolol", "emergency", "overdose"),
        ("I took 20 of my brother's ibuprofen", "emergency", "overdose-ibuprofen-count"),
        # NHS Paracetamol: more than 8 in 24 hours, however spread, is A&E at once.
        (
            "dad's been on paracetamol for his hip, he reckons twelve a day since the weekend",
            "emergency",
            "overdose-paracetamol-over-the-day",
        ),
        (
            "been taking co-codamol for toothache, more than 8 a day if I'm honest",
            "emergency",
            "overdose-paracetamol-count",
        ),
        # A question about what causes the reader's own symptom is a report.
        (
            "what would cause a tearing pain in my back? it came on suddenly an hour ago",
            "emergency",
            "aortic-dissection-tearing-pain",
        ),
        # NICE NG143: a newborn at 38C or more is a red feature.
        (
            "our newborn feels hot, 38.4 on the thermometer",
            "emergency",
            "young-baby-measured-fever",
        ),
        # NHS Epilepsy: another seizure before waking from the first.
        (
            "she had a seizure at lunch and then another before she came round",
            "emergency",
            "seizure-again-before-waking",
        ),
        # NHS Broken or bruised ribs: A&E when breathing gets hard.
        (
            "got elbowed in the ribs at football and now I'm short of breath",
            "emergency",
            "chest-injury-hard-to-breathe",
        ),
        # NHS Postpartum psychosis: delusions in the weeks after a birth.
        (
            "our baby is 3 weeks old and my wife is convinced people are watching her",
            "emergency",
            "postpartum-psychosis-signs",
        ),
        # NHS Necrotising fasciitis: the skin round a wound turning dark, with a fever.
        (
            "graze on my knee, the skin around it has turned dark purple and I have a fever",
            "emergency",
            "necrotising-fasciitis-skin-changing",
        ),
        # NHS Stevens-Johnson syndrome: blisters peeling after a new medicine.
        (
            "started new tablets last week, now blisters are peeling and I have mouth sores",
            "emergency",
            "severe-skin-reaction",
        ),
        # NHS Stroke: one side of the mouth lower.
        (
            "the left side of her mouth looks lower than the right",
            "emergency",
            "stroke-face-drooping",
        ),
        # NHS Aortic dissection: a sudden tearing or ripping pain in the chest, back or tummy.
        (
            "out of the blue it feels like something is ripping my guts apart, I'm grey",
            "emergency",
            "aortic-dissection-tearing-pain",
        ),
        # NICE CG147, acute limb ischaemia: a limb gone pale or blue and cold, with severe pain.
        (
            "my husband's foot has gone a bluey colour, it's cold to touch and he's in agony",
            "emergency",
            "limb-pale-cold-and-severe-pain",
        ),
        # NHS Signs that labour has begun: the head can be felt.
        (
            "I can feel the baby's head and the contractions are constant",
            "emergency",
            "labour-birth-before-hospital",
        ),
        # NHS Paracetamol for adults: more than the daily limit, even feeling well, is for
        # A&E; a UK box of paracetamol holds 16 tablets. All of one medicine, named.
        ("knocked back a box of paracetamol with a bottle of wine", "emergency", "overdose"),
        ("my brother has swallowed two strips of co-codamol", "emergency", "overdose"),
        ("she's taken all the amitriptyline she had left", "emergency", "overdose"),
        # NHS Head injury: A&E for clear fluid from the nose, a headache that gets worse, or
        # trouble staying awake; struck by something rather than falling.
        (
            "a golf ball hit him on the head at the driving range, now watery stuff from his nose",
            "emergency",
            "head-injury-red-flags",
        ),
        (
            "got smacked with a hockey stick on the head, headache is getting worse",
            "emergency",
            "head-injury-red-flags",
        ),
        (
            "she slipped and banged her head on the kerb and now she keeps nodding off",
            "emergency",
            "head-injury-red-flags",
        ),
        # NHS Help for suicidal thoughts: 999 if you do not feel you can keep yourself safe;
        # "I don't think I can…" is read as "I can not…", which no rule had.
        ("honestly I don't think I can keep myself safe tonight", "emergency", "suicidal-intent"),
        ("my son rang to say he can't keep himself safe", "emergency", "suicidal-intent"),
        # NHS Self-harm: 999 or A&E for someone who has seriously hurt themselves; Samaritans:
        # "I want it all to stop" said with a blade to hand.
        (
            "he's been cutting himself for months and tonight one is very deep, it's wide open",
            "emergency",
            "self-harm-badly-hurt",
        ),
        (
            "I want it all to end, I'm holding a razor blade",
            "emergency",
            "suicide-despair-and-means",
        ),
        # NHS Necrotising fasciitis: a wound changing colour, with a fever.
        (
            "the graze on his shin has gone dusky purple and he's running a fever",
            "emergency",
            "necrotising-fasciitis-skin-changing",
        ),
        # NHS Asthma attack: the reliever needed every few minutes; NHS Head injury: knocked
        # out, told as "out for a minute or two".
        (
            "using his blue puffer every five minutes and he's getting no better",
            "emergency",
            "asthma-reliever-not-helping",
        ),
        (
            "she tripped on the stairs, banged her head and went out cold for a bit",
            "emergency",
            "head-injury-red-flags",
        ),
        # NHS Hip fracture: after a fall, a leg turned outwards; American "took a spill".
        (
            "grandma took a spill in the kitchen and her foot is pointing outwards",
            "emergency",
            "hip-fracture-leg-shortened-or-turned",
        ),
        # NHS Head injury: both eyes bruised after a blow to the head.
        (
            "bumped his head on the car door yesterday and today both eyes have gone purple",
            "emergency",
            "head-injury-red-flags",
        ),
        # NHS Sudden loss of vision: an eye's sight gone since this morning is sudden.
        (
            "can't see anything out of my right eye since lunchtime, no pain",
            "emergency",
            "stroke-sight-gone-today",
        ),
        # NHS Eye injuries: A&E when an injury changes the sight.
        (
            "my daughter took an elbow to the eye at netball and her vision is blurry",
            "emergency",
            "eye-injury-sight-changed",
        ),
        # Driven in by a tool or a blade.
        ("a screw went right through his foot at the building site", "emergency", "serious-trauma"),
        # NICE NG41: neck pain after a fall from a height.
        (
            "my husband fell off the scaffolding at work and says his neck is really sore",
            "emergency",
            "spinal-injury-fall-from-height-neck-pain",
        ),
        # A blocked bowel's three signs told without the wind (Mayo Clinic; NHS).
        (
            "sick as a dog since yesterday, my stomach is massively swollen and I can't poo",
            "emergency",
            "bowel-obstruction-swollen-and-not-pooing",
        ),
        # NHS Epilepsy: 999 for seizures one after another without waking in between.
        (
            "he's had two seizures in a row without coming round",
            "emergency",
            "seizure-prolonged-repeated-or-first",
        ),
    ],
)
def test_the_presentation_is_read(text, level, rule):
    assert_read_as(text, level, rule)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        # NHS High blood sugar: readings that stay high are for the diabetes team today.
        (
            "type 2, my sugar has been hovering around 300 all week and I'm so thirsty",
            "high-blood-sugar-reading-symptoms",
        ),
        # NHS DVT: swelling in one leg.
        ("my left leg is bigger than the other one since the flight", "deep-vein-thrombosis"),
        # NHS Dehydration: peeing less in a child with a tummy bug.
        (
            "my boy has a tummy bug and has only done one wee since yesterday",
            "dehydration-signs",
        ),
        # NHS Animal and human bites: a bite that breaks the skin, or one that looks infected.
        ("a lad bit my arm at rugby and broke the skin", "bite-broke-skin"),
        ("kitten scratch on my hand is hot and oozing", "infected-bite"),
        # NHS Heart palpitations: with dizziness, the same day.
        ("fluttery heart and a bit woozy this evening", "palpitations-with-dizziness"),
        ("two days of the runs and now she is woozy whenever she gets up", "dehydration-signs"),
        ("coughing up a few streaks of blood in my flem", "coughing-blood-small-amount"),
        (
            "fell off the swing, his arm is swollen and he doesn't want to move it",
            "suspected-broken-bone-limb-not-used",
        ),
        # St John Ambulance, Broken bones: an unnatural shape after an injury.
        (
            "my son punched a door and his knuckle is swollen and bent funny",
            "suspected-broken-bone",
        ),
        (
            "tripped on the stairs, landed on my hand, wrist like a dinner fork",
            "suspected-broken-bone",
        ),
        # A fit that has ended ("about an hour ago" is when, not what it was about).
        ("she had a fit about an hour ago and is back to herself", "seizure"),
        # NHS Epilepsy: the body goes stiff, then the arms and legs begin jerking.
        ("my nephew went stiff then his arms and legs began twitching, he's fine now", "seizure"),
    ],
)
def test_the_same_day_presentation_is_read(text, rule):
    assert_read_as(text, "urgent", rule)


@pytest.mark.parametrize(
    "text",
    [
        # A smoke alarm, a bonfire: no fire's smoke breathed in.
        "burnt the toast and set the smoke alarm off, no fire, all fine",
        # Fed up with a nuisance, not with living; the tablets are for hay fever.
        "had enough of this weather, my hay fever tablets are out on the table",
        # Insects' bites, not an animal's.
        "bitten by midges on holiday and scratched them till they bled",
        # Believing people are right is not a delusion.
        "he is convinced people are right about the new road, went round with a hammer to help",
        # A rash that spreads is not appendix pain.
        "itchy rash on my right side that has spread across my back",
        # A cold's cough beside a food the child eats every day.
        "my son had peanut butter on toast, he has a cold and keeps coughing at night",
        # A day's medicines taken as prescribed.
        "I took all my tablets this morning as usual, is it ok to have a glass of wine later?",
        "can't lift my arm above my head since the gym, frozen shoulder?",
        # Asking how to use a medicine names the reader and asks to learn.
        "how do I use my son's new epipen?",
        # Fingers and toes white or blue and sore in the cold: Raynaud's, chilblains.
        "my fingers turn white then blue in the cold and really hurt when they warm up",
        "it's freezing out there, my hands went blue on the walk and really stung",
        # Work and worry, not a tearing pain.
        "tearing my hair out over the bills, my insides are in knots",
        "we're ripping out the insides of the bathroom this weekend",
        # A decade past, in digits.
        "my grandad had a heart attack in the 1970s, what should I watch for?",
        # Seizures in a row, years ago; a ball to the head with nothing after it.
        "my little toe has gone black after dropping a tin on it, no fever, just sore",
        "had two seizures in a row back in 2016, none since on my tablets",
        "took a football to the head at practice, no headache, no sickness, feel fine",
        # Glasses or a window in the way, not an eye's sight.
        "can't see out of my glasses since this morning, they're so smudged",
        # Safety online and on the way home, not a person's safety from themselves.
        "can't stay safe online these days, how do I protect my kids from scams",
        "how can I keep myself safe walking home from the station at night",
        # Two puffs in a day and a little wheeze: an asthma review, not an attack.
        "asthma's playing up with this cold, used my inhaler twice today, still a bit wheezy",
        # A medicine's container taken along, not swallowed; a smoker's packet.
        "took a box of ibuprofen with me on holiday just in case",
        "took my blood pressure tablets then smoked a pack of cigarettes",
        # A day's dose as the packet says, and a course counted in days.
        "taking paracetamol for a cold, 8 a day as the box says",
        "on day 3 of a 10 day course of antibiotics, feeling better",
    ],
)
def test_the_look_alikes_are_not_emergencies(text):
    assert triage(text, locale="GB").level != "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "bitten by midges on holiday and scratched them till they bled",
        "one leg has always been a bit longer than the other",
        "the cat scratched the sofa again",
        "the cake tin got bent funny in the move",
        # Anger, not a seizure.
        "mum had a fit about the state of my bedroom",
        # Tired eyes now and an eye injury years ago.
        "my vision is blurry when I'm tired, and I was hit in the eye at squash years ago",
        # A foot that has always turned out; a spill that is a drink.
        "her left foot is turned outwards a little when she walks, it always has been",
        "knocked over my coffee, what a spill, all over the laptop",
        # A stiff neck after a night's sleep, not a fall from a height.
        "rolled out of bed onto the carpet and my neck is a bit stiff this morning",
        # Out for a walk before a bump.
        "been out for a walk and bumped my head on a low branch, no other symptoms",
        # Constipation with a little bloating and nausea; a tummy bug's loose stools.
        "bit constipated and bloated this week, felt queasy after dinner",
        "tummy bug, been sick twice, stomach a bit swollen and poo is runny",
        # Accidents with a knife or an oven, not harm done on purpose.
        "cut myself peeling potatoes, it's stopped bleeding with a plaster on",
        "burnt myself on the iron this morning, held it under the cold tap for ages",
    ],
)
def test_the_look_alikes_are_not_same_day(text):
    assert triage(text, locale="GB").level not in ("emergency", "urgent"), text


def test_a_wrist_cut_by_accident_is_a_wound_not_a_wish_to_die():
    # NHS Cuts and grazes: call 999 for a wound that is spurting or will not stop bleeding.
    result = triage("cut my wrist on a broken mirror and it's gushing and won't stop", locale="GB")
    assert result.level == "emergency"
    assert "suicidal-intent" not in result.rule_ids, result.rule_ids
    assert "suicidal-intent" in triage("thinking of cutting my wrists tonight").rule_ids


def test_holding_on_no_more_is_heard_and_a_full_bladder_is_not():
    # Samaritans: "I can't go on" and its like are warning signs to talk about today.
    assert triage("I can't hold on anymore, I'm so tired of everything").level == "urgent"
    assert triage("can't hold on much longer, need the loo").level is None


def test_one_black_eye_from_a_punch_is_not_a_skull_fracture_sign():
    # "Black eyes" (both, after a head injury) is a red flag of the head injury rules; a
    # single black eye from a punch is not.
    result = triage("got punched in the head in a fight and have a black eye, I can see fine")
    assert "head-injury-red-flags" not in result.rule_ids
    assert result.level != "emergency"


# A seizure's length is read as a number against the NHS's 5 minutes: a short fit in someone with
# epilepsy is the rules' same-day answer, and none when told as their usual one (NHS Epilepsy:
# no ambulance is usually needed then); five minutes or more, or "for minutes" with no number,
# is an emergency. (The word rules alone: the semantic detector reads "he had one
# of his usual fits" as near a fit after a head injury, which docs/triage.md lists as left.)
@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("my brother is epileptic, he had one of his usual fits, it lasted 2 minutes", None),
        ("she has epilepsy, her seizure lasted under a minute and she's sleepy now", "urgent"),
        ("he has epilepsy and he's been fitting for 6 minutes", "emergency"),
        ("the seizure has gone on for more than five minutes", "emergency"),
        ("she's been having a seizure for minutes and it won't stop", "emergency"),
        ("my son has epilepsy and had a seizure for half an hour", "emergency"),
    ],
)
def test_a_seizures_length_is_compared_with_five_minutes(text: str, level: str | None) -> None:
    assert triage(text, locale="GB", semantic=False).level == level


# Paracetamol past the day's limit without a count (NHS Paracetamol for adults: at least 4 hours
# between doses, no more than 4 doses a day, and a second medicine holding paracetamol doubles
# it): taken too often, or doubled and found out, is an emergency; asking is not.
@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "been taking two paracetamol every couple of hours since yesterday for my tooth",
            "emergency",
        ),
        ("she's been giving him calpol every hour through the night", "emergency"),
        ("I've taken paracetamol 6 times today for this migraine", "emergency"),
        (
            "I took paracetamol all week and then lemsip as well, "
            "didn't realise it had paracetamol in it too",
            "emergency",
        ),
        ("can I take paracetamol every 2 hours?", None),
        ("is it ok to give calpol every 2 hours if his fever comes back", None),
        ("alternating paracetamol and ibuprofen every 2 hours for her fever", None),
        ("does lemsip also contain paracetamol?", None),
        (
            "my dad takes paracetamol for his knee and the GP gave him a cold remedy "
            "that has paracetamol in it, is that a risk?",
            None,
        ),
    ],
)
def test_paracetamol_past_the_days_limit_without_a_count(text: str, level: str | None) -> None:
    assert triage(text, locale="GB", semantic=False).level == level


# Someone found with empty medicine packets beside them (NHS Poisoning: clues such as empty
# packets): an overdose, as the guidance reads it; packets alone, or a wine bottle, are not.
@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("found my sister on her bed with empty packets of pills next to her", "emergency"),
        (
            "came home and he's asleep on the sofa with empty blister packs all over the floor",
            "emergency",
        ),
        ("I found some empty blister packs in the recycling, should they go in the bin?", None),
        ("found an empty bottle of wine next to him this morning, he's hungover", None),
        ("found him asleep with empty packets of crisps all round him, lazy sod", None),
    ],
)
def test_someone_found_with_empty_packets(text: str, level: str | None) -> None:
    assert triage(text, locale="GB", semantic=False).level == level


# Silences found by typing emergencies in everyday words: a hoarse voice after a sting
# (Resuscitation Council UK: anaphylaxis's airway signs), talk of killing people with a knife to
# hand (NHS: call 999 when someone is in danger), and no pee at all with a swollen, painful
# tummy (NHS Urinary retention: A&E). Their look-alikes stay quiet.
@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("she's swelling up after a bee sting and her voice has gone hoarse", "emergency"),
        ("he's talking about killing everyone in the house and has a knife", "emergency"),
        ("I can't pee at all and my belly is huge and painful", "emergency"),
        ("I've got hay fever and a hoarse voice from coughing", None),
        ("mum will kill us when she sees the mess, she's got the rolling pin lol", None),
        ("in the film he had a knife and wanted to kill everyone", None),
        # AACE, RCEM and BGS: call 999 for someone who has fallen and cannot get up.
        ("my dad fell in the garden and hasn't been able to get up, he's cold", "emergency"),
        ("mum slipped in the bathroom and we're not able to get her up", "emergency"),
        ("I fell over and wasn't able to get up the hill on my bike after", None),
        # NHS Cuts and grazes: A&E for bleeding that does not stop; 111 for signs of infection.
        ("cut my hand on glass and I can't move my fingers and it's still gushing", "emergency"),
        ("the cut on my knee is healing, it was pouring with rain the day I fell", None),
        ("there's a bad smell from the wound and red streaks going up my arm", "urgent"),
        ("I cut the mouldy bit off the cheese, it smells fine now", None),
        # Resuscitation Council UK (anaphylaxis): a tight throat after a trigger; a cold's sore,
        # swollen throat is not one.
        ("my son ate peanuts and his throat is itchy and tight and he's coughing", "emergency"),
        ("I've got a cold and my throat is sore and swollen", None),
        # NHS: 999 for someone unconscious; NHS Head injury: A&E for changed behaviour.
        ("the old man next door is lying in his garden and not moving", "emergency"),
        ("my cat is lying in the garden and not moving", None),
        ("he fell off his bike without a helmet, has a big lump and is acting weird", "emergency"),
        # NHS Help for suicidal thoughts (warning signs): goodbyes with a pet given away; a
        # move abroad's goodbyes are not.
        ("he keeps saying goodbye to everyone and gave his dog away", "emergency"),
        ("we're moving abroad so saying goodbye to everyone and giving away our stuff", None),
        # A heart rate told as "her heart is doing 180", beside chest pain (NHS palpitations).
        ("my mum's heart is doing 180 and she has chest pain", "emergency"),
        # NHS Necrotising fasciitis: skin around a wound turning black, with agony.
        (
            "the skin around my cut is turning black and it hurts like hell, I feel awful",
            "emergency",
        ),
        # NHS Jaundice: a baby "very yellow" is jaundiced; yellow snot is not.
        ("baby is 2 weeks and very yellow and hardly waking for feeds", "urgent"),
        ("my snot is very yellow and I have a cold", None),
        # Samaritans, NHS: wanting to sleep and never wake up is a thought of suicide (same
        # day); sleeping in is not.
        ("I just want to go to sleep and never wake up", "urgent"),
        ("so tired I want to sleep and never wake up till Monday lol", None),
        ("I hope I don't wake up with a hangover tomorrow", None),
        # NHS Eye injuries: blood in the front of the eye after a blow, A&E.
        (
            "hit in the eye with a squash ball and now there's blood in the front of my eye",
            "emergency",
        ),
        # NHS Type 1 diabetes: the 4 Ts and being sick, A&E or 999 (DKA), said as "weeing loads".
        ("my son has been drinking loads and weeing loads and is now being sick", "emergency"),
        # NHS Hearing loss: sudden loss, urgent GP or 111; years of it is not.
        ("sudden loss of hearing in one ear since this morning", "urgent"),
        ("what causes sudden hearing loss?", None),
        # Look-alikes of the pass's new rules, written after them.
        ("I'm lying in bed not moving because my back has gone again", None),
        ("he was lying on the kitchen floor not moving when I found him", "emergency"),
        ("we said goodbye to everyone at the leaving do and I gave my guitar away to a mate", None),
        ("my husband has a cut on his finger, the plaster smells a bit", None),
        ("the cut is oozing a little clear fluid, healing otherwise", None),
        ("I can't pee at all when people are in the next urinal, it's painful", None),
        # NHS Alcohol poisoning: a bottle of spirits with sleeping tablets; NHS Gangrene: a foot
        # gone black and cold. Buying gin, a black toenail and a bruise are not.
        ("my mum drank a bottle of whisky and took her sleeping tablets", "emergency"),
        ("my dad's foot has gone black and cold and he's diabetic", "emergency"),
        ("I bought a bottle of gin and I take sleeping tablets sometimes, is that ok?", None),
        ("my toenail has gone black after running, foot's cold from the walk", None),
        ("dad's foot is black and blue from the fall, icing it, it's cold now", None),
        # NHS Psychosis: 999 if someone may harm others.
        ("my dad's being really aggressive and seeing things, he's got a hammer", "emergency"),
    ],
)
def test_everyday_silences_now_answered(text: str, level: str | None) -> None:
    assert triage(text, locale="GB", semantic=False).level == level
