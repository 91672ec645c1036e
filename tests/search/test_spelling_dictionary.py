"""The speller trusts the dictionary over the catalogue (issue 13.4): a real English or
medical word is never "corrected" into another catalogue term; a typo still is."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from symptomdb.language.dictionary import DICTIONARY_FILES, dictionary_read, dictionary_words
from symptomdb.search.spelling import Speller, english_words, vocabulary_count

# Catalogue words, each one or two edits from a real word that means something else.
CATALOGUE = ["Dysphagia", "Peroneal muscle atrophy", "Ilium hypoplasia", "Hyperkalemia"]
# Real words a reader may type, each within the speller's reach of a catalogue word above.
REAL = ["dysphasia", "perineal", "ileum", "hypokalemia"]


def _reset() -> None:
    dictionary_words.cache_clear()
    english_words.cache_clear()


@pytest.fixture
def word_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A small word list in the Hunspell format, in place of the installed ones."""
    path = tmp_path / "medical.dic"
    path.write_text("4\ndysphasia\nperineal/MS\nileum/M\nhypokalemia\n", encoding="utf-8")
    monkeypatch.setenv("SYMPTOMDB_DICTIONARIES", str(path))
    _reset()
    yield path
    monkeypatch.delenv("SYMPTOMDB_DICTIONARIES")
    _reset()


def test_without_the_word_list_the_catalogue_wins(tmp_path, monkeypatch):
    # The same speller without a dictionary shows what the word list prevents.
    monkeypatch.setenv("SYMPTOMDB_DICTIONARIES", str(tmp_path / "absent.dic"))
    _reset()
    try:
        speller = Speller(vocabulary_count(CATALOGUE))
        assert speller.correct("dysphasia") == "dysphagia"
        assert speller.correct("perineal") == "peroneal"
    finally:
        monkeypatch.delenv("SYMPTOMDB_DICTIONARIES")
        _reset()


def test_a_real_word_is_never_corrected_into_a_catalogue_term(word_list):
    speller = Speller(vocabulary_count(CATALOGUE))
    for word in REAL:
        assert speller.correct(word) == word


def test_typos_are_still_corrected(word_list):
    speller = Speller(vocabulary_count(CATALOGUE))
    assert speller.correct("dysphgia") == "dysphagia"
    assert speller.correct("hyperkalaemia") == "hyperkalemia"  # British, not a typo
    assert speller.correct("peronael") == "peroneal"


def test_word_lists_are_read_as_words():
    lines = ["90142", "abdomen/MS", "Addison", "naïve", "o'clock", "x", "123", "", "don't"]
    assert list(dictionary_read(lines)) == ["abdomen", "naive"]


@pytest.mark.skipif(
    not all(p.is_file() for p in DICTIONARY_FILES),
    reason="the Debian word lists are not installed (make words)",
)
def test_the_installed_lists_know_medical_and_english_words():
    _reset()
    words = dictionary_words()
    # Medical words the catalogue lacks, and everyday English and British words.
    assert {"cephalgia", "lassitude", "dysphasia", "colour", "queasy"} <= words
    assert "haedache" not in words
