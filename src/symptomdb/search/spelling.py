"""Typo tolerance and British spellings, against the catalogue's own words.

The vocabulary is every word of every symptom name and synonym (written to
SYMPTOMDB_HOME/search/vocabulary.json when the catalogue loads), counted. A query
word the vocabulary lacks is replaced by the closest vocabulary word within a
small edit distance ("haedache" → "headache", "spazmz" → "spasms") — unless it
is a real word: in the installed English and medical word lists
(language/dictionary.py: "lassitude" is no typo for "latitude", nor "cephalgia"
for "cephalocele") or the embedding model's own word list, since "knotted" or
"toddler" are not typos for anything either; or an inflected form of a
known word: "aches" is not a typo for "arches", nor "swells" for "spells", nor
"feverish" for "fevers". Both full-text searches stem words (Porter), so the
word is kept as typed.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from symptomdb.language.dictionary import dictionary_words
from symptomdb.language.embedding import EmbeddingUnavailable, default_tokenizer_path
from symptomdb.language.spelling import base_forms, fold, us_spelling
from symptomdb.search.vectors import index_dir

MIN_LENGTH = 4  # shorter words are too ambiguous to correct ("ear" vs "eat")


def _max_distance(word: str) -> int:
    # One edit in a short word, two in a longer one: "plams" → "palms",
    # "twichting" → "twitching". More would turn unknown words into noise.
    return 1 if len(word) <= 5 else 2


def vocabulary_path() -> Path:
    return index_dir() / "vocabulary.json"


def vocabulary_count(texts: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for text in texts:
        for word in fold(text).split():
            if word.isalpha():
                counts[word] = counts.get(word, 0) + 1
    return counts


@cache
def english_words() -> frozenset[str]:
    """Real words: the installed English and medical word lists (language/dictionary.py)
    and the whole words of the embedding model's WordPiece vocabulary (about 20,000
    common English words, there even when the word lists are not installed)."""
    return dictionary_words() | _model_words()


def _model_words() -> frozenset[str]:
    try:
        path = default_tokenizer_path().with_name("vocab.txt")
    except EmbeddingUnavailable:
        return frozenset()
    if not path.is_file():
        return frozenset()
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if w.isalpha() and w.isascii() and len(w) > 1)


class Speller:
    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.words = list(counts)
        # For within_letters: each word's letters counted, and its length.
        self.letters = letter_counts(self.words)
        self.lengths = self.letters.sum(axis=0, dtype=np.int16)
        # The dictionary before the catalogue: a real word is kept as typed.
        self.english = english_words()

    def known(self, word: str) -> bool:
        return word in self.counts or word in self.english

    def us(self, word: str) -> str:
        """The American spelling when the catalogue uses it ("haemorrhage").

        Only then: the word goes on to the full-text search, where a rewrite the catalogue
        lacks would match nothing and the word as typed may (HPO lists many British forms).
        """
        american = us_spelling(word)
        return american if american != word and american in self.counts else word

    def correct(self, word: str) -> str:
        """The word itself when known, else its closest catalogue word, else itself."""
        if not word.isalpha() or len(word) < MIN_LENGTH:
            return word
        american = self.us(word)
        if american != word or self.known(word):
            return american
        limit = _max_distance(word)
        matches = process.extract(
            word,
            self.within_letters(word, limit),
            scorer=DamerauLevenshtein.distance,
            score_cutoff=limit,
            limit=20,
        )
        bases = {base for base in base_forms(word) if self.known(base)}
        if bases:
            # An inflection of a known word ("aches", "swells"): only another
            # spelling of the same inflection of the same word corrects it
            # ("vomitting" → "vomiting", "blured" → "blurred"), not a
            # neighbour that means something else ("arches", "spells").
            matches = [
                m
                for m in matches
                if m[0][-2:] == word[-2:] and bases & set(base_forms(m[0])) and m[0] not in bases
            ]
        if not matches:
            return word
        # Fewest edits; then the same first letter (typos rarely hit it); then
        # the commoner word in the catalogue.
        best = min(
            matches,
            key=lambda m: (m[1], m[0][:1] != word[:1], -self.counts[m[0]], m[0]),
        )
        return str(best[0])

    def within_letters(self, word: str, edits: int) -> list[str]:
        """The catalogue's words, in their order, that may be within `edits` edits of the
        word: those whose letters, counted, differ from its by at most twice as many.

        An edit changes the counts by at most two (a letter for another), one (a letter
        more or less) or none (two letters swapped), so no word further off can be
        within `edits`; rapidfuzz, which reads every word it is given (about 2 ms a typo
        for the catalogue's 12,193), then reads tens or a few hundred (0.1 ms). In the same
        order, so that its twenty best are the same twenty: it ranks equal distances by
        their order (10,892 words, 9,378 of them unknown to it, corrected alike either way)."""
        counts = letter_counts([word])[:, 0]
        # The counts' difference is the two lengths less twice the letters in common, and
        # only the word's own few letters can be in common.
        common = np.zeros(len(self.words), dtype=np.int16)
        for letter in np.flatnonzero(counts):
            common += np.minimum(self.letters[letter], counts[letter])
        apart = self.lengths + len(word) - 2 * common
        return [self.words[i] for i in np.flatnonzero(apart <= 2 * edits)]


# Letter counts: one row per letter a–z, and one for any other character (the catalogue's
# words are folded to a–z, so it is there for safety only; a shared row can only count two
# words nearer than they are, never further apart).
_LETTERS = 27


def letter_counts(words: list[str]) -> npt.NDArray[np.int16]:
    """Letters × words: how many times each letter a–z (and any other character) occurs
    in each word, a row per letter so that one letter's counts are read together."""
    # All words' characters at once, each with the column of its word: one pass of numpy
    # instead of one per word (85 ms → 5 ms for 12,193 words, at every worker's start).
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    text = "".join(words).encode("utf-32-le")
    codes = np.frombuffer(text, dtype=np.uint32).astype(np.int64) - ord("a")
    codes[(codes < 0) | (codes >= _LETTERS - 1)] = _LETTERS - 1
    cells = codes * len(words) + np.repeat(np.arange(len(words)), lengths)
    counts = np.bincount(cells, minlength=_LETTERS * len(words)).reshape(_LETTERS, len(words))
    return counts.astype(np.int16)


def speller_save(counts: dict[str, int]) -> None:
    path = vocabulary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(counts, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)


def speller_load() -> Speller:
    path = vocabulary_path()
    counts = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return Speller(counts)
