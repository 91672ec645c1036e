"""Choose the semantic detector's thresholds on the tuning split; check them on the held-out one.

    .venv/bin/python benchmarks/triage_tune.py [--write]

Reads the labelled sentences and vignettes in benchmarks/data/ (never ../shared/eval/). For every
case it runs the word rules once and the semantic detector's comparison once, then tries every
combination of thresholds on the TUNING split and keeps the one that finds the most emergencies
and urgent cases while calling at most ``--max-added-false-alarms`` more of the look-alikes an
emergency than the rules alone do, both among the sentences and among the bank's own look-alike
examples (each compared with the rest of the bank). Ties go to the stricter thresholds. It prints
that choice on
both splits; ``--write`` stores it in src/symptomdb/triage/semantic.yaml. Always exits 0: this
measures, the tests assert.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from triage_quality import DEFAULT_FILES

if importlib.util.find_spec("symptomdb") is None:  # not installed yet: run from the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from symptomdb.language.embedding import embedder
from symptomdb.triage import LEVELS, load_rules
from symptomdb.triage.semantic import (
    Finding,
    SemanticDetector,
    Thresholds,
    detector,
    load_groups,
    readable_pieces,
)

THRESHOLDS_FILE = Path(__file__).resolve().parents[1] / "src/symptomdb/triage/semantic.yaml"
RULES_ONLY = Thresholds(emergency=2.0, urgent=2.0, margin=2.0)  # no cosine reaches 2
GRID = [round(0.50 + 0.01 * i, 2) for i in range(41)]  # 0.50 … 0.90
MARGINS = [round(0.01 * i, 2) for i in range(0, 21)]  # 0.00 … 0.20


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expect: str
    split: str
    rules_level: str | None
    findings: tuple[Finding, ...]
    deferred: frozenset[str]  # families the rules have read (the detector defers to them)


def fast_detector(texts: list[str]) -> SemanticDetector:
    """The site's detector, with every piece of ``texts`` embedded up front in large batches
    (what the site does one query at a time): the same vectors, several times faster."""
    found = detector()
    if found is None:
        raise SystemExit("The sentence model is unavailable: nothing to tune.")
    pieces = sorted({piece for text in texts for piece, _ in readable_pieces(text)})
    table = dict(zip(pieces, embedder().embed(pieces), strict=True))

    def embed(wanted: Sequence[str]) -> np.ndarray:
        # Any other text (triage_train.py's whole texts, some of which the detector does not
        # read) is embedded when asked for.
        missing = [x for x in wanted if x not in table]
        table.update(zip(missing, embedder().embed(missing), strict=True) if missing else ())
        return np.stack([table[x] for x in wanted])

    return SemanticDetector(found.groups, found.vectors, embed)


def bank_cases() -> list[Case]:
    """Every example of the bank as a case of its own, compared with the rest of the bank.

    The look-alike groups hold hundreds of everyday complaints, questions and idioms written from
    public guidance: far more look-alikes than the labelled sentences, so the thresholds are held
    to a false-alarm rate measured on many more kinds of harmless text.
    """
    groups = load_groups()
    found = fast_detector([e for g in groups for e in g.examples])
    loaded = []
    for group in found.groups:
        expect = "not_urgent" if group.level == "none" else group.level
        for number, example in enumerate(group.examples):
            rules_level, deferred = rules_reading(example)
            findings = tuple(found.nearest(example, leave_out=example))
            case_id = f"bank:{group.id}:{number}"
            loaded.append(Case(case_id, example, expect, "bank", rules_level, findings, deferred))
    return loaded


def cases() -> list[Case]:
    lines = [
        line for path in DEFAULT_FILES for line in path.read_text(encoding="utf-8").splitlines()
    ]
    raws = [json.loads(line) for line in lines if line.strip()]
    found = fast_detector([raw["text"] for raw in raws])
    loaded = []
    for raw in raws:
        text = raw["text"]
        rules_level, deferred = rules_reading(text)
        findings = tuple(found.nearest(text))
        loaded.append(
            Case(raw["id"], text, raw["expect"], raw["split"], rules_level, findings, deferred)
        )
    return loaded


def rules_reading(text: str) -> tuple[str | None, frozenset[str]]:
    """The rules' level for ``text`` and the families they have read, as ``triage`` has them."""
    rules = load_rules()
    _, reading = rules.read_text(text)
    return reading.level, reading.families_read


def level_with(case: Case, limits: Thresholds) -> str | None:
    """The level ``triage`` would give with these thresholds (the more urgent detector wins)."""
    levels = [case.rules_level] if case.rules_level else []
    if case.rules_level == "emergency":
        return "emergency"
    for f in case.findings:
        if f.group.family in case.deferred:
            continue
        close = f.similarity >= limits.for_level(f.group.level)
        if close and f.similarity - f.calm_similarity >= limits.margin:
            levels.append(f.group.level)
    return min(levels, key=LEVELS.index) if levels else None


@dataclass(frozen=True)
class Score:
    emergency_called: float  # emergencies given "emergency"
    at_least_urgent: float  # emergencies and urgent cases given emergency or urgent
    false_alarms: float  # look-alikes (not_urgent) given "emergency"
    n: int

    def line(self, name: str) -> str:
        return (
            f"{name:28} n={self.n:4}  emergencies called emergency {self.emergency_called:6.1%}  "
            f"at least urgent {self.at_least_urgent:6.1%}  "
            f"look-alikes called emergency {self.false_alarms:5.1%}"
        )


