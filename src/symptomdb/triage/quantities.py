"""Numbers in what a reader typed, read as measurements a rule can compare with guidance.

"took 20 paracetamol", "temp 103F", "sugar is 2.1", "fitting for 6 mins", "32 weeks pregnant",
"my 5 week old": each becomes a ``Quantity`` with its measure, its value in one unit (°C, mmol/L,
minutes, months...) and the words it spans. Rules then say ``more_than: 8`` instead of listing
"9 paracetamol", "10 paracetamol"... The words that name units and cues are data
(``quantities.yaml``); this module only reads them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .reading import normalise
from .wordlists import load_yaml

MEASURES = (
    "tablets",
    "temperature_c",
    "heart_rate",
    "breathing_rate",
    "oxygen_saturation",
    "glucose_mmol",
    "ketones_mmol",
    "peak_flow_percent",
    "inr",
    "potassium_mmol",
    "systolic_bp",
    "diastolic_bp",
    "pregnancy_weeks",
    "minutes",
    "age_months",
)
COMPARISONS = ("more_than", "at_least", "below", "at_most")

_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_NUMBER_WITH_UNIT = re.compile(r"^(\d+(?:\.\d+)?)([a-z]+)$")  # "103f", "5mins", "150bpm"
_DAYS_PER_MONTH = 30.44
_LARGEST = 1e6  # no measurement here is larger: a longer number is not a measurement


@dataclass(frozen=True)
class Quantity:
    measure: str
    value: float
    start: int  # word positions in the analysed text, end exclusive
    end: int
    # A time since rather than a length ("a fit an hour ago", "a second one 10 minutes later"),
    # or a limit named ("well before the five minutes in his care plan").
    since: bool = False


@dataclass(frozen=True)
class Threshold:
    """A rule's test on one measure: ``more_than: 8`` and the like, all of which must hold."""

    measure: str
    bounds: tuple[tuple[str, float], ...]
    # Only lengths count, not times since: "had a fit an hour ago" says nothing of how long
    # the fit lasted (rules.yaml `lengths_only: true`).
    lengths_only: bool = False

    @classmethod
    def parse(cls, spec: Mapping[str, Any]) -> Threshold:
        measure = str(spec.get("quantity"))
        if measure not in MEASURES:
            raise ValueError(f"quantity must be one of {', '.join(MEASURES)}, not {measure!r}")
        bounds = tuple((name, float(spec[name])) for name in COMPARISONS if name in spec)
        if not bounds:
            raise ValueError(f"a {measure} quantity needs one of {', '.join(COMPARISONS)}")
        return cls(measure=measure, bounds=bounds, lengths_only=bool(spec.get("lengths_only")))

    def holds(self, quantity: Quantity) -> bool:
        if quantity.measure != self.measure or (self.lengths_only and quantity.since):
            return False
        tests: dict[str, Callable[[float, float], bool]] = {
            "more_than": lambda v, b: v > b,
            "at_least": lambda v, b: v >= b,
            "below": lambda v, b: v < b,
            "at_most": lambda v, b: v <= b,
        }
        return all(tests[name](quantity.value, bound) for name, bound in self.bounds)


def read_quantities(words: Sequence[str]) -> list[Quantity]:
    """Every measurement in ``words`` (the analysed text's words), in reading order."""
    vocabulary = _vocabulary()
    tokens, origin = _compound_numbers(*_split_units(words), vocabulary)
    found: list[Quantity] = []
    for index, token in enumerate(tokens):
        value = _number(token, vocabulary)
        if value is None:
            continue
        for measure, value_in_unit, last in _readings(tokens, index, value, vocabulary):
            since = measure == "minutes" and (
                _since(tokens, last, vocabulary) or _a_limit(tokens, index, vocabulary)
            )
            found.append(Quantity(measure, value_in_unit, origin[index], origin[last] + 1, since))
    found += _lone_hours(tokens, origin, vocabulary)
    found += _read_again(tokens, origin, found, vocabulary)
    return sorted(_rechecked(found, words, vocabulary), key=lambda q: (q.start, q.measure))


