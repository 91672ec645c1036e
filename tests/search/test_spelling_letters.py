"""The speller hands rapidfuzz only the catalogue's words that may be within reach of a
typo (Speller.within_letters, by their letters counted): never a word fewer than the scan
of every word finds, and in the catalogue's order, so that the same best twenty come back."""

from __future__ import annotations

import random

from rapidfuzz.distance import DamerauLevenshtein

from symptomdb.search.spelling import Speller

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _typo(word: str, rng: random.Random) -> str:
    """One or two edits: a letter dropped, added, changed, or two swapped."""
    for _ in range(rng.choice([1, 2])):
        i = rng.randrange(len(word))
        edit = rng.randrange(4)
        if edit == 0 and len(word) > 1:
            word = word[:i] + word[i + 1 :]
        elif edit == 1:
            word = word[:i] + rng.choice(LETTERS) + word[i:]
        elif edit == 2:
            word = word[:i] + rng.choice(LETTERS) + word[i + 1 :]
        elif i + 1 < len(word):
            word = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word


def test_no_word_within_reach_is_left_out_and_the_order_is_kept():
    rng = random.Random(15)
    # Words of few letters, so that many are near one another, as the catalogue's are.
    words = sorted({"".join(rng.choices("aeioulnrst", k=rng.randint(4, 9))) for _ in range(3000)})
    speller = Speller(dict.fromkeys(words, 1))
    for typed in (_typo(rng.choice(words), rng) for _ in range(300)):
        for edits in (1, 2):
            near = speller.within_letters(typed, edits)
            within = [w for w in words if DamerauLevenshtein.distance(typed, w) <= edits]
            assert set(within) <= set(near), typed
            assert near == [w for w in words if w in set(near)]  # the catalogue's order
    assert len(near) < len(words) / 4  # and it does leave most words out


def test_a_swap_costs_no_letters_and_a_change_two():
    speller = Speller({"muscle": 1, "mucsle": 1, "muscly": 1, "cramp": 1})
    assert speller.within_letters("musclr", 1) == ["muscle", "mucsle", "muscly"]
    assert speller.within_letters("msucle", 0) == ["muscle", "mucsle"]
