"""Learn the triage's learned reading on the tuning split; choose its thresholds there too.

    .venv/bin/python benchmarks/triage_train.py [--write]

The learned reading (src/symptomdb/triage/learned.py) is a logistic regression over a piece's
sentence vector: emergency, urgent or neither. It learns from the semantic bank's examples
(presentations.yaml and everyday.yaml, each labelled by its group's level) and the whole texts of
the TUNING halves of benchmarks/data/ (never the held-out halves, never ../shared/eval/).

Its strength (C) and its two thresholds are chosen by leaving out one labelled file at a time:
the reading learns from the bank and the other files' tuning halves, and reads the left-out
file's tuning half as the site would, beside the rules and the nearest examples. The choice finds
the most emergencies, then the most urgent cases (a missed emergency is the worst error this
project can make), while calling at most ``--max-added-false-alarms`` (1 %) more of the tuning
look-alikes an emergency, and giving at most ``--max-added-same-day`` (2 %) more at least
"urgent", than the rules and the nearest examples do without it (ties go to fewer false alarms,
the weaker reading and the stricter thresholds). A same-day answer to a look-alike costs its
reader a call to 111; a false emergency sends them to A&E: the first is allowed twice the room.
``--write`` then learns it from every tuning
half, writes the weights to src/symptomdb/triage/learned.npz and the thresholds to semantic.yaml.
The held-out halves are measured by triage_quality.py afterwards. Always exits 0.

Needs scikit-learn (a dev dependency: the site reads the weights with numpy alone).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

from symptomdb.language.embedding import MODEL_NAME
from symptomdb.triage import LEVELS
from symptomdb.triage.learned import (
    LEVELS as READING_LEVELS,
)
from symptomdb.triage.learned import (
    WEIGHTS_FILE,
    LearnedReading,
    learned_save,
)
from symptomdb.triage.semantic import SemanticDetector, load_thresholds, text_segments
from triage_quality import DEFAULT_FILES
from triage_tune import THRESHOLDS_FILE, fast_detector, rules_reading

WEIGHTS_PATH = THRESHOLDS_FILE.parent / WEIGHTS_FILE
STRENGTHS = (0.3, 1.0, 3.0, 10.0)  # LogisticRegression's C: larger fits the examples closer
EMERGENCY_GRID = (0.8, 0.85, 0.9, 0.95, 0.98)
URGENT_GRID = (0.8, 0.85, 0.9, 0.95, 0.98)
EXPECTED = {"emergency": 0, "urgent": 1, "not_urgent": 2}  # rows of READING_LEVELS


@dataclass(frozen=True)
class Case:
    file: str
    text: str
    expect: str
    without: str | None  # the level the site gives without the learned reading
    deferred: frozenset[str]


def tuning_cases() -> tuple[list[Case], SemanticDetector]:
    """The tuning halves' cases, and the site's detector with their pieces embedded."""
    raws = []
    for path in DEFAULT_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            raw = json.loads(line) if line.strip() else None
            if raw and raw.get("split") == "tune" and raw.get("expect") in EXPECTED:
                raws.append((path.name, raw))
    found = fast_detector([raw["text"] for _, raw in raws])
    limits = load_thresholds()
    cases = []
    for name, raw in raws:
        rules_level, deferred = rules_reading(raw["text"])
        levels = [rules_level] if rules_level else []
        if rules_level != "emergency":  # as triage(): nothing outranks an emergency
            finding = found.detect(raw["text"], limits, defer_to=deferred)
            levels += [finding.group.level] if finding else []
        without = min(levels, key=LEVELS.index) if levels else None
        cases.append(Case(name, raw["text"], raw["expect"], without, deferred))
    return cases, found


def training_rows(
    detector: SemanticDetector, cases: Sequence[Case]
) -> tuple[np.ndarray, np.ndarray]:
    """The bank's examples with their groups' levels, and each case's whole text (the piece the
    detector reads first) with its expected level."""
    labels = [READING_LEVELS.index(g.level) for g in detector.groups for _ in g.examples]
    wholes = [c for c in cases if text_segments(c.text)]
    texts = [text_segments(c.text)[0] for c in wholes]
    vectors = np.concatenate([detector.vectors, detector._embed(texts)])
    return vectors, np.array(labels + [EXPECTED[c.expect] for c in wholes])


def learn(detector: SemanticDetector, cases: Sequence[Case], strength: float) -> LearnedReading:
    vectors, labels = training_rows(detector, cases)
    model = LogisticRegression(C=strength, class_weight="balanced", max_iter=3000)
    model.fit(vectors, labels)
    reading = LearnedReading(
        model.coef_.astype(np.float32),
        model.intercept_.astype(np.float32),
        MODEL_NAME,
        f"benchmarks/triage_train.py: C={strength}, {len(labels)} pieces "
        f"({len(detector.vectors)} bank examples and the tuning halves' whole texts)",
    )
    # The site computes the probabilities itself: they must be the library's.
    difference = np.abs(reading.probabilities(vectors[:200]) - model.predict_proba(vectors[:200]))
    assert difference.max() < 1e-4, difference.max()
    return reading


def peaks(detector: SemanticDetector, case: Case) -> tuple[float, float]:
    """The highest probability the reading gives "emergency", and "emergency or urgent", to
    any piece of the case's text whose group the rules do not settle."""
    found = detector.learned(case.text, defer_to=case.deferred)
    emergency = max((f.learned for f in found if f.group.level == "emergency"), default=0.0)
    urgent = max((f.learned for f in found if f.group.level == "urgent"), default=0.0)
    return emergency, urgent


