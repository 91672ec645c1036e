"""Emergencies passed on by someone else, and told in the plain English of readers for whom it is
an additional language (issue 10, eleventh pass), with look-alikes told the same way. Every
sentence is written for this test; none is from a labelled set."""

from __future__ import annotations

import pytest

from symptomdb.triage import triage

from .families import assert_read_as


@pytest.mark.parametrize(
    ("text", "level", "rule"),
    [
        # NHS Glaucoma: a suddenly painful red eye with rings around lights - A&E now.
        (
            "my sister rang, her eye went really painful out of nowhere and she sees halos",
            "emergency",
            "acute-glaucoma-eye-painful-halos",
        ),
        # NICE CG147: a foot gone cold, white and numb or still.
        (
            "the carer says his foot is cold and white since lunch and he cannot move his toes now",
            "emergency",
            "limb-pale-cold-and-numb",
        ),
        # AACE and RCEM: hours on the floor.
        (
            "neighbour found auntie on the kitchen floor, she thinks she has been there since"
            " yesterday evening",
            "emergency",
            "long-lie-hours-on-the-floor",
        ),
        # NHS Paracetamol: more than 8 tablets in 24 hours, even a few at a time, is A&E now.
        (
            "he has been taking panadol for his back all day, 14 tablets gone since breakfast",
            "emergency",
            "overdose-paracetamol-over-the-day",
        ),
        # NHS Eye injuries: something sharp into the eye.
        (
            "school phoned, a fish hook caught my daughter in the eye",
            "emergency",
            "eye-hit-at-speed",
        ),
        # Mayo Clinic: Intestinal obstruction - no stool or gas, swelling and vomiting.
        (
            "my dad cannot pass gas or stool since Friday and keeps throwing up",
            "emergency",
            "bowel-obstruction-vomiting",
        ),
        # NHS Psychosis: call 999 if someone may harm others.
        (
            "my cousin is paranoid, says the neighbours spy on him and talks about hurting people",
            "emergency",
            "psychosis-state-harm-people",
        ),
        # NHS Stroke (FAST): a face gone to one side.
        ("my father face went to one side and his speech is funny", "emergency", ""),
        # NHS Priapism: an erection lasting more than 4 hours.
        ("penis stays hard for 6 hours now, very painful", "emergency", "priapism-over-4-hours"),
        # NHS and ASCIA: a known food allergy, then pale and floppy.
        (
            "my son is allergic to egg, he ate cake and now is pale and floppy",
            "emergency",
            "anaphylaxis-trigger-and-reaction",
        ),
        # NHS Heart palpitations: with dizziness, see a GP urgently.
        (
            "my heart is jumping and I get giddiness when I walk",
            "urgent",
            "palpitations-with-dizziness",
        ),
        # NICE NG98: hearing gone in one ear on waking, seen the same day.
        (
            "woke up and everything is muffled on the left, like cotton wool",
            "urgent",
            "sudden-hearing-loss",
        ),
        # NICE NG143: 3 to 6 months old with 39C or more is amber, seen the same day.
        ("baby 5 months temp 39.4 still feeding", "urgent", "baby-3-to-6-months-fever-39"),
        # NHS Pre-eclampsia: a fit in pregnancy; the weeks said of a wife are a pregnancy's.
        (
            "my mate's wife is 35 weeks and she just had a seizure at their house",
            "emergency",
            "seizure-in-pregnancy",
        ),
        # NHS Epilepsy: a first seizure, said as "never had a fit", is a 999 call.
        (
            "my colleague is shaking all over on the floor and he has never had a fit",
            "emergency",
            "seizure-first-ever",
        ),
        # The same, said with "before": the fit just told of is a first.
        (
            "my nephew went stiff at football, his coach says he has never had a seizure before",
            "emergency",
            "seizure-never-had-one-before",
        ),
        # NHS Sepsis: an infection, then skin blotchy and blue, feeling like dying.
        (
            "my partner has had a chest infection, now her skin is blotchy and blue and she feels"
            " like she is going to die",
            "emergency",
            "sepsis-skin-or-feeling-of-dying",
        ),
        # NHS Bronchiolitis and Croup: the skin pulling in between the ribs with each breath.
        (
            "nursery says my 2 year old's skin is pulling in between his ribs when he breathes",
            "emergency",
            "severe-breathing-difficulty",
        ),
        # NHS Electric shock: knocked out, even for a moment, by a live conductor.
        (
            "the electrician grabbed a live wire and passed out for a few seconds",
            "emergency",
            "electric-source-then-blackout",
        ),
        # Diabetes UK, St John Ambulance: someone with diabetes who no longer responds.
        (
            "my neighbour is diabetic, she is clammy and now is not responding to me",
            "emergency",
            "diabetic-unconscious-or-confused",
        ),
        # NHS Stroke (FAST): an arm and speech together, even when they have passed.
        (
            "for ten minutes his arm had no power and he could not say words properly, now fine",
            "emergency",
            "stroke-weakness-and-speech",
        ),
        # NHS Postpartum psychosis: a delusion about the baby after a birth.
        (
            "since she gave birth last week my sister says the baby is not hers and is paranoid",
            "emergency",
            "postpartum-psychosis-signs",
        ),
        # NHS Help for suicidal thoughts: others would be better off without them.
        (
            "my friend keeps saying we would all be better off without her",
            "urgent",
            "suicide-thoughts-of-death",
        ),
        # NHS Septic arthritis and Gout: a hot, swollen joint with a fever.
        (
            "mum's ankle came up red and swollen overnight and she is shivery with a temperature",
            "urgent",
            "hot-swollen-joint-with-fever",
        ),
        # NHS Low blood sugar: a serious hypo (below 3 mmol/L) that has made them sleepy.
        ("dad's sugar is 2.4 and he is drowsy", "emergency", "hypo-below-3-and-sleepy"),
        # NHS Pre-eclampsia: a headache that is not shifting, with flashing lights, in pregnancy.
        (
            "35 weeks pregnant, my headache is not shifting and seeing flashing lights",
            "urgent",
            "pregnancy-warning-signs",
        ),
        # NHS Meningitis: a headache, a stiff neck and a rash together.
        (
            "my flatmate has a bad headache, a stiff neck and a rash on her legs",
            "emergency",
            "meningitis-headache-stiff-neck-rash",
        ),
        # NHS Coughing up blood: a few spots or streaks - seen today; with breathlessness - 999.
        (
            "coughed up a few streaks of blood this morning with my cold",
            "urgent",
            "coughing-blood-small-amount",
        ),
        (
            "my husband is coughing up streaks of blood and is short of breath",
            "emergency",
            "coughing-blood-and-breathless",
        ),
        (
            "brought up a little blood when I coughed and I'm out of breath sitting still",
            "emergency",
            "coughing-blood-and-breathless",
        ),
        # NHS Poisoning: a poisonous garden plant eaten by a child.
        ("my 2 year old has been chewing yew berries from the hedge", "emergency", ""),
        # NHS Red eye: a painful red eye, or one sensitive to light, is seen today.
        (
            "my left eye has gone red and it really hurts, I wear lenses",
            "urgent",
            "red-eye-then-pain",
        ),
        # NHS Cuts and grazes: a cut that gapes, told at a speaker's length.
        (
            "sliced my thumb on the bread knife earlier, the bleeding stopped but the cut is"
            " gaping",
            "urgent",
            "cut-needing-stitches",
        ),
        # NHS Broken arm or leg: barely able to put weight on it after a twist.
        (
            "twisted my knee at netball, it's bruised and I can hardly put weight on it",
            "urgent",
            "suspected-broken-bone-limb-not-used",
        ),
    ],
)
def test_the_presentation_is_read(text, level, rule):
    assert_read_as(text, level, rule)


