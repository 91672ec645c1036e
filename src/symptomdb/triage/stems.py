"""A light stemmer, so that "swelling", "swells" and "swollen" are one word to the rules.

Applied the same way to the rule vocabulary and to the text, so its output only has to be
consistent, not a real lemma. Irregular forms are data (``reading.yaml``).
"""

from __future__ import annotations

from functools import cache

from .wordlists import reading_words

_NO_UNDOUBLE = frozenset("lszaeiouy")  # "swelling" -> "swell", "pooing" -> "poo"


@cache
def _irregular() -> dict[str, str]:
    return {str(k): str(v) for k, v in reading_words()["irregular"].items()}


def stem(word: str) -> str:
    """The word's stem; an irregular form first becomes its lemma ("bled" -> "bleed")."""
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
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    elif word.endswith("ly") and len(word) >= 6:
        word = word[:-2]
    return _drop_final_e(word)


def _drop_final_e(word: str) -> str:
    return word[:-1] if word.endswith("e") and len(word) > 3 else word
