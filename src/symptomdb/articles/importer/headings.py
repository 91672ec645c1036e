"""Which part of an article a heading opens, judged by its words.

Clinicians and publishers phrase the same section many ways ("How to Stop X", "Things
you can try", "Speak to a GP if"); the synonym sets live in `sections.yaml`, and every
reader's headings go through `classify_heading`, so adding a phrasing there teaches all
three formats at once. A heading no set names may still be recognised by meaning: the
caller can pass a `HeadingFallback` (the loader's uses the sentence model).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, cast

from .model import Urgency
from .vocabulary import vocabulary

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

# Given a heading no synonym set names, the kind it most likely opens, or None.
HeadingFallback = Callable[[str], SectionKind | None]

# Site furniture that some pages print above the article ("Symptom Database" in the seed).
_LABELS = frozenset({"symptom database"})


def heading_key(text: str) -> str:
    """Lower case, without list numbering ("2. ") or closing punctuation ("?", ":")."""
    text = re.sub(r"^\s*(\d{1,2}[.)]|step \d+:?)\s+", "", text.lower())
    text = text.replace("’", "'")
    return re.sub(r"[\s?:.!]+$", "", text).strip()


def classify_heading(text: str) -> SectionKind | None:
    """The section a heading opens, or None for a heading that is not a known section
    (a relief method's name, a subsection, or a section this importer does not know)."""
    if care_prefix(text)[0]:
        return "red_flags"
    key = heading_key(text)
    for kind, patterns in vocabulary().sections:
        if any(p.search(key) for p in patterns):
            return cast(SectionKind, kind)
    return None


def care_prefix(text: str) -> tuple[Urgency | None, str]:
    """("urgent", "Call 111 if:") from "Urgent advice: Call 111 if:"; (None, text) when the
    text does not open with a care card's prefix."""
    lowered = text.strip().lower()
    for prefix, urgency in vocabulary().care_prefixes.items():
        if lowered.startswith(prefix):
            rest = text.strip()[len(prefix) :].lstrip(" :—–-").strip()
            return urgency, rest
    return None, text


def is_label(text: str) -> bool:
    return heading_key(text) in _LABELS
