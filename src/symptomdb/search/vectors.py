"""The catalogue's sentence vectors: kept in the database, cached under SYMPTOMDB_HOME.

The database is where they live (search.models.TextVector): one float32 row per text
and model, written when a catalogue release is loaded, for the texts no row holds
yet. So a catalogue is embedded once, whatever the number of servers or homes on the
database, and a catalogue update embeds only its new or changed wordings
(search/index.py).

Each home keeps a cache of them, SYMPTOMDB_HOME/search/: `vectors.npy` is a float32
matrix, one unit vector per embedded text, rows grouped by symptom; `vectors.json`
says which text and which symptom (by slug, stable across reloads) each row is, and
which model made them. The matrix is memory-mapped at load, so a restarted worker is
ready in well under a second. A missing, unreadable or out-of-date cache is rebuilt
from the database, without the model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt
from django.conf import settings

from symptomdb.language.embedding import DIMENSIONS, MODEL_NAME, Vectors
from symptomdb.search.int8_scan import Int8Scan

logger = logging.getLogger(__name__)

# A symptom's similarity blends its best text with the mean of its texts. The
# best alone favours symptoms with many wordings (the maximum of many noisy
# similarities grows with their number: "Broad hallux" has a dozen lay
# synonyms about big toes); the mean corrects for that. Measured in
# docs/search.md.
MEAN_WEIGHT = 0.2

FORMAT = 1


def index_dir() -> Path:
    return Path(settings.HOME) / "search"


def vector_paths() -> tuple[Path, Path]:
    folder = index_dir()
    return folder / "vectors.npy", folder / "vectors.json"


@dataclass
class StoredVectors:
    matrix: Vectors
    texts: list[str]
    slugs: list[str]


def vectors_save(*, matrix: Vectors, texts: list[str], slugs: list[str]) -> None:
    """Write both files atomically (rename), so a worker never reads half a file."""
    npy, meta = vector_paths()
    npy.parent.mkdir(parents=True, exist_ok=True)
    tmp_npy = npy.with_suffix(".tmp.npy")
    np.save(tmp_npy, matrix.astype(np.float32, copy=False))
    tmp_meta = meta.with_suffix(".tmp.json")
    tmp_meta.write_text(
        json.dumps(
            {"format": FORMAT, "model": MODEL_NAME, "texts": texts, "slugs": slugs},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    os.replace(tmp_npy, npy)
    os.replace(tmp_meta, meta)


def vectors_load(*, mmap: bool = True) -> StoredVectors | None:
    """The home's cache, or None when it is missing, unreadable or another model's."""
    npy, meta = vector_paths()
    if not npy.is_file() or not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        # The cache names the model that made its vectors (MODEL_NAME, the key of the
        # database's rows too): another model's, or the same file run another way, is not read.
        if data.get("format") != FORMAT or data.get("model") != MODEL_NAME:
            return None
        texts, slugs = data["texts"], data["slugs"]
        matrix = np.load(npy, mmap_mode="r" if mmap else None)
    except (OSError, ValueError, KeyError, AttributeError, TypeError) as error:
        # Only a cache: the caller rebuilds it from the database.
        logger.warning("Search: the vectors cache under %s is unreadable (%s).", npy.parent, error)
        return None
    if (
        matrix.dtype != np.float32
        or matrix.shape != (len(texts), DIMENSIONS)
        or len(slugs) != len(texts)
    ):
        return None
    return StoredVectors(matrix=matrix, texts=texts, slugs=slugs)


def vectors_stamp() -> tuple[int, int] | None:
    """Changes whenever the files are rewritten: the search reloads on a change."""
    _, meta = vector_paths()
    try:
        stat = meta.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


# --- in the database -----------------------------------------------------------------

WRITE_BATCH = 1000


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_vectors(texts: Sequence[str]) -> tuple[Vectors, npt.NDArray[np.bool_]]:
    """The database's vectors of these texts (this model's), one row per text, and which
    texts have one (the others' rows are zeros)."""
    from symptomdb.search.models import TextVector

    rows_of: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        rows_of.setdefault(text_digest(text), []).append(i)
    matrix = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    found = np.zeros(len(texts), dtype=bool)
    for digest, blob in (
        TextVector.objects.filter(model=MODEL_NAME)
        .values_list("digest", "vector")
        .iterator(chunk_size=2000)
    ):
        rows = rows_of.get(digest)
        if rows is None or len(blob) != DIMENSIONS * 4:
            continue  # another release's text, or a damaged row (written again)
        matrix[rows] = np.frombuffer(blob, dtype="<f4")
        found[rows] = True
    return matrix, found


def vectors_store(texts: Sequence[str], matrix: Vectors) -> None:
    """Write these texts' vectors (this model's), replacing any row of the same text."""
    from django.db import transaction

    from symptomdb.search.models import TextVector

    unique = {text_digest(t): (t, i) for i, t in enumerate(texts)}
    rows = [
        TextVector(
            model=MODEL_NAME,
            digest=digest,
            text=text,
            vector=np.asarray(matrix[i], dtype="<f4").tobytes(),
        )
        for digest, (text, i) in unique.items()
    ]
    with transaction.atomic():
        # Two homes may embed the same text at once: the second write wins, same vector.
        TextVector.objects.bulk_create(
            rows,
            batch_size=WRITE_BATCH,
            update_conflicts=True,
            unique_fields=["model", "digest"],
            update_fields=["text", "vector"],
        )


def vectors_prune(texts: Sequence[str]) -> int:
    """Delete this model's rows of texts the catalogue no longer embeds; returns how many."""
    from symptomdb.search.models import TextVector

    keep = {text_digest(t) for t in texts}
    gone = [
        pk
        for pk, digest in TextVector.objects.filter(model=MODEL_NAME).values_list("pk", "digest")
        if digest not in keep
    ]
    for start in range(0, len(gone), WRITE_BATCH):
        TextVector.objects.filter(pk__in=gone[start : start + WRITE_BATCH]).delete()
    return len(gone)


# The scan in two steps (docs/search.md, *Speed*): every text against the query in int8
# (search/int8_scan.py: 9 MB of int8 instead of 35 MB of float32, the scan being
# memory-bound), then the float32 vectors again for the RESCORED best symptoms of each
# row, so that the candidates the search keeps carry their exact similarity. An int8
# similarity is within ≈ 0.005 of the exact one; benchmarks/search_speed.py measures how
# many of the exact scan's best SEMANTIC_POOL symptoms this finds (all of them on the dev
# queries and the catalogue sample).
RESCORED = 200
# Up to this many query vectors, similarities_split scans as above. A long query read
# clause by clause has more (the whole query's one or two, and two to four clauses):
# those rows are fused into one similarity per symptom (similarities_fused), and the
# int8 scan's proved error bound says which symptoms need their exact rows.
INT8_MAX_QUERIES = 3
# Beyond this share of the symptoms to read again exactly, one float32 product of the
# whole matrix is the cheaper scan.
EXACT_SHARE_MAX = 0.25


class Fuse(Protocol):
    """Rows × symptoms → one similarity per symptom, and which later row led to it
    (search/fusion.py: clause_fused). It must move a symptom's value by no more than the
    most any of its rows moves (as a maximum, a mean or a mix of them does)."""

    def __call__(
        self, whole: npt.NDArray[np.float32], clauses: npt.NDArray[np.float32]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]: ...


class SemanticIndex:
    """Cosine similarity of a query to every symptom, over all its texts."""

    def __init__(
        self,
        matrix: Vectors,
        symptom_ids: npt.NDArray[np.int64],
        *,
        in_mean: npt.NDArray[np.bool_] | None = None,
    ) -> None:
        """`in_mean`: per row, whether the text counts in its symptom's mean as well as
        for its best (default: every row); a text that does not (search/index.py:
        BEST_ONLY_SOURCES) can only raise its symptom, when it is the closest."""
        # Rows arrive grouped by symptom; `starts` marks where each group begins.
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        change = np.flatnonzero(np.diff(symptom_ids)) + 1
        self.starts = np.concatenate([[0], change]).astype(np.int64)
        self.symptom_ids = symptom_ids[self.starts]
        if in_mean is None:
            in_mean = np.ones(len(symptom_ids), dtype=bool)
        self.in_mean = in_mean.astype(np.float32)
        # How many texts each symptom's mean is over (at least one: the name always is).
        self.counts = (
            np.maximum(np.add.reduceat(self.in_mean, self.starts), 1).astype(np.float32)
            if len(symptom_ids)
            else np.zeros(0, dtype=np.float32)
        )
        self.sizes = np.diff(np.append(self.starts, len(symptom_ids))).astype(np.int64)
        self.position = {int(sid): i for i, sid in enumerate(self.symptom_ids)}
        self.groups = _Groups.of(self.starts, self.sizes, self.counts, self.in_mean)
        # An index of no more symptoms than RESCORED is always scanned in float32.
        self.int8 = Int8Scan(self.matrix) if len(self.symptom_ids) > RESCORED else None

    def __len__(self) -> int:
        return len(self.symptom_ids)

    def similarities(self, queries: Vectors, *, exact: bool = False) -> npt.NDArray[np.float32]:
        """Per symptom: each text scores its best similarity to any query vector
        (as typed, as corrected, with lay words), then the symptom blends the
        best and the mean of its texts (MEAN_WEIGHT). `exact`: the float32 scan of every
        text (the benchmark's reference)."""
        queries = np.atleast_2d(queries)
        return self.similarities_split(queries, len(queries), exact=exact)[0]

    def similarities_split(
        self, queries: Vectors, whole: int, *, exact: bool = False
    ) -> npt.NDArray[np.float32]:
        """One pass over the matrix for a query read whole and clause by clause: row 0 is
        similarities(queries[:whole]); each further row, one later vector's on its own
        (search/clauses.py)."""
        if not len(self.symptom_ids):
            return np.zeros((1 + len(queries) - whole, 0), dtype=np.float32)
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if exact or len(queries) > INT8_MAX_QUERIES or len(self.symptom_ids) <= RESCORED:
            return _blended(self.matrix @ queries.T, self.groups, whole)
        assert self.int8 is not None  # more symptoms than RESCORED
        blended = _blended(self.int8.estimates(queries).scores, self.groups, whole)
        # The best of each row again, exactly.
        best = np.unique(
            np.concatenate([np.argpartition(-row, RESCORED - 1)[:RESCORED] for row in blended])
        )
        blended[:, best] = self._exact_at(queries, whole, best)
        return blended

    def similarities_fused(
        self,
        queries: Vectors,
        whole: int,
        fuse: Fuse,
        *,
        pool: int,
        also: Sequence[int] = (),
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.int64]]:
        """For a query read clause by clause: `fuse` of similarities_split's first row and
        the others, per symptom its fused similarity and the later row that led to it.

        Up to INT8_MAX_QUERIES vectors, exactly that. With more, the int8 scan of every
        text and an exact second look at the symptoms that could be among the `pool` best
        after fusion and at the positions in `also` (the caller's other candidates): those
        carry their exact value (to float32 rounding), the rest an estimate that the
        scan's error bound proves lower than the pool's, so the pool is the exact scan's.
        A fused value is within the bound of its estimate because `fuse` moves it by no
        more than its rows move; so a symptom whose estimate is more than twice the bound
        under the pool-th best estimate is under the pool-th best exact value."""
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        if len(queries) <= INT8_MAX_QUERIES or self.int8 is None:
            split = self.similarities_split(queries, whole)
            return fuse(split[0], split[1:])
        estimates = self.int8.estimates(queries)
        rough = _blended(estimates.scores, self.groups, whole)
        fused, leading = fuse(rough[0], rough[1:])
        pool = max(1, min(pool, len(fused)))
        floor = np.partition(fused, len(fused) - pool)[len(fused) - pool]
        needed = np.union1d(
            np.flatnonzero(fused >= floor - 2 * estimates.margin), np.asarray(also, dtype=np.int64)
        )
        if len(needed) > EXACT_SHARE_MAX * len(fused):
            split = self.similarities_split(queries, whole, exact=True)
            return fuse(split[0], split[1:])
        exact = self._exact_at(queries, whole, needed)
        fused[needed], leading[needed] = fuse(exact[0], exact[1:])
        return fused, leading

    def _exact_at(
        self, queries: Vectors, whole: int, positions: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float32]:
        """similarities_split's rows for the symptoms at `positions` (sorted), from the
        float32 vectors of their texts only."""
        lengths = self.sizes[positions]
        rows, local = _rows_of(self.starts[positions], lengths)
        groups = _Groups.of(local, lengths, self.counts[positions], self.in_mean[rows])
        return _blended(self.matrix[rows] @ queries.T, groups, whole)


