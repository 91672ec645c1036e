"""A learned reading of a piece's sentence vector: emergency, urgent or neither.

The bank's nearest examples (semantic.py) answer "is this piece close to one way people tell an
emergency?". A presentation told in words far from every example can still share what the
examples have in common: a sudden, severe, present-tense change in someone's body. A logistic
regression over the 384 numbers of the vector, learnt from the bank's examples and the tuning
halves of the project's own labelled sets (benchmarks/triage_train.py; never the held-out halves
or ../shared/eval), reads that direction. It is the third reading beside the rules and the
nearest examples, and like them it can only raise a level: the triage keeps the most urgent.

Its weights are data (learned.npz, beside this file), tied to the sentence model that made the
vectors: a file for another model is not read, and the detector runs on its examples alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from symptomdb.language.embedding import DIMENSIONS, MODEL_NAME

logger = logging.getLogger(__name__)

LEVELS = ("emergency", "urgent", "none")  # the order of the weights' rows
WEIGHTS_FILE = "learned.npz"

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True, eq=False)
class LearnedReading:
    weights: Vectors  # one row per level of LEVELS, DIMENSIONS columns
    bias: Vectors  # one per level
    model: str  # the sentence model whose vectors it reads
    trained_on: str  # what it was learnt from, as triage_train.py recorded it

    def probabilities(self, vectors: Vectors) -> Vectors:
        """For each row of ``vectors``, the probability of each level of LEVELS (softmax)."""
        scores = vectors @ self.weights.T + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exponentials = np.exp(scores)
        return (exponentials / exponentials.sum(axis=1, keepdims=True)).astype(np.float32)


class LearnedReadingError(ValueError):
    """The weights file is malformed; the message says what is wrong."""


def learned_save(path: Path, reading: LearnedReading) -> None:
    """Write ``reading`` to ``path`` (an .npz of plain arrays: no pickled objects)."""
    np.savez(
        path,
        weights=reading.weights.astype(np.float32),
        bias=reading.bias.astype(np.float32),
        levels=np.array(LEVELS),
        model=np.array(reading.model),
        trained_on=np.array(reading.trained_on),
    )


def stored_arrays(
    path: Path, required: Iterable[str], error: type[ValueError]
) -> dict[str, npt.NDArray[Any]]:
    """The arrays of the .npz at ``path`` (no pickles), with every name in ``required`` and
    ``levels`` equal to LEVELS; ``error`` says what is wrong. Shared with learned_words.py."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            arrays = {name: stored[name] for name in stored.files}
    except (OSError, ValueError, EOFError) as failure:
        raise error(f"{path}: cannot be read ({failure})") from failure
    missing = {*required, "levels"} - set(arrays)
    if missing:
        raise error(f"{path}: missing {', '.join(sorted(missing))}")
    if tuple(str(level) for level in arrays["levels"]) != LEVELS:
        raise error(f"{path}: levels must be {', '.join(LEVELS)}")
    return arrays


def learned_read(path: Path) -> LearnedReading:
    """The reading stored at ``path``, checked; LearnedReadingError says what is wrong."""
    arrays = stored_arrays(path, ("weights", "bias", "model", "trained_on"), LearnedReadingError)
    weights = arrays["weights"].astype(np.float32)
    bias = arrays["bias"].astype(np.float32)
    if weights.shape != (len(LEVELS), DIMENSIONS) or bias.shape != (len(LEVELS),):
        raise LearnedReadingError(
            f"{path}: weights must be {len(LEVELS)} x {DIMENSIONS} and bias {len(LEVELS)}"
        )
    if not (np.isfinite(weights).all() and np.isfinite(bias).all()):
        raise LearnedReadingError(f"{path}: weights must be finite numbers")
    return LearnedReading(weights, bias, str(arrays["model"]), str(arrays["trained_on"]))


@cache
def load_learned() -> LearnedReading | None:
    """The packaged reading, or None (said once in the log) when it is missing, malformed or
    learnt on another sentence model's vectors: the detector then reads its examples alone."""
    path = Path(str(resources.files(__package__).joinpath(WEIGHTS_FILE)))
    if not path.is_file():
        logger.warning("Triage: no learned reading at %s; the examples alone.", path)
        return None
    try:
        reading = learned_read(path)
    except LearnedReadingError as error:
        logger.warning("Triage: %s; the examples alone.", error)
        return None
    if reading.model != MODEL_NAME:
        logger.warning(
            "Triage: the learned reading was made for %s, not %s; the examples alone "
            "(benchmarks/triage_train.py --write learns it again).",
            reading.model,
            MODEL_NAME,
        )
        return None
    return reading
