"""Vocabulary terms of the rules and where they occur in an analysed text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .reading import Document, content_words
from .stems import stem


@dataclass(frozen=True)
class Term:
    """One vocabulary entry. Each part matches a word's stem, or its exact form if ``exact``."""

    text: str
    parts: tuple[tuple[str, bool], ...]

    @classmethod
    def parse(cls, text: str) -> Term:
        """``"crushing chest"`` matches any inflection; ``"=tearing"`` only that exact word."""
        parts: list[tuple[str, bool]] = []
        for raw in text.split():
            exact = raw.startswith("=")
            for word in content_words(raw.lstrip("=")):
                parts.append((word if exact else stem(word), exact))
        if not parts:
            raise ValueError(f"vocabulary term {text!r} has no words")
        return cls(text=text, parts=tuple(parts))

    @property
    def surface_words(self) -> tuple[str, ...]:
        return tuple(w for raw in self.text.split() for w in content_words(raw.lstrip("=")))

    def matches_at(self, doc: Document, start: int) -> bool:
        if start + len(self.parts) > len(doc.words):
            return False
        for offset, (value, exact) in enumerate(self.parts):
            seen = doc.words[start + offset] if exact else doc.stems[start + offset]
            if seen != value:
                return False
        return True


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class TermIndex:
    """All vocabulary terms, indexed by their first word, each owned by a concept name."""

    def __init__(self, entries: Iterable[tuple[str, Term]]) -> None:
        self._by_first: dict[tuple[str, bool], list[tuple[str, Term]]] = {}
        for owner, term in entries:
            self._by_first.setdefault(term.parts[0], []).append((owner, term))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda entry: -len(entry[1].parts))

    def find(self, doc: Document) -> dict[str, list[Span]]:
        """Spans of every owner's terms in ``doc``; at one position an owner's longest term."""
        found: dict[str, list[Span]] = {}
        for start in range(len(doc.words)):
            candidates = [
                *self._by_first.get((doc.stems[start], False), ()),
                *self._by_first.get((doc.words[start], True), ()),
            ]
            candidates.sort(key=lambda entry: -len(entry[1].parts))
            seen: set[str] = set()
            for owner, term in candidates:
                if owner not in seen and term.matches_at(doc, start):
                    seen.add(owner)
                    found.setdefault(owner, []).append(Span(start, start + len(term.parts)))
        return found
