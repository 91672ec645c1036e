"""How well triage sorts emergencies, same-day cases and look-alikes, on labelled sets.

    .venv/bin/python benchmarks/triage_quality.py                      # benchmarks/data, both
    .venv/bin/python benchmarks/triage_quality.py --file other.jsonl   # repeatable
    .venv/bin/python benchmarks/triage_quality.py --locale GB --rules-only --json

By default it reads every set in DEFAULT_FILES below (benchmarks/data/triage_*.jsonl, written
for issue 10 from public guidance by writers who never saw the rules; see
benchmarks/data/README.md).
Each line is ``{"id", "text", "expect": "emergency" | "urgent" | "not_urgent", "family", "kind",
"split": "tune" | "held_out", "source"}``. The older ``{"id", "query", "expect": "emergency" |
"not_emergency"}`` lines are read too: ``query`` is the text, ``not_emergency`` is not urgent and,
with no split, every case is in split "all".

For each file and split (tune, held_out, all) it prints the number of cases; emergencies called
emergency; emergency-or-urgent cases given at least "urgent" (level emergency or urgent);
look-alikes (cases expected not urgent) called emergency; look-alikes given at least "urgent";
a table by family; then every miss — an emergency not called emergency, an urgent case given
less than urgent, a look-alike given emergency or urgent — with the level and rules it got.
It also prints the mean and p99 time of one triage call (after one warm-up call, not counted).

--rules-only calls ``triage(text, locale=..., semantic=False)``; where the keyword is not there
yet it says so in one line and makes the plain call. --json prints the same figures as JSON.
Always exits 0: this measures, the tests assert.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

try:
    from symptomdb.triage import triage
except ImportError:  # not installed yet: run from the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from symptomdb.triage import triage

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_FILES = [
    DATA / "triage_sentences.jsonl",
    DATA / "triage_stories.jsonl",
    DATA / "triage_vignettes.jsonl",
    DATA / "triage_everyday.jsonl",
    DATA / "triage_fresh.jsonl",
    DATA / "triage_plain.jsonl",
    DATA / "triage_american.jsonl",
    DATA / "triage_searchbox.jsonl",
    DATA / "triage_ages.jsonl",
    DATA / "triage_chat.jsonl",
    DATA / "triage_cases.jsonl",
    DATA / "triage_shorthand.jsonl",
    DATA / "triage_voice.jsonl",
    DATA / "triage_ownwords.jsonl",
    DATA / "triage_clinic.jsonl",
    DATA / "triage_asides.jsonl",
    DATA / "triage_carers.jsonl",
    DATA / "triage_lists.jsonl",
    DATA / "triage_learners.jsonl",
    DATA / "triage_relayed.jsonl",
    DATA / "triage_downplayed.jsonl",
    DATA / "triage_older.jsonl",
    DATA / "triage_questions.jsonl",
    DATA / "triage_buried.jsonl",
    DATA / "triage_places.jsonl",
    DATA / "triage_timecourse.jsonl",
    DATA / "triage_conditions.jsonl",
    DATA / "triage_littleones.jsonl",
    DATA / "triage_pregnancy.jsonl",
    DATA / "triage_exposures.jsonl",
    DATA / "triage_bodyparts.jsonl",
    DATA / "triage_crisis.jsonl",
    DATA / "triage_infections.jsonl",
    DATA / "triage_heartlungs.jsonl",
    DATA / "triage_neuro.jsonl",
    DATA / "triage_belly.jsonl",
    DATA / "triage_schoolage.jsonl",
    DATA / "triage_injuries.jsonl",
    DATA / "triage_skin.jsonl",
    DATA / "triage_senses.jsonl",
    DATA / "triage_medicines.jsonl",
    DATA / "triage_sexualhealth.jsonl",
    DATA / "triage_afterbirth.jsonl",
    DATA / "triage_outdoors.jsonl",
    DATA / "triage_figurative.jsonl",
    DATA / "triage_carersigns.jsonl",
    DATA / "triage_sportgym.jsonl",
    DATA / "triage_cannotdo.jsonl",
    DATA / "triage_readings.jsonl",
    DATA / "triage_forums.jsonl",
    DATA / "triage_youngpeople.jsonl",
    DATA / "triage_overnight.jsonl",
    DATA / "triage_typos.jsonl",
    DATA / "triage_nearpairs.jsonl",
    DATA / "triage_travel.jsonl",
    DATA / "triage_notes.jsonl",
    DATA / "triage_dialects.jsonl",
    DATA / "triage_atypical.jsonl",
    DATA / "triage_rarer.jsonl",
    DATA / "triage_womenshealth.jsonl",
    DATA / "triage_aftercare.jsonl",
    DATA / "triage_menshealth.jsonl",
    DATA / "triage_reactions.jsonl",
    DATA / "triage_workplace.jsonl",
    DATA / "triage_seasons.jsonl",
    DATA / "triage_bleeding.jsonl",
    DATA / "triage_mixed.jsonl",
    DATA / "triage_followup.jsonl",
    DATA / "triage_skintones.jsonl",
    DATA / "triage_nightout.jsonl",
    DATA / "triage_eating.jsonl",
    DATA / "triage_waterworks.jsonl",
    DATA / "triage_mouththroat.jsonl",
    DATA / "triage_terse.jsonl",
    DATA / "triage_commonwealth.jsonl",
    DATA / "triage_worried.jsonl",
    DATA / "triage_devices.jsonl",
    DATA / "triage_cosmetic.jsonl",
    DATA / "triage_homegarden.jsonl",
    DATA / "triage_disability.jsonl",
    DATA / "triage_bystanders.jsonl",
    DATA / "triage_remedies.jsonl",
    DATA / "triage_euphemisms.jsonl",
    DATA / "triage_waiting.jsonl",
    DATA / "triage_again.jsonl",
    DATA / "triage_negatives.jsonl",
    DATA / "triage_kids.jsonl",
    DATA / "triage_pain.jsonl",
    DATA / "triage_dependence.jsonl",
    DATA / "triage_oncology.jsonl",
    DATA / "triage_slang.jsonl",
    DATA / "triage_public.jsonl",
    DATA / "triage_misnamed.jsonl",
]

EXPECTED = ("emergency", "urgent", "not_urgent")
OLD_EXPECTED = {"emergency": "emergency", "not_emergency": "not_urgent"}
AT_LEAST_URGENT = frozenset({"emergency", "urgent"})
SPLITS = ("tune", "held_out", "all")
LOOK_ALIKE = "look_alike"


class Verdict(Protocol):
    @property
    def level(self) -> str | None: ...
    @property
    def rule_ids(self) -> list[str]: ...


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    expect: str
    family: str
    kind: str
    split: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    level: str | None
    rule_ids: list[str]
    ms: float

    @property
    def called_emergency(self) -> bool:
        return self.level == "emergency"

    @property
    def at_least_urgent(self) -> bool:
        return self.level in AT_LEAST_URGENT

    @property
    def miss(self) -> str | None:
        """What went wrong, or None when the level is what the label asks for."""
        expect = self.case.expect
        if expect == "emergency" and not self.called_emergency:
            return "missed emergency"
        if expect == "urgent" and not self.at_least_urgent:
            return "under-triaged urgent"
        if expect == "not_urgent" and self.called_emergency:
            return "false emergency"
        if expect == "not_urgent" and self.at_least_urgent:
            return "false urgent"
        return None


@dataclass(frozen=True)
class Rate:
    hits: int
    total: int

    def __str__(self) -> str:
        if not self.total:
            return "n/a (0/0)"
        return f"{self.hits / self.total:.1%} ({self.hits}/{self.total})"

    def as_json(self) -> dict[str, Any]:
        return {
            "hits": self.hits,
            "total": self.total,
            "rate": round(self.hits / self.total, 4) if self.total else None,
        }


def _rate(outcomes: Iterable[Outcome], test: Callable[[Outcome], bool]) -> Rate:
    chosen = list(outcomes)
    return Rate(sum(test(o) for o in chosen), len(chosen))


@dataclass(frozen=True)
class FamilyRow:
    family: str
    n: int
    expected: str  # e.g. "6E 3U"
    called_emergency: Rate
    at_least_urgent: Rate


@dataclass(frozen=True)
class SplitReport:
    split: str
    cases: int
    emergencies_called_emergency: Rate
    serious_at_least_urgent: Rate
    look_alikes_called_emergency: Rate
    look_alikes_at_least_urgent: Rate
    families: list[FamilyRow]


@dataclass(frozen=True)
class Timing:
    calls: int
    mean_ms: float
    p99_ms: float

    @classmethod
    def of(cls, outcomes: list[Outcome]) -> Timing:
        times = sorted(o.ms for o in outcomes)
        if not times:
            return cls(0, 0.0, 0.0)
        p99 = times[max(0, math.ceil(0.99 * len(times)) - 1)]  # nearest rank
        return cls(len(times), sum(times) / len(times), p99)

    def __str__(self) -> str:
        return f"mean {self.mean_ms:.2f} ms, p99 {self.p99_ms:.2f} ms over {self.calls} calls"


@dataclass
class FileReport:
    path: Path
    outcomes: list[Outcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def splits(self) -> list[SplitReport]:
        present = {o.case.split for o in self.outcomes}
        names = [s for s in SPLITS if s in present or s == "all"]
        return [split_report(name, self.in_split(name)) for name in names]

    def in_split(self, split: str) -> list[Outcome]:
        return [o for o in self.outcomes if split == "all" or o.case.split == split]

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.miss]


def read_cases(path: Path) -> tuple[list[Case], list[str]]:
    """Cases of a JSONL file, new format or old; unreadable lines are skipped and reported."""
    cases: list[Case] = []
    skipped: list[str] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            cases.append(_case(json.loads(line), number))
        except (ValueError, KeyError, TypeError) as error:
            skipped.append(f"line {number}: {error}")
    return cases, skipped


def _case(raw: dict[str, Any], number: int) -> Case:
    text = raw.get("text", raw.get("query"))
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text or query")
    expect = OLD_EXPECTED.get(raw["expect"], raw["expect"])
    if expect not in EXPECTED:
        raise ValueError(f"expect {expect!r} is not one of {', '.join(EXPECTED)}")
    split = raw.get("split", "all")
    if split not in SPLITS:
        raise ValueError(f"split {split!r} is not one of {', '.join(SPLITS)}")
    family = raw.get("family") or (LOOK_ALIKE if expect == "not_urgent" else "unlabelled")
    kind = raw.get("kind") or (LOOK_ALIKE if expect == "not_urgent" else "presentation")
    return Case(str(raw.get("id", f"line-{number}")), text, expect, family, kind, split)


def make_caller(locale: str, rules_only: bool) -> tuple[Callable[[str], Verdict], str | None]:
    """The triage call to measure, and a one-line note when --rules-only could not be honoured."""
    plain: Callable[..., Verdict] = triage
    if not rules_only:
        return (lambda text: plain(text, locale=locale)), None
    try:
        plain("chest pain", locale=locale, semantic=False)
    except TypeError:
        note = "--rules-only: triage() has no `semantic` keyword yet; measuring the plain call."
        return (lambda text: plain(text, locale=locale)), note
    return (lambda text: plain(text, locale=locale, semantic=False)), None


def evaluate(path: Path, call: Callable[[str], Verdict]) -> FileReport:
    report = FileReport(path)
    cases, report.skipped = read_cases(path)
    for case in cases:
        start = time.perf_counter()
        result = call(case.text)
        ms = (time.perf_counter() - start) * 1000
        report.outcomes.append(Outcome(case, result.level, list(result.rule_ids), ms))
    return report


def split_report(split: str, outcomes: list[Outcome]) -> SplitReport:
    emergencies = [o for o in outcomes if o.case.expect == "emergency"]
    serious = [o for o in outcomes if o.case.expect in AT_LEAST_URGENT]
    look_alikes = [o for o in outcomes if o.case.expect == "not_urgent"]
    return SplitReport(
        split=split,
        cases=len(outcomes),
        emergencies_called_emergency=_rate(emergencies, lambda o: o.called_emergency),
        serious_at_least_urgent=_rate(serious, lambda o: o.at_least_urgent),
        look_alikes_called_emergency=_rate(look_alikes, lambda o: o.called_emergency),
        look_alikes_at_least_urgent=_rate(look_alikes, lambda o: o.at_least_urgent),
        families=family_rows(outcomes),
    )


def family_rows(outcomes: list[Outcome]) -> list[FamilyRow]:
    by_family: dict[str, list[Outcome]] = {}
    for o in outcomes:
        by_family.setdefault(o.case.family, []).append(o)
    rows = []
    for family, items in by_family.items():
        counts = [
            f"{sum(o.case.expect == level for o in items)}{level[0].upper()}"
            for level in EXPECTED
            if any(o.case.expect == level for o in items)
        ]
        rows.append(
            FamilyRow(
                family=family,
                n=len(items),
                expected=" ".join(counts),
                called_emergency=_rate(items, lambda o: o.called_emergency),
                at_least_urgent=_rate(items, lambda o: o.at_least_urgent),
            )
        )
    return rows


def _miss_line(o: Outcome) -> str:
    rules = ", ".join(o.rule_ids) or "no rule"
    return (
        f"  {o.case.id} [{o.case.split}] {o.miss}: {o.case.text!r}\n"
        f"      expected {o.case.expect}, got {o.level} ({rules})"
    )


def report_text(files: list[FileReport], note: str | None, locale: str, rules_only: bool) -> str:
    mode = "rules only" if rules_only and not note else "full triage"
    lines = [f"triage quality — locale {locale}, {mode}"]
    if note:
        lines.append(note)
    for report in files:
        lines += ["", f"== {report.path}"]
        lines += [f"  skipped {s}" for s in report.skipped]
        for s in report.splits():
            lines += [
                "",
                f"-- split {s.split}: {s.cases} cases",
                f"emergencies called emergency:              {s.emergencies_called_emergency}",
                f"emergency or urgent given at least urgent: {s.serious_at_least_urgent}",
                f"look-alikes called emergency:              {s.look_alikes_called_emergency}",
                f"look-alikes given at least urgent:         {s.look_alikes_at_least_urgent}",
                "",
                f"  {'family':<24} {'n':>3}  {'expected':<10} {'called emergency':<20} "
                "at least urgent",
            ]
            lines += [
                f"  {r.family:<24} {r.n:>3}  {r.expected:<10} "
                f"{r.called_emergency!s:<20} {r.at_least_urgent}"
                for r in s.families
            ]
        misses = report.misses()
        lines += ["", f"misses: {len(misses)}"]
        lines += [_miss_line(o) for o in misses]
        lines += ["", f"time per triage call: {Timing.of(report.outcomes)}"]
    every = [o for report in files for o in report.outcomes]
    if len(files) > 1:
        lines += ["", f"time per triage call, all files: {Timing.of(every)}"]
    return "\n".join(lines)


def report_json(
    files: list[FileReport], note: str | None, locale: str, rules_only: bool
) -> dict[str, Any]:
    def timing(outcomes: list[Outcome]) -> dict[str, Any]:
        t = Timing.of(outcomes)
        return {"calls": t.calls, "mean_ms": round(t.mean_ms, 3), "p99_ms": round(t.p99_ms, 3)}

    def split(s: SplitReport) -> dict[str, Any]:
        return {
            "cases": s.cases,
            "emergencies_called_emergency": s.emergencies_called_emergency.as_json(),
            "emergency_or_urgent_at_least_urgent": s.serious_at_least_urgent.as_json(),
            "look_alikes_called_emergency": s.look_alikes_called_emergency.as_json(),
            "look_alikes_at_least_urgent": s.look_alikes_at_least_urgent.as_json(),
            "families": [
                {
                    "family": r.family,
                    "n": r.n,
                    "expected": r.expected,
                    "called_emergency": r.called_emergency.as_json(),
                    "at_least_urgent": r.at_least_urgent.as_json(),
                }
                for r in s.families
            ],
        }

    return {
        "locale": locale,
        "rules_only": rules_only and not note,
        "note": note,
        "files": [
            {
                "path": str(report.path),
                "skipped": report.skipped,
                "splits": {s.split: split(s) for s in report.splits()},
                "misses": [
                    {
                        "id": o.case.id,
                        "split": o.case.split,
                        "family": o.case.family,
                        "text": o.case.text,
                        "expected": o.case.expect,
                        "miss": o.miss,
                        "level": o.level,
                        "rule_ids": o.rule_ids,
                    }
                    for o in report.misses()
                ],
                "timing": timing(report.outcomes),
            }
            for report in files
        ],
        "timing": timing([o for report in files for o in report.outcomes]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--file",
        type=Path,
        action="append",
        help="labelled JSONL file (repeatable; default: both sets in benchmarks/data)",
    )
    parser.add_argument("--locale", default="US", help="country for the messages (default US)")
    parser.add_argument(
        "--rules-only", action="store_true", help="triage with semantic=False (rules alone)"
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    call, note = make_caller(args.locale, args.rules_only)
    call("warm-up: loads whatever the first call loads")  # not timed
    reports = []
    for path in args.file or DEFAULT_FILES:
        if not path.exists():
            print(f"No labelled file at {path}; pass one with --file.", file=sys.stderr)
            continue
        reports.append(evaluate(path, call))
    if args.json:
        print(json.dumps(report_json(reports, note, args.locale, args.rules_only), indent=2))
    else:
        print(report_text(reports, note, args.locale, args.rules_only))
    return 0


if __name__ == "__main__":
    sys.exit(main())
