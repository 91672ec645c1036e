"""A symptom's everyday name, shown first on every page, result and answer; the clinical
name stays beneath it and in `name`.

From facts the catalogue already holds, never invented words:

1. the name itself, when HPO lists it as a layperson synonym ("Headache", "Vomiting");
2. else HPO's layperson synonym of EXACT scope — a related, broader or narrower one means
   something else ("Dark color of gums" is narrower than "Intra-oral hyperpigmentation") —
   the one of fewest words, then the shortest ("Mastalgia" → "Breast pain");
3. else, for a concept that only ICD-10-CM names, its title with the classification's
   wording taken off as the catalogue's mapping does (text.py): "NOS", "unspecified",
   "not elsewhere classified", the bracketed alternative; "Pain in throat" → "Throat pain";
4. else the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from symptomdb.terminology.text import CLASSIFICATION_PHRASES, key


def display_name_choose(
    name: str, synonyms: Iterable[tuple[str, str, str]], *, icd_only: bool = False
) -> str:
    """The everyday name from the symptom's (text, kind, OBO scope) synonyms."""
    lay = [(text, scope) for text, kind, scope in synonyms if kind == "layperson"]
    if any(key(text) == key(name) for text, _ in lay):
        return name
    exact = sorted(
        {text.strip() for text, scope in lay if scope == "EXACT" and text.strip()},
        key=lambda t: (len(t.split()), len(t), t.casefold()),
    )
    if exact:
        return _sentence_case(exact[0])
    if icd_only:
        return icd_title_reworded(name)
    return name


_PAIN_IN = re.compile(r"^pain in (?:the )?(?P<site>[a-z-]+(?: [a-z-]+)?)$", re.IGNORECASE)


def icd_title_reworded(title: str) -> str:
    """An ICD-10-CM title in the words a reader uses; the title itself when nothing is
    classification wording ("Other specified symptoms" stays as it is)."""
    text = CLASSIFICATION_PHRASES.sub("", title)
    text = re.sub(r"\s*\[[^\]]*\]", "", text)  # "Sleepwalking [somnambulism]"
    text = re.sub(r",?\s*\bunspecified\b", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+NOS\b", "", text)
    text = " ".join(text.split()).strip(" ,")
    if match := _PAIN_IN.match(text):
        text = f"{match.group('site')} pain"
    return _sentence_case(text) if text else title


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]