@dataclass(frozen=True)
class _Groups:
    """Texts grouped by symptom, as _blended reads them: where each symptom's texts start,
    how many of them count in its mean (`counts`), and whether its first text does.

    Most symptoms have one text (17,700 of the catalogue's 18,976: only common ones have
    their synonyms embedded), and a reduction over one text is that text: so the
    reductions run over the texts of the other symptoms only (`several`: their texts
    `several_rows` from `several_starts`, and whether each counts in the mean), each in
    the same order as over all of them. Over every text they cost 0.75 ms for a query of
    five vectors."""

    starts: npt.NDArray[np.int64]
    counts: npt.NDArray[np.float32]
    first_in_mean: npt.NDArray[np.float32]
    several: npt.NDArray[np.int64]
    several_rows: npt.NDArray[np.int64]
    several_starts: npt.NDArray[np.int64]
    several_in_mean: npt.NDArray[np.float32]

    @classmethod
    def of(
        cls,
        starts: npt.NDArray[np.int64],
        sizes: npt.NDArray[np.int64],
        counts: npt.NDArray[np.float32],
        in_mean: npt.NDArray[np.float32],
    ) -> _Groups:
        """`in_mean`: per text, 1 where it counts in its symptom's mean, else 0."""
        several = np.flatnonzero(sizes > 1)
        rows, local = _rows_of(starts[several], sizes[several])
        return cls(starts, counts, in_mean[starts], several, rows, local, in_mean[rows])


