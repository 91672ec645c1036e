"""The search's vector scan: int8 first, then float32 again for the best symptoms, gives the
exact scan's best symptoms with their exact similarities; a query read clause by clause gets
the exact scan's best fused symptoms, and the full-text candidates' exact similarities."""

from __future__ import annotations

import numpy as np
import pytest

from symptomdb.language.embedding import DIMENSIONS
from symptomdb.search.fusion import clause_fused
from symptomdb.search.vectors import INT8_MAX_QUERIES, MEAN_WEIGHT, RESCORED, SemanticIndex

POOL = 60  # search.service.SEMANTIC_POOL


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


@pytest.fixture(scope="module")
def index() -> SemanticIndex:
    """3,000 symptoms of one to four texts each, clustered as sentence vectors are: texts
    near a few hundred topics, so that many symptoms score close to one another."""
    rng = np.random.default_rng(15)
    topics = unit(rng.normal(size=(300, DIMENSIONS)))
    texts_of = rng.integers(1, 5, size=3000)
    symptom_ids = np.repeat(np.arange(3000) * 7 + 3, texts_of)
    topic = np.repeat(rng.integers(0, 300, size=3000), texts_of)
    matrix = unit(topics[topic] + rng.normal(scale=0.08, size=(len(topic), DIMENSIONS)))
    return SemanticIndex(matrix, symptom_ids)