def score(selected: list[Case], limits: Thresholds) -> Score:
    levels = {c.id: level_with(c, limits) for c in selected}
    emergencies = [c for c in selected if c.expect == "emergency"]
    serious = [c for c in selected if c.expect in ("emergency", "urgent")]
    calm = [c for c in selected if c.expect == "not_urgent"]
    return Score(
        emergency_called=_share(emergencies, lambda c: levels[c.id] == "emergency"),
        at_least_urgent=_share(serious, lambda c: levels[c.id] in ("emergency", "urgent")),
        false_alarms=_share(calm, lambda c: levels[c.id] == "emergency"),
        n=len(selected),
    )


def _share(items: list[Case], test: object) -> float:
    assert callable(test)
    return sum(1 for c in items if test(c)) / len(items) if items else 0.0


class Table:
    """The cases' findings as arrays, so that each of the grid's thousands of thresholds is
    scored in a few vector operations instead of a Python loop over every finding (the same
    arithmetic as ``level_with`` and ``score``; a test of the grid's choice would be slow)."""

    def __init__(self, selected: list[Case]) -> None:
        rank = {level: number for number, level in enumerate(LEVELS)}
        self.rules = np.array([rank.get(c.rules_level or "", len(LEVELS)) for c in selected])
        expect = np.array([c.expect for c in selected])
        self.emergencies = expect == "emergency"
        self.serious = np.isin(expect, ["emergency", "urgent"])
        self.calm = expect == "not_urgent"
        rows = [
            (number, f.similarity, f.similarity - f.calm_similarity, rank[f.group.level])
            for number, c in enumerate(selected)
            for f in c.findings
            if f.group.family not in c.deferred
        ]
        columns = np.array(rows, dtype=np.float64).reshape(-1, 4)
        self.case = columns[:, 0].astype(np.int64)
        self.similarity, self.margin = columns[:, 1], columns[:, 2]
        self.level = columns[:, 3].astype(np.int64)
        self.urgent_level = rank["urgent"]

    def false_alarms(self, limits: Thresholds) -> float:
        levels = self._levels(limits)
        return float((levels[self.calm] == 0).mean()) if self.calm.any() else 0.0

    def found(self, limits: Thresholds) -> float:
        """Emergencies called emergency plus serious cases given at least urgent (shares)."""
        levels = self._levels(limits)
        called = (levels[self.emergencies] == 0).mean() if self.emergencies.any() else 0.0
        urgent = (levels[self.serious] <= self.urgent_level).mean() if self.serious.any() else 0.0
        return float(called + urgent)

    def _levels(self, limits: Thresholds) -> np.ndarray:
        needed = np.where(self.level == 0, limits.emergency, limits.urgent)
        accepted = (self.similarity >= needed) & (self.margin >= limits.margin)
        levels = self.rules.copy()
        np.minimum.at(levels, self.case[accepted], self.level[accepted])
        return levels


def tune(tuning: list[Case], bank: list[Case], max_added: float) -> Thresholds:
    tuning_table, bank_table = Table(tuning), Table(bank)
    max_false_alarms = tuning_table.false_alarms(RULES_ONLY) + max_added
    bank_limit = bank_table.false_alarms(RULES_ONLY) + max_added
    best: tuple[float, float, float, float] | None = None
    chosen = Thresholds(emergency=GRID[-1], urgent=GRID[-1], margin=MARGINS[-1])
    for emergency, urgent, margin in itertools.product(GRID, GRID, MARGINS):
        if urgent < emergency:  # an urgent match may not be looser than an emergency one
            continue
        limits = Thresholds(emergency=emergency, urgent=urgent, margin=margin)
        if tuning_table.false_alarms(limits) > max_false_alarms:
            continue
        if bank_table.false_alarms(limits) > bank_limit:
            continue
        key = (tuning_table.found(limits), emergency, urgent, margin)
        if best is None or key > best:
            best, chosen = key, limits
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="store the thresholds chosen")
    parser.add_argument("--max-added-false-alarms", type=float, default=0.01)
    args = parser.parse_args(argv)
    every = cases()
    tuning = [c for c in every if c.split == "tune"]
    held_out = [c for c in every if c.split == "held_out"]
    bank = bank_cases()
    chosen = tune(tuning, bank, args.max_added_false_alarms)
    print(
        f"cases: {len(every)} (tune {len(tuning)}, held-out {len(held_out)}); "
        f"the bank's own examples, each left out in turn: {len(bank)}"
    )
    print(
        f"chosen on tune: emergency {chosen.emergency:.2f}, urgent {chosen.urgent:.2f}, "
        f"margin {chosen.margin:.2f} (at most {args.max_added_false_alarms:.0%} more look-alikes "
        "called emergency than by the rules alone)"
    )
    for name, selected in (("bank", bank), ("tune", tuning), ("held-out", held_out)):
        print(score(selected, RULES_ONLY).line(f"{name} (rules only)"))
        print(score(selected, chosen).line(f"{name} (rules and semantic)"))
    if args.write:
        text = THRESHOLDS_FILE.read_text(encoding="utf-8")
        for name in ("emergency", "urgent", "margin"):
            value = getattr(chosen, name)
            text = re.sub(rf"(?m)^(  {name}: )[0-9.]+$", rf"\g<1>{value:.2f}", text)
        THRESHOLDS_FILE.write_text(text, encoding="utf-8")
        print(f"written to {THRESHOLDS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
