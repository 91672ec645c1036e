"""Which symptom an article is about, read from its headings and title.

"What Causes Muscle Spasms?" → "muscle spasms"; "Heartburn: causes and relief" →
"heartburn". The loader matches this name against the terminology catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_VERBS = (
    r"stop|relieve|ease|treat|prevent|soothe|calm|manage|get rid of|handle|deal with|cure|"
    r"avoid|settle|beat"
)

# Each pattern captures the symptom in its "symptom" group.
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^what (?:causes|can cause|triggers) (?P<symptom>.+)$"),
    re.compile(r"^(?:common |possible |main )?(?:causes|triggers) of (?P<symptom>.+)$"),
    re.compile(
        rf"^(?:how (?:to|do i|can i|do you) |ways to |tips to )(?:{_VERBS}) (?P<symptom>.+)$"
    ),
    re.compile(
        r"^why (?:do i|do you|does|do|am i|is|are) (?:get |have |getting |having )?(?P<symptom>.+)$"
    ),
    re.compile(
        r"^(?:understanding|all about|dealing with|living with|preventing|relieving|treating|"
        r"managing|easing|soothing|stopping|avoiding) (?P<symptom>.+)$"
    ),
    re.compile(
        r"^(?:when to see a doctor|when to get help|seeing a doctor) (?:about|for) "
        r"(?P<symptom>.+)$"
    ),
    # "Heartburn: causes and relief", "Leg cramps — what helps", "Sore throat: common causes"
    re.compile(
        r"^(?P<symptom>[^:—–|]+?)\s*(?::|—|–|\s-\s|\|)\s*(?=.*\b(?:causes|symptoms|relief|"
        r"treatments?|prevention|remedies|what|how|why|when|everything|guide|overview|basics|"
        r"explained|helps?)\b).*$"
    ),
    # "Muscle Spasm Remedies", "Heartburn relief", "Hiccup causes"
    re.compile(
        r"^(?P<symptom>.+?) (?:home )?(?:remedies|relief|causes|explained|treatment|prevention)$"
    ),
)

# A clause that follows the symptom in a longer question: "… and how to treat them".
_TAIL_CLAUSE = re.compile(
    r"\s*(?:,|\band\b|\bor\b|\bplus\b)\s*(?:how|what|when|why|ways|tips|the best)\b.*$"
)
_TAIL_WORDS = re.compile(
    r"\s+(?:fast|quickly|naturally|effectively|now|at home|for good|right away|"
    r"immediately|in adults|in children|yourself|happen|occur)$"
)
_LEADING_WORDS = re.compile(r"^(?:a|an|the|your|my|our|their|those|these)\s+")
# Words that fill a pattern's slot without naming a symptom ("Common causes", "How to stop it").
_NOT_SYMPTOMS = frozenset(
    {
        "them", "it", "this", "these", "those", "they", "that", "one", "symptoms", "common",
        "possible", "main", "typical", "usual", "other", "some", "key", "known", "most common",
        "professional", "medical", "home", "immediate", "quick", "natural", "instant", "fast",
    }
)  # fmt: skip


def _clean(candidate: str) -> str:
    text = _TAIL_CLAUSE.sub("", candidate)
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)  # "Heartburn (acid reflux)"
    text = text.strip(" ?.!:;,\"'“”‘’…")
    while True:
        shorter = _LEADING_WORDS.sub("", _TAIL_WORDS.sub("", text)).strip()
        if shorter == text:
            return text
        text = shorter


def symptom_from_heading(text: str) -> str:
    """The symptom a title or heading names, or "" if it names none ("Common causes")."""
    key = re.sub(r"\s+", " ", text.lower()).strip().rstrip("?.!:")
    for pattern in _PATTERNS:
        match = pattern.match(key)
        if match:
            symptom = _clean(match.group("symptom"))
            if (
                symptom
                and symptom not in _NOT_SYMPTOMS
                and len(symptom.split()) <= 6
                and not re.search(r"[:,;|—–]", symptom)
                # "Lifestyle and home remedies" names no symptom.
                and not re.search(r"\b(and|or|with|of|lifestyle)$", symptom)
            ):
                return symptom
    return ""


def derive_symptom(title: str, headings: Iterable[str]) -> str:
    """Prefer the section headings (short and regular: "What Causes Muscle Spasms?") in the
    given order, then the title; a title that names no pattern is itself the symptom."""
    for text in [*headings, title]:
        symptom = symptom_from_heading(text)
        if symptom:
            return symptom
    return _clean(re.sub(r"\s+", " ", title.lower()).strip())
