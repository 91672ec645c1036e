"""Normalising symptom names so that spellings of one idea compare equal.

Used to link ICD-10-CM codes to HPO terms, to merge an article's symptom into
the catalogue, and by the search to recognise an exact name in a query. The
same deterministic folding is applied to both sides of every comparison.

Case, accents, British spelling and plurals are symptomdb.language.spelling's,
shared with the search and the triage; what is the catalogue's own is here:
ICD-10-CM's "NOS" dropped from every key, and the qualifiers and classification
phrases that name_variants() takes off ("Pain in right elbow" → "elbow pain").
"""

from __future__ import annotations

import re
from functools import lru_cache

from symptomdb.language.spelling import fold, singular, us_spelling

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
CLASSIFICATION_PHRASES = re.compile(
    r",? *(not elsewhere classified|in (other )?(diseases|conditions) classified elsewhere"
    r"|without diagnosis of .*|not due to a substance or known physiological condition)",
    re.IGNORECASE,
)


def name_variants(name: str) -> set[str]:
    """Keys under which a classification name may match another terminology's name.

    "Pain in right elbow" → {"pain in right elbow", "pain in elbow", "elbow pain"}:
    ICD-10-CM says "Pain in X" and "X, unspecified" where HPO says "X pain" and "X".
    """
    name = CLASSIFICATION_PHRASES.sub(" ", name)
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