def _read_again(
    tokens: Sequence[str], origin: Sequence[int], found: Sequence[Quantity], v: _Vocabulary
) -> list[Quantity]:
    """A number told just after a word of checking again takes the measure of the device
    reading before it: in "sats 84%, warmed my hands, rechecked and it's 98" the 98 is an
    oxygen level though nothing names it. It is read as if the measure's own cue stood before
    it (quantities.yaml rechecked), so its ranges and units are the measure's ("rechecked 3
    times" is no oxygen level of 3%). A number told against an earlier reading ("her usual
    sats are 91, today 84") is read the same way, for the measures of ``against_earlier``
    only, and does not replace the earlier one (_rechecked)."""
    again = []
    for index, token in enumerate(tokens):
        value = _number(token, v)
        if value is None or any(q.start == origin[index] for q in found):
            continue
        rechecked = _within(tokens[max(0, index - 6) : index], v.recheck_cues)
        against = _ends(tokens[max(0, index - 3) : index], v.against_earlier)
        if not (rechecked or against):
            continue
        measures = v.recheck_measures if rechecked else v.against_earlier_measures
        earlier = [q for q in found if q.end <= origin[index] and q.measure in measures]
        if not earlier or (against and _starts(tokens[index + 1 :], v.any_unit)):
            continue
        measure = max(earlier, key=lambda q: q.start).measure
        cue = v.recheck_measures[measure]
        probe = [*tokens[:index], *cue, *tokens[index:]]
        for read, value_in_unit, _last in _readings(probe, index + len(cue), value, v):
            if read == measure:
                again.append(Quantity(measure, value_in_unit, origin[index], origin[index] + 1))
    return again


def _rechecked(found: list[Quantity], words: Sequence[str], v: _Vocabulary) -> list[Quantity]:
    """The readings without those taken again: "84% with cold fingers, warmed them, rechecked
    98%" is 98% (NHS Pulse oximeters: take the reading again). Only a reading of the same
    measure told later, after a word of checking again (quantities.yaml rechecked), replaces one;
    counts, ages and times are never taken again."""
    return [
        q
        for q in found
        if q.measure not in v.recheck_measures
        or not any(
            later.measure == q.measure
            and later.start >= q.end
            and _within(words[q.end : later.start], v.recheck_cues)
            for later in found
        )
    ]


# --- reading one number ------------------------------------------------------------------------


def _split_units(words: Sequence[str]) -> tuple[list[str], list[int]]:
    """ "103f" → "103", "f"; each token remembers the word it came from."""
    tokens: list[str] = []
    origin: list[int] = []
    for position, word in enumerate(words):
        glued = _NUMBER_WITH_UNIT.match(word)
        parts = [glued.group(1), glued.group(2)] if glued else [word]
        tokens += parts
        origin += [position] * len(parts)
    return tokens, origin


def _compound_numbers(
    tokens: list[str], origin: list[int], vocabulary: _Vocabulary
) -> tuple[list[str], list[int]]:
    """Numbers said in several words as one token in the first word's place: "twenty four"
    (or "twenty-four") → "24", so "twenty four paracetamol" is 24 tablets, not 4; and "thirty
    nine point five" → "39.5"."""
    joined: list[str] = []
    places: list[int] = []
    index = 0
    while index < len(tokens):
        value = vocabulary.number_words.get(tokens[index])
        taken = 1
        units = _word_value(tokens, index + 1, vocabulary)
        if value in _TENS and units is not None and 1 <= units <= 9:
            value, taken = value + units, 2
        whole = value if value is not None else _digits(tokens[index])
        if whole is not None and tokens[index + taken : index + taken + 2] == ["and", "half"]:
            # "3 and a half months" ("a" is dropped before this is read): 3.5.
            joined.append(f"{whole + 0.5:g}")
            places.append(origin[index])
            index += taken + 2
            continue
        if value is None:
            joined.append(tokens[index])
        else:
            decimal = _word_value(tokens, index + taken + 1, vocabulary)
            if _word_at(tokens, index + taken) == "point" and decimal is not None and decimal <= 9:
                joined.append(f"{int(value)}.{int(decimal)}")
                taken += 2
            else:
                joined.append(str(int(value)))
        places.append(origin[index])
        index += taken
    return joined, places


def _digits(token: str) -> float | None:
    """A whole number written in digits ("3"), else None."""
    return float(token) if token.isdigit() and len(token) <= 3 else None


def _word_at(tokens: Sequence[str], index: int) -> str:
    return tokens[index] if index < len(tokens) else ""


def _word_value(tokens: Sequence[str], index: int, vocabulary: _Vocabulary) -> float | None:
    """The value of a number word, or of a single digit, at ``index``."""
    word = _word_at(tokens, index)
    if word.isdigit() and len(word) == 1:
        return float(word)
    return vocabulary.number_words.get(word)


_TENS = frozenset({20, 30, 40, 50, 60, 70, 80, 90})


def is_number(token: str) -> bool:
    """Whether a word is a number, in digits or in words ("17", "seventeen")."""
    return _number(token, _vocabulary()) is not None


def _number(token: str, vocabulary: _Vocabulary) -> float | None:
    if _NUMBER.match(token):
        value = float(token)
        return value if math.isfinite(value) and value < _LARGEST else None
    return vocabulary.number_words.get(token)


