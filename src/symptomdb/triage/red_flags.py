"""When to get help, for a symptom page: the rule families that concern a symptom, by its codes.

Each family in rules.yaml names the symptoms it concerns (``concerns:``, HPO and ICD-10-CM codes)
and says in one line for readers when its guidance sends them to the emergency number or to
same-day help (``red_flags:``, read by families.py). The symptom page, the API and the triage read
the same file, so a page never says less than the triage would: one source of truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .families import FamilyFlag, Source
from .locale import numbers_for
from .ruleset import LEVELS, load_ruleset

# What a reader is told to do, by level; the family's line completes the sentence.
_LEADS = {
    "emergency": "Call {emergency_number} now if",
    "urgent": "Get help today ({urgent_help}) if",
}


@dataclass(frozen=True)
class RedFlag:
    """A red flag as a page shows it: "Call 911 now if the face droops …", with its guidance."""

    family: str
    level: str
    text: str
    # The family's own words, without the lead: what a card headed "Call 911 now if:" lists.
    when: str
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "family": self.family,
            "level": self.level,
            "text": self.text,
            "sources": [{"title": s.title, "url": s.url} for s in self.sources],
        }


def concerned_codes() -> dict[tuple[str, str], tuple[str, ...]]:
    """Every (system, code) a family names, with the families naming it (for start-up checks)."""
    found: dict[tuple[str, str], list[str]] = {}
    for code, flags in load_ruleset().red_flags.items():
        found[code] = sorted({f.family for f in flags})
    return {code: tuple(families) for code, families in found.items()}


def red_flags_for(codes: Iterable[tuple[str, str]], *, locale: str = "US") -> list[RedFlag]:
    """The red flags for a symptom with these (system, code) pairs: most urgent first, each
    family's line once, in the reader's words with the numbers of their country."""
    numbers = numbers_for(locale).placeholders()
    table = load_ruleset().red_flags
    seen: set[tuple[str, str]] = set()
    flags: list[FamilyFlag] = []
    for code in codes:
        for flag in table.get(code, ()):
            if (flag.family, flag.when) not in seen:
                seen.add((flag.family, flag.when))
                flags.append(flag)
    flags.sort(key=lambda f: LEVELS.index(f.level))
    return [
        RedFlag(
            family=f.family,
            level=f.level,
            text=f"{_LEADS[f.level].format(**numbers)} {f.when}.",
            when=f.when,
            sources=f.sources,
        )
        for f in flags
    ]
