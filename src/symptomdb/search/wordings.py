"""The candidates' names and synonyms as the search compares them with a query's words.

service.wording_scored compares every name and synonym of its hundred-odd candidates with
the query, by each wording's content words and key (terminology/text.py). They were read
from the full-text index (search/lexical/: texts()) on every search, a statement of their
own, and taken apart into words again; now each symptom's wordings, with their words and
keys, are kept in memory once read, for as long as the content version lasts
(symptomdb/content_cache.py: the signal that retires the kept pages and answers, which
every save or delete of a symptom or a synonym, a catalogue load and a restore change,
on every server sharing the store). A search reads from the database only the candidates
not read since the last change: none, once a worker has seen them all.

Where the shared store keeps no version (away, or keeping nothing), every call is a new
version: the candidates are read afresh on every search, as before. At most one entry per
symptom of the catalogue: 8 MB with every one of the 18,976 read, their strings included,
beside terminology/text.py's own caches of the same words and keys.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache

from symptomdb.content_cache import content_version
from symptomdb.search.lexical import lexical
from symptomdb.terminology.text import content_words, key


@dataclass(frozen=True, slots=True)
class Wording:
    """A name or synonym as stored, its content words (as keys) and its key."""

    text: str
    words: frozenset[str]
    key: str


def wordings_of(name: str, synonyms: list[str]) -> tuple[Wording, ...]:
    """A symptom's wordings, its name first."""
    return tuple(Wording(text, content_words(text), key(text)) for text in (name, *synonyms))


def wordings_read(symptom_ids: Collection[int]) -> Mapping[int, tuple[Wording, ...]]:
    """The wordings of these symptoms, as the full-text index holds them now; a symptom
    the index does not hold (removed since the vectors were read) is absent."""
    # The version first, then the rows: a change committed after this read starts a
    # newer version, so what is read here is never kept under a version it predates.
    kept = _kept(content_version())
    missing = [sid for sid in symptom_ids if sid not in kept]
    if missing:
        kept.update(
            (indexed.symptom_id, wordings_of(indexed.name, indexed.synonyms))
            for indexed in lexical().texts(missing)
        )
    return kept


@lru_cache(maxsize=1)
def _kept(version: str) -> dict[int, tuple[Wording, ...]]:
    """The wordings read under this content version; those of the one before are
    dropped when a new version is first asked for."""
    return {}
