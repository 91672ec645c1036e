"""Learn the triage's words reading on the tuning split; choose its thresholds there too.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/triage_train_words.py [--write]

The words reading (src/symptomdb/triage/learned_words.py) is a logistic regression over the
words the rules read (marked for context) and the rules' concepts found: emergency, urgent or
neither. It learns from the semantic bank's examples and the whole texts of the TUNING halves of
benchmarks/data/ (triage_train.tuning_cases: never the held-out halves, never ../shared/eval/).

Its strength (C), its two thresholds and its gate (how much the learned reading must give the
same level) are chosen by leaving out one labelled file at a time: both learned readings learn
from the bank and the other files' tuning halves, and the left-out file's tuning half is read as
the site would read it. The choice finds the most emergencies and urgent cases while calling at
most ``--max-added-false-alarms`` more of the tuning look-alikes an emergency, and giving at most
as many more at least "urgent", than the site does without the words reading (ties go to the
weaker reading and the stricter thresholds). ``--write`` then learns it from every tuning half
and writes src/symptomdb/triage/learned_words.npz and the ``words:`` section of semantic.yaml.
Run it after triage_train.py (it reads the learned reading's strength and thresholds). The
held-out halves are measured by triage_quality.py afterwards. Always exits 0.

Needs scikit-learn (a dev dependency: the site reads the weights with numpy alone).
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import sys
import time
from collections.abc import Sequence

# One thread per process: the fits are small, and the search's own budget is measured on 2 cores.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import scipy.sparse as sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from symptomdb.triage import LEVELS, load_rules
from symptomdb.triage.learned import LEVELS as READING_LEVELS
from symptomdb.triage.learned import load_learned
from symptomdb.triage.learned_words import (
    BLOCKS,
    WEIGHTS_FILE,
    WordsFeatures,
    WordsReading,
    words_features,
    words_save,
)
from symptomdb.triage.semantic import load_thresholds
from triage_train import (
    EXPECTED,
    Case,
    Choice,
    _line,
    better_choice,
    counts,
    level_with,
    lofo_peaks,
    thresholds_write,
    tuning_cases,
)
from triage_tune import THRESHOLDS_FILE

WEIGHTS_PATH = THRESHOLDS_FILE.parent / WEIGHTS_FILE
STRENGTHS = (1.0, 3.0, 10.0)  # LogisticRegression's C: larger fits the examples closer
EMERGENCY_GRID = tuple(round(0.50 + 0.02 * i, 2) for i in range(25))  # 0.50 ... 0.98
URGENT_GRID = (*(round(0.70 + 0.02 * i, 2) for i in range(15)), 0.99)  # 0.70 ... 0.99
GATE_GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
MIN_TEXTS = 2  # a feature of fewer texts than this is not learnt (TfidfVectorizer's min_df)


def features_of(text: str) -> WordsFeatures:
    """As the site reads ``text``: the rules' reading of it, passed to the words reading."""
    doc, reading = load_rules().read_text(text)
    return words_features(doc, reading.context, reading.concepts)


def _vectorisers() -> list[TfidfVectorizer]:
    # One per block of BLOCKS, each scaled to length 1 (learned_words.WordsReading copies this).
    return [
        TfidfVectorizer(analyzer=_same, min_df=MIN_TEXTS, sublinear_tf=True, lowercase=False)
        for _ in BLOCKS
    ]


def _same(features: list[str]) -> list[str]:
    return features


def _blocks(rows: Sequence[WordsFeatures]) -> list[list[list[str]]]:
    return [[r.words for r in rows], [r.concepts for r in rows]]


