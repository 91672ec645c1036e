"""Numbers read as measurements: units converted, thresholds compared, junk ignored."""

from __future__ import annotations

import pytest

from symptomdb.triage import load_rules
from symptomdb.triage.quantities import Threshold, read_quantities
from symptomdb.triage.reading import analyse
from symptomdb.triage.ruleset import RuleSetError, build_ruleset


def measured(text: str) -> list[tuple[str, float]]:
    return [(q.measure, round(q.value, 1)) for q in read_quantities(analyse(text).words)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("she swallowed 24 paracetamol", [("tablets", 24)]),
        ("took twelve of his sleeping pills", [("tablets", 12)]),
        ("ate 3 tablets", [("tablets", 3)]),
        ("took 30 of her sleeping pills", [("tablets", 30)]),
        ("swallowed 24 x 500mg tablets", [("tablets", 24)]),
        ("took 500 mg paracetamol", []),
        ("gave him 10 ml of calpol", []),
        ("temperature is 39.2", [("temperature_c", 39.2)]),
        ("temp 102.2F", [("temperature_c", 39.0)]),
        ("fever of 104 degrees", [("temperature_c", 40.0)]),
        ("38C", [("temperature_c", 38.0)]),
        ("heart rate 160", [("heart_rate", 160)]),
        ("pulse is 38 bpm", [("heart_rate", 38)]),
        ("my inr came back at 7.2 this morning", [("inr", 7.2)]),
        ("INR 3.1, in range", [("inr", 3.1)]),
        ("blood sugar is 2.4", [("glucose_mmol", 2.4)]),
        ("glucose 540 mg/dl", [("glucose_mmol", 30.0)]),
        ("my bm is 1.9 mmol/l", [("glucose_mmol", 1.9)]),
        # mg/dL names the measure itself; a meter or sensor is a cue like "sugar".
        ("it read 36 mg/dL an hour ago", [("glucose_mmol", 2.0)]),
        ("her meter is showing 2.2", [("glucose_mmol", 2.2)]),
        ("the libre says 3.0", [("glucose_mmol", 3.0)]),
        # A decimal in a body temperature's range, with no unit, is one; a weight is not.
        ("she's had 38.7 since lunch", [("temperature_c", 38.7)]),
        ("he is 103.1 and shivering", [("temperature_c", 39.5)]),
        ("she weighs 38.5 kg", []),
        ("pulse 101.5", [("heart_rate", 101.5)]),
        ("I am 34 weeks pregnant", [("pregnancy_weeks", 34)]),
        ("pregnant at 7 weeks", [("pregnancy_weeks", 7)]),
        ("shaking for 8 minutes", [("minutes", 8)]),
        ("pain for 2 hours", [("minutes", 120)]),
        ("chest pain for half an hour", [("minutes", 30)]),
        ("my 10 day old", [("age_months", 0.3)]),
        ("our 8-week-old son", [("age_months", 1.8)]),
        ("3 year old", [("age_months", 36)]),
        # Blood pressure after its cue, with a slash or "over": systolic, then diastolic.
        ("bp 164/98 this morning", [("diastolic_bp", 98), ("systolic_bp", 164)]),
        ("blood pressure was 185 over 121", [("diastolic_bp", 121), ("systolic_bp", 185)]),
        ("my cuff read 155/105 twice", [("diastolic_bp", 105), ("systolic_bp", 155)]),
    ],
)
def test_it_reads_each_measure_in_its_unit(text: str, expected: list[tuple[str, float]]) -> None:
    assert measured(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1e309 tablets",
        "99999999999999999999 pills",
        "temperature 1000",
        "I have 2 kids and a cough",
        "room 101",
        # No cue, or the smaller number first: not a blood pressure.
        "scored 140 90 in the quiz",
        "bp 70/120",
        "",
    ],
)
def test_it_ignores_numbers_that_measure_nothing_here(text: str) -> None:
    assert measured(text) == []