# Words that may stand between a count and its tablets: "25 of her extra strength tylenol".
_MOST_BETWEEN_COUNT_AND_TABLETS = 5


def _readings(
    tokens: Sequence[str], index: int, value: float, v: _Vocabulary
) -> Iterator[tuple[str, float, int]]:
    """What the number at ``index`` measures: (measure, value in its unit, last token)."""
    after = tokens[index + 1 : index + 5]
    before = tokens[max(0, index - 4) : index]
    # The words before a reading, without those that only stand between it and its cue.
    cued = [w for w in tokens[max(0, index - 9) : index] if w not in v.between_cue_and_reading]
    cued = cued[-4:]

    # Tablets: "20 paracetamol", "16 tablets", "30 of her sleeping pills", "30 x 500mg tablets",
    # "more than 8 tablets" (over 8); never a dose: "took 500 mg paracetamol" is one or two
    # tablets, not 500.
    if not (after[:1] and after[0] in v.dose_units):
        ahead = tokens[index + 1 : index + 2 + _MOST_BETWEEN_COUNT_AND_TABLETS]
        for offset, word in enumerate(ahead):
            if word in v.tablets_or_medicines:
                yield "tablets", _at_least(value, before, v), index + offset + 1
                break
            if word not in v.between_count_and_tablets and not _NUMBER_WITH_UNIT.match(word):
                break
        # A day's count told after the medicine ("taking paracetamol every few hours, sixteen
        # a day"): the number before "a day" with a medicine named just before it.
        medicine = v.tablets_or_medicines
        day = _starts(after, v.per_day)
        per_day = day > 0 and not set(after[day : day + 1]) & v.not_per_day
        if (
            per_day
            and not any(w in medicine for w in after[:4])
            and any(w in medicine for w in tokens[max(0, index - 12) : index])
        ):
            yield "tablets", _at_least(value, before, v), index + 1

    temperature = _temperature(after, cued, value, v)
    if temperature is None and _bare_body_temperature(tokens[index], value, after, cued, v):
        # "my 2 month old has 38.6": a number with a decimal point in the range of a body
        # temperature, and no unit after it, is one (quantities.yaml temperature.bare).
        temperature = value if value <= v.bare_celsius[1] else _celsius(value)
    if temperature is not None:
        yield "temperature_c", temperature, index + (1 if after[:1] and _unit(after, v) else 0)

    named_rate = _starts(after, v.bpm_units) or _ends(cued, v.heart_rate_cues, v.all_cues)
    a_length = bool(after[:1]) and after[0] in v.seconds | v.minutes | v.hours  # "2 hr 30 mins"
    if named_rate and 20 <= value <= 300 and not a_length:
        yield "heart_rate", value, index + _starts(after, v.bpm_units)

    # Breaths a minute: after a word that names the rate, or "a minute" after a number told a
    # few words after the breathing ("breathing really fast, about 80 a minute").
    breath_unit = _starts(after, v.breath_units)
    per_minute = _starts(after, v.per_minute)
    told_of_breathing = set(tokens[max(0, index - 6) : index]) & v.breathing_loose_cues
    named_breaths = _ends(cued, v.breathing_rate_cues, v.all_cues) or (
        per_minute and told_of_breathing and not named_rate
    )
    if (breath_unit or named_breaths) and 5 <= value <= 150:
        yield "breathing_rate", value, index + (breath_unit or per_minute)

    # "sats 89%", "oxygen level is 90", "spo2 88": a percentage after an oximeter's cue.
    if _ends(cued, v.oxygen_cues, v.all_cues) and 50 <= value <= 100:
        yield "oxygen_saturation", value, index + _starts(after, v.percent_units)

    # "INR 6.5", "inr came back 8.4": the clotting ratio of someone on warfarin.
    if _ends(cued, v.inr_cues, v.all_cues) and 0.5 <= value <= 25:
        yield "inr", value, index

    # "potassium 6.8", "her potassium came back at 7.1": a blood test's mmol/L, told after the
    # lab or the renal unit rang.
    potassium = _ends(cued, v.potassium_cues, v.all_cues) and 1.5 <= value <= 10
    if potassium:
        yield "potassium_mmol", value, index + _starts(after, v.mmol_units)

    # "ketones 3.1", "ketone level is 2.4": a ketone meter's mmol/L; neither is a blood sugar.
    ketones = _ends(cued, v.ketone_cues, v.all_cues) and 0 <= value <= 12
    if ketones:
        yield "ketones_mmol", value, index + _starts(after, v.mmol_units)

    # "peak flow 190 ... best of 500": the share of the person's best, in percent.
    peak_flow = _peak_flow_percent(tokens, index, value, v)
    if peak_flow is not None:
        yield "peak_flow_percent", peak_flow, index

    glucose = None if ketones or potassium else _glucose(after, cued, value, v)
    if glucose is not None:
        yield "glucose_mmol", glucose[0], index + glucose[1]

    pressure = _blood_pressure(tokens, index, value, v)
    if pressure is not None:
        yield "systolic_bp", value, pressure[1]
        yield "diastolic_bp", pressure[0], pressure[1]

    pregnancy = _pregnancy_weeks(tokens, index, value, v)
    if pregnancy:
        yield "pregnancy_weeks", value, index + 1 + (after[1:2] == ["pregnant"])

    duration = _duration(after, value, v)
    if duration is not None:
        yield "minutes", duration, index + 1

    age = None if pregnancy else _age(after, before, value, v)
    if age is not None:
        yield "age_months", age[0], index + age[1]


