"""The memory of recent query vectors gives the same vectors as the model, however full it is."""

from __future__ import annotations

import numpy as np
import pytest

from symptomdb.language import embedding


@pytest.fixture
def model(monkeypatch):
    try:
        found = embedding.embedder()
    except embedding.EmbeddingUnavailable:
        pytest.skip("the sentence model is not installed")
    monkeypatch.setattr(embedding, "RECENT_QUERIES", 2)
    found.forget_recent()
    yield found
    found.forget_recent()


def test_more_texts_than_it_remembers_still_get_their_vectors(model):
    texts = ["chest pain", "headache", "leg cramps at night"]
    assert np.allclose(model.embed_recent(texts), model.embed(texts), atol=1e-5)


def test_a_remembered_text_pushed_out_by_the_same_call_still_gets_its_vector(model):
    model.embed_recent(["headache"])
    texts = ["headache", "sore throat", "back pain"]
    assert np.allclose(model.embed_recent(texts), model.embed(texts), atol=1e-5)
    assert len(model._recent) == 2


@pytest.mark.parametrize(
    ("setting", "kept"), [("", 512), ("16", 16), ("0", 0), ("many", 512), ("-3", 512)]
)
def test_how_many_query_vectors_are_kept_follows_the_setting(monkeypatch, setting, kept):
    monkeypatch.setenv("SYMPTOMDB_QUERY_VECTORS_KEPT", setting)
    assert embedding._recent_queries_kept() == kept
