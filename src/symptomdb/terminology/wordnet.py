"""Synonyms for catalogue concepts from Princeton WordNet 3.0 (issue 13.1).

Pure functions: no database. WordNet's noun synsets hold the clinical and everyday synonyms
HPO lacks ("myalgia, myodynia", "sneeze, sternutation"); Debian's ``wordnet-base``
installs them (``make words``) and wndb.py reads them. mapping.py adds what this proposes as
synonyms of kind ``related``, scope ``RELATED`` and source WORDNET: matched by the full text
(and so the exact-name bonus and the speller's vocabulary), shown under "Also called", never
the symptom's everyday name (that takes an HPO layperson synonym of EXACT scope, display.py).
RELATED because the match is made by name, not curated; and not embedded (search/index.py
embeds exact, lay, plural and inclusion wordings): embedded, a one-word name lowered its
symptom's mean similarity to longer queries ("my calf cramped up…" lost muscle spasm to
another term when "cramp" and "spasm" were embedded; docs/search.md).

The rules, general ones (by lexicographer file, sense order, tag counts), never lists of words:

1. **Medical synsets only.** A synset of noun.state (conditions, diseases, symptoms),
   noun.process (bodily processes: sweating, menorrhagia) or noun.feeling (moods: irritability,
   sadness). Measured on the catalogue's matches: those three are nearly all right; noun.body
   names the structure, not its abnormality ("proboscis" is the human nose), noun.act and
   noun.attribute mostly another sense of the word ("stroke" of a ball, "rigor" as severity).
2. **A name matches its one medical sense.** A concept's name or one of its EXACT synonyms
   (HPO's exact ones and EXACT layperson ones, ICD-10-CM titles), folded as text.py folds,
   equals a WordNet noun lemma with exactly one sense in those lexicographer files, and that
   sense was seen in the semantic concordance (the lemma has no other sense, or that one is among
   its tagged senses). The catalogue names symptoms, so the medical sense is the one meant:
   "headache" is first "something that causes anxiety" (noun.cognition), its medical sense the
   pain; an untagged second sense is not trusted ("miosis" is first meiosis).
3. **Unambiguous lemmas only.** A lemma of the synset is added when that synset is its only noun
   sense, or its first sense and the concordance tagged the lemma's senses (so "first" means
   "commonest": "looseness" has six untagged senses and is left out), and it is no adjective or
   adverb in WordNet (a one-word adjective is another word: "cold"), nor an abbreviation in
   capitals ("SLE"), nor another concept's name or synonym of any kind (that word would then
   lead to two symptoms).
4. **One synset, one concept.** A synset whose lemmas match, name or are synonyms of more than
   one concept goes to none and is reported as a collision ("enuresis, urinary_incontinence":
   both are HPO terms of their own).
5. **Adjectives, when asked** (``adjectives=True``; off, ADJECTIVES below): the adjectives
   WordNet derives from the synset's lemmas ("+" pointers: "myalgic" from "myalgia"), by the same
   unambiguity rule within the adjectives ("feverish" is first "marked by intense agitation" and
   is left out). An adjective describes the symptom but does not name it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from symptomdb.terminology.text import key
from symptomdb.terminology.wndb import (
    WORDNET_DIR,
    IndexEntry,
    Synset,
    index_lemmas,
    index_read,
    synset_parse,
    synsets_read,
)

MEDICAL_LEXFILES = ("noun.state", "noun.process", "noun.feeling")

# Whether the adjectives derived from a matched synset are added (rule 5): measured, and off
# (docs/search.md: no gain on the dev set, one misspelled query on the tune split through the
# speller's vocabulary, and wrong ones such as "hyperthermal" for hypothermia).
ADJECTIVES = False

# The OBO-like scope of every WordNet synonym: matched by name, not curated (module docstring).
WORDNET_SCOPE = "RELATED"

# The licence's notice, kept with every copy (README credits and the symptom page).
NOTICE = "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved."


@dataclass(frozen=True)
class WordNet:
    """What the rules read of WordNet: the medical noun synsets by offset, the index entries
    of their lemmas, the lemmas that are also adjectives or adverbs, and the adjective synsets
    those noun synsets point at with their index entries. Empty when WordNet is not installed."""

    synsets: dict[int, Synset] = field(default_factory=dict)
    nouns: dict[str, IndexEntry] = field(default_factory=dict)
    not_nouns: frozenset[str] = frozenset()
    adjectives: dict[int, Synset] = field(default_factory=dict)
    adjective_index: dict[str, IndexEntry] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.synsets)


def wordnet_installed(directory: Path = WORDNET_DIR) -> bool:
    return all((directory / name).is_file() for name in ("data.noun", "index.noun", "data.adj"))


def _lines(path: Path) -> Iterable[str]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield from handle


def wordnet_read(directory: Path = WORDNET_DIR) -> WordNet:
    """The medical part of the WordNet database in ``directory``; an empty WordNet when it is
    not installed (the catalogue then has no WordNet names, as before)."""
    if not wordnet_installed(directory):
        return WordNet()
    synsets = {s.offset: s for s in synsets_read(_lines(directory / "data.noun"), MEDICAL_LEXFILES)}
    lemmas = {lemma.casefold() for s in synsets.values() for lemma in s.lemmas}
    nouns = index_read(_lines(directory / "index.noun"), lemmas)
    not_nouns = set()
    for pos in ("adj", "adv"):
        path = directory / f"index.{pos}"
        if path.is_file():
            not_nouns |= index_lemmas(_lines(path)) & lemmas
    wanted = {
        f"{p.offset:08d}"
        for s in synsets.values()
        for p in s.pointers
        if p.symbol == "+" and p.pos in ("a", "s")
    }
    adjectives = {
        s.offset: s
        for s in (
            synset_parse(line) for line in _lines(directory / "data.adj") if line[:8] in wanted
        )
    }
    adjective_lemmas = {lemma.casefold() for s in adjectives.values() for lemma in s.lemmas}
    adjective_index: dict[str, IndexEntry] = {}
    if (directory / "index.adj").is_file():
        adjective_index = index_read(_lines(directory / "index.adj"), adjective_lemmas)
    return WordNet(synsets, nouns, frozenset(not_nouns), adjectives, adjective_index)


def unambiguous(lemma: str, offset: int, index: dict[str, IndexEntry]) -> bool:
    """Whether the synset at ``offset`` is what ``lemma`` means: its only sense, or its first
    where the concordance's tag counts make the first the commonest."""
    entry = index.get(lemma.casefold())
    if entry is None or not entry.offsets or entry.offsets[0] != offset:
        return False
    return len(entry.offsets) == 1 or entry.tagged > 0


