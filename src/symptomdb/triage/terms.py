"""Vocabulary terms of the rules and where they occur in an analysed text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .reading import Document, content_words
from .stems import stem
from .wordlists import reading_words

# How many linking or degree words may stand between the words of one term.
MAX_BETWEEN = 3
# How many terms one line with choices may stand for. Every one is kept in memory in every
# worker: one exception line of seven choices once spelt out 258,720 terms (380 MB, and half
# a minute at load); the largest line now stands for 3,600.
MAX_SPELLED_OUT = 5000


@cache
def between_term_words() -> frozenset[str]:
    """Words that may stand between a term's words without changing it (reading.yaml)."""
    return frozenset(reading_words()["between_term_words"])


# A choice inside a term: "heart stopped when (i|he|she) (saw|heard)"; an empty choice
# leaves the place out ("is he (|even) breathing").
_CHOICE = re.compile(r"\(([^()]*)\)")


def spelled_out(text: str) -> list[str]:
    """Every term a term with choices stands for, in order: "stopped when (i|he) (saw|heard)"
    is four. Editors write one line for what would otherwise be a table of pronouns and verbs,
    and each line means what it says when read aloud."""
    match = _CHOICE.search(text)
    if match is None:
        return [" ".join(text.split())]
    head, tail = text[: match.start()], text[match.end() :]
    return [
        term
        for choice in match.group(1).split("|")
        for term in spelled_out(f"{head} {choice} {tail}")
    ]


def parse_terms(texts: Iterable[object]) -> list[Term]:
    """The terms of a vocabulary list, its choices spelt out. A choice of words the reading
    drops ("the", "his") would silently shorten the term to the words around it, so it is
    refused; the empty choice says "nothing here" on purpose."""
    terms = []
    for text in map(str, texts):
        for choices in _CHOICE.findall(text):
            for choice in choices.split("|"):
                if choice.strip() and not content_words(choice):
                    raise ValueError(
                        f"vocabulary term {text!r}: the choice {choice!r} has no word the reading"
                        " keeps (articles and possessives are dropped); leave it out"
                    )
        spelt = spelled_out(text)
        if len(spelt) > MAX_SPELLED_OUT:
            raise ValueError(
                f"vocabulary term {text!r} stands for {len(spelt):,} terms, more than"
                f" {MAX_SPELLED_OUT:,}: split its choices over several lines or concepts"
            )
        terms += [Term.parse(term) for term in spelt]
    return terms


@cache
def _words_of(raw: str) -> tuple[str, ...]:
    """One written word of a term as the reading keeps it (none, one, or a contraction's
    two). Cached: the choices spell out tens of thousands of terms from a few thousand
    words, and reading each afresh took half a minute at load."""
    return tuple(content_words(raw))


@cache
def _parts_of(raw: str) -> tuple[tuple[str, bool], ...]:
    """A written word's parts of a term: its stem, or with "=" its exact form."""
    exact = raw.startswith("=")
    return tuple((word if exact else stem(word), exact) for word in _words_of(raw.lstrip("=")))


@dataclass(frozen=True)
class Term:
    """One vocabulary entry. Each part matches a word's stem, or its exact form if ``exact``."""

    text: str
    parts: tuple[tuple[str, bool], ...]

    @classmethod
    def parse(cls, text: str) -> Term:
        """``"crushing chest"`` matches any inflection; ``"=tearing"`` only that exact word."""
        parts = tuple(part for raw in text.split() for part in _parts_of(raw))
        if not parts:
            raise ValueError(f"vocabulary term {text!r} has no words")
        return cls(text=text, parts=parts)

    @property
    def surface_words(self) -> tuple[str, ...]:
        return tuple(w for raw in self.text.split() for w in _words_of(raw.lstrip("=")))

    def end_at(self, doc: Document, start: int) -> int | None:
        """Where the term ends when it starts at ``start``, else None. Its words are read in
        order; between two of them up to MAX_BETWEEN words of reading.yaml's
        ``between_term_words`` may stand ("neck is so stiff" for "neck stiff"), but no comma
        or full stop: "got out, had a cold shower" is not "out cold"."""
        return self._end_from(doc, 0, start, MAX_BETWEEN)

    def _end_from(self, doc: Document, part: int, position: int, spare: int) -> int | None:
        if part == len(self.parts):
            return position
        if position >= len(doc.words) or (part and position in doc.breaks):
            return None
        value, exact = self.parts[part]
        seen = doc.words[position] if exact else doc.stems[position]
        if seen == value:
            end = self._end_from(doc, part + 1, position + 1, spare)
            if end is not None:
                return end
        if part and spare and doc.words[position] in between_term_words():
            return self._end_from(doc, part, position + 1, spare - 1)
        return None


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class TermIndex:
    """All vocabulary terms, indexed by their first word and then their second, each owned by a
    concept name. A term's second word can only stand right after its first, or after a few
    of ``between_term_words``: at each position only the terms whose second word is there are
    tried, which keeps common first words ("in", "had", "all") cheap however many terms
    spelt-out choices give them."""

    def __init__(self, entries: Iterable[tuple[str, Term]]) -> None:
        Entry = tuple[tuple[int, bool, int], str, Term]
        self._single: dict[tuple[str, bool], list[Entry]] = {}
        self._by_second: dict[tuple[str, bool], dict[tuple[str, bool], list[Entry]]] = {}
        for number, (owner, term) in enumerate(entries):
            # Longest first; then, as before this index, stems before exact words, file order.
            entry = ((-len(term.parts), term.parts[0][1], number), owner, term)
            if len(term.parts) == 1:
                self._single.setdefault(term.parts[0], []).append(entry)
            else:
                seconds = self._by_second.setdefault(term.parts[0], {})
                seconds.setdefault(term.parts[1], []).append(entry)

    def find(self, doc: Document) -> dict[str, list[Span]]:
        """Spans of every owner's terms in ``doc``; at one position an owner's longest term."""
        found: dict[str, list[Span]] = {}
        for start in range(len(doc.words)):
            candidates = [
                entry
                for first in ((doc.stems[start], False), (doc.words[start], True))
                for entry in self._candidates(doc, start, first)
            ]
            candidates.sort(key=lambda entry: entry[0])
            seen: set[str] = set()
            for _, owner, term in candidates:
                if owner in seen:
                    continue
                end = term.end_at(doc, start)
                if end is not None:
                    seen.add(owner)
                    found.setdefault(owner, []).append(Span(start, end))
        return found

    def _candidates(
        self, doc: Document, start: int, first: tuple[str, bool]
    ) -> list[tuple[tuple[int, bool, int], str, Term]]:
        """The terms beginning with ``first`` whose second word stands where it may."""
        found = list(self._single.get(first, ()))
        seconds = self._by_second.get(first)
        if not seconds:
            return found
        position, spare = start + 1, MAX_BETWEEN
        while position < len(doc.words):
            for second in ((doc.stems[position], False), (doc.words[position], True)):
                found += seconds.get(second, ())
            if not spare or doc.words[position] not in between_term_words():
                break
            position, spare = position + 1, spare - 1
        return found
