"""Emergency triage of what a reader typed: "call 911 now" before any search result.

    >>> triage("crushing chest pain going down my left arm").level
    'emergency'

Pure Python, no Django and no database: the search page, the API and the CLI all call
``triage()``. The clinical content is data (``rules.yaml``, with a source for every rule); the
matching of lay phrasing, typos and negation is in ``matching.py``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .locale import LocaleNumbers, numbers_for
from .matching import Document, analyse
from .ruleset import LEVELS, Firing, Rule, RuleSet, load_ruleset

__all__ = ["LEVELS", "Rule", "RuleSet", "TriageResult", "load_rules", "triage"]

# Said when a message asks for a crisis line and the reader's country has none on record.
_NO_CRISIS_LINE = "a local crisis line"


@dataclass(frozen=True)
class TriageResult:
    """The verdict for one text. ``level`` is None when no rule matched."""

    level: str | None
    message: str
    matched: list[str] = field(default_factory=list)
    rule_ids: list[str] = field(default_factory=list)
    emergency_number: str = "112"
    crisis_line: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``triage`` object of the Search API (DESIGN.md), plus the numbers and rule ids."""
        return asdict(self)


def load_rules() -> RuleSet:
    """The packaged rule set, read and checked once per process."""
    return load_ruleset()


def triage(text: str, *, locale: str = "US") -> TriageResult:
    """Classify ``text`` as emergency, urgent, routine, self_care, or nothing (level None)."""
    numbers = numbers_for(locale)
    rules = load_rules()
    doc = analyse(text or "", rules.speller)
    firings = rules.evaluate(doc)
    if not firings:
        return TriageResult(
            level=None,
            message="",
            emergency_number=numbers.emergency_number,
            crisis_line=numbers.crisis_line,
        )
    top = firings[0].rule
    return TriageResult(
        level=top.level,
        message=_fill(top.message, numbers),
        matched=_matched_phrases(doc, firings),
        rule_ids=[f.rule.id for f in firings],
        emergency_number=numbers.emergency_number,
        crisis_line=numbers.crisis_line,
    )


def _fill(message: str, numbers: LocaleNumbers) -> str:
    return message.format(
        emergency_number=numbers.emergency_number,
        crisis_line=numbers.crisis_line or _NO_CRISIS_LINE,
        urgent_help=numbers.urgent_help,
    )


def _matched_phrases(doc: Document, firings: list[Firing]) -> list[str]:
    # Phrases in reading order, once each, as normalised words ("cannot breathe" for "can't
    # breathe"): they explain the verdict, they are not a highlight of the original string.
    spans = sorted({s for f in firings for s in f.spans}, key=lambda s: (s.start, -s.end))
    phrases: list[str] = []
    for span in spans:
        phrase = doc.phrase(span.start, span.end)
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases
