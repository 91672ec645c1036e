"""Which part of an article a heading opens, judged by its words.

Clinicians phrase the same section many ways ("How to Stop X", "Ways to Ease X",
"Relieving X"); every reader's headings go through `classify_heading`, so adding a
phrasing here teaches all three formats at once.
"""

from __future__ import annotations

import re
from typing import Literal

SectionKind = Literal[
    "summary",
    "causes",
    "relief",
    "prevention",
    "professional",
    "red_flags",
    "conclusion",
    "disclaimer",
    "sources",
    "author",
]

_RELIEF_VERBS = (
    r"stop|relieve|ease|treat|soothe|calm|manage|get rid of|handle|deal with|cure|settle"
)

# Checked in order; the first match wins. Professional treatment comes before red flags
# so "When to see a professional" is treatment while "When to see a doctor" is red flags;
# causes come before prevention and relief so "Causes and prevention" opens the causes.
_PATTERNS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    (
        "author",
        re.compile(
            r"^(about (the|this) (author|writer|expert)|(the )?author|written by|"
            r"meet the (author|expert))$"
        ),
    ),
    (
        "sources",
        re.compile(
            r"^(sources?|references?|further reading|bibliography|citations|"
            r"useful links|resources|more information)$"
        ),
    ),
    ("disclaimer", re.compile(r"^(medical |important )?disclaimer$")),
    (
        "conclusion",
        re.compile(
            r"^(conclusion|in conclusion|summary|in summary|(the )?bottom line|"
            r"final (thoughts|word)|(key )?takeaways?|outlook|wrapping up)$"
        ),
    ),
    (
        "professional",
        re.compile(
            r"^((professional|medical|clinical|specialist)( \w+)? "
            r"(treatments?|help|care|options)|treatment options|"
            r"(when to see|seeing) a (professional|specialist|therapist|physiotherapist)|"
            r"treatments? (from|by) (a|your) (doctor|gp|professional|clinician)|"
            r"how (doctors|a doctor|clinicians|a professional) (can )?(treat|help))\b"
        ),
    ),
    (
        "red_flags",
        re.compile(
            r"^(when to (see|call|contact|visit|seek|get|talk to|phone)\b|"
            r"see (a|your) (doctor|gp|nurse|clinician)|"
            r"seek (medical|urgent|emergency) (help|care|attention|advice)|"
            r"get (medical|urgent|emergency) help|red flags?|warning signs|danger signs|"
            r"when (is|are|should) .*(serious|emergency|worry|worrying)|call 911)"
        ),
    ),
    (
        "causes",
        re.compile(
            r"^(what (causes|can cause|triggers)|causes?\b|(common|possible|main|typical|"
            r"usual) (causes|triggers)|why (do|does|am|is|are)\b|triggers|risk factors)"
            r"|\bcauses$"
        ),
    ),
    (
        "prevention",
        re.compile(
            r"\bprevent(ing|ion|ative)?\b|^(avoiding|(reducing|lowering) (the|your) risk|"
            r"lifestyle (changes|tips))\b|\bremedies$|\bcoming back\b"
        ),
    ),
    (
        "relief",
        re.compile(
            rf"^(how (to|do i|can i|do you) ({_RELIEF_VERBS})|ways to ({_RELIEF_VERBS})|"
            r"(relieving|easing|soothing|stopping|treating|calming)\b|"
            r"(immediate|quick|fast|home|instant) relief|relief\b|home (treatment|care)|"
            r"self[- ]care|what (to do|you can do)\b|(first|immediate) (aid|steps))"
            r"|\brelief$"
        ),
    ),
    (
        "summary",
        re.compile(
            r"^(overview|introduction|background|signs and symptoms|symptoms|"
            r"what (is|are) (a |an )?\w)"
        ),
    ),
)

# Site furniture that some pages print above the article ("Symptom Database" in the seed).
_LABELS = frozenset({"symptom database"})


def _key(text: str) -> str:
    """Lower case, without list numbering ("2. ") or closing punctuation ("?", ":")."""
    text = re.sub(r"^\s*(\d{1,2}[.)]|step \d+:?)\s+", "", text.lower())
    return re.sub(r"[\s?:.!]+$", "", text).strip()


def classify_heading(text: str) -> SectionKind | None:
    """The section a heading opens, or None for a heading that is not a known section
    (a relief method's name, a subsection, or a section this importer does not know)."""
    key = _key(text)
    for kind, pattern in _PATTERNS:
        if pattern.search(key):
            return kind
    return None


def is_label(text: str) -> bool:
    return _key(text) in _LABELS
