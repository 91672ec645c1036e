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

from .learned_words import load_words, words_features
from .locale import LocaleNumbers, numbers_for
from .reading import Document
from .ruleset import LEVELS, Firing, Reading, Rule, RuleSet, load_ruleset
from .semantic import Finding, detector

__all__ = ["LEVELS", "Rule", "RuleSet", "TriageResult", "load_rules", "triage"]


# Said when a bank group's family has no rule of its own yet (a test requires one for each): the
# plain instruction of NHS "when to call 999" and "get help from 111", without a diagnosis.
_PLAIN_MESSAGES = {
    "emergency": "This could be a medical emergency. Call {emergency_number} now.",
    "urgent": (
        "This should be checked by a doctor today: {urgent_help}. Call {emergency_number} if it "
        "gets worse quickly."
    ),
}


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
    # Why this level, when the two detectors disagreed (empty when they agree or none fired).
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The ``triage`` object of the Search API (DESIGN.md), plus the numbers and rule ids."""
        return asdict(self)


def load_rules() -> RuleSet:
    """The packaged rule set, read and checked once per process."""
    return load_ruleset()


def triage(text: str, *, locale: str = "US", semantic: bool = True) -> TriageResult:
    """Classify ``text`` as emergency, urgent, routine, self_care, or nothing (level None).

    Two detectors read the text: the rules (words, context, quantities) and, unless
    ``semantic`` is False or the sentence model is missing, the semantic detector
    (meaning, compared with example presentations, and two learned readings: of the
    sentence vectors, and of the words the rules read). The more urgent verdict wins.
    """
    numbers = numbers_for(locale)
    rules = load_rules()
    doc, reading = rules.read_text(text or "")
    firings = reading.firings
    rules_level = reading.level
    # Nothing outranks an emergency: the model's time is only spent where it can change the level.
    asked = semantic and rules_level != "emergency"
    finding = _semantic_finding(text, doc, reading) if asked else None
    if finding is not None and _outranks(finding.group.level, rules_level):
        return _semantic_verdict(finding, firings, rules, doc, numbers)
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


def _semantic_finding(text: str, doc: Document, reading: Reading) -> Finding | None:
    found = detector()
    if found is None or not text.strip():
        return None
    # The words reading reads what the rules have read (no second analysis of the text).
    words = load_words()
    heard = (
        words.probabilities(words_features(doc, reading.context, reading.concepts))
        if words is not None
        else None
    )
    return found.detect(text, defer_to=reading.families_read, words=heard)


def _outranks(level: str, other: str | None) -> bool:
    return other is None or LEVELS.index(level) < LEVELS.index(other)


def _semantic_verdict(
    finding: Finding,
    firings: list[Firing],
    rules: RuleSet,
    doc: Document,
    numbers: LocaleNumbers,
) -> TriageResult:
    """The semantic detector's level, with the message its family's rule gives at that level."""
    group = finding.group
    rule = rules.rule_for(group.family, group.level)
    message = rule.message if rule is not None else _PLAIN_MESSAGES[group.level]
    family = group.family.replace("_", " ")
    if finding.learned:
        # A learned reading judged the level only (semantic.learned_group).
        kind = "an emergency" if group.level == "emergency" else "something to be seen today"
        told = "The words you used read" if finding.reading == "words" else "What you wrote reads"
        why = (
            f"{told} like {kind}, though it is not close enough to one of our examples to say which"
        )
    else:
        why = f"What you wrote is close to how people describe {family}"
    if firings:
        why += f"; the word rules alone said {firings[0].rule.level.replace('_', ' ')}"
    why += ". When two readings differ, we give the more urgent one."
    guidance = [{"title": s.title, "url": s.url} for s in group.sources]
    seen = {s["url"] for s in guidance}
    fired = [*([rule] if rule is not None else []), *(f.rule for f in firings)]
    return _verdict(
        group.level,
        message.format(**numbers.placeholders()),
        numbers,
        matched=[finding.segment, *_matched_phrases(doc, firings)],
        rule_ids=[f"{finding.reading}:{group.id}", *(r.id for r in fired)],
        sources=guidance + [s for s in _sources(fired) if s["url"] not in seen],
        why=why,
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
            seen.setdefault(source.url, {"title": source.title, "url": source.url})
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
