"""How a word is written, folded so that its variants compare equal: case, accents, British
spelling and the regular inflections.

The catalogue (terminology/text.py: names compared across HPO and ICD-10-CM), the search
(search/query.py and search/spelling.py: what a reader typed against the catalogue's words) and
the triage (triage/reading.py: what a reader typed against the rules' words) all read words
through this module, so "Diarrhoea", "diarrhœa" and "diarrhea" are one word to each of them.
What differs between them stays with them, each with its reason: the catalogue drops qualifiers
("NOS", sides), the search keeps a typed word unless the catalogue has its American form, the
triage keeps apostrophes and clause punctuation and has its own stemmer ("fitting" is a seizure,
not "fit").

The British → American table is data (``spelling.yaml``): whole words, then regular rules, each
with examples that tests/language/test_spelling.py checks.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

import yaml

_WORD = re.compile(r"[a-z0-9]+")

MIN_LENGTH = 4  # shorter words are left as they are: none of them is a British spelling


# Letters that Unicode does not decompose but English writes as two: "fœtus", "anæmia".
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def fold_case(text: str) -> str:
    """Lower case (``casefold``) without accents; punctuation and spacing untouched.

    "Café  Naïve!" → "cafe  naive!", "Straße" → "strasse", "ﬁbre" → "fibre", "Œdema" → "oedema".
    """
    text = unicodedata.normalize("NFKD", text.casefold().translate(_LIGATURES))
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces, whitespace collapsed."""
    return " ".join(_WORD.findall(fold_case(text)))


@dataclass(frozen=True)
class SpellingRule:
    """One regular British spelling: ``pattern`` in a word becomes ``american``."""

    pattern: re.Pattern[str]
    american: str
    keep: tuple[str, ...]  # ordinary words the pattern occurs in, left alone
    examples: Mapping[str, str]  # British word → American word, checked by the tests


@dataclass(frozen=True)
class SpellingTable:
    words: Mapping[str, str]  # whole words, looked up first
    rules: tuple[SpellingRule, ...]  # applied in order
    any_rule: re.Pattern[str]  # every rule's pattern at once: most words match none


@cache
def spelling_table() -> SpellingTable:
    """The table in ``spelling.yaml``, read and compiled once per process."""
    text = (
        importlib.resources.files(__package__).joinpath("spelling.yaml").read_text(encoding="utf-8")
    )
    data = yaml.safe_load(text)
    rules = tuple(
        SpellingRule(
            pattern=re.compile(str(raw["pattern"])),
            american=str(raw["american"]),
            keep=tuple(str(w) for w in raw.get("keep") or ()),
            examples={str(k): str(v) for k, v in (raw.get("examples") or {}).items()},
        )
        for raw in data["rules"]
    )
    return SpellingTable(
        words={str(k): str(v) for k, v in data["words"].items()},
        rules=rules,
        any_rule=re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in rules)),
    )


@lru_cache(maxsize=65_536)  # bounded: the triage and the search pass readers' words
def us_spelling(word: str) -> str:
    """The American spelling of one folded word ("haemorrhage" → "hemorrhage"), else the word.

    Ordinary words that only look British stay as they are: "four", "hour", "does", "shoes",
    "poem", "canoe", "aerobic", "bruised", "advised".
    """
    if len(word) < MIN_LENGTH:
        return word
    table = spelling_table()
    whole = table.words.get(word)
    if whole is not None:
        return whole
    if not table.any_rule.search(word):
        return word
    for rule in table.rules:
        if rule.pattern.search(word) and not _kept(word, rule.keep):
            word = rule.pattern.sub(rule.american, word)
    return word


# Endings a keep word may carry besides the regular inflections ("exerciser", "devourer",
# "colourful" is British and has no keep word).
_KEEP_ENDINGS = (
    "s",
    "es",
    "ed",
    "ing",
    "er",
    "ers",
    "ful",
    "less",
    "al",
    "able",
    "ation",
    "ations",
)


def _kept(word: str, keep: tuple[str, ...]) -> bool:
    """Whether ``word`` is one of ``keep``, with or without a prefix, an inflection or an ending:
    "immunocompromised" ends with "compromise" once "-d" is taken off."""
    if not keep:
        return False
    forms = {word, *base_forms(word)}
    for ending in _KEEP_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            forms.update((stem, stem + "e"))
    return any(form.endswith(k) for form in forms for k in keep)


def singular(word: str) -> str:
    """A light plural folding (cramps → cramp, ovaries → ovary). Both sides of a comparison are
    folded alike, so an odd stem ("diabete") does no harm."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s"):
        return word[:-1]
    return word


# Regular English inflections and derivations, as (suffix, what replaces it): a word ending so
# may be an inflection of what is left ("aches" → "ache", "itches" → "itch", "aching" → "ache",
# "throbbing" → "throb", "feverish" → "fever", "dizziness" → "dizzy").
_SUFFIXES = (
    ("ies", "y"),
    ("es", ""),
    ("s", ""),
    ("ied", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ish", ""),
    ("ness", ""),
    ("iness", "y"),
    ("ly", ""),
)
MIN_BASE_LENGTH = 3


def base_forms(word: str) -> list[str]:
    """The words ``word`` may be an inflection of, by the regular rules above; several
    candidates, for the caller to look up in its vocabulary."""
    forms = []
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix):
            base = word[: -len(suffix)] + replacement
            if len(base) >= MIN_BASE_LENGTH:
                forms.append(base)
                # "throbbing" → "throbb" → "throb": the doubled consonant.
                if not replacement and len(base) > MIN_BASE_LENGTH and base[-1] == base[-2]:
                    forms.append(base[:-1])
    return forms