def _peak_flow_percent(
    tokens: Sequence[str], index: int, value: float, v: _Vocabulary
) -> float | None:
    """The peak flow at ``index`` as a share of the person's best told in the same text ("peak
    flow keeps dropping, 190 now, my best is 500": 38%), or None: no peak flow named in the
    eight words before, no best told, or this number is the best itself."""
    if not 30 <= value <= 900 or not _within(tokens[max(0, index - 8) : index], v.peak_flow_cues):
        return None
    if _within(tokens[max(0, index - 4) : index], v.peak_flow_best):
        return None  # the best itself
    bests = [
        best
        for position in range(len(tokens))
        if _within(tokens[max(0, position - 4) : position], v.peak_flow_best)
        and (best := _number(tokens[position], v)) is not None
        and 100 <= best <= 900
    ]
    return 100 * value / bests[0] if bests else None


def _within(words: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether one of ``phrases`` is said somewhere in ``words``."""
    return any(
        tuple(words[start : start + len(phrase)]) == phrase
        for phrase in phrases
        for start in range(len(words) - len(phrase) + 1)
    )


def _pregnancy_weeks(tokens: Sequence[str], index: int, value: float, v: _Vocabulary) -> bool:
    """Whether the number counts weeks of pregnancy: "32 weeks pregnant", "6 weeks gone",
    "pregnant at 32 weeks", "33 weeks, contractions every 5 minutes", "32 weeks, headache"
    opening a message, or "I'm 33 weeks" / "she is 36 weeks" in a text about pregnancy or birth
    (quantities.yaml: pregnancy)."""
    after = tokens[index + 1 : index + 5]
    before = tokens[max(0, index - 4) : index]
    days_of_a_week = value <= 6 and bool(before[-1:]) and _NUMBER.match(before[-1]) is not None
    if _written_over_forty(after, value, v) and not days_of_a_week:  # "38+4/40": the 4 is days
        return True
    if not (after[:1] and after[0] in v.pregnancy_weeks) or value > 45:
        return False
    opening = index == 0 or (before[-1:] and before[-1] in v.pregnancy_at)
    an_age = bool(after[1:2]) and after[1] in v.old_words | v.not_an_age_after
    if (
        opening
        and v.pregnancy_plain_from <= value <= 42
        and not an_age
        and not set(before[-2:]) & v.pregnancy_born_at
    ):
        return True
    if (after[1:2] and after[1] in v.pregnancy_cues) or any(
        w in ("pregnant", "pregnancy") for w in before
    ):
        return True
    if any(w in v.pregnancy_labour_words for w in after[1:4]):
        return True
    being = bool(before[-1:]) and before[-1] in v.pregnancy_being
    if being and any(w in v.pregnancy_context for w in tokens):
        return True
    # "his wife is 36 weeks", "partner 30 weeks": weeks an adult is can only be a pregnancy's
    # ("my wife 3 weeks ago had a fall" are weeks since).
    whose = before[-2:-1] if being else before[-1:]
    since = bool(after[1:2]) and after[1] in v.not_an_age_after
    return bool(whose) and whose[0] in v.pregnancy_expectant and not since


def _written_over_forty(after: Sequence[str], value: float, v: _Vocabulary) -> bool:
    """Whether the number is a gestation in the notes' own form, weeks over forty ("29/40",
    read as "29 40"; "36+2/40", read as "36 2 40"): whole weeks, nothing counted after the
    forty ("20/40 tablets" is no pregnancy)."""
    if not (4 <= value <= 42 and value == int(value)):
        return False
    days = bool(after[:1]) and after[0].isdigit() and int(after[0]) <= 6
    rest = after[1 + days :]
    if after[days : days + 1] != [v.pregnancy_over]:
        return False
    counted = bool(rest[:1]) and (
        rest[0] in v.pregnancy_weeks
        or rest[0] in v.tablets_or_medicines
        or _starts(rest, v.any_unit) > 0
    )
    return not counted


def _blood_pressure(
    tokens: Sequence[str], index: int, systolic: float, v: _Vocabulary
) -> tuple[float, int] | None:
    """The diastolic pressure and its token after a systolic one read at ``index``: "bp 152
    102", "blood pressure at home is 180 over 120". A pair only within a few words of a
    blood-pressure cue, the first the larger, both where a pressure can be."""
    nearby = tokens[max(0, index - 6) : index]
    if not (_ends(nearby[:-2], v.bp_cues) or _ends(nearby, v.bp_cues)):
        return None
    if not 60 <= systolic <= 300:
        return None
    second = index + 1 + (_word_at(tokens, index + 1) in v.bp_joiners)
    diastolic = _number(_word_at(tokens, second), v) if second < len(tokens) else None
    if diastolic is None or not 30 <= diastolic < systolic:
        return None
    return diastolic, second


def _unit(after: Sequence[str], v: _Vocabulary) -> str | None:
    if after and after[0] in v.celsius:
        return "c"
    if after and after[0] in v.fahrenheit:
        return "f"
    return None


def _temperature(
    after: Sequence[str], before: Sequence[str], value: float, v: _Vocabulary
) -> float | None:
    unit = _unit(after, v)
    if unit is None and after[:1] == ["degrees"]:
        unit = _unit(after[1:], v) or "?"
    cued = set(before[-3:]) & v.temperature_cues or _starts(after, v.temperature_after_cues)
    if unit is None and not cued:
        return None
    # The air's temperature, not the body's: "out in 34C all day", "35 degree heat".
    weather = (not cued and before[-1:] == ["in"]) or _starts(after[1:], v.weather_after)
    if weather or _starts(after, v.weather_after):
        return None
    if unit == "f" or (unit in (None, "?") and 93 <= value <= 110):
        celsius = _celsius(value)
    else:
        celsius = value
    return celsius if 30 <= celsius <= 45 else None


def _at_least(value: float, before: Sequence[str], v: _Vocabulary) -> float:
    """A count said as "more than 8" is over 8: read as half a tablet more, so that "more
    than 8" passes a "more than 8" threshold and "8" does not."""
    over = any(tuple(before[-len(p) :]) == p for p in v.more_than if len(p) <= len(before))
    return value + 0.5 if over else value


