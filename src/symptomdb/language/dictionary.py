"""Real words: the English and medical word lists installed on the machine.

A word found here is spelled as someone meant it, so the search's speller never "corrects" it
into a catalogue word ("lassitude" is not a typo for "latitude", "cephalgia" not for
"cephalocele"). The lists are Debian packages the Makefile installs (``make words``):

    wamerican, wbritish      SCOWL's American and British English word lists (/usr/share/dict)
    hunspell-en-med          the English medical dictionary for Hunspell (OpenMedSpel and
                             MTH-Med-Spel-Chek; /usr/share/hunspell/en_med_glut.dic)

Only lower-case entries are read (capitalised ones are names: "Addison", "Bell"); a Hunspell
entry's affix flags ("abdomen/MS") are dropped, the inflections being read by spelling.py's
base_forms. A list that is not installed is skipped: the speller then trusts the catalogue and
the embedding model's own vocabulary, as before.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from .spelling import fold

# Read in this order; SYMPTOMDB_DICTIONARIES (paths separated by os.pathsep) replaces them.
DICTIONARY_FILES = (
    Path("/usr/share/dict/american-english"),
    Path("/usr/share/dict/british-english"),
    Path("/usr/share/hunspell/en_med_glut.dic"),
)


def dictionary_files() -> list[Path]:
    configured = os.environ.get("SYMPTOMDB_DICTIONARIES")
    if configured is not None:
        return [Path(p) for p in configured.split(os.pathsep) if p]
    return list(DICTIONARY_FILES)


def dictionary_read(lines: Iterable[str]) -> Iterator[str]:
    """The words of a word list or a Hunspell .dic file: lower-case entries only, flags and
    the .dic file's leading count dropped, possessives skipped, accents folded."""
    for entry in (line.partition("/")[0].strip() for line in lines):
        if not entry.islower():  # also skips names, numbers and blank lines
            continue
        word = entry if entry.isascii() else fold(entry)  # fold is slow; most are ASCII
        if word.isalpha() and len(word) > 1:
            yield word


@cache
def dictionary_words() -> frozenset[str]:
    """Every word of the installed lists (about 150,000 with all three); empty without them."""
    words: set[str] = set()
    for path in dictionary_files():
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            words.update(dictionary_read(text.splitlines()))
    return frozenset(words)
