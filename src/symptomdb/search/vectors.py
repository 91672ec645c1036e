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

import numpy as np
import numpy.typing as npt
import simsimd
from django.conf import settings

from symptomdb.language.embedding import DIMENSIONS, MODEL_NAME, Vectors

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
# (simsimd's SIMD dot products over 9 MB instead of a float32 product over 35 MB: the
# scan is memory-bound), then the float32 vectors again for the RESCORED best symptoms of
# each row, so that the candidates the search keeps carry their exact similarity. An
# int8 similarity is within ≈ 0.005 of the exact one; benchmarks/search_speed.py
# measures how many of the exact scan's best SEMANTIC_POOL symptoms this finds (all of
# them on the dev queries and the catalogue sample).
RESCORED = 200
# Beyond this many query vectors (a long query read clause by clause), one float32
# matrix product reads the matrix once for all of them and is the cheaper scan.
INT8_MAX_QUERIES = 3


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
        # Each dimension on its own int8 scale (its largest magnitude is 127); the query
        # takes the scales before it is made int8 itself, so M8 · q8 ≈ matrix · query.
        largest = np.abs(self.matrix).max(axis=0) if len(self.matrix) else np.ones(DIMENSIONS)
        self.scale = (np.maximum(largest, 1e-12) / 127).astype(np.float32)
        self.matrix8 = np.round(self.matrix / self.scale).astype(np.int8)

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
            return self._blended(
                self.matrix @ queries.T, self.starts, self.counts, self.in_mean, whole
            )
        blended = self._blended(
            self._int8_scores(queries), self.starts, self.counts, self.in_mean, whole
        )
        # The best of each row again, exactly.
        best = np.unique(
            np.concatenate([np.argpartition(-row, RESCORED - 1)[:RESCORED] for row in blended])
        )
        lengths = self.sizes[best]
        local = np.cumsum(lengths) - lengths
        rows = (
            np.arange(int(lengths.sum()))
            - np.repeat(local, lengths)
            + np.repeat(self.starts[best], lengths)
        )
        blended[:, best] = self._blended(
            self.matrix[rows] @ queries.T, local, self.counts[best], self.in_mean[rows], whole
        )
        return blended

    def _int8_scores(self, queries: Vectors) -> npt.NDArray[np.float32]:
        """Texts × queries, from the int8 matrix."""
        scaled = queries * self.scale
        largest = np.maximum(np.abs(scaled).max(axis=1), 1e-12)
        q8 = np.round(scaled * (127 / largest)[:, None]).astype(np.int8)
        dots = np.asarray(simsimd.cdist(q8, self.matrix8, metric="dot", out_dtype="float32"))
        return (dots * (largest / 127)[:, None]).T

    @staticmethod
    def _blended(
        scores: npt.NDArray[np.float32],
        starts: npt.NDArray[np.int64],
        counts: npt.NDArray[np.float32],
        in_mean: npt.NDArray[np.float32],
        whole: int,
    ) -> npt.NDArray[np.float32]:
        """Texts × queries → rows × symptoms: row 0 the best of the first `whole` queries,
        then one row per later query; each blends a symptom's best text and the mean of
        its texts that count in the mean (`in_mean`, over `counts` of them)."""
        columns = np.column_stack([scores[:, :whole].max(axis=1), scores[:, whole:]])
        highest = np.maximum.reduceat(columns, starts, axis=0)
        mean = np.add.reduceat(columns * in_mean[:, None], starts, axis=0) / counts[:, None]
        return ((1 - MEAN_WEIGHT) * highest + MEAN_WEIGHT * mean).T.astype(np.float32)