@pytest.mark.parametrize(
    "text",
    [
        # A household question about an alarm, not a gas in the air.
        "where is best to put a carbon monoxide detector in a flat, my CO alarm beeps for battery",
        # A long-term condition named beside an ordinary complaint.
        "mum has diabetes and her knee hurts on the stairs",
        "dad has asthma and his knee hurts after gardening",
        "my brother has schizophrenia and his knee is sore",
        # "Done" about a job or exams, not a life.
        "I'm done with this job, my back hurts from the desk",
        "she is done with her exams and tonight is the party",
        # Better off without an ex, said of someone else.
        "my sister would be better off without him, he cheated on her",
        "I am done with this job, going to take all my annual leave next month",
        # What someone would do, and a first fit that has not happened.
        "she says she would have a seizure if she had to sit that exam again",
        "our daughter has never had a seizure, is a fever of 38 dangerous",
        # A socket nearby, a new baby's broken nights, a pill hard to swallow.
        "I fainted in the hallway next to the plug socket after standing up fast",
        "had my baby a month ago and I'm barely sleeping with the night feeds",
        "I'm diabetic and cannot swallow big tablets, is there a liquid",
        "my diabetic uncle is not responding to his new tablets, his sugars are still high",
        # A question whether something swallowed is poisonous at all, the child well.
        "my son licked some bubble mixture, he is fine, is it poisonous at all",
        # A term or a season past, and a story heard on the radio.
        "my niece had a seizure last summer and has been fine since, can she do swimming",
        "I heard on the radio a cyclist collapsed and died at the race",
        # Out of breath from exercise.
        "I get out of breath after running for the bus, is that normal at 40",
        # Chewing gum swallowed, the child well.
        "our toddler swallowed a bit of chewing gum, she is laughing and playing",
        # A red eye without pain.
        "both eyes a bit red and itchy with hay fever",
        # A count of paracetamol in a packet, not taken.
        "we have 32 paracetamol tablets in the cupboard, do they go out of date",
    ],
)
def test_the_look_alikes_are_not_emergencies(text):
    assert triage(text, locale="GB").level != "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        # Shock at news, told of someone else.
        "my uncle says his heart stopped when he opened the gas bill",
        # A decade past.
        "my aunt broke her leg skiing in the eighties and it still aches in the cold",
        # A dream, told as one.
        "my son had a nightmare that he was shot and woke up crying, he is fine now",
        # Hyperbole.
        "the lads are freezing to death watching the match in the rain",
    ],
)
def test_what_is_passed_on_but_not_happening_is_not_an_emergency(text):
    assert triage(text, locale="GB").level != "emergency", text


def test_a_dream_does_not_hide_what_is_happening_now():
    assert_read_as(
        "she woke from a bad dream and now she is not breathing",
        "emergency",
        "collapse-not-breathing",
    )
