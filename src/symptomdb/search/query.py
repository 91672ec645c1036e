"""What a reader's query says, word by word, before anything is looked up.

"I've had really bad haedache since yesterday" → content words ["headache"]
(filler dropped, typo corrected), the corrected sentence for the embedding
model, and the clinical words the lay vocabulary adds ("tummy" → "abdominal").
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

import yaml

from symptomdb.language.spelling import fold, us_spelling

# The framing of a complaint rather than its content: pronouns, auxiliaries,
# intensifiers and times ("I have", "really bad", "my", "since yesterday").
# Words that can name a symptom ("sick", "night", "cold", "hot") are not here.
FILLER = frozenset(
    """
    a about actually again all almost also always am an and any anything are as at
    awful bad badly be been before being bit but by can cant could did do does doing
    dont during every feel feeling feels felt for from get gets getting go going got
    had has have having he her hers him his how i id ill im in into is it its ive just
    keep keeps kind kinda last lately like little lot lots me mine more most much my
    myself need no not now of off on once or our past pretty quite really recently
    same she should since so some something sometimes sort still such terrible than
    that the their them then there these they thing think this those though through
    to today too very was we week weeks were what when which while who why will with
    worse would yesterday yet you your day days month months year years ago
    alot lately constantly constant keep
    """.split()  # noqa: SIM905 - a word list reads better as prose than as 160 quoted strings
)

_APOSTROPHE = re.compile(r"[’'`]")


@dataclass(frozen=True)
class LayVocabulary:
    words: dict[str, list[str]] = field(default_factory=dict)
    phrases: dict[str, list[str]] = field(default_factory=dict)


@cache
def lay_vocabulary() -> LayVocabulary:
    text = (
        importlib.resources.files("symptomdb.search")
        .joinpath("data/lay_terms.yaml")
        .read_text(encoding="utf-8")
    )
    data = yaml.safe_load(text) or {}
    return LayVocabulary(
        words={str(k): [str(v) for v in vs] for k, vs in (data.get("words") or {}).items()},
        phrases={str(k): [str(v) for v in vs] for k, vs in (data.get("phrases") or {}).items()},
    )


class Corrects(Protocol):
    """What reads each typed word (search.spelling.Speller; a clause's Remembered)."""

    def correct(self, word: str) -> str: ...

    def us(self, word: str) -> str: ...


@dataclass(frozen=True)
class Remembered:
    """The corrections already made to the whole query, applied to a piece of it (a
    clause, search/clauses.py): its words read as they were in the whole, without asking
    the speller again."""

    corrections: dict[str, str]

    def correct(self, word: str) -> str:
        return self.corrections.get(word, word)

    def us(self, word: str) -> str:
        return self.corrections.get(word, word)


@dataclass(frozen=True)
class Analysed:
    text: str  # the cleaned query as typed
    words: list[str]  # every word, folded, corrected
    content: list[str]  # the words that carry meaning, corrected
    expansions: list[str]  # clinical words the lay vocabulary adds
    corrected_text: str  # the query with its corrections, for the embedding model
    corrections: dict[str, str]  # typed word → corrected word
    typed: list[str] = field(default_factory=list)  # every word, folded, as typed

    @property
    def changed(self) -> bool:
        return bool(self.corrections)

    @property
    def typo_corrected(self) -> str:
        """The query as the search read it when it corrected a typo ("headache" for
        "haedache"); "" when it corrected none. A British spelling read the American way
        is no typo, and is not announced."""
        typos = {w: f for w, f in self.corrections.items() if us_spelling(w) != f}
        return " ".join(typos.get(w, w) for w in self.typed) if typos else ""

    @property
    def model_text(self) -> str:
        """The query as corrected, with the clinical words its lay words stand for
        ("tummy ache (abdominal pain)"): closer to the catalogue's wording."""
        if not self.expansions:
            return self.corrected_text
        return f"{self.corrected_text} ({' '.join(self.expansions)})"


def analyse(text: str, speller: Corrects, *, correct: bool = True) -> Analysed:
    """The query's words; with `correct` off (the reader's "Search instead for …"),
    typos are kept as typed, and only British spellings are read the American way."""
    folded = fold(_APOSTROPHE.sub("", text))
    typed = folded.split()
    corrections: dict[str, str] = {}
    words = []
    for word in typed:
        fixed = word if word in FILLER else speller.correct(word) if correct else speller.us(word)
        if fixed != word:
            corrections[word] = fixed
        words.append(fixed)
    content = [w for w in words if w not in FILLER]

    lay = lay_vocabulary()
    expansions: list[str] = []
    joined = f" {' '.join(words)} "
    for phrase, clinical in lay.phrases.items():
        if f" {phrase} " in joined:
            expansions.extend(clinical)
    for word in content:
        expansions.extend(lay.words.get(word, []))
    expansions = [w for w in dict.fromkeys(expansions) if w not in content]

    corrected_text = text
    if corrections:
        corrected_text = " ".join(words)
    return Analysed(
        text=text,
        words=words,
        content=content,
        expansions=expansions,
        corrected_text=corrected_text,
        corrections=corrections,
        typed=typed,
    )
