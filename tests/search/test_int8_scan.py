"""The vector scan's int8 step (search/int8_scan.py): onnxruntime's integer products are the
exact dot products of the int8 vectors, and every estimate is within the proved margin of the
exact similarity."""

from __future__ import annotations

import numpy as np

from symptomdb.language.embedding import DIMENSIONS
from symptomdb.search.int8_scan import Int8Scan


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def test_the_products_are_the_exact_integer_dot_products():
    rng = np.random.default_rng(1)
    matrix = unit(rng.normal(size=(500, DIMENSIONS)))
    scan = Int8Scan(matrix)
    matrix8 = np.round(matrix / scan.scale).astype(np.int64)
    # The extremes of both sides too: −127 and 127 in every place.
    queries8 = rng.integers(-127, 128, size=(5, DIMENSIONS)).astype(np.int8)
    queries8[0], queries8[1] = 127, -127
    dots = scan._session.run(None, {"query": (queries8.astype(np.int16) + 128).astype(np.uint8)})[0]
    assert np.array_equal(dots, queries8.astype(np.int64) @ matrix8.T)


def test_every_estimate_is_within_the_margin_of_the_exact_similarity():
    rng = np.random.default_rng(2)
    # Sentence vectors are not isotropic: a few hundred topics, and a shared direction.
    topics = unit(rng.normal(size=(50, DIMENSIONS)) + 2 * rng.normal(size=DIMENSIONS))
    matrix = unit(
        topics[rng.integers(0, 50, size=2000)] + rng.normal(scale=0.1, size=(2000, DIMENSIONS))
    )
    scan = Int8Scan(matrix)
    for count in (1, 2, 5):
        queries = unit(
            matrix[rng.integers(0, 2000, size=count)]
            + rng.normal(scale=0.05, size=(count, DIMENSIONS))
        )
        estimates = scan.estimates(queries)
        off = np.abs(estimates.scores - matrix @ queries.T)
        assert off.max() <= estimates.margin
        # A bound, not an estimate: several times the largest error, but still small.
        assert estimates.margin < 0.05
