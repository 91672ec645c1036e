"""Typo tolerance for the rule vocabulary: "siezure" is read as "seizure"."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz.distance import OSA

from .stems import stem


class Speller:
    """Corrects a typed word to a word of the rule vocabulary when it is one slip away.

    Only words the vocabulary does not know are touched, never real English words listed in
    ``known_words`` (so "sitting" does not become "fitting"), and the first letter must agree:
    people rarely mistype the first letter, and requiring it removes most false corrections.
    Distance is optimal string alignment, so a swapped pair ("siezure") is one slip.
    """

    def __init__(
        self,
        vocabulary: Iterable[str],
        known_words: Iterable[str] = (),
        *,
        apart: Iterable[tuple[str, str]] = (),
    ) -> None:
        self._vocabulary = frozenset(w for w in vocabulary if w.isalpha())
        self._stems = frozenset(stem(w) for w in self._vocabulary)
        self._known = frozenset(known_words)
        # Pairs of words the vocabulary itself writes apart ("heat stroke"): never joined.
        self._apart = frozenset(apart)
        by_letter: dict[str, list[str]] = {}
        for word in sorted(self._vocabulary):
            if len(word) >= 4:
                by_letter.setdefault(word[0], []).append(word)
        self._by_letter = {k: tuple(v) for k, v in by_letter.items()}
        self._cache: dict[str, str] = {}

    def correct(self, word: str) -> str:
        """``word`` itself, or the vocabulary word it is a slip away from."""
        if word not in self._cache:
            if len(self._cache) > 20_000:  # bounded: the input is open-ended
                self._cache.clear()
            self._cache[word] = self._correct(word)
        return self._cache[word]

    def joined(self, first: str, second: str) -> str | None:
        """The vocabulary word two typed words make together, or None: people split compounds
        ("head ache", "nose bleed", "over dose") that the rules know in one piece. The joined
        word must be the vocabulary's own (or its plural): a stem match would join "now her"
        into "nowhere". Words of three letters or more only, and never a pair the vocabulary
        writes apart itself ("heat stroke")."""
        if len(first) < 3 or len(second) < 3 or (first, second) in self._apart:
            return None
        whole = first + second
        if whole in self._vocabulary or (whole.endswith("s") and whole[:-1] in self._vocabulary):
            return whole
        return None

    def _correct(self, word: str) -> str:
        if (
            len(word) < 4
            or not word.isalpha()
            or word in self._vocabulary
            or word in self._known
            or stem(word) in self._stems
        ):
            return word
        allowed = 2 if len(word) >= 8 else 1
        best, best_distance = word, (allowed + 1, 0)
        for candidate in self._by_letter.get(word[0], ()):
            if abs(len(candidate) - len(word)) > allowed:
                continue
            distance = OSA.distance(word, candidate, score_cutoff=2)
            anagram = sorted(word) == sorted(candidate)
            # Four-letter words are too close to each other: only a swapped pair ("pian") counts.
            if len(word) == 4 and not anagram:
                continue
            # The right letters in a wrong place ("tounge") is one slip, not two.
            if anagram and distance == 2 and len(word) >= 5:
                distance = 1
            if distance > allowed:
                continue
            # Between two words equally far, the one the typed word drops a letter from: a
            # letter left out (above all one of a pair, "suden" for "sudden") is the commonest
            # slip, more likely than a letter changed ("sudan").
            ranked = (distance, _dropped_letter(word, candidate))
            if ranked >= best_distance:
                continue
            best, best_distance = candidate, ranked
        return best


def _dropped_letter(word: str, candidate: str) -> int:
    """0 when ``word`` is ``candidate`` with one of a doubled letter left out, 1 when it is
    ``candidate`` with any one letter left out, 2 otherwise."""
    if len(candidate) != len(word) + 1:
        return 2
    for index in range(len(candidate)):
        if candidate[:index] + candidate[index + 1 :] == word:
            doubled = index > 0 and candidate[index - 1] == candidate[index]
            doubled = doubled or (
                index + 1 < len(candidate) and candidate[index + 1] == candidate[index]
            )
            return 0 if doubled else 1
    return 2
