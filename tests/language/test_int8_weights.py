"""The model runs with its weights kept in int8 (language/int8_weights.py): every weight
MatMul of the packaged file rewritten, vectors within a hair of the file as shipped, and a
clear refusal for a model that is not in the form the rewrite knows."""

from __future__ import annotations

import numpy as np
import onnx
import onnxruntime as ort
import pytest

from symptomdb.language.embedding import (
    Embedder,
    EmbeddingUnavailable,
    default_model_path,
    default_tokenizer_path,
    embedder,
)
from symptomdb.language.int8_weights import NoInt8Weights, weights_kept_int8

# Fixture texts written for this test: a name, a lay phrase and a longer complaint.
TEXTS = [
    "Nosebleed",
    "my ankle swelled up after the walk",
    "a tight band round my head since the morning, worse when I bend down to the floor",
]


@pytest.fixture(scope="module")
def rewritten() -> onnx.ModelProto:
    return onnx.load_from_string(weights_kept_int8(default_model_path()))


def test_every_weight_matmul_keeps_its_int8_weights(rewritten):
    def weight_matmuls(model: onnx.ModelProto) -> int:
        """MatMuls fed a constant through Cast and Mul: a weight dequantised in front of it."""
        made_by = {o: n for n in model.graph.node for o in n.output}
        constants = {t.name for t in model.graph.initializer}

        def dequantised(name: str) -> bool:
            mul = made_by.get(name)
            cast = made_by.get(mul.input[0]) if mul is not None and mul.op_type == "Mul" else None
            return cast is not None and cast.op_type == "Cast" and cast.input[0] in constants

        return sum(1 for n in model.graph.node if n.op_type == "MatMul" and dequantised(n.input[1]))

    shipped = onnx.load(str(default_model_path()))
    assert weight_matmuls(shipped) == 36
    assert weight_matmuls(rewritten) == 0
    assert [n.op_type for n in rewritten.graph.node].count("MatMulNBits") == 36
    # The embedding tables stay as shipped: a lookup reads only the query's rows of them.
    left = {t.name for t in rewritten.graph.initializer if t.data_type == onnx.TensorProto.INT8}
    assert left and all(".embeddings." in name for name in left), left


def test_its_vectors_are_the_shipped_files_within_cosine_0_998():
    ours = embedder().embed(TEXTS)
    shipped = Embedder.__new__(Embedder)
    shipped.__dict__.update(embedder().__dict__)
    shipped.session = ort.InferenceSession(
        str(default_model_path()), providers=["CPUExecutionProvider"]
    )
    reference = shipped.embed(TEXTS)
    cosines = (ours * reference).sum(axis=1)
    assert cosines.min() > 0.998, cosines
    assert not np.array_equal(ours, reference)  # the rewrite did change how it runs


def test_a_texts_vector_does_not_depend_on_the_texts_beside_it():
    together = embedder().embed([TEXTS[0], TEXTS[2], TEXTS[0]])
    alone = embedder().embed_one(TEXTS[0])
    assert np.array_equal(together[0], alone)
    assert np.array_equal(together[2], alone)


def test_a_model_without_int8_weights_is_refused_with_a_reason(tmp_path, rewritten):
    path = tmp_path / "already.onnx"
    onnx.save(rewritten, str(path))  # nothing left in the form the rewrite reads
    with pytest.raises(NoInt8Weights, match="no int8 weights"):
        weights_kept_int8(path)
    with pytest.raises(EmbeddingUnavailable, match=r"Cannot keep .* in int8"):
        Embedder(model_path=path, tokenizer_path=default_tokenizer_path())
