"""Emergency triage of what a reader typed: "call 911 now" before any search result.

    >>> triage("crushing chest pain going down my left arm").level
    'emergency'

Pure Python, no Django and no database: the search page, the API and the CLI all call
``triage()``. The clinical content is data (``rules.yaml``, with a source for every rule); the
reading of lay phrasing (reading.py, speller.py, terms.py), context (context.py) and
measurements (quantities.py) are each a module of their own, with their word lists in data files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .locale import LocaleNumbers, numbers_for
from .reading import Document, analyse
from .ruleset import LEVELS, Firing, Rule, RuleSet, load_ruleset

__all__ = ["LEVELS", "Rule", "RuleSet", "TriageResult", "load_rules", "triage"]


@dataclass(frozen=True)
class TriageResult:
    """The verdict for one text. ``level`` is None when nothing matched.

    ``safety_net`` is never empty: whatever the level, the reader is told when to get help.
    ``sources`` are the guidance pages behind the rules that fired, most urgent first.
    """

    level: str | None
    message: str
    safety_net: str
    matched: list[str] = field(default_factory=list)
    rule_ids: list[str] = field(default_factory=list)
    sources: list[dict[str, str]] = field(default_factory=list)
    emergency_number: str = "112"
    crisis_line: str | None = None
    country: str = ""

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
        return _verdict(None, "", numbers)
    top = firings[0].rule
    return _verdict(
        top.level,
        top.message.format(**numbers.placeholders()),
        numbers,
        matched=_matched_phrases(doc, firings),
        rule_ids=[f.rule.id for f in firings],
        sources=_sources([f.rule for f in firings]),
    )


def _verdict(level: str | None, message: str, numbers: LocaleNumbers, **found: Any) -> TriageResult:
    return TriageResult(
        level=level,
        message=message,
        safety_net=numbers.safety_net,
        emergency_number=numbers.emergency_number,
        crisis_line=numbers.crisis_line,
        country=numbers.country,
        **found,
    )


def _sources(rules: list[Rule]) -> list[dict[str, str]]:
    """The guidance behind ``rules``, once each, in the rules' order."""
    seen: dict[str, dict[str, str]] = {}
    for rule in rules:
        for source in rule.sources:
            seen.setdefault(source.url, {"title": source.name, "url": source.url})
    return list(seen.values())


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
