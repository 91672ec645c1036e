"""The catalogue's vectors live in the database; a home's files are only a cache of them.

A second home on the same database builds its files without the model, a catalogue
update embeds only its new wordings, and a damaged or missing cache is written again
from the database. The model is counted at its one door, Embedder.embed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from symptomdb.language.embedding import DIMENSIONS, MODEL_NAME, Embedder, Vectors
from symptomdb.search import engine as search_engine
from symptomdb.search.index import embedding_texts, search_index_build, search_index_current
from symptomdb.search.models import TextVector
from symptomdb.search.vectors import (
    stored_vectors,
    text_digest,
    vector_paths,
    vectors_load,
    vectors_save,
)
from symptomdb.site_init import catalogue_ready
from symptomdb.terminology.models import Symptom, Synonym
from symptomdb.terminology.text import key

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self) -> None:
        self.texts: list[str] = []


@pytest.fixture
def model_calls(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """Every text the model is asked to embed, whoever asks."""
    counter = Counter()
    embed = Embedder.embed

    def counting(self: Embedder, texts: Sequence[str]) -> Vectors:
        counter.texts.extend(texts)
        return embed(self, texts)

    monkeypatch.setattr(Embedder, "embed", counting)
    return counter


@pytest.fixture
def new_home(catalogue: None, settings, tmp_path: Path, fresh_engine: None) -> Iterator[Path]:
    """Another SYMPTOMDB_HOME on the database the catalogue was loaded into."""
    home = tmp_path / "second-home"
    home.mkdir()
    settings.HOME = home
    yield home


def test_a_second_home_reads_the_catalogues_vectors_and_embeds_none(new_home, model_calls):
    assert not search_index_current()
    messages: list[str] = []
    loaded = catalogue_ready(say=messages.append, progress=False)  # what `init` does
    assert not loaded
    assert model_calls.texts == []
    assert "0 embedded" in messages[-1]
    texts, slugs = embedding_texts()
    cached = vectors_load(mmap=False)
    assert cached is not None
    assert (cached.texts, cached.slugs) == (texts, slugs)
    from_database, found = stored_vectors(texts)
    assert found.all()
    assert np.array_equal(cached.matrix, from_database)  # float32 bytes, read back exactly
    assert search_index_current()
    # And the search reads them: the model runs for the query only.
    current = search_engine.engine()
    assert current.semantic is not None
    assert len(current.semantic) == len(set(slugs))


def test_a_catalogue_update_embeds_only_its_new_wordings(new_home, model_calls):
    search_index_build(say=lambda _: None, progress=False)
    assert model_calls.texts == []
    texts, _ = embedding_texts()
    common = Symptom.objects.filter(prior__gte=0.3).order_by("slug")
    # Renamed: one whose old name no synonym repeats (that synonym would be embedded anew).
    renamed = next(
        s
        for s in common
        if key(s.name) not in {key(t) for t in s.synonyms.values_list("text", flat=True)}
    )
    widened = common.exclude(pk=renamed.pk).first()
    assert widened is not None
    old_name = renamed.name
    assert texts.count(old_name) == 1
    renamed.name = f"{old_name} (renamed in a later release)"
    renamed.save()
    new_wording = f"{widened.name.lower()} as a reader might put it"
    Synonym.objects.create(symptom=widened, text=new_wording, kind="layperson", source="HPO")
    assert not search_index_current()

    built = search_index_build(say=lambda _: None, progress=False, prune=True)

    assert sorted(model_calls.texts) == sorted([renamed.name, new_wording])
    assert built.embedded == 2
    assert built.from_database == built.texts - 2
    held = set(TextVector.objects.filter(model=MODEL_NAME).values_list("digest", flat=True))
    assert {text_digest(renamed.name), text_digest(new_wording)} <= held
    assert text_digest(old_name) not in held  # pruned: no longer embedded
    assert search_index_current()


@pytest.mark.parametrize("damage", ["garbage", "truncated", "missing", "wrong shape"])
def test_a_damaged_or_missing_cache_is_rebuilt_from_the_database(new_home, model_calls, damage):
    search_index_build(say=lambda _: None, progress=False)
    npy, meta = vector_paths()
    good = np.load(npy)
    if damage == "garbage":
        npy.write_bytes(b"not a numpy file at all")
    elif damage == "truncated":
        meta.write_text(meta.read_text()[:100])
    elif damage == "missing":
        npy.unlink()
    else:
        np.save(npy, good[:-1])
    assert vectors_load() is None
    assert not search_index_current()

    # A worker that finds it so writes it again from the database, without the model…
    current = search_engine.engine()
    assert current.semantic is not None
    restored = vectors_load(mmap=False)
    assert restored is not None
    assert np.array_equal(restored.matrix, good)
    assert model_calls.texts == []

    # …and so does `init`.
    npy.write_bytes(b"damaged again")
    messages: list[str] = []
    catalogue_ready(say=messages.append, progress=False)
    assert "0 embedded" in messages[-1]
    assert model_calls.texts == []
    assert search_index_current()


def test_an_old_homes_cache_fills_an_empty_database_without_the_model(new_home, model_calls):
    """A home from before the vectors moved to the database, on its first `init` after."""
    search_index_build(say=lambda _: None, progress=False)
    TextVector.objects.all().delete()
    assert not search_index_current()

    built = search_index_build(say=lambda _: None, progress=False)

    assert model_calls.texts == []
    assert built.from_cache == built.texts
    texts, _ = embedding_texts()
    assert stored_vectors(texts)[1].all()


@pytest.mark.parametrize(
    ("named", "read"),
    [
        (MODEL_NAME, True),
        # The same file run with its weights folded into float32, before language/int8_weights.py
        # (and the same again under its first name): other vectors, so never read.
        ("all-MiniLM-L6-v2 int8 ONNX, mean pooling, L2-normalised", False),
        ("all-MiniLM-L6-v2 (int8 ONNX, mean pooling, L2-normalised)", False),
        ("another-model int8 ONNX", False),
    ],
)
def test_a_cache_is_read_only_for_the_model_that_made_it(settings, tmp_path, named, read):
    settings.HOME = tmp_path
    rng = np.random.default_rng(0)
    vectors_save(
        matrix=rng.random((2, DIMENSIONS), dtype=np.float32), texts=["a", "b"], slugs=["x", "y"]
    )
    _, meta = vector_paths()
    data = json.loads(meta.read_text())
    data["model"] = named
    meta.write_text(json.dumps(data))
    assert (vectors_load() is not None) is read
