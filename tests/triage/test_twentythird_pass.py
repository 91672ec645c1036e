"""Issue 10, twenty-third pass: readings taken at home, night-time and young people's words,
learnt from the tuning halves' misses and our own probes, each written here in our own words
from the guidance named beside its rule in rules.yaml or its entry in quantities.yaml (none is
a line of any labelled set)."""

from __future__ import annotations

import pytest

from symptomdb.triage.quantities import read_quantities
from symptomdb.triage.reading import analyse

from .families import assert_emergency_or_not, assert_not_emergency, assert_same_day_or_not


def _measures(text: str) -> list[tuple[str, float]]:
    return [(q.measure, round(q.value, 1)) for q in read_quantities(analyse(text).words)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A ketone meter's reading is never a blood sugar, though "level" and "mmol" say one.
        ("ketone level is 3.4 mmol", [("ketones_mmol", 3.4)]),
        ("sugar 24, ketones 0.4", [("glucose_mmol", 24.0), ("ketones_mmol", 0.4)]),
        # Peak flow as a share of the best told in the same text, either order.
        ("peak flow only 160 tonight, his best is 400", [("peak_flow_percent", 40.0)]),
        ("her best peak flow is 300 and it's 240 now", [("peak_flow_percent", 80.0)]),
        # A peak flow without a best means nothing to compare.
        ("peak flow 350 this morning", []),
        # Weeks that open a message, or follow "at", are a pregnancy's from 20 weeks.
        ("30 weeks, swollen face and a bad headache", [("pregnancy_weeks", 30.0)]),
        ("she had a fit at 38 weeks", [("pregnancy_weeks", 38.0)]),
        # ... but not the weeks a baby was born at, nor an early age.
        ("born at 34 weeks, now 2 weeks old", [("age_months", 0.5)]),
        ("10 weeks, temperature 38.4", [("temperature_c", 38.4)]),
        # Where a reading went: "creeping up to", "dropped to".
        ("his sugar keeps climbing, up to 19 now", [("glucose_mmol", 19.0)]),
        ("her sats dropped to 88 in the night", [("oxygen_saturation", 88.0)]),
        # A reading taken again replaces the first, and is read though nothing names it.
        (
            "sats said 86 with cold hands, warmed up, rechecked and it's 97",
            [("oxygen_saturation", 97.0)],
        ),
        ("oxygen 96 at lunch, retested now 88", [("oxygen_saturation", 88.0)]),
        # ... within the measure's own ranges: a count of checks is no oxygen level.
        ("sats 95, rechecked 3 times, still 95", [("oxygen_saturation", 95.0)]),
        ("bp 150/95, rechecked 182 over 121", [("diastolic_bp", 121.0), ("systolic_bp", 182.0)]),
    ],
)
def test_readings_taken_at_home(text: str, expected: list[tuple[str, float]]) -> None:
    assert _measures(text) == expected


@pytest.mark.parametrize(
    ("emergency", "text"),
    [
        # Diabetes Care consensus / NHS DKA: blood ketones of 3 or more, whatever the sugar.
        (True, "ketones are 3.6 and my sugar is only 11, on dapagliflozin"),
        (True, "type 1, ketones 4.1, been sick twice"),
        (False, "doing keto, ketones 3.5 this morning, feeling great"),
        # BTS/SIGN and asthma action plans: a peak flow below half of the best is an attack.
        (True, "peak flow 150 and my best is 420, inhaler barely touching it"),
        (False, "peak flow 400 today, best is 450, just checking my technique"),
        # NHS Pulse oximeters: a low reading taken again on a warm hand and normal is not one.
        (False, "oximeter said 85 with freezing fingers, warmed them, rechecked 98, feel fine"),
        (True, "sats 95 this morning, rechecked just now and it's 89, breathless"),
        # NHS Hypothermia: a low temperature after a night out in the cold, shivering stopped.
        (True, "temp 34.2 after sleeping rough last night, stopped shaking and mumbling"),
        # NHS Help for suicidal thoughts: the means to hand with thoughts that others would be
        # better off.
        (True, "my husband keeps saying we'd all be better off without him and he has a shotgun"),
        (False, "my ex is better off without him, good riddance"),
        # NHS Alcohol poisoning: spirits, then being sick while half asleep or breathing slowly.
        (True, "my flatmate drank half a bottle of vodka and is throwing up while half asleep"),
        (True, "mate had loads of tequila, now cold and pale and won't wake properly"),
        # NHS Head injury: a blow told by what hit, then sick, or blood from an ear.
        (True, "a hurley ball hit him on the side of the head and he's puked three times"),
        (True, "hit my head off the door frame, now blood coming out of my ear"),
        # A ball that hits someone is not their testicles.
        (False, "a football hit me on the arm at training, bit sore"),
        (True, "got hit in the balls at football an hour ago, still agony and swelling"),
        # NHS Stroke: one side of what both eyes see gone on waking.
        (True, "woke at 6 and can't see anything on the left side"),
        (False, "woke at 6 with a bit of a stiff neck"),
        # Tight clothes and video games are not emergencies; how to use an EpiPen, for a talk.
        (False, "I literally cannot breathe in this dress, sizing up next time"),
        (False, "my character bled out in fortnite again, so annoying"),
        (False, "how do you use an epipen? it's for my class presentation"),
        (False, "revision question: a patient with sats of 86 on air, what is the first step?"),
        # A banging head after a night out is a hangover, not a blow.
        (False, "banging head and dry mouth after the work party, toast stayed down"),
    ],
)
def test_emergencies_and_look_alikes(emergency: bool, text: str) -> None:
    assert_emergency_or_not(text, emergency)


@pytest.mark.parametrize(
    ("same_day", "text"),
    [
        # Diabetes Care consensus: ketones 1.6 to 2.9, call the diabetes team now.
        (True, "ketones 2.1 and sugar 19, not being sick"),
        (False, "ketones 0.3 after my run"),
        # Asthma action plans: below 70% of the best, or the amber zone, see a doctor today.
        (True, "peak flow 280, normally 450, wheezy at night"),
        (True, "her peak flow has been in the amber zone since yesterday"),
        # NHS Heart palpitations: a pounding heartbeat with dizziness.
        (True, "pounding heartbeat on and off today and I feel dizzy with it"),
        # NHS Baby movements: only a couple of kicks.
        (True, "33 weeks and only felt 2 kicks since lunch"),
        # NHS Croup: the seal bark, croup back tonight.
        (True, "croup again tonight, seal bark, temp 38.1"),
        # NHS Dehydration: sick and won't keep water down.
        (True, "my 7 year old won't keep water down, sick all night, hardly any wee"),
        # NHS PEP: sex with someone who has HIV, within 72 hours.
        (True, "slept with a guy last night who has HIV, what do I do"),
        # Samaritans: wishing to disappear is a suicidal thought.
        (True, "my son told me he wishes he could just disappear"),
    ],
)
def test_same_day(same_day: bool, text: str) -> None:
    assert_same_day_or_not(text, same_day)


def test_a_faint_line_on_both_sides_is_not_an_ectopic_by_the_rules() -> None:
    # A pregnancy test's "faint line" is not a faint, and cramps on both sides are not pain on
    # one side (NHS Ectopic pregnancy: pain low down on one side).
    assert_not_emergency("positive test with a faint line, mild cramps on both sides, no bleeding")
