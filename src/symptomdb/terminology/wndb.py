"""A reader of Princeton WordNet 3.0's database files (the WNDB format), as Debian's
``wordnet-base`` installs them in /usr/share/wordnet.

Pure functions over text: no database, no Django. What it reads (wndb(5WN)):

    index.noun   lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt offset…
                 the lemma's synsets in WordNet's sense order: the commonest first, by the
                 tag counts of the Princeton semantic concordance (tagsense_cnt of them are
                 tagged; the order of untagged senses is the lexicographers')
    data.noun    offset lex_filenum ss_type w_cnt (word lex_id)… p_cnt
                 (pointer_symbol offset pos source/target)… | gloss
    index.adj, index.verb, index.adv
                 read for which lemmas have senses in another part of speech
    data.adj     for the adjectives pointing at a noun synset

Lines starting with two spaces are the licence header. ``w_cnt`` and ``lex_id`` are hexadecimal,
``p_cnt`` decimal; an adjective's word may carry a syntactic marker ("(p)", "(a)", "(ip)").

Why not a library: nltk's ``WordNetCorpusReader`` (nltk 3.10) cannot read Debian's copy as it
is. It opens files only under its own ``nltk_data`` roots and refuses symlinks out of them, so
the 28 MB database would have to be copied; it needs a ``lexnames`` file Debian does not ship;
and on any WordNet whose version is not "wordnet" it maps every sense key against its own
downloaded corpus (``map_wn``), which cannot be downloaded here. It would also bring nltk,
regex, joblib and click for what is a few lines of splitting. ``wn`` reads WN-LMF XML only.
The format is fixed since 1998 and documented; this reader reads only the lexicographer files
it is asked for, so the whole noun database is never parsed (≈ 0.2 s, measured in
docs/search.md).

The lexicographer file numbers are lexnames(5WN)'s fixed table (Debian ships no ``lexnames``):
LEXFILES below.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

WORDNET_DIR = Path("/usr/share/wordnet")

# lexnames(5WN): the lexicographer file of each number, the same in every WordNet 3.0.
LEXFILES = (
    "adj.all",
    "adj.pert",
    "adv.all",
    "noun.Tops",
    "noun.act",
    "noun.animal",
    "noun.artifact",
    "noun.attribute",
    "noun.body",
    "noun.cognition",
    "noun.communication",
    "noun.event",
    "noun.feeling",
    "noun.food",
    "noun.group",
    "noun.location",
    "noun.motive",
    "noun.object",
    "noun.person",
    "noun.phenomenon",
    "noun.plant",
    "noun.possession",
    "noun.process",
    "noun.quantity",
    "noun.relation",
    "noun.shape",
    "noun.state",
    "noun.substance",
    "noun.time",
    "verb.body",
    "verb.change",
    "verb.cognition",
    "verb.communication",
    "verb.competition",
    "verb.consumption",
    "verb.contact",
    "verb.creation",
    "verb.emotion",
    "verb.motion",
    "verb.perception",
    "verb.possession",
    "verb.social",
    "verb.stative",
    "verb.weather",
    "adj.ppl",
)

# The files of each part of speech, as WordNet names them.
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


@dataclass(frozen=True)
class Pointer:
    """One pointer of a synset: its symbol ("@" hypernym, "~" hyponym, "+" derivationally
    related form, "\\" pertainym, "&" similar to…), the synset it points to (offset and part of
    speech: "n", "v", "a", "s" or "r") and, for a lexical pointer, the word numbers (from 1)
    it joins; 0 and 0 for a semantic pointer between whole synsets."""

    symbol: str
    offset: int
    pos: str
    source: int = 0
    target: int = 0


@dataclass(frozen=True)
class Synset:
    """One synset of a data file: its lemmas as written (underscores for spaces)."""

    offset: int
    lexfile: str
    pos: str
    lemmas: tuple[str, ...]
    pointers: tuple[Pointer, ...]
    gloss: str

    def lemma_text(self, index: int) -> str:
        """The lemma as words: "looseness_of_the_bowels" → "looseness of the bowels"."""
        return self.lemmas[index].replace("_", " ")


@dataclass(frozen=True)
class IndexEntry:
    """One line of an index file: the lemma's synsets in sense order, and how many of them
    the semantic concordance tagged."""

    lemma: str
    pos: str
    offsets: tuple[int, ...]
    tagged: int


def _body(lines: Iterable[str]) -> Iterator[str]:
    """The lines after the licence header (which starts each of its lines with two spaces)."""
    return (line for line in lines if line and not line.startswith("  "))


def _without_marker(word: str) -> str:
    """An adjective's word without its syntactic marker: "galore(ip)" → "galore"."""
    return word.split("(", 1)[0] if word.endswith(")") else word


def synset_parse(line: str) -> Synset:
    """One line of a data file; a malformed line raises ValueError naming it."""
    try:
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        offset, lexfile, pos = int(fields[0]), LEXFILES[int(fields[1])], fields[2]
        count = int(fields[3], 16)
        lemmas = tuple(_without_marker(fields[4 + 2 * i]) for i in range(count))
        at = 4 + 2 * count
        pointers = []
        for i in range(int(fields[at])):
            symbol, target, target_pos, words = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            pointers.append(
                Pointer(symbol, int(target), target_pos, int(words[:2], 16), int(words[2:], 16))
            )
    except (IndexError, ValueError) as error:
        raise ValueError(f"WordNet data line not in the WNDB format: {line[:80]!r}") from error
    return Synset(offset, lexfile, pos, lemmas, tuple(pointers), gloss.strip())


def synsets_read(lines: Iterable[str], lexfiles: Iterable[str] | None = None) -> list[Synset]:
    """The synsets of a data file, only those of these lexicographer files if given. The
    file number is the second field, so other lines are skipped without being parsed."""
    numbers = None if lexfiles is None else {f"{LEXFILES.index(name):02d}" for name in lexfiles}
    return [synset_parse(line) for line in _body(lines) if numbers is None or line[9:11] in numbers]


def index_parse(line: str) -> IndexEntry:
    """One line of an index file; a malformed line raises ValueError naming it."""
    try:
        fields = line.split()
        lemma, pos, synset_cnt, p_cnt = fields[0], fields[1], int(fields[2]), int(fields[3])
        at = 4 + p_cnt  # after the pointer symbols: sense_cnt, tagsense_cnt, offsets
        tagged = int(fields[at + 1])
        offsets = tuple(int(o) for o in fields[at + 2 : at + 2 + synset_cnt])
        if len(offsets) != synset_cnt:
            raise ValueError("fewer offsets than synset_cnt")
    except (IndexError, ValueError) as error:
        raise ValueError(f"WordNet index line not in the WNDB format: {line[:80]!r}") from error
    return IndexEntry(lemma, pos, offsets, tagged)


def index_read(lines: Iterable[str], lemmas: set[str] | None = None) -> dict[str, IndexEntry]:
    """An index file's entries by lemma, only these lemmas' if given (the lemma is the first
    field, so other lines are skipped without being parsed)."""
    entries = {}
    for line in _body(lines):
        lemma = line.split(" ", 1)[0]
        if lemmas is None or lemma in lemmas:
            entries[lemma] = index_parse(line)
    return entries


def index_lemmas(lines: Iterable[str]) -> set[str]:
    """Every lemma of an index file, unparsed."""
    return {line.split(" ", 1)[0] for line in _body(lines)}
