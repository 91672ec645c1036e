"""The vector scan's first step: every catalogue text against a few query vectors, in int8.

search/vectors.py (SemanticIndex) scores every text in int8 first, then reads the float32
vectors again only for the symptoms it keeps (docs/search.md, *Speed*). Here is the int8
part: the catalogue's matrix with each of its dimensions on its own int8 scale (its largest
magnitude is 127), the query scaled likewise before it is made int8 itself, so that
M8 · q8 ≈ matrix · query, and

* **the products**, by onnxruntime's MatMulInteger with the int8 matrix as a constant it
  packs for its kernels once, at load. It reads the 9 MB once for all the query's
  vectors, where simsimd's `cdist` (one kernel call per pair of vectors) read them once
  per vector: with the matrix in the cache, 0.15 ms of CPU for one vector over the
  23,305 texts and 0.25 ms for five, against 0.4-0.5 ms per vector (AVX-512 VNNI, this
  2-core machine). Inside a search, between whose scans the rest of the work pushes the
  matrix out of the cache, one vector costs about 0.7 ms either way: the memory is the
  cost. The products are exact integers either way, so each estimate is the same
  number. onnxruntime's kernel for a signed left-hand side is forty times slower, and
  its unsigned-by-signed kernel saturates on CPUs without VNNI: both sides go in shifted
  by 128 into unsigned bytes, with 128 as both zero points, which onnxruntime takes off
  exactly (`_products_session`).
* **a bound on the error** of every estimate of one scan (`Estimates.margin`), proved
  rather than measured, so that a caller can tell which symptoms an estimate cannot
  have misplaced. With q = a·(L/127)/s and v = b·s per dimension (s the scale, L the
  query's largest scaled magnitude), q8 = a + α and m8 = b + β:

      (L/127) · q8·m8 − q·v = (L/127) · (α·m8 + a·β)
      |…| ≤ (L/127) · (‖α‖ ‖m8‖ + ‖a‖ ‖β‖)           (Cauchy–Schwarz)

  with ‖m8‖ and ‖β‖ at their largest over the catalogue's texts, and FLOAT_SLACK for
  float32's own rounding. About 0.02 on the catalogue's vectors, where the estimates are
  in fact within ≈ 0.003.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from symptomdb.language.embedding import Vectors, one_thread_options

if TYPE_CHECKING:
    from onnxruntime import InferenceSession

ZERO_POINT = 128
# Float32's rounding in the exact scan (a product of two unit vectors of 384 float32s is
# within 384 · 2⁻²⁴ ≈ 2.3e-5 of the real number), in the estimate's scaling and in the
# blending of a symptom's texts: together well under this.
FLOAT_SLACK = 1e-4
# Rows per step when the bound's norms are measured at load (float64: 3 MB at a time).
_CHUNK = 1024


@dataclass(frozen=True)
class Estimates:
    """Texts × queries: each text's estimated similarity to each query vector; every one
    is within `margin` of the exact similarity."""

    scores: npt.NDArray[np.float32]
    margin: float


class Int8Scan:
    """The catalogue's vectors in int8, scanned by onnxruntime's integer product."""

    def __init__(self, matrix: Vectors) -> None:
        """`matrix`: texts × dimensions, float32 unit vectors (at least one row)."""
        largest = np.abs(matrix).max(axis=0)
        self.scale = (np.maximum(largest, 1e-12) / 127).astype(np.float32)
        matrix8 = np.round(matrix / self.scale).astype(np.int8)
        # The largest ‖m8‖ and ‖β‖ = ‖m8 − matrix / scale‖ of any text, for the bound.
        self.largest_norm = 0.0
        self.largest_rounding = 0.0
        scale = self.scale.astype(np.float64)
        for start in range(0, len(matrix), _CHUNK):
            rows8 = matrix8[start : start + _CHUNK].astype(np.float64)
            rounding = rows8 - matrix[start : start + _CHUNK] / scale
            self.largest_norm = max(self.largest_norm, float(np.linalg.norm(rows8, axis=1).max()))
            self.largest_rounding = max(
                self.largest_rounding, float(np.linalg.norm(rounding, axis=1).max())
            )
        self._session = _products_session(matrix8)

    def estimates(self, queries: Vectors) -> Estimates:
        """Every text's similarity to each of `queries` (a few float32 unit vectors)."""
        scaled = queries * self.scale
        largest = np.maximum(np.abs(scaled).max(axis=1), 1e-12)
        q8 = np.round(scaled * (127 / largest)[:, None]).astype(np.int8)
        shifted = (q8.astype(np.int16) + ZERO_POINT).astype(np.uint8)
        # Exact integers (at most 384 · 127 · 127 in magnitude), so exact in float32 too.
        dots = self._session.run(None, {"query": shifted})[0].astype(np.float32)
        scores = (dots * (largest / 127)[:, None]).T
        # The bound (module docstring), in float64 from the same float32 values.
        exact_a = scaled.astype(np.float64) * (127 / largest.astype(np.float64))[:, None]
        off = (
            largest.astype(np.float64)
            / 127
            * (
                np.linalg.norm(q8 - exact_a, axis=1) * self.largest_norm
                + np.linalg.norm(exact_a, axis=1) * self.largest_rounding
            )
        )
        return Estimates(scores=scores, margin=float(off.max()) + FLOAT_SLACK)


def _products_session(matrix8: npt.NDArray[np.int8]) -> InferenceSession:
    """An onnxruntime session computing q8 · matrix8ᵀ, queries × texts, int32, with both sides
    shifted by 128 into unsigned bytes and 128 as both zero points. Unsigned by unsigned is
    exact on every x86 CPU: onnxruntime's unsigned-by-signed kernel on CPUs without VNNI (AVX2
    only) adds pairs of byte products in 16 bits, which saturate (onnxruntime's quantization
    docs; our test of the exact products failed on such a machine on 2026-12-06).
    onnxruntime keeps its own packed copy of the matrix."""
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    texts, dimensions = matrix8.shape
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["query", "catalogue", "zero", "zero"], ["dots"])],
        "int8_scan",
        [helper.make_tensor_value_info("query", TensorProto.UINT8, [None, dimensions])],
        [helper.make_tensor_value_info("dots", TensorProto.INT32, [None, texts])],
        [
            numpy_helper.from_array(
                np.ascontiguousarray((matrix8.T.astype(np.int16) + ZERO_POINT).astype(np.uint8)),
                "catalogue",
            ),
            numpy_helper.from_array(np.array(ZERO_POINT, dtype=np.uint8), "zero"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    return ort.InferenceSession(
        model.SerializeToString(), one_thread_options(), providers=["CPUExecutionProvider"]
    )