def lofo_peaks(
    detector: SemanticDetector, cases: Sequence[Case], strength: float
) -> list[tuple[float, float]]:
    """Each case's peaks (peaks()) as read by a reading that learnt from the other files only."""
    peak: dict[int, tuple[float, float]] = {}
    for name in sorted({c.file for c in cases}):
        learnt = learn(detector, [c for c in cases if c.file != name], strength)
        reader = SemanticDetector(detector.groups, detector.vectors, detector._embed, learnt)
        for number, case in enumerate(cases):
            if case.file == name:
                peak[number] = peaks(reader, case)
    return [peak[number] for number in range(len(cases))]


def thresholds_write(section: str, values: dict[str, float]) -> None:
    """Set ``values`` (name: number) under ``section:`` of semantic.yaml, leaving the rest of
    the file, its comments and the other sections' values of the same names as they are."""
    text = THRESHOLDS_FILE.read_text(encoding="utf-8")
    start = re.search(rf"(?m)^{section}:\n", text)
    if start is None:
        raise SystemExit(f"{THRESHOLDS_FILE} has no {section}: section")
    head, body = text[: start.end()], text[start.end() :]
    end = re.search(r"(?m)^\S", body)
    inside, rest = (body[: end.start()], body[end.start() :]) if end else (body, "")
    for name, value in values.items():
        inside, found = re.subn(rf"(?m)^(  {name}: )[0-9.]+$", rf"\g<1>{value:.2f}", inside)
        if not found:
            raise SystemExit(f"{THRESHOLDS_FILE}: {section} has no {name}")
    THRESHOLDS_FILE.write_text(head + inside + rest, encoding="utf-8")


def level_with(case: Case, peak: tuple[float, float], limits: tuple[float, float]) -> str | None:
    levels = [case.without] if case.without else []
    if case.without != "emergency":
        if peak[0] >= limits[0]:
            levels.append("emergency")
        elif peak[1] >= limits[1]:
            levels.append("urgent")
    return min(levels, key=LEVELS.index) if levels else None


def counts(cases: Sequence[Case], levels: Sequence[str | None]) -> tuple[int, int, int, int]:
    """Emergencies called emergency, emergencies and urgent cases given at least urgent,
    look-alikes called emergency, look-alikes given at least urgent."""
    emergencies = urgent = false_alarms = false_urgent = 0
    for case, level in zip(cases, levels, strict=True):
        alarmed = level in ("emergency", "urgent")
        emergencies += case.expect == "emergency" and level == "emergency"
        urgent += case.expect != "not_urgent" and alarmed
        false_alarms += case.expect == "not_urgent" and level == "emergency"
        false_urgent += case.expect == "not_urgent" and alarmed
    return emergencies, urgent, false_alarms, false_urgent


