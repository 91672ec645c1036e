"""Without the embedding model the search still answers, from words alone."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from symptomdb.language import embedding
from symptomdb.search import engine, service
from symptomdb.search.index import search_index_build
from symptomdb.terminology.models import Symptom, Synonym

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_catalogue(db, fresh_engine):
    spasm = Symptom.objects.create(slug="muscle-spasm", name="Muscle spasm", prior=0.8)
    Synonym.objects.create(symptom=spasm, text="Charley-horse", kind="inclusion", source="ICD10CM")
    Symptom.objects.create(slug="headache", name="Headache", prior=0.8)
    return spasm


@pytest.fixture
def no_model(monkeypatch, tmp_path, settings):
    settings.HOME = tmp_path  # no vectors from other tests
    embedding.embedder.cache_clear()
    monkeypatch.setattr(embedding, "default_model_path", lambda: Path("/nonexistent/model.onnx"))
    yield
    embedding.embedder.cache_clear()


def test_it_falls_back_to_words_and_warns_once(small_catalogue, no_model, caplog):
    messages: list[str] = []
    search_index_build(say=messages.append, progress=False)
    assert "no embedding model" in messages[-1]
    engine.engine_reset()
    with caplog.at_level(logging.WARNING, logger="symptomdb.search.engine"):
        assert service.search("charley horse")[0].slug == "muscle-spasm"
        assert service.search("headach")[0].slug == "headache"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1


def test_symptoms_added_after_the_index_are_found(small_catalogue, settings, tmp_path):
    settings.HOME = tmp_path
    Symptom.objects.create(slug="hiccups", name="Hiccups", prior=0.5)
    assert service.search("hiccups")[0].slug == "hiccups"
