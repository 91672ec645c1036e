"""The catalogue's sentence vectors, stored under SYMPTOMDB_HOME/search/.

`vectors.npy` is a float32 matrix, one unit vector per embedded text, rows
grouped by symptom; `vectors.json` says which text and which symptom (by slug,
stable across reloads) each row is, and which model made them. The matrix is
memory-mapped at load, so a restarted worker is ready in well under a second.

A rebuild reuses the vector of every text it already has, so reloading a
catalogue (or loading it into a second test database) embeds only what is new.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from django.conf import settings

from symptomdb.language.embedding import DIMENSIONS, Vectors

# A symptom's similarity blends its best text with the mean of its texts. The
# best alone favours symptoms with many wordings (the maximum of many noisy
# similarities grows with their number: "Broad hallux" has a dozen lay
# synonyms about big toes); the mean corrects for that. Measured in
# docs/search.md.
MEAN_WEIGHT = 0.2

MODEL_ID = "all-MiniLM-L6-v2 (int8 ONNX, mean pooling, L2-normalised)"
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
            {"format": FORMAT, "model": MODEL_ID, "texts": texts, "slugs": slugs},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    os.replace(tmp_npy, npy)
    os.replace(tmp_meta, meta)


def vectors_load(*, mmap: bool = True) -> StoredVectors | None:
    npy, meta = vector_paths()
    if not npy.is_file() or not meta.is_file():
        return None
    data = json.loads(meta.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT or data.get("model") != MODEL_ID:
        return None
    matrix = np.load(npy, mmap_mode="r" if mmap else None)
    if matrix.shape != (len(data["texts"]), DIMENSIONS):
        return None
    return StoredVectors(matrix=matrix, texts=data["texts"], slugs=data["slugs"])


def vectors_stamp() -> tuple[int, int] | None:
    """Changes whenever the files are rewritten: the search reloads on a change."""
    _, meta = vector_paths()
    try:
        stat = meta.stat()
    except FileNotFoundError:
        return None
    return (stat.st_mtime_ns, stat.st_size)


class SemanticIndex:
    """Cosine similarity of a query to every symptom, over all its texts."""

    def __init__(self, matrix: Vectors, symptom_ids: npt.NDArray[np.int64]) -> None:
        # Rows arrive grouped by symptom; `starts` marks where each group begins.
        self.matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        change = np.flatnonzero(np.diff(symptom_ids)) + 1
        self.starts = np.concatenate([[0], change]).astype(np.int64)
        self.symptom_ids = symptom_ids[self.starts]
        self.counts = np.diff(np.append(self.starts, len(symptom_ids))).astype(np.float32)
        self.position = {int(sid): i for i, sid in enumerate(self.symptom_ids)}

    def __len__(self) -> int:
        return len(self.symptom_ids)

    def similarities(self, queries: Vectors) -> npt.NDArray[np.float32]:
        """Per symptom: each text scores its best similarity to any query vector
        (as typed, as corrected, with lay words), then the symptom blends the
        best and the mean of its texts (MEAN_WEIGHT)."""
        if not len(self.symptom_ids):
            return np.zeros(0, dtype=np.float32)
        scores = self.matrix @ queries.T  # rows × queries
        best = scores.max(axis=1) if scores.ndim == 2 else scores
        highest = np.maximum.reduceat(best, self.starts)
        mean = np.add.reduceat(best, self.starts) / self.counts
        return ((1 - MEAN_WEIGHT) * highest + MEAN_WEIGHT * mean).astype(np.float32)
