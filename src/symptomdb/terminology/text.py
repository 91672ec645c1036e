"""Normalising symptom names so that spellings of one idea compare equal.

Used to link ICD-10-CM codes to HPO terms, to merge an article's symptom into
the catalogue, and by the search to recognise an exact name in a query. The
same deterministic folding is applied to both sides of every comparison, so a
rule that over-folds (e.g. "four" → "for") is harmless: it folds both sides.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")

# British → American spelling, as word-internal rewrites. These are the regular
# patterns of medical English (oesophagus, diarrhoea, haemorrhage, anaemia,
# tumour, paralysed, centre); HPO's own uk_spelling synonyms cover the rest.
_UK_US = [
    (re.compile(r"(?<=[a-z])oe(?=[a-z])|^oe(?=[a-z]{3})"), "e"),  # oedema, diarrhoea, dyspnoea
    (re.compile(r"(?<=[a-z])ae(?=[a-z])|^ae(?=[a-z]{3})"), "e"),  # haem-, anaemia, faeces
    (re.compile(r"(?<=[a-z]{2})our(?=s?$|ed$|ing$|ful$)"), "or"),  # colour, tumour (not four, hour)
    (re.compile(r"(?<=[a-z]{3})ys(?=e$|ed$|es$|ing$)"), "yz"),  # paralysed, analyse
    (re.compile(r"(?<=[a-z]{3})is(?=ation$|ations$|ed$|ing$)"), "iz"),  # hospitalised
    (re.compile(r"(?<=[a-z]{3})tre(?=s?$)"), "ter"),  # centre, fibre, litre
    (re.compile(r"^sulph"), "sulf"),
]
# Exceptions where the pattern is part of an ordinary word, not a British spelling.
_UK_KEEP = {"does", "goes", "toes", "shoe", "shoes", "canoe", "poem", "poet", "aerobic"}

# Words that qualify a classification entry without changing what the symptom is:
# ICD-10-CM's "unspecified", "NOS" (not otherwise specified), sides and sites.
QUALIFIERS = {
    "nos",
    "unspecified",
    "right",
    "left",
    "bilateral",
    "side",
    "sided",
    "site",
    "sites",
    "other",
    "multiple",
    "eye",
    "ear",
}
_CONNECTIVES = {"of", "in", "the", "and", "a", "an", "with", "on", "at"}


def fold(text: str) -> str:
    """Lower case, accents removed, punctuation as spaces, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text))


def us_spelling(word: str) -> str:
    if word in _UK_KEEP or len(word) < 4:
        return word
    for pattern, replacement in _UK_US:
        word = pattern.sub(replacement, word)
    return word


def singular(word: str) -> str:
    """A light plural folding (cramps → cramp, ovaries → ovary); both sides of a
    comparison are folded alike, so an odd stem ("diabete") does no harm."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ous")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s"):
        return word[:-1]
    return word


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """One folded word's key; cached, since the search keys the same few
    thousand catalogue words on every query."""
    return "" if word == "nos" else singular(us_spelling(word))


@lru_cache(maxsize=300_000)
def key(text: str) -> str:
    """The comparison key of a name: folded, American spelling, singular, without
    ICD-10-CM's "NOS" (not otherwise specified)."""
    return " ".join(k for k in map(word_key, fold(text).split()) if k)


# Classification phrases that say where a code sits, not what the symptom is.
_CLASSIFICATION_PHRASES = re.compile(
    r",? *(not elsewhere classified|in (other )?(diseases|conditions) classified elsewhere"
    r"|without diagnosis of .*|not due to a substance or known physiological condition)",
    re.IGNORECASE,
)


def name_variants(name: str) -> set[str]:
    """Keys under which a classification name may match another terminology's name.

    "Pain in right elbow" → {"pain in right elbow", "pain in elbow", "elbow pain"}:
    ICD-10-CM says "Pain in X" and "X, unspecified" where HPO says "X pain" and "X".
    """
    name = _CLASSIFICATION_PHRASES.sub(" ", name)
    base = key(re.sub(r"\[[^\]]*\]", " ", name))  # "Sleepwalking [somnambulism]"
    variants = {base}
    unparenthesised = key(re.sub(r"\([^)]*\)", " ", re.sub(r"\[[^\]]*\]", " ", name)))
    variants.add(unparenthesised)
    stripped = " ".join(w for w in unparenthesised.split() if w not in QUALIFIERS)
    stripped = re.sub(r"\b(of|in|on)$", "", stripped).strip()
    if stripped:
        variants.add(stripped)
        # "pain in elbow" → "elbow pain"; "muscle spasm of back" → "back muscle spasm"
        match = re.fullmatch(r"(.+?) (?:of|in|on) (?:the )?(.+)", stripped)
        if match:
            variants.add(f"{match.group(2)} {match.group(1)}")
        if stripped.startswith("abnormal "):
            variants.add(stripped.removeprefix("abnormal "))
    return {v for v in variants if v}


@lru_cache(maxsize=300_000)
def content_words(text: str) -> frozenset[str]:
    """The words of a name that carry meaning (no connectives), as keys; cached
    like key(), since the search compares the same catalogue wordings often."""
    return frozenset(w for w in key(text).split() if w not in _CONNECTIVES)