def test_it_keeps_weeks_of_pregnancy_apart_from_a_babys_age() -> None:
    assert measured("she is 6 weeks pregnant") == [("pregnancy_weeks", 6)]
    assert measured("baby is 6 weeks") == [("age_months", 1.4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sign of labour or of the bump just after the weeks says whose weeks they are.
        ("35 weeks, tightenings every 4 minutes", [("pregnancy_weeks", 35), ("minutes", 4)]),
        ("29 weeks and the kicks have slowed right down", [("pregnancy_weeks", 29)]),
        # "I'm" or "she is" N weeks, in a text about pregnancy anywhere: not a baby's age.
        ("I'm 31 weeks and I think my waters went", [("pregnancy_weeks", 31)]),
        ("she is 35 weeks, her midwife is off today", [("pregnancy_weeks", 35)]),
        # Without anything of pregnancy, "she is 7 weeks" stays a baby's age.
        ("she is 7 weeks and feeding less", [("age_months", 1.6)]),
        # An age before the person, without "old".
        ("my 9 week baby is very sleepy", [("age_months", 2.1)]),
        ("our 5wk son", [("age_months", 1.1)]),
    ],
)
def test_it_reads_whose_weeks_they_are(text: str, expected: list[tuple[str, float]]) -> None:
    assert measured(text) == expected


def test_weeks_of_an_age_or_a_pregnancy_are_not_how_long_something_lasted() -> None:
    def lasting(text: str) -> bool:
        _, reading = load_rules().read_text(text)
        return any(f.rule.id == "symptoms-lasting-weeks" for f in reading.firings)

    assert lasting("a dry cough for 6 weeks now")
    assert not lasting("my baby is 5 weeks, which nappy cream is best")
    assert not lasting("I'm 34 weeks and the bump feels tight")


@pytest.mark.parametrize(
    ("text", "minutes", "since"),
    [
        ("the fit lasted about a minute", 1, False),
        ("it went on for half a minute", 0.5, False),
        ("she's been shaking for over an hour", 60, False),
        ("he had a fit about an hour ago", 60, True),
        ("a second one 10 minutes later", 10, True),
        ("it started 20 mins ago", 20, True),
    ],
)
def test_a_length_is_told_apart_from_a_time_since(text: str, minutes: float, since: bool) -> None:
    (read,) = read_quantities(analyse(text).words)
    assert (read.measure, read.value, read.since) == ("minutes", minutes, since)


def test_for_minutes_with_no_number_is_not_read_as_one_minute() -> None:
    assert measured("she has been fitting for minutes") == []


def test_a_lengths_only_threshold_leaves_out_times_since() -> None:
    lasting = Threshold.parse({"quantity": "minutes", "at_least": 5, "lengths_only": True})
    (length,) = read_quantities(analyse("fitting for 8 minutes").words)
    (since,) = read_quantities(analyse("had a fit 8 minutes ago").words)
    assert lasting.holds(length)
    assert not lasting.holds(since)


def test_a_concept_can_ignore_its_word_inside_a_number_and_count_the_number() -> None:
    # The seizure red flag's shape: "minutes" with no number counts, a number counts only from
    # its threshold.
    data = {
        "concepts": {
            "fit": ["fitting"],
            "five_or_more": {"quantity": "minutes", "at_least": 5},
            "too_long": {
                "terms": ["minutes"],
                "measured": ["five_or_more"],
                "except_measured": ["minutes"],
            },
        },
        "families": {"seizure": {"message": "m", "source": [{"name": "s", "url": "https://s"}]}},
        "rules": [
            {"id": "long", "family": "seizure", "level": "emergency", "all": ["fit", "too_long"]}
        ],
    }
    rules = build_ruleset(data)

    def fires(text: str) -> bool:
        return bool(rules.evaluate(analyse(text)))

    assert fires("fitting for 7 minutes")
    assert fires("fitting for minutes")
    assert not fires("fitting for 2 minutes")


def test_except_measured_names_a_known_measure() -> None:
    data = {
        "concepts": {"lasting": {"terms": ["weeks"], "except_measured": ["shoe_size"]}},
        "rules": [],
    }
    with pytest.raises(RuleSetError, match="shoe_size"):
        build_ruleset(data)


def test_a_threshold_compares_within_its_measure_only() -> None:
    over = Threshold.parse({"quantity": "tablets", "more_than": 8})
    (twenty,) = read_quantities(analyse("took 20 paracetamol").words)
    (eight,) = read_quantities(analyse("took 8 paracetamol").words)
    (fever,) = read_quantities(analyse("temperature 40").words)
    assert over.holds(twenty)
    assert not over.holds(eight)
    assert not over.holds(fever)


def test_a_threshold_may_have_two_bounds() -> None:
    band = Threshold.parse({"quantity": "age_months", "at_least": 3, "below": 6})
    ages = {t: read_quantities(analyse(t).words)[0] for t in ("2 month old", "4 month old")}
    assert [band.holds(q) for q in ages.values()] == [False, True]


