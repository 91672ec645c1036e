"""The one search entry point, used by the results page, the API and the CLI.

    search_found(query)
      clean_query      whitespace folded; too long or control characters → QueryError
      analyse          filler, typos, UK spellings, lay words (search/query.py)
      candidates       the database's full-text search (search/lexical/: FTS5 bm25 on
                       SQLite, a weighted tsvector on PostgreSQL) and the embedding model
                       (the engine, search/engine.py, over search/vectors.py); a query of
                       several clauses is embedded clause by clause too (search/clauses.py)
      wording_scored   each candidate's best name or synonym against the query's words
                       (search/wordings.py: read once per content version, then kept)
      facts_read       the candidates' rows: names, prior and, live, whether an article
                       is about them (search/rows.py: SQL, as the ORM costs more than
                       the reads)
      ranked           one fused score each (search/fusion.py), best first
      hits_built       the Hits: data only; the results page highlights them (web/)

docs/search.md describes the design and its measured quality and speed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from symptomdb.search.clauses import Clause, clauses_of
from symptomdb.search.engine import Engine, engine
from symptomdb.search.fusion import Signals, clause_fused, fused_score, overlap
from symptomdb.search.lexical import lexical
from symptomdb.search.query import FILLER, Analysed, Remembered, analyse
from symptomdb.search.rows import Code, Row, candidate_rows, codes_of
from symptomdb.search.wordings import wordings_read
from symptomdb.terminology.text import key

MAX_QUERY_LENGTH = 1000
# The most results one answer gives: the API, the page and the CLI all take at most this many.
MAX_RESULTS = 50
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

# How many candidates each retriever proposes before fusion.
SEMANTIC_POOL = 60
LEXICAL_POOL = 60


class QueryError(ValueError):
    """A query the search cannot take; the message says why, for the reader."""


@dataclass(frozen=True)
class Hit:
    slug: str
    name: str
    score: float
    codes: list[Code] = field(default_factory=list)
    has_article: bool = False
    # The everyday name shown first (terminology/display.py); `name` is the clinical one.
    display_name: str = ""
    # Published articles that cover the symptom beside their own (Article.covers).
    covered_by_article: bool = False
    # The catalogue's prior: how likely a reader means it (terminology/prior.py); the
    # results page groups by it (search/grouping.py).
    prior: float = 0.0
    # For the results page's line of context (web/search_results.py): the synonym that
    # matched the query, when it was not the name, and the symptom's definition.
    matched_synonym: str = field(default="", compare=False)
    definition: str = field(default="", compare=False)
    # For a query of several clauses: the clause, as typed, that pointed to this symptom
    # most (search/clauses.py); "" for a query of one clause, which led to it whole.
    matched_clause: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "name": self.name,
            "score": round(self.score, 4),
            "codes": [{"system": c.system, "code": c.code} for c in self.codes],
            "has_article": self.has_article,
            "display_name": self.display_name or self.name,
            "covered_by_article": self.covered_by_article,
            "matched_clause": self.matched_clause or None,
        }

    @property
    def clinical_name_differs(self) -> bool:
        return bool(self.display_name) and self.display_name.casefold() != self.name.casefold()


@dataclass(frozen=True)
class Found:
    """The hits; the query as the search read it when it corrected a typo (""); and the
    folded words it looked for (what the results page marks in each name)."""

    hits: list[Hit]
    corrected: str = ""
    words: tuple[str, ...] = ()


def clean_query(query: str | None) -> str:
    """The query with its whitespace folded, or QueryError saying what is wrong."""
    if query is None or not query.strip():
        raise QueryError("Please type a symptom to search for.")
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(
            f"The search is {len(query):,} characters long; please keep it under "
            f"{MAX_QUERY_LENGTH:,}."
        )
    if _CONTROL.search(query):
        raise QueryError("The search contains control characters; please type plain text.")
    return " ".join(query.split())


def search(query: str, *, limit: int = 10, correct: bool = True) -> list[Hit]:
    """The symptoms the query most likely means, best first."""
    return search_found(query, limit=limit, correct=correct).hits


def search_found(query: str, *, limit: int = 10, correct: bool = True) -> Found:
    """As search(), with the corrected query the results page announces; `correct` off
    searches the words as typed (the page's "Search instead for …")."""
    text = clean_query(query)
    current = engine()
    analysed = analyse(text, current.speller, correct=correct)
    words = tuple(_keys([*analysed.content, *analysed.expansions]))
    if not analysed.content and not analysed.expansions:
        return Found(hits=[], words=words)  # only filler ("I have a really bad")
    clauses = clauses_of(text, FILLER) if current.model is not None else []
    signals, lexical_scores = candidates(text, analysed, current, clauses)
    if not signals:
        return Found(hits=[], words=words)
    matched = wording_scored(signals, lexical_scores, analysed)
    rows = facts_read(signals)
    order = ranked(signals, rows, limit=limit)
    hits = hits_built(order, signals, rows, matched, clauses)
    return Found(hits=hits, corrected=analysed.typo_corrected if hits else "", words=words)


def candidates(
    text: str, analysed: Analysed, current: Engine, clauses: list[Clause] | None = None
) -> tuple[dict[int, Signals], dict[int, float]]:
    """The symptoms either retriever proposes, each with its similarity to the query (0
    without the model), and the full-text scores of the lexical ones.

    With `clauses` (a query of several, search/clauses.py), each clause is embedded too,
    in one batch of their own, and a symptom one clause points to more clearly than the
    whole does keeps part of that clause's similarity (fusion.clause_fused); its Signals
    say which clause."""
    found = lexical().match([*analysed.content, *analysed.expansions], limit=LEXICAL_POOL)
    signals: dict[int, Signals] = {}
    if current.semantic is None or current.model is None:
        return {sid: Signals() for sid in found}, found
    # The query as typed, and (when spelling or the lay vocabulary changed anything) as
    # corrected with the clinical words its lay words stand for ("tummy ache (abdominal
    # pain)"): closer to the catalogue's wording. The typed one stays in case a
    # correction was wrong.
    texts = [text]
    if analysed.changed or analysed.expansions:
        texts.append(analysed.model_text)
    if not clauses:
        similarities = current.semantic.similarities(current.model.embed_recent(texts))
        leading = None
    else:
        # Each clause's words read as the whole query read them (spelling, lay words).
        known = Remembered(analysed.corrections)
        clause_texts = [analyse(c.text, known).model_text for c in clauses]
        # Two runs of the model, the whole query's texts and the clauses: in one batch
        # every clause would be padded to the whole query's length (3.2 times the CPU of
        # the whole query alone, against 2.4 in two; docs/search.md).
        vectors = np.concatenate(
            [current.model.embed_recent(texts), current.model.embed_recent(clause_texts)]
        )
        # Beyond INT8_MAX_QUERIES vectors only the symptoms that could make the pool are
        # read again in float32 (vectors.similarities_fused): the full-text candidates
        # are read with them, so that they keep the exact similarity they had.
        also = [p for sid in found if (p := current.semantic.position.get(sid)) is not None]
        similarities, leading = current.semantic.similarities_fused(
            vectors, len(texts), clause_fused, pool=SEMANTIC_POOL, also=also
        )
    pool = min(SEMANTIC_POOL, len(similarities))
    for position in np.argpartition(-similarities, pool - 1)[:pool]:
        signals[int(current.semantic.symptom_ids[position])] = _semantic(
            similarities, leading, int(position)
        )
    for sid in found:
        position_of = current.semantic.position.get(sid)
        if position_of is None:
            signals.setdefault(sid, Signals())
        elif sid not in signals:
            signals[sid] = _semantic(similarities, leading, position_of)
    return signals, found


def _semantic(
    similarities: npt.NDArray[np.float32], leading: npt.NDArray[np.int64] | None, position: int
) -> Signals:
    clause = -1 if leading is None else int(leading[position])
    return Signals(similarity=float(similarities[position]), clause=clause)


def wording_scored(
    signals: dict[int, Signals], lexical_scores: dict[int, float], analysed: Analysed
) -> dict[int, str]:
    """Each candidate's full-text score (within this query), word overlap and exact match
    against its best name or synonym. Returns the synonym that matched, where one did
    better than the name (the results page says "Also called …")."""
    best_lexical = max(lexical_scores.values(), default=0.0)
    matched: dict[int, str] = {}
    query_words = set(_keys(analysed.content))
    extra_words = set(_keys(analysed.expansions))
    query_key = " ".join(_keys(analysed.content))
    # Most wordings of the hundred-odd candidates share no word with the query (the
    # model proposed them): such a wording overlaps by 0 and can only be an exact match
    # by its key, so it is passed over without its scores, which would change nothing.
    either = query_words | extra_words
    wordings = wordings_read(signals.keys())
    for sid, s in signals.items():
        known = wordings.get(sid)
        if known is None:
            continue  # no longer in the full-text index (removed since the vectors)
        score = lexical_scores.get(sid, 0.0)
        s.lexical = score / best_lexical if best_lexical > 0 else 0.0
        for i, wording in enumerate(known):
            if wording.words.isdisjoint(either) and wording.key != query_key:
                continue
            similar = overlap(query_words, extra_words, wording.words)
            exact = bool(query_key) and (wording.key == query_key or wording.words == query_words)
            if exact or similar > s.overlap:
                if i and (exact or similar > 0.5):
                    matched[sid] = wording.text
                elif not i:
                    matched.pop(sid, None)
            s.overlap = max(s.overlap, similar)
            s.exact = s.exact or exact
    return matched


def facts_read(signals: dict[int, Signals]) -> dict[int, Row]:
    """The candidates' rows, with the catalogue's prior and, read live, whether a
    published article is about them or covers them; a symptom an article covers ranks
    as one with its own article: its page leads to that article."""
    rows = candidate_rows(list(signals))
    for sid, row in rows.items():
        signals[sid].prior = row.prior
        signals[sid].has_article = row.has_article or row.covered
    return rows


def ranked(signals: dict[int, Signals], rows: dict[int, Row], *, limit: int) -> list[int]:
    """The best `limit` candidates by fused score, ties by name."""
    return sorted(
        (sid for sid in signals if sid in rows),
        key=lambda sid: (-fused_score(signals[sid]), rows[sid].name),
    )[:limit]


def hits_built(
    order: list[int],
    signals: dict[int, Signals],
    rows: dict[int, Row],
    matched: dict[int, str],
    clauses: list[Clause] | None = None,
) -> list[Hit]:
    codes = codes_of(order)
    hits = []
    for sid in order:
        row = rows[sid]
        hits.append(
            Hit(
                slug=row.slug,
                name=row.name,
                score=fused_score(signals[sid]),
                codes=codes.get(sid, []),
                has_article=row.has_article,
                display_name=row.display_name or row.name,
                covered_by_article=row.covered and not row.has_article,
                prior=row.prior,
                matched_synonym=matched.get(sid, ""),
                definition=row.definition,
                matched_clause=_clause_text(clauses, signals[sid].clause),
            )
        )
    return hits


def _clause_text(clauses: list[Clause] | None, index: int) -> str:
    return clauses[index].text if clauses and 0 <= index < len(clauses) else ""


def _keys(words: list[str]) -> list[str]:
    return [k for k in (key(w) for w in words) if k]