def _rows_of(
    starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The rows of groups that begin at `starts` and have `lengths` texts, one group after
    another, and where each group begins among them."""
    local = np.cumsum(lengths) - lengths
    rows = np.arange(int(lengths.sum())) - np.repeat(local, lengths) + np.repeat(starts, lengths)
    return rows, local


def _blended(
    scores: npt.NDArray[np.float32], groups: _Groups, whole: int
) -> npt.NDArray[np.float32]:
    """Texts × queries → rows × symptoms: row 0 the best of the first `whole` queries,
    then one row per later query; each blends a symptom's best text and the mean of
    its texts that count in the mean."""
    # Rows × texts, each row contiguous, and np.take along the rows: gathering each
    # symptom's first text as texts × rows (16 bytes a text for four rows) took 0.3 ms,
    # and indexing [:, starts] 0.2 ms, against 0.06 ms.
    by_query = scores.T
    rows = np.vstack([by_query[:whole].max(axis=0), by_query[whole:]])
    highest = np.take(rows, groups.starts, axis=1)
    total = highest * groups.first_in_mean
    if len(groups.several):
        # Texts × rows, C-ordered as the reductions have always read them, so that each
        # sum adds the same numbers in the same order.
        several = np.ascontiguousarray(np.take(rows, groups.several_rows, axis=1).T)
        highest[:, groups.several] = np.maximum.reduceat(several, groups.several_starts, axis=0).T
        total[:, groups.several] = np.add.reduceat(
            several * groups.several_in_mean[:, None], groups.several_starts, axis=0
        ).T
    # (1 − MEAN_WEIGHT) · highest + MEAN_WEIGHT · total / counts, in place: the same
    # float32 operations without four temporary arrays.
    np.divide(total, groups.counts, out=total)
    np.multiply(total, MEAN_WEIGHT, out=total)
    np.multiply(highest, 1 - MEAN_WEIGHT, out=highest)
    np.add(highest, total, out=highest)
    return highest
