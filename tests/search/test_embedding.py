from __future__ import annotations

import numpy as np
import pytest

from symptomdb.language.embedding import DIMENSIONS, embedder

pytestmark = pytest.mark.slow


def test_vectors_are_unit_length_and_in_order():
    texts = ["Muscle spasm", "Headache", "my calf cramped up while I was asleep"]
    vectors = embedder().embed(texts)
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    one_by_one = np.stack([embedder().embed_one(t) for t in texts])
    assert np.allclose(vectors, one_by_one, atol=1e-4)


def test_similar_meanings_are_closer():
    cramp, spasm, rash = embedder().embed(["leg cramp", "muscle spasm", "skin rash"])
    assert cramp @ spasm > cramp @ rash


def test_long_text_is_truncated_not_refused():
    vector = embedder().embed_one("my calf hurts " * 400)
    assert vector.shape == (DIMENSIONS,)
