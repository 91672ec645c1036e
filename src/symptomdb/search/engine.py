"""The search's per-process engine: the speller's vocabulary, the catalogue's vectors and
the embedding model, loaded once per worker and reloaded when `init` has rewritten the
vectors (their stamp changed). A missing or unreadable vectors cache is written again
from the database first (search/index.py, vectors_cache_rebuild).

Without vectors or without the model the engine still answers, matching words only, and
says so once in the log; search/answer.py does not keep such answers.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import numpy as np

from symptomdb.language.embedding import Embedder, EmbeddingUnavailable, embedder
from symptomdb.search.index import best_only_texts
from symptomdb.search.spelling import Speller, speller_load
from symptomdb.search.vectors import SemanticIndex, vectors_load, vectors_stamp
from symptomdb.terminology.models import Symptom

logger = logging.getLogger(__name__)


@dataclass
class Engine:
    speller: Speller
    semantic: SemanticIndex | None
    model: Embedder | None
    stamp: tuple[int, int] | None


_engine: Engine | None = None
_lock = threading.Lock()
_warned = False


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        logger.warning(message)


def engine() -> Engine:
    """The loaded indexes, reloaded when `init` has rewritten them."""
    global _engine
    stamp = vectors_stamp()
    if _engine is not None and _engine.stamp == stamp:
        return _engine
    with _lock:
        if _engine is not None and _engine.stamp == stamp:
            return _engine
        _engine = _engine_load(stamp)
        return _engine


def _engine_load(stamp: tuple[int, int] | None) -> Engine:
    speller = speller_load()
    stored = vectors_load()
    if stored is None:
        # The files are only a cache of the database's vectors: write them again.
        from symptomdb.search.index import vectors_cache_rebuild

        stored = vectors_cache_rebuild()
        stamp = vectors_stamp()
    if stored is None:
        _warn_once(
            "Search: no catalogue vectors in the database (run `symptomdb init`); "
            "matching words only."
        )
        return Engine(speller=speller, semantic=None, model=None, stamp=stamp)
    try:
        model = embedder()
    except EmbeddingUnavailable as error:
        _warn_once(f"Search: the embedding model is unavailable ({error}); matching words only.")
        return Engine(speller=speller, semantic=None, model=None, stamp=stamp)
    ids = dict(Symptom.objects.values_list("slug", "id"))
    keep = np.array([slug in ids for slug in stored.slugs], dtype=bool)
    semantic: SemanticIndex | None = None
    if keep.any():
        symptom_ids = np.array(
            [ids[s] for s, k in zip(stored.slugs, keep, strict=True) if k], dtype=np.int64
        )
        # Usually every row is kept: then the memory-mapped file itself is the index,
        # one copy in the page cache shared by every worker, instead of 35 MB of
        # private memory in each.
        matrix = stored.matrix if keep.all() else np.asarray(stored.matrix)[keep]
        best_only = best_only_texts()
        in_mean = np.array(
            [
                text not in best_only.get(slug, ())
                for slug, text, k in zip(stored.slugs, stored.texts, keep, strict=True)
                if k
            ],
            dtype=bool,
        )
        semantic = SemanticIndex(matrix, symptom_ids, in_mean=in_mean)
    return Engine(speller=speller, semantic=semantic, model=model, stamp=stamp)


def engine_reset() -> None:
    """Forget the loaded indexes (tests; after rebuilding them in-process)."""
    global _engine, _warned
    _engine = None
    _warned = False
