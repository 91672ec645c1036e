"""A light stemmer, so that "swelling", "swells" and "swollen" are one word to the rules.

Applied the same way to the rule vocabulary and to the text, so its output only has to be
consistent, not a real lemma. Irregular forms are data (``reading.yaml``).

Plurals fold as the catalogue's names do (symptomdb.language.spelling.singular). The rest is the
triage's own: one stem per word where the search's base_forms offers several candidates to look
up, "-ing" and "-ed" taken off, and words that must not meet kept apart ("fitting" is a seizure,
"fit" is healthy), which no general stemmer would know.
"""

from __future__ import annotations

from functools import cache

from symptomdb.language.spelling import singular, us_spelling

from .wordlists import reading_words

_NO_UNDOUBLE = frozenset("lszaeiouy")  # "swelling" -> "swell", "pooing" -> "poo"


@cache
def _irregular() -> dict[str, str]:
    return {str(k): str(v) for k, v in reading_words()["irregular"].items()}


def stem(word: str) -> str:
    """The word's stem; an irregular form first becomes its lemma ("bled" -> "bleed").

    British and American spellings have one stem ("tumours", "tumors"): reading.normalise has
    made the text's words American already, but the speller also asks about words as typed.
    """
    word = us_spelling(word)
    lemma = _irregular().get(word)
    if lemma is not None:
        # Words that map to themselves stay as they are: "fitting" (a seizure) is not "fit".
        return lemma if lemma == word else _stem_regular(lemma)
    return _stem_regular(word)


def _stem_regular(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and not word.endswith("eed"):
            base = word[: -len(suffix)]
            if len(base) >= 3:
                if base[-1] == base[-2] and base[-1] not in _NO_UNDOUBLE:
                    base = base[:-1]
                return _drop_final_e(base)
    if word.endswith("s"):
        word = singular(word)  # the catalogue's plural folding: "ovaries" -> "ovary", not "glass"
    elif word.endswith("ly") and len(word) >= 6:
        word = word[:-2]
    return _drop_final_e(word)


def _drop_final_e(word: str) -> str:
    return word[:-1] if word.endswith("e") and len(word) > 3 else word
