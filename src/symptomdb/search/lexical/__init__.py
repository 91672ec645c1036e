"""Lexical retrieval: the database's own full-text search, one backend per vendor.

    SQLite      sqlite.py    an FTS5 table, bm25 with field weights (migration 0001)
    PostgreSQL  postgres.py  a weighted tsvector with a GIN index, ts_rank_cd, and
                             pg_trgm for words full-text search cannot find
                             (migration 0002)
    any other   substring.py case-insensitive substring matching, no index

Each backend answers the same four calls (LexicalBackend), so search/service.py
has one code path: the fusion, typo correction, prior and embeddings are shared,
and only the candidates and their lexical score come from here. Every backend
takes the reader's words through words_of(): each word becomes a plain search
term, so nothing a reader types is the database's query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from django.db import connection

# Letters and digits: \w without the underscore, which both databases' parsers
# take for a separator ("a_b" would be two words, and an AND on PostgreSQL).
WORD = re.compile(r"[^\W_]+")


def words_of(words: Iterable[str]) -> list[str]:
    """The distinct words (runs of letters and digits) in these strings, sorted.
    Punctuation, operators and emoji are dropped, so no term is empty or syntax."""
    return sorted({token for word in words for token in WORD.findall(word)})


@dataclass(frozen=True)
class Indexed:
    """What the index holds for one symptom: its name and synonyms as stored."""

    symptom_id: int
    name: str
    synonyms: list[str]


class LexicalBackend(Protocol):
    def match(self, words: Iterable[str], *, limit: int) -> dict[int, float]:
        """Symptoms matching ANY of the words, best first, with a score where
        higher is better (only compared within one query). Any-word matching
        suits complaints: "calf knotted bed" should still find symptoms that
        match only "calf"."""
        ...

    def texts(self, symptom_ids: Iterable[int]) -> Iterator[Indexed]:
        """The stored name and synonyms of these symptoms, in one query."""
        ...

    def paused(self) -> AbstractContextManager[None]:
        """Index upkeep off while the loader bulk-writes (inside its transaction);
        the caller calls rebuild() before the block ends."""
        ...

    def rebuild(self) -> None:
        """The whole index from the tables, in one statement."""
        ...


def lexical() -> LexicalBackend:
    """The backend for the default database's vendor."""
    from symptomdb.search.lexical import postgres, sqlite, substring

    backends: dict[str, LexicalBackend] = {
        "sqlite": sqlite.BACKEND,
        "postgresql": postgres.BACKEND,
    }
    return backends.get(connection.vendor, substring.BACKEND)
