"""How well triage separates emergencies from the rest, on labelled queries.

    .venv/bin/python benchmarks/triage_quality.py [--file PATH]

Each line of the file is ``{"id", "query", "expect": "emergency" | "not_emergency"}``.
Prints sensitivity (emergencies given level "emergency"), specificity (the others not given it),
the counts, and every miss with the level and rules it got. Always exits 0: this measures, the
tests assert.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared/eval/dev_triage.jsonl"

try:
    from symptomdb.triage import triage
except ImportError:  # not installed yet: run from the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from symptomdb.triage import triage


@dataclass(frozen=True)
class Outcome:
    id: str
    query: str
    expect: str
    level: str | None
    rule_ids: list[str]

    @property
    def flagged(self) -> bool:
        return self.level == "emergency"

    @property
    def correct(self) -> bool:
        return self.flagged == (self.expect == "emergency")


def evaluate(path: Path, locale: str) -> list[Outcome]:
    outcomes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        result = triage(case["query"], locale=locale)
        outcomes.append(
            Outcome(case["id"], case["query"], case["expect"], result.level, result.rule_ids)
        )
    return outcomes


def _rate(hits: int, total: int) -> str:
    return f"{hits / total:.1%} ({hits}/{total})" if total else "n/a (0 cases)"


def report(outcomes: list[Outcome]) -> str:
    emergencies = [o for o in outcomes if o.expect == "emergency"]
    others = [o for o in outcomes if o.expect != "emergency"]
    lines = [
        f"cases:       {len(outcomes)} ({len(emergencies)} emergency, {len(others)} not)",
        f"sensitivity: {_rate(sum(o.flagged for o in emergencies), len(emergencies))}",
        f"specificity: {_rate(sum(not o.flagged for o in others), len(others))}",
    ]
    misses = [o for o in outcomes if not o.correct]
    lines.append(f"misses:      {len(misses)}")
    for o in misses:
        kind = "missed emergency" if o.expect == "emergency" else "false emergency"
        rules = ", ".join(o.rule_ids) or "no rule"
        lines.append(f"  {o.id} {kind}: {o.query!r} -> level {o.level} ({rules})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="labelled JSONL file")
    parser.add_argument("--locale", default="US", help="country for the messages (default US)")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"No labelled file at {args.file}; pass one with --file.")
        return 0
    print(report(evaluate(args.file, args.locale)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
