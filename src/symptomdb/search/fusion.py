"""Combining the signals into one score per symptom.

Reciprocal-rank fusion of bm25 and the embedding model was worse than the model
alone on unseen queries: it gives a lexical rank as much say as a semantic one,
and bm25 ranks are poor for lay wording ("knotted" matches nothing useful). So
the fusion is at score level, each signal on a known scale:

    score = similarity                      cosine of the query to the symptom's best
                                            text (0.2 unrelated … 0.9 the same words)
          + W_EXACT   · exact               the query's content words are the name
                                            or a synonym (after spelling, plural
                                            and typo folding)
          + W_OVERLAP · overlap             F1 of query words vs the best-matching
                                            name or synonym, lay words counted
          + W_LEXICAL · lexical / max       full-text rank within this query (bm25
                                            on SQLite, ts_rank_cd on PostgreSQL)
          + W_PRIOR   · prior               commoner complaints first on near-ties
          + W_ARTICLE · has an article

The similarity is the main signal. An exact name or synonym match is a strong
boost: readers who type "pruritus" or "charley horse" mean that concept. The
overlap and full-text terms are small: they separate near-equal similarities, and
help when the model is unavailable (then they carry the ranking alone). The
prior and the article flag only break ties. The weights were set on these
principles and checked on the dev set as a whole; they are not fitted to it.

A query of several clauses (search/clauses.py) has a similarity per clause as well as
the whole one, and the symptom's is

    similarity = whole + W_CLAUSE · max(0, best clause − whole)

so a symptom one clause names clearly ("I keep waking at night to pass urine") is not
drowned by the rest of a long story, which pulls the whole query's vector elsewhere;
half the gap only, because a clause alone is short and scores high against short names
more easily, and a symptom the whole story points to as well still comes first.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

W_EXACT = 0.30
W_OVERLAP = 0.15
W_LEXICAL = 0.05
W_PRIOR = 0.06
W_ARTICLE = 0.02
W_CLAUSE = 0.5


@dataclass
class Signals:
    similarity: float = 0.0
    exact: bool = False
    overlap: float = 0.0
    lexical: float = 0.0  # the full-text score, normalised to [0, 1] within the query
    prior: float = 0.0
    has_article: bool = False
    clause: int = -1  # the clause that pointed to it most, for a query of several; else -1


def fused_score(s: Signals) -> float:
    return (
        s.similarity
        + W_EXACT * s.exact
        + W_OVERLAP * s.overlap
        + W_LEXICAL * s.lexical
        + W_PRIOR * s.prior
        + W_ARTICLE * s.has_article
    )


def overlap(query: AbstractSet[str], extra: AbstractSet[str], name: AbstractSet[str]) -> float:
    """F1 of the query's words against a name's words. Lay expansions ("tummy" →
    "abdominal") count towards covering the name but not towards the query's
    length, since the reader did not type them."""
    if not query or not name:
        return 0.0
    hits = len(query & name)
    covered = min(len(name), hits + len((extra - query) & name))
    if not covered:
        return 0.0
    precision = hits / len(query) if hits else covered / (len(query) + len(extra & name))
    recall = covered / len(name)
    return 2 * precision * recall / (precision + recall)


def clause_fused(
    whole: npt.NDArray[np.float32], clauses: npt.NDArray[np.float32]
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
    """Per symptom: the similarity with its clauses' say (W_CLAUSE, above), and which
    clause (a row of `clauses`, one per clause × symptoms) was the closest."""
    # clauses.argmax(axis=0) and its values, row by row: argmax along the first axis
    # copies the array first (0.3 ms for four clauses over the catalogue). A later clause
    # leads only when strictly closer, so ties go to the first, as argmax's do.
    best = clauses[0].copy()
    leading = np.zeros(clauses.shape[1], dtype=np.int64)
    for i in range(1, len(clauses)):
        closer = clauses[i] > best
        leading[closer] = i
        np.maximum(best, clauses[i], out=best)
    fused = whole + W_CLAUSE * np.maximum(best - whole, 0)
    return fused.astype(np.float32, copy=False), leading