def _celsius(fahrenheit: float) -> float:
    return (fahrenheit - 32) * 5 / 9


def _bare_body_temperature(
    token: str, value: float, after: Sequence[str], before: Sequence[str], v: _Vocabulary
) -> bool:
    if "." not in token or (after and (after[0] in v.not_temperature_after or _unit(after, v))):
        return False
    if _ends(before, v.glucose_cues) or _ends(before, v.heart_rate_cues):
        return False  # "sugar 38.5", "pulse 102.5": another measure's number
    low_c, high_c = v.bare_celsius
    low_f, high_f = v.bare_fahrenheit
    return low_c <= value <= high_c or low_f <= value <= high_f


def _glucose(
    after: Sequence[str], before: Sequence[str], value: float, v: _Vocabulary
) -> tuple[float, int] | None:
    mmol = _starts(after, v.mmol_units)
    if mmol and tuple(after[mmol : mmol + 1]) == ("mol",):
        return None  # mmol/mol: an HbA1c, the average of months, not a reading of the blood now
    if mmol:
        return value, mmol
    mgdl = _starts(after, v.mgdl_units)
    if mgdl and (_ends(before, v.glucose_cues) or _starts(after, v.mgdl_alone)):
        return value / 18, mgdl
    if _ends(before, v.glucose_cues) and not _starts(after, v.any_unit):
        if value <= 35:
            return value, 0
        if 40 <= value <= 1000:
            return value / 18, 0
    return None


def _duration(after: Sequence[str], value: float, v: _Vocabulary) -> float | None:
    if not after:
        return None
    if after[0] in v.seconds:
        return value / 60
    if after[0] in v.minutes:
        return value
    if after[0] in v.hours:
        # "temp 37.1, HR 78": an hour's short form that is also the heart rate's cue, followed by
        # a number that is not minutes ("2 hr 30 mins" is), names the next reading.
        cue = (after[0],) in v.all_cues and len(after) > 1 and _NUMBER.match(after[1])
        if cue and not (after[2:3] and after[2] in v.minutes):
            return None
        return value * 60
    return None