def _rules(concept: dict[str, object]) -> dict[str, object]:
    return {
        "concepts": {"took": ["took", "swallowed"], "many": concept},
        "families": {"overdose": {"message": "m", "source": [{"name": "s", "url": "https://s"}]}},
        "rules": [
            {"id": "od", "family": "overdose", "level": "emergency", "all": ["took", "many"]}
        ],
    }


def test_a_rule_fires_on_every_count_over_its_threshold() -> None:
    rules = build_ruleset(_rules({"quantity": "tablets", "more_than": 8}))
    fired = {n: bool(rules.evaluate(analyse(f"took {n} paracetamol"))) for n in range(1, 60)}
    assert [n for n, f in fired.items() if f] == list(range(9, 60))


def test_a_negated_quantity_does_not_fire() -> None:
    rules = build_ruleset(_rules({"quantity": "tablets", "more_than": 8}))
    assert not rules.evaluate(analyse("I have not swallowed 20 pills"))


@pytest.mark.parametrize(
    "concept",
    [{"quantity": "shoe_size", "more_than": 8}, {"quantity": "tablets"}],
)
def test_the_rules_file_refuses_a_quantity_it_cannot_read(concept: dict[str, object]) -> None:
    with pytest.raises(RuleSetError, match="concept 'many'"):
        build_ruleset(_rules(concept))


def _families_read(text: str) -> frozenset[str]:
    rules = load_rules()
    return rules.read_text(text)[1].families_read


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # The number is outside the rule's range: the rules have judged it, the model may not.
        ("took 2 paracetamol for my back", "overdose"),
        ("my 3 year old has a temperature of 38", "seriously_ill_child"),
    ],
)
def test_a_number_that_settles_a_rule_leaves_its_family_to_the_rules(
    text: str, family: str
) -> None:
    assert family in _families_read(text)


def test_a_number_that_fits_a_rule_whose_findings_are_missing_leaves_the_family_open() -> None:
    # 5 months is within the green-vomit rule's age range, but nothing here is green vomit:
    # the rules have not judged that family, so the semantic detector may still read the text.
    assert "bilious_vomiting" not in _families_read("my 5 month old keeps coughing at night")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my 6 mo won't settle", [("age_months", 6.0)]),
        ("our 2yo is poorly", [("age_months", 24.0)]),
        ("3 y/o with a rash", [("age_months", 36.0)]),
        ("had this cough for 6 mo", []),
        ("it started 6 mo ago", []),
        ("she's hot, 38.6 under the arm", [("temperature_c", 38.6)]),
        ("he has a 39.2 temp", [("temperature_c", 39.2)]),
    ],
)
def test_it_reads_parents_shorthand_for_ages_and_temperatures(
    text: str, expected: list[tuple[str, float]]
) -> None:
    assert measured(text) == expected


def test_a_number_a_fired_rule_has_read_leaves_its_measure_to_the_rules() -> None:
    # "4 month old" is read by the young-baby fever rule's words: the infant rules of other
    # families, which compare the same age, are left to the rules too.
    assert "seriously_ill_child" in _families_read("my 4 month old has a fever")


@pytest.mark.parametrize(
    ("text", "family", "settled"),
    [
        # The count is the overdose rules' own criterion: below it the detector defers.
        ("took 2 paracetamol for a headache", "overdose", True),
        # A heart rate under 130 rules out one picture of sepsis, not sepsis.
        ("chest infection and my heart rate is 110", "sepsis", False),
        # Labour before 37 weeks is one picture of labour: at 40 weeks the rest is still read.
        ("40 weeks, waters have gone and the contractions started", "labour", False),
    ],
)
def test_a_number_settles_a_family_only_where_its_rule_speaks_for_it(
    text: str, family: str, settled: bool
) -> None:
    _, reading = load_rules().read_text(text)
    assert (family in reading.families_read) is settled


def test_weeks_said_of_a_wife_are_a_pregnancy_but_not_weeks_since():
    words = analyse("his wife is 36 weeks and just had a fit").words
    assert ("pregnancy_weeks", 36.0) in [(q.measure, q.value) for q in read_quantities(words)]
    words = analyse("my wife 3 weeks ago had a fall").words
    assert "pregnancy_weeks" not in [q.measure for q in read_quantities(words)]