def queries_near(index: SemanticIndex, seed: int, count: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    picked = index.matrix[rng.integers(0, len(index.matrix), size=count)]
    return unit(picked + rng.normal(scale=0.05, size=picked.shape))


@pytest.mark.parametrize("count", [1, 2, INT8_MAX_QUERIES])
def test_the_best_symptoms_and_their_similarities_are_the_exact_scans(index, count):
    for seed in range(20):
        queries = queries_near(index, seed, count)
        exact = index.similarities(queries, exact=True)
        fast = index.similarities(queries)
        best = np.argsort(-exact)[:POOL]
        assert set(np.argsort(-fast)[:POOL]) == set(best)
        assert np.allclose(fast[best], exact[best], atol=1e-6)
        # The rest are int8 estimates: close, not equal.
        assert np.abs(fast - exact).max() < 0.02
        assert not np.array_equal(fast, exact)


def test_a_query_read_clause_by_clause_gets_the_same_rows(index):
    queries = queries_near(index, 99, 3)
    fast = index.similarities_split(queries, 2)
    exact = index.similarities_split(queries, 2, exact=True)
    assert fast.shape == exact.shape == (2, len(index))
    for row_fast, row_exact in zip(fast, exact, strict=True):
        best = np.argsort(-row_exact)[:POOL]
        assert np.allclose(row_fast[best], row_exact[best], atol=1e-6)
    assert np.allclose(exact[0], index.similarities(queries[:2], exact=True), atol=1e-6)


def test_small_indexes_and_many_queries_are_scanned_exactly(index):
    many = queries_near(index, 7, INT8_MAX_QUERIES + 1)
    assert np.array_equal(index.similarities(many), index.similarities(many, exact=True))
    small = SemanticIndex(index.matrix[:RESCORED], np.arange(RESCORED))
    one = queries_near(index, 8, 1)
    assert np.array_equal(small.similarities(one), small.similarities(one, exact=True))


def test_a_text_outside_the_mean_counts_only_when_it_is_the_best():
    # Two symptoms of two texts each; the second text of symptom 1 counts only as its best.
    near, far = unit(np.eye(2, DIMENSIONS)), unit(np.eye(2, DIMENSIONS)[::-1])
    query = near[:1]
    matrix = np.vstack([far[:1], far[:1], far[:1], near[:1]])
    ids = np.array([1, 1, 2, 2])
    everywhere = SemanticIndex(matrix, ids)
    best_only = SemanticIndex(matrix, ids, in_mean=np.array([True, True, True, False]))
    assert everywhere.similarities(query, exact=True)[1] == pytest.approx(0.8 + 0.2 * 0.5)
    # Best 1.0 still; the mean is over the one text that counts (0.0), not over two.
    assert best_only.similarities(query, exact=True)[1] == pytest.approx(0.8)
    assert best_only.similarities(query, exact=True)[0] == pytest.approx(0.0)


def test_texts_outside_the_mean_give_the_exact_scans_best_symptoms(index):
    rng = np.random.default_rng(3)
    in_mean = rng.random(len(index.matrix)) > 0.3
    ids = np.repeat(index.symptom_ids, np.diff(np.append(index.starts, len(index.matrix))))
    masked = SemanticIndex(index.matrix, ids, in_mean=in_mean)
    for seed in range(5):
        queries = queries_near(masked, seed, 2)
        exact = masked.similarities(queries, exact=True)
        fast = masked.similarities(queries)
        best = np.argsort(-exact)[:POOL]
        assert np.allclose(fast[best], exact[best], atol=1e-6)


def blended_over_every_text(index: SemanticIndex, queries: np.ndarray, whole: int) -> np.ndarray:
    """similarities_split(exact=True) as it was written before the texts of symptoms of one
    text were left out of the reductions: the reference to the last bit."""
    scores = index.matrix @ queries.T
    columns = np.column_stack([scores[:, :whole].max(axis=1), scores[:, whole:]])
    highest = np.maximum.reduceat(columns, index.starts, axis=0)
    total = np.add.reduceat(columns * index.in_mean[:, None], index.starts, axis=0)
    mean = total / index.counts[:, None]
    return ((1 - MEAN_WEIGHT) * highest + MEAN_WEIGHT * mean).T.astype(np.float32)


@pytest.mark.parametrize(("count", "whole"), [(1, 1), (2, 2), (3, 1), (5, 2)])
def test_the_blend_is_the_same_to_the_last_bit_as_over_every_text(index, count, whole):
    rng = np.random.default_rng(count)
    in_mean = rng.random(len(index.matrix)) > 0.2
    ids = np.repeat(index.symptom_ids, index.sizes)
    # Symptoms of one text as well as of several: most of the catalogue's have one.
    for masked in (SemanticIndex(index.matrix, ids, in_mean=in_mean), index):
        queries = queries_near(masked, count, count)
        exact = masked.similarities_split(queries, whole, exact=True)
        assert np.array_equal(exact, blended_over_every_text(masked, queries, whole))


@pytest.mark.parametrize("count", [INT8_MAX_QUERIES + 1, INT8_MAX_QUERIES + 3])
def test_a_long_query_gets_the_exact_scans_best_fused_symptoms(index, count):
    for seed in range(10):
        queries = queries_near(index, 100 + seed, count)
        also = [5, 77, 2999]  # the full-text candidates, wherever they rank
        split = index.similarities_split(queries, 2, exact=True)
        exact, exact_leading = clause_fused(split[0], split[1:])
        fused, leading = index.similarities_fused(queries, 2, clause_fused, pool=POOL, also=also)
        best = np.argsort(-exact)[:POOL]
        assert set(np.argsort(-fused)[:POOL]) == set(best)
        kept = np.concatenate([best, also])
        assert np.allclose(fused[kept], exact[kept], atol=1e-6)
        assert np.array_equal(leading[kept], exact_leading[kept])
        # The others are int8 estimates.
        assert not np.array_equal(fused, exact)


def test_a_query_of_few_vectors_is_fused_from_its_rows(index):
    queries = queries_near(index, 5, INT8_MAX_QUERIES)
    split = index.similarities_split(queries, 1)
    fused, leading = index.similarities_fused(queries, 1, clause_fused, pool=POOL, also=[3])
    expected = clause_fused(split[0], split[1:])
    assert np.array_equal(fused, expected[0])
    assert np.array_equal(leading, expected[1])