def _age(
    after: Sequence[str], before: Sequence[str], value: float, v: _Vocabulary
) -> tuple[float, int] | None:
    shorthand = _starts(after, v.age_shorthand_phrases)
    if shorthand:
        unit = v.age_shorthand[" ".join(after[:shorthand])]
        next_word = after[shorthand : shorthand + 1]
        duration = before[-1:] and before[-1] in v.not_an_age_before
        if duration or (next_word and next_word[0] in v.not_an_age_after):
            return None
        return value * v.age_units[unit], shorthand + (after[shorthand : shorthand + 1] == ["old"])
    if not after or after[0] not in v.age_units:
        return None
    old = after[1:2] and after[1] in v.old_words
    if old and after[2:3] and after[2] in v.age_things_after:
        return None
    pregnant = after[1:2] and after[1] in v.pregnancy_cues
    person = after[1:2] and after[1] in v.age_people_after
    # "she is 8 weeks", and "she is only 8 weeks" (a word that plays the age down).
    cue = before[-2:-1] if before[-1:] and before[-1] in v.age_hedges else before[-1:]
    told = bool(cue) and cue[0] in v.age_cues and not (after[1:2] and after[1] in v.age_since)
    # "born 18 days ago": the time since the birth is the age.
    born = bool(before[-1:]) and before[-1] in v.age_born and after[1:2] == ["ago"]
    if pregnant or not (old or person or told or born):
        return None
    months = value * v.age_units[after[0]]
    return months, 1 + bool(old or born)


def _lone_hours(tokens: Sequence[str], origin: Sequence[int], v: _Vocabulary) -> Iterator[Quantity]:
    """ "for an hour" (the "an" is dropped by then), "half an hour", and the same of a minute
    ("it lasted about a minute"), with no number (quantities.yaml: lone_units)."""
    for index, word in enumerate(tokens):
        unit = v.lone_units.get(word)
        if unit is None or index == 0:
            continue
        previous = tokens[index - 1]
        since = _since(tokens, index, v)
        if previous == "half":
            yield Quantity("minutes", unit / 2, origin[index - 1], origin[index] + 1, since)
        elif previous in v.lone_hour_cues:
            yield Quantity("minutes", unit, origin[index], origin[index] + 1, since)


def _since(tokens: Sequence[str], unit: int, v: _Vocabulary) -> bool:
    """Whether the duration whose unit is ``tokens[unit]`` is a time since ("… ago")."""
    return unit + 1 < len(tokens) and tokens[unit + 1] in v.since_after


def _a_limit(tokens: Sequence[str], number: int, v: _Vocabulary) -> bool:
    """Whether the duration whose number is ``tokens[number]`` is a limit named, not a length:
    "stopped well before the five minutes in his care plan", "under 5 minutes"."""
    return number > 0 and tokens[number - 1] in v.limit_before


def _starts(after: Sequence[str], phrases: frozenset[tuple[str, ...]]) -> int:
    """How many words of ``after`` one of ``phrases`` covers at its start (0: none)."""
    for phrase in sorted(phrases, key=len, reverse=True):
        if tuple(after[: len(phrase)]) == phrase:
            return len(phrase)
    return 0


def _ends(
    before: Sequence[str],
    phrases: frozenset[tuple[str, ...]],
    others: frozenset[tuple[str, ...]] = frozenset(),
) -> bool:
    """Whether a cue phrase ends at most two words before the number ("sugar is 2.1"), with
    none of ``others`` (the other measures' cues) nearer to it: in a row of observations ("HR
    78, BP 132/76, RR 16, SpO2 96%") each number is its nearest cue's."""
    nearer = others - phrases
    for cut in range(len(before), max(len(before) - 3, 0), -1):
        head = tuple(before[:cut])
        if any(head[-len(p) :] == p for p in phrases if len(p) <= len(head)):
            return True
        if any(head[-len(p) :] == p for p in nearer if len(p) <= len(head)):
            return False
    return False


