"""Lexical retrieval on PostgreSQL: its own full-text search, and pg_trgm for typos.

Each symptom has a row in search_symptomdocument (search/models.py) with a
weighted tsvector — name A, synonyms B, published article C, definition D — and
its length as generated columns, with a GIN index; triggers made by migration 0002 keep the
texts current. A query is the OR of one plainto_tsquery per word: plain mode
reads no operators, and words_of() has already dropped everything but letters
and digits, so a reader's "-", "OR", "!" or quotes never change the meaning, as
escape_fts() guarantees on SQLite.

Hits are ranked by bm25, as FTS5 ranks them on SQLite, computed over what
PostgreSQL gives: ts_rank_cd of a one-word query is the word's weighted
frequency in the document (each occurrence counts its field's weight), and
bm25 turns that into a score with the word's inverse document frequency,
term-frequency saturation and a length discount. ts_rank_cd over the OR of the
words, as it is, lacks all three: every word of a complaint would count alike
(the common ones, "hand", "pain", "abnormal", match thousands of symptoms), and
a word eight times in one symptom's synonyms eight times as much as once in
another's name.

When no word matches anything (a typo the spelling correction could not fix,
or a word of a symptom added since the vocabulary was built), trigram word
similarity over names and synonyms finds the nearest (pg_trgm, GIN-indexed).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import reduce
from math import log
from operator import add, or_

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import F, FloatField, Q, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Coalesce, Greatest, NullIf

from symptomdb.search.lexical import Indexed, words_of
from symptomdb.search.models import TEXT_SEARCH_CONFIG, SymptomDocument

# ts_rank_cd weights for D (definition), C (article), B (synonyms), A (name): the
# FTS5 bm25 weights 1, 2, 5, 10, over ten (PostgreSQL's weights are at most 1).
WEIGHTS = [0.1, 0.2, 0.5, 1.0]
# bm25's constants, FTS5's values: how soon more occurrences stop adding (K1, in
# FTS5's weight units, so over ten here) and how much length is discounted (B).
K1 = 1.2
B = 0.75
# Trigram matching is for words long enough to have a typo in (as the spelling
# correction, search/spelling.py).
TRIGRAM_MIN_LENGTH = 4
# Set for the loader's transaction only: the triggers do nothing while it is on.
PAUSE_SETTING = "symptomdb.search_paused"


def term_query(term: str) -> SearchQuery:
    """plainto_tsquery: the term's lexemes, no operators (a stop word gives an
    empty query, which matches nothing)."""
    return SearchQuery(term, config=TEXT_SEARCH_CONFIG, search_type="plain")


def idf(matching: int, total: int) -> float:
    """bm25's inverse document frequency, as FTS5 computes it (floored just
    above zero for words in more than half the documents)."""
    return max(log((total - matching + 0.5) / (matching + 0.5)), 1e-6)


def bm25(term: str, weight: float, saturation: Combinable) -> Combinable:
    """One word's part of bm25: idf · f / (f + K1 · (1 − B + B · length / average
    length)), where f, the word's weighted frequency, is ts_rank_cd of the word
    alone. (bm25's constant factor K1 + 1 is left out: scores are only compared.)

    Written idf / (1 + saturation / f), 0 where f is 0, so that PostgreSQL
    computes ts_rank_cd once per row, not twice: a third less time for a long
    complaint matching thousands of documents."""
    frequency = SearchRank(F("document"), term_query(term), weights=WEIGHTS, cover_density=True)
    return Coalesce(
        Value(weight) / (Value(1.0) + saturation / NullIf(frequency, Value(0.0))), Value(0.0)
    )


def corpus_statistics(terms: list[str]) -> tuple[int, float, list[int]]:
    """How many documents there are, their average length, and how many contain
    each term: one round trip, a GIN index count per term."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), coalesce(avg(lexemes), 0), "
            "array(SELECT (SELECT count(*) FROM search_symptomdocument "
            "              WHERE document @@ plainto_tsquery(%s::regconfig, term)) "
            "      FROM unnest(%s::text[]) WITH ORDINALITY AS terms(term, position) "
            "      ORDER BY position) "
            "FROM search_symptomdocument",
            [TEXT_SEARCH_CONFIG, terms],
        )
        total, average, matching = cursor.fetchone()
    return total, float(average), list(matching)


class PostgresBackend:
    def match(self, words: Iterable[str], *, limit: int) -> dict[int, float]:
        terms = words_of(words)
        if not terms:
            return {}
        total, average, matching = corpus_statistics(terms)
        found = [(term, n) for term, n in zip(terms, matching, strict=True) if n]
        if not found:
            return self.similar(terms, limit=limit)
        saturation = Value(K1 / 10) * (
            Value(1 - B) + Value(B / average) * Cast("lexemes", FloatField())
        )
        score = reduce(add, (bm25(term, idf(n, total), saturation) for term, n in found))
        return dict(
            SymptomDocument.objects.filter(
                document=reduce(or_, (term_query(term) for term, _ in found))
            )
            .annotate(score=score)
            .order_by("-score", "symptom_id")
            .values_list("symptom_id", "score")[:limit]
        )

    def similar(self, terms: list[str], *, limit: int) -> dict[int, float]:
        """Symptoms whose name or a synonym has a word like one of these, scored
        by the summed word similarity (0–1 per term)."""
        terms = [t for t in terms if len(t) >= TRIGRAM_MIN_LENGTH and not t.isdigit()]
        if not terms:
            return {}
        # The %> operator (word_similarity above pg_trgm's threshold, 0.6 by
        # default) is what the trigram GIN indexes answer.
        near = reduce(
            or_,
            (
                Q(TrigramWordSimilar(F(field), Value(term)))
                for term in terms
                for field in ("name", "synonyms")
            ),
        )
        similarity = reduce(
            add,
            (
                Greatest(
                    TrigramWordSimilarity(term, "name"), TrigramWordSimilarity(term, "synonyms")
                )
                for term in terms
            ),
        )
        return dict(
            SymptomDocument.objects.filter(near)
            .annotate(similarity=similarity)
            .order_by("-similarity", "symptom_id")
            .values_list("symptom_id", "similarity")[:limit]
        )

    def texts(self, symptom_ids: Iterable[int]) -> Iterator[Indexed]:
        for sid, name, synonyms in SymptomDocument.objects.filter(
            symptom_id__in=list(symptom_ids)
        ).values_list("symptom_id", "name", "synonyms"):
            yield Indexed(sid, name, [s for s in synonyms.split(" ; ") if s])

    @contextmanager
    def paused(self) -> Iterator[None]:
        """The triggers skip their work while PAUSE_SETTING is on. set_config(…,
        true) lasts until the transaction ends, so no other session is affected,
        and a rollback or commit ends the pause whatever happens here."""
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, 'on', true)", [PAUSE_SETTING])
            yield
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config(%s, 'off', true)", [PAUSE_SETTING])

    def rebuild(self) -> None:
        """Every document from the tables: one statement (migration 0002's
        search_documents_rebuild()), about a second for the catalogue."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT search_documents_rebuild()")


BACKEND = PostgresBackend()