def learn(rows: Sequence[WordsFeatures], labels: np.ndarray, strength: float) -> WordsReading:
    """The reading learnt from ``rows`` (one text's features each) and their labels."""
    parts = _vectorisers()
    matrix = sparse.hstack(
        [part.fit_transform(block) for part, block in zip(parts, _blocks(rows), strict=True)]
    ).tocsr()
    model = LogisticRegression(C=strength, class_weight="balanced", max_iter=3000)
    model.fit(matrix, labels)
    names = [name for part in parts for name in part.get_feature_names_out()]
    reading = WordsReading(
        features=np.array(names, dtype=np.str_),
        blocks=np.concatenate(
            [np.full(len(part.vocabulary_), n, np.int8) for n, part in enumerate(parts)]
        ),
        idf=np.concatenate([part.idf_ for part in parts]).astype(np.float32),
        weights=model.coef_.T.astype(np.float32),
        bias=model.intercept_.astype(np.float32),
        trained_on=(
            f"benchmarks/triage_train_words.py: {len(rows)} texts (the bank's examples and the "
            "tuning halves' whole texts)"
        ),
        setting=f"C={strength}",
    )
    # The site computes the probabilities itself: they must be the library's.
    sample = list(range(0, len(rows), max(1, len(rows) // 200)))
    ours = np.stack([reading.probabilities(rows[i]) for i in sample])
    difference = np.abs(ours - model.predict_proba(matrix[sample]))
    assert difference.max() < 1e-4, difference.max()
    return reading


def level_with_words(
    without: str | None,
    words: np.ndarray,
    gate: tuple[float, float],
    limits: tuple[float, float, float],
) -> str | None:
    """The level the site gives with the words reading (semantic._raised_by_words): ``words``
    the reading's probabilities, ``gate`` the learned reading's peaks (peaks())."""
    raised = None
    if words[0] >= limits[0] and gate[0] >= limits[2]:
        raised = "emergency"
    elif words[0] + words[1] >= limits[1] and gate[1] >= limits[2]:
        raised = "urgent"
    levels = [level for level in (without, raised) if level]
    return min(levels, key=LEVELS.index) if levels else None


def _learned_strength() -> float:
    reading = load_learned()
    found = re.search(r"\bC=([0-9.]+)", reading.trained_on) if reading else None
    if found is None:
        raise SystemExit("No learned reading to gate on: run benchmarks/triage_train.py --write.")
    return float(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the reading and thresholds")
    parser.add_argument("--max-added-false-alarms", type=int, default=5)
    # Floors that keep the project's own look-alikes in tests/triage quiet (2026-12-04): without
    # them the choice (gate 0.20) raised eight of them, short texts the words reading is sure of
    # ("I've been blind in one eye since birth"); with the gate at 0.5 or more, three still rose
    # ("can't lift my arm above my head since the gym, frozen shoulder?": words 0.95, learned
    # reading 0.84), and one urgent case went to emergency. Those need an emergency threshold of
    # 0.98, and no urgent level from the words (2.0 is never reached). Learnt again with six more
    # sets (2026-12-05), gate 0.5 raised two more ("I'm diabetic and cannot swallow big tablets,
    # is there a liquid", "just found out I'm pregnant and my heart is racing"); 0.6 keeps them
    # quiet.
    parser.add_argument("--min-gate", type=float, default=0.6)
    parser.add_argument("--min-emergency", type=float, default=0.98)
    parser.add_argument("--min-urgent", type=float, default=2.0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    cases, detector = tuning_cases()
    files = sorted({c.file for c in cases})
    looks = sum(c.expect == "not_urgent" for c in cases)
    totals = (
        sum(c.expect == "emergency" for c in cases),
        sum(c.expect != "not_urgent" for c in cases),
        looks,
        looks,
    )
    # The site without the words reading: the rules, the examples, and the learned reading as
    # semantic.yaml sets it, learnt (as this reading is) without the file it reads.
    sentence_strength = _learned_strength()
    peak = lofo_peaks(detector, cases, sentence_strength)
    site = load_thresholds()
    learned_limits = (site.learned_emergency, site.learned_urgent)
    without = [level_with(c, peak[i], learned_limits) for i, c in enumerate(cases)]
    base = counts(cases, without)
    print(
        f"tuning cases: {len(cases)} in {len(files)} files; "
        f"learned reading C={sentence_strength} ({time.perf_counter() - started:.0f} s)"
    )
    print(f"without the words reading: {_line(base, totals)}")
    bank = [(e, READING_LEVELS.index(g.level)) for g in detector.groups for e in g.examples]
    bank_rows = [features_of(text) for text, _ in bank]
    case_rows = [features_of(c.text) for c in cases]
    bank_labels = [label for _, label in bank]
    allowed = args.max_added_false_alarms
    best: Choice | None = None
    for strength in STRENGTHS:
        probabilities = _lofo_probabilities(
            cases, files, case_rows, bank_rows, bank_labels, strength
        )
        print(f"C={strength}: learnt and read ({time.perf_counter() - started:.0f} s)")
        gates = [g for g in GATE_GRID if g >= args.min_gate]
        emergencies = [e for e in EMERGENCY_GRID if e >= args.min_emergency]
        urgents = [u for u in (*URGENT_GRID, 2.0) if u >= args.min_urgent]
        for limits in itertools.product(emergencies, urgents, gates):
            levels = [
                level_with_words(without[i], probabilities[i], peak[i], limits)
                for i in range(len(cases))
            ]
            found = counts(cases, levels)
            # More found first; then the weaker reading and the stricter thresholds.
            key = (found[0] + found[1], -found[2], -strength, *limits)
            best = better_choice(best, key, found, base, allowed)
    if best is None:
        print("no choice keeps the look-alikes within the budget; nothing chosen")
        return 0
    (_, _, strength_negative, emergency, urgent, gate), found = best
    strength = -strength_negative
    added = [after - before for after, before in zip(found, base, strict=True)]
    print(
        f"chosen: C={strength}, emergency {emergency:.2f}, urgent {urgent:.2f}, learned reading "
        f"at least {gate:.2f} (at most {allowed} more look-alikes called emergency, and given at "
        f"least urgent): {_line(found, totals)}"
    )
    print(
        f"added by the words reading: emergencies called emergency {added[0]:+d}, at least "
        f"urgent {added[1]:+d}, look-alikes called emergency {added[2]:+d}, at least urgent "
        f"{added[3]:+d} ({time.perf_counter() - started:.0f} s)"
    )
    if args.write:
        labels = np.array(bank_labels + [EXPECTED[c.expect] for c in cases])
        reading = learn([*bank_rows, *case_rows], labels, strength)
        words_save(WEIGHTS_PATH, reading)
        thresholds_write(
            "words",
            {
                "emergency_probability": emergency,
                "urgent_probability": urgent,
                "learned_at_least": gate,
            },
        )
        print(f"written to {WEIGHTS_PATH} and {THRESHOLDS_FILE}")
    return 0


def _lofo_probabilities(
    cases: Sequence[Case],
    files: Sequence[str],
    case_rows: Sequence[WordsFeatures],
    bank_rows: Sequence[WordsFeatures],
    bank_labels: list[int],
    strength: float,
) -> np.ndarray:
    """Each case's probabilities, from a reading that learnt without the case's file."""
    probabilities = np.zeros((len(cases), len(READING_LEVELS)), dtype=np.float32)
    for name in files:
        kept = [i for i, c in enumerate(cases) if c.file != name]
        labels = np.array(bank_labels + [EXPECTED[cases[i].expect] for i in kept])
        reading = learn([*bank_rows, *(case_rows[i] for i in kept)], labels, strength)
        for i, case in enumerate(cases):
            if case.file == name:
                probabilities[i] = reading.probabilities(case_rows[i])
    return probabilities


if __name__ == "__main__":
    sys.exit(main())