def medical_sense(lemma: str, wordnet: WordNet) -> int | None:
    """The lemma's one sense in the medical lexicographer files, if it has exactly one: the
    catalogue names symptoms, so that is the sense its name means ("headache" is first
    "something that causes anxiety", noun.cognition; its one medical sense is the pain)."""
    entry = wordnet.nouns.get(lemma.casefold())
    if entry is None:
        return None
    senses = [o for o in entry.offsets if o in wordnet.synsets]
    if len(senses) != 1:
        return None
    if len(entry.offsets) > 1 and entry.offsets.index(senses[0]) >= entry.tagged:
        return None
    return senses[0]


@dataclass(frozen=True)
class ConceptNames:
    """A concept as the rules see it: its key, its name, its EXACT synonyms (matched) and
    its other synonyms (words no other concept may be given)."""

    key: str
    name: str
    exact: tuple[str, ...]
    others: tuple[str, ...] = ()


@dataclass(frozen=True)
class Proposal:
    """A WordNet synonym for one concept, and the synset it comes from."""

    concept: str
    text: str
    offset: int
    adjective: bool = False


@dataclass
class WordNetMatch:
    proposals: list[Proposal] = field(default_factory=list)
    # Synsets matched by several concepts and given to none: offset → the concepts' keys.
    collisions: dict[int, list[str]] = field(default_factory=dict)


def _name_keys(text: str) -> set[str]:
    """The keys a name is matched under: folded (text.key), and without ICD-10-CM's
    "unspecified" ("Headache, unspecified" → "headache")."""
    folded = key(text)
    return {folded, " ".join(w for w in folded.split() if w != "unspecified")} - {""}


def wordnet_synonyms(
    concepts: Iterable[ConceptNames], wordnet: WordNet, *, adjectives: bool = ADJECTIVES
) -> WordNetMatch:
    """The synonyms WordNet gives each concept under the module's rules."""
    concepts = list(concepts)
    by_lemma: dict[str, list[int]] = defaultdict(list)  # a lemma's key → its medical sense
    for synset in wordnet.synsets.values():
        for lemma in synset.lemmas:
            if medical_sense(lemma, wordnet) == synset.offset:
                by_lemma[key(lemma.replace("_", " "))].append(synset.offset)

    matched: dict[int, set[str]] = defaultdict(set)  # a synset → the concepts matching it
    owner: dict[str, set[str]] = defaultdict(set)  # a wording's key → the concepts it names
    for concept in concepts:
        for text in (concept.name, *concept.exact):
            for name_key in _name_keys(text):
                for offset in by_lemma.get(name_key, ()):
                    matched[offset].add(concept.key)
        for text in (concept.name, *concept.exact, *concept.others):
            for name_key in _name_keys(text):
                owner[name_key].add(concept.key)

    match = WordNetMatch()
    for offset in sorted(matched):
        synset = wordnet.synsets[offset]
        claimants = set(matched[offset])
        for i in range(len(synset.lemmas)):
            claimants |= owner.get(key(synset.lemma_text(i)), set())
        if len(claimants) != 1:
            match.collisions[offset] = sorted(claimants)
            continue
        concept_key = next(iter(claimants))
        words = [
            (synset.lemma_text(i), offset, False)
            for i, lemma in enumerate(synset.lemmas)
            if lemma.casefold() not in wordnet.not_nouns
            and not lemma.isupper()
            and unambiguous(lemma, offset, wordnet.nouns)
        ]
        if adjectives:
            words.extend(_adjectives(synset, wordnet))
        for text, source, adjective in words:
            if owner.get(key(text), {concept_key}) <= {concept_key}:
                match.proposals.append(Proposal(concept_key, text, source, adjective))
    return match


def _adjectives(synset: Synset, wordnet: WordNet) -> list[tuple[str, int, bool]]:
    """The unambiguous adjectives derived from the synset's lemmas ("+" pointers)."""
    out = []
    for pointer in synset.pointers:
        adjective = wordnet.adjectives.get(pointer.offset)
        if pointer.symbol != "+" or pointer.pos not in ("a", "s") or adjective is None:
            continue
        for i, lemma in enumerate(adjective.lemmas):
            if pointer.target in (0, i + 1) and unambiguous(
                lemma, adjective.offset, wordnet.adjective_index
            ):
                out.append((adjective.lemma_text(i), adjective.offset, True))
    return out