Choice = tuple[tuple[float, ...], tuple[int, int, int, int]]


def better_choice(
    best: Choice | None,
    key: tuple[float, ...],
    found: tuple[int, int, int, int],
    base: tuple[int, int, int, int],
    allowed: float,
    allowed_same_day: float | None = None,
) -> Choice | None:
    """``(key, found)`` when it keeps the look-alikes within ``allowed`` more than ``base`` called
    emergency, and within ``allowed_same_day`` (``allowed`` if not given) more given at least
    urgent, and ranks above ``best``; else ``best``."""
    same_day = allowed if allowed_same_day is None else allowed_same_day
    within = found[2] <= base[2] + allowed and found[3] <= base[3] + same_day
    return (key, found) if within and (best is None or key > best[0]) else best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the reading and thresholds")
    parser.add_argument("--max-added-false-alarms", type=float, default=0.01)
    parser.add_argument("--max-added-same-day", type=float, default=0.02)
    args = parser.parse_args(argv)
    cases, detector = tuning_cases()
    files = sorted({c.file for c in cases})
    totals = (
        sum(c.expect == "emergency" for c in cases),
        sum(c.expect != "not_urgent" for c in cases),
        sum(c.expect == "not_urgent" for c in cases),
        sum(c.expect == "not_urgent" for c in cases),
    )
    base = counts(cases, [c.without for c in cases])
    added = int(args.max_added_false_alarms * totals[2])
    added_same_day = int(args.max_added_same_day * totals[3])
    print(
        f"tuning cases: {len(cases)} in {len(files)} files; bank examples {len(detector.vectors)}"
    )
    print(f"without the reading: {_line(base, totals)}")
    best: Choice | None = None
    for strength in STRENGTHS:
        # Each file's cases are read by a reading that learnt from the other files only.
        peak = lofo_peaks(detector, cases, strength)
        for limits in itertools.product(EMERGENCY_GRID, URGENT_GRID):
            levels = [level_with(c, peak[i], limits) for i, c in enumerate(cases)]
            found = counts(cases, levels)
            print(
                f"C={strength:<4} emergency {limits[0]:.2f} urgent {limits[1]:.2f}: "
                f"{_line(found, totals)}"
            )
            # More emergencies first, then more urgent cases; then fewer false alarms, the
            # weaker reading and the stricter thresholds.
            key = (found[0], found[1], -found[2], -strength, limits[0], limits[1])
            best = better_choice(best, key, found, base, added, added_same_day)
    if best is None:
        print("no choice keeps the look-alikes within the budget; nothing chosen")
        return 0
    (_, _, _, strength_negative, emergency, urgent), found = best
    strength = -strength_negative
    print(
        f"chosen: C={strength}, emergency {emergency:.2f}, urgent {urgent:.2f} "
        f"(at most {added} more look-alikes called emergency, {added_same_day} more given at "
        f"least urgent): "
        f"{_line(found, totals)}"
    )
    if args.write:
        reading = learn(detector, cases, strength)
        learned_save(WEIGHTS_PATH, reading)
        thresholds_write(
            "learned", {"emergency_probability": emergency, "urgent_probability": urgent}
        )
        print(f"written to {WEIGHTS_PATH} and {THRESHOLDS_FILE}")
    return 0


def _line(found: Sequence[int], totals: Sequence[int]) -> str:
    return (
        f"emergencies called emergency {found[0]}/{totals[0]}, at least urgent "
        f"{found[1]}/{totals[1]}, look-alikes called emergency {found[2]}/{totals[2]}, "
        f"at least urgent {found[3]}/{totals[3]}"
    )


if __name__ == "__main__":
    sys.exit(main())