# --- the data ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Vocabulary:
    number_words: Mapping[str, float]
    tablet_words: frozenset[str]
    medicine_words: frozenset[str]
    tablets_or_medicines: frozenset[str]  # the two above together, what a count is of
    dose_units: frozenset[str]
    between_count_and_tablets: frozenset[str]
    between_cue_and_reading: frozenset[str]
    per_day: frozenset[tuple[str, ...]]
    not_per_day: frozenset[str]
    more_than: frozenset[tuple[str, ...]]
    celsius: frozenset[str]
    fahrenheit: frozenset[str]
    temperature_cues: frozenset[str]
    bpm_units: frozenset[tuple[str, ...]]
    heart_rate_cues: frozenset[tuple[str, ...]]
    breath_units: frozenset[tuple[str, ...]]
    breathing_rate_cues: frozenset[tuple[str, ...]]
    breathing_loose_cues: frozenset[str]
    per_minute: frozenset[tuple[str, ...]]
    oxygen_cues: frozenset[tuple[str, ...]]
    percent_units: frozenset[tuple[str, ...]]
    inr_cues: frozenset[tuple[str, ...]]
    potassium_cues: frozenset[tuple[str, ...]]
    ketone_cues: frozenset[tuple[str, ...]]
    recheck_cues: frozenset[tuple[str, ...]]
    against_earlier: frozenset[tuple[str, ...]]
    against_earlier_measures: frozenset[str]
    recheck_measures: Mapping[str, tuple[str, ...]]  # measure -> the cue that names it
    peak_flow_cues: frozenset[tuple[str, ...]]
    peak_flow_best: frozenset[tuple[str, ...]]
    mmol_units: frozenset[tuple[str, ...]]
    mgdl_units: frozenset[tuple[str, ...]]
    glucose_cues: frozenset[tuple[str, ...]]
    bp_cues: frozenset[tuple[str, ...]]
    bp_joiners: frozenset[str]
    mgdl_alone: frozenset[tuple[str, ...]]
    any_unit: frozenset[tuple[str, ...]]
    bare_celsius: tuple[float, float]
    bare_fahrenheit: tuple[float, float]
    not_temperature_after: frozenset[str]
    pregnancy_weeks: frozenset[str]
    pregnancy_cues: frozenset[str]
    pregnancy_labour_words: frozenset[str]
    pregnancy_context: frozenset[str]
    pregnancy_being: frozenset[str]
    pregnancy_expectant: frozenset[str]
    pregnancy_plain_from: float
    pregnancy_at: frozenset[str]
    pregnancy_born_at: frozenset[str]
    pregnancy_over: str
    seconds: frozenset[str]
    minutes: frozenset[str]
    hours: frozenset[str]
    lone_hour_cues: frozenset[str]
    lone_units: Mapping[str, float]
    since_after: frozenset[str]
    limit_before: frozenset[str]
    age_units: Mapping[str, float]
    old_words: frozenset[str]
    age_cues: frozenset[str]
    age_hedges: frozenset[str]
    age_since: frozenset[str]
    age_born: frozenset[str]
    age_people_after: frozenset[str]
    age_shorthand: Mapping[str, str]  # "mo" -> "months", "y o" -> "years"
    age_shorthand_phrases: frozenset[tuple[str, ...]]
    not_an_age_before: frozenset[str]
    not_an_age_after: frozenset[str]
    age_things_after: frozenset[str]
    temperature_after_cues: frozenset[tuple[str, ...]]
    weather_after: frozenset[tuple[str, ...]]
    all_cues: frozenset[tuple[str, ...]]  # every measure's cue: the nearest one names a number


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    text = resources.files(__package__).joinpath("quantities.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(text)

    def words(items: Sequence[str]) -> frozenset[str]:
        return frozenset(str(i) for i in items)

    def phrases(items: Sequence[str]) -> frozenset[tuple[str, ...]]:
        # Read like the text ("libre" is "liber" once made American), so both sides agree.
        return frozenset(tuple(normalise(str(i)).split()) for i in items)

    rechecked = data["rechecked"]
    if not set(rechecked["against_earlier_measures"]) <= set(rechecked["measures"]):
        raise ValueError("quantities.yaml: every against_earlier measure needs its rechecked cue")
    heart, glucose, age = data["heart_rate"], data["glucose"], data["age"]
    duration, temperature = data["duration"], data["temperature"]
    units = [
        *heart["units"],
        *heart["unit_phrases"],
        *glucose["mmol_units"],
        *glucose["mgdl_units"],
        *temperature["celsius_units"],
        *temperature["fahrenheit_units"],
        *duration["seconds"],
        *duration["minutes"],
        *duration["hours"],
    ]
    age_units = {w: 1 / _DAYS_PER_MONTH for w in age["days"]}
    age_units |= {w: 7 / _DAYS_PER_MONTH for w in age["weeks"]}
    age_units |= {w: 1.0 for w in age["months"]}
    age_units |= {w: 12.0 for w in age["years"]}
    return _Vocabulary(
        number_words={str(k): float(n) for k, n in data["number_words"].items()},
        tablet_words=words(data["tablet_words"]),
        medicine_words=words(data["medicine_words"]),
        tablets_or_medicines=words(data["tablet_words"]) | words(data["medicine_words"]),
        dose_units=words(data["dose_units"]),
        between_count_and_tablets=words(data["between_count_and_tablets"]),
        between_cue_and_reading=words(data["between_cue_and_reading"]),
        per_day=phrases(data["per_day"]["words"]),
        not_per_day=words(data["per_day"]["not_before"]),
        more_than=phrases(data["more_than"]),
        celsius=words(temperature["celsius_units"]),
        fahrenheit=words(temperature["fahrenheit_units"]),
        temperature_cues=words(temperature["cues"]),
        bpm_units=phrases([*heart["units"], *heart["unit_phrases"]]),
        heart_rate_cues=phrases(heart["cues"]),
        breath_units=phrases(data["breathing_rate"]["units"]),
        breathing_rate_cues=phrases(data["breathing_rate"]["cues"]),
        breathing_loose_cues=words(data["breathing_rate"]["loose_cues"]),
        per_minute=phrases(data["breathing_rate"]["per_minute"]),
        oxygen_cues=phrases(data["oxygen_saturation"]["cues"]),
        percent_units=phrases(data["oxygen_saturation"]["units"]),
        inr_cues=phrases(data["inr"]["cues"]),
        potassium_cues=phrases(data["potassium"]["cues"]),
        ketone_cues=phrases(data["ketones"]["cues"]),
        recheck_cues=phrases(data["rechecked"]["cues"]),
        against_earlier=phrases(data["rechecked"]["against_earlier"]),
        against_earlier_measures=words(data["rechecked"]["against_earlier_measures"]),
        recheck_measures={
            str(m): tuple(normalise(str(cue)).split())
            for m, cue in data["rechecked"]["measures"].items()
        },
        peak_flow_cues=phrases(data["peak_flow"]["cues"]),
        peak_flow_best=phrases(data["peak_flow"]["best_cues"]),
        mmol_units=phrases(glucose["mmol_units"]),
        mgdl_units=phrases(glucose["mgdl_units"]),
        glucose_cues=phrases(glucose["cues"]),
        bp_cues=phrases(data["blood_pressure"]["cues"]),
        bp_joiners=words(data["blood_pressure"]["joiners"]),
        mgdl_alone=phrases(glucose["mgdl_alone"]),
        any_unit=phrases(units),
        bare_celsius=(
            float(temperature["bare"]["celsius"][0]),
            float(temperature["bare"]["celsius"][1]),
        ),
        bare_fahrenheit=(
            float(temperature["bare"]["fahrenheit"][0]),
            float(temperature["bare"]["fahrenheit"][1]),
        ),
        not_temperature_after=words(temperature["bare"]["not_after"]),
        pregnancy_weeks=words(data["pregnancy"]["week_units"]),
        pregnancy_cues=words(data["pregnancy"]["cues"]),
        pregnancy_labour_words=words(data["pregnancy"]["labour_words"]),
        pregnancy_context=words(data["pregnancy"]["speaking_of_pregnancy"]),
        pregnancy_being=words(data["pregnancy"]["being"]),
        pregnancy_expectant=words(data["pregnancy"]["expectant"]),
        pregnancy_plain_from=float(data["pregnancy"]["plain_from"]),
        pregnancy_at=words(data["pregnancy"]["at_words"]),
        pregnancy_over=str(data["pregnancy"]["written_over"]),
        pregnancy_born_at=words(data["pregnancy"]["born_at"]),
        seconds=words(duration["seconds"]),
        minutes=words(duration["minutes"]),
        hours=words(duration["hours"]),
        lone_hour_cues=words(duration["lone_hour_cues"]),
        lone_units={str(k): float(n) for k, n in duration["lone_units"].items()},
        since_after=words(duration["since_after"]),
        limit_before=words(duration["limit_before"]),
        age_units=age_units,
        old_words=words(age["old_words"]),
        age_cues=words(age["cues"]),
        age_hedges=words(age["hedges"]),
        age_since=words(age["since_after"]),
        age_born=words(age["born"]),
        age_people_after=words(age["people_after"]),
        age_shorthand={str(k): str(u) for k, u in age["shorthand"].items()},
        age_shorthand_phrases=phrases(list(age["shorthand"])),
        not_an_age_before=words(age["not_an_age_before"]),
        not_an_age_after=words(age["not_an_age_after"]),
        age_things_after=words(age["things_after_old"]),
        temperature_after_cues=phrases(temperature["after_cues"]),
        weather_after=phrases(temperature["weather_after"]),
        all_cues=phrases(
            [
                *heart["cues"],
                *data["breathing_rate"]["cues"],
                *data["oxygen_saturation"]["cues"],
                *data["inr"]["cues"],
                *data["potassium"]["cues"],
                *data["ketones"]["cues"],
                *glucose["cues"],
                *data["blood_pressure"]["cues"],
                *temperature["cues"],
            ]
        ),
    )
