"""CPU of one query through the embedding model, by the kernel that runs its weights.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/model_kernels.py [--repeat 30]

The site runs all-MiniLM-L6-v2 with its int8 weights kept in int8 (MatMulNBits, accuracy level
4: language/int8_weights.py). onnxruntime picks that kernel's code by the CPU: on a machine with
AVX-512 VNNI it took 2.2 ms for a four-token query against 3.8 ms for the same weights folded into
float32 (docs/search.md, *Speed*). This prints, on the machine it runs on, the CPU time of one
query at four lengths through both — the session the site uses, and the packaged file as
onnxruntime loads it (the weights folded to float32) — one thread each, alternating text by text
so both meet the same load; the CPU's flags that decide the kernel; and how far apart the two
sessions' vectors are (cosine, min over the texts). Nothing is written. Always exits 0.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from symptomdb.maths_threads import one_maths_thread_each

one_maths_thread_each()  # as `symptomdb serve` runs the model (before numpy is imported)

import numpy as np  # noqa: E402

from symptomdb.language import embedding  # noqa: E402

TEXTS = (
    "calf cramps",
    "my calf muscle keeps cramping at night",
    "I have had a bad headache for three days and light hurts my eyes and I feel sick",
    "for weeks I have felt restless and keyed up, my thoughts race, I cannot relax and I dread "
    "going into the office or seeing anyone at all",
)


def cpu_flags() -> str:
    """The flags that choose onnxruntime's integer kernels, as /proc/cpuinfo lists them."""
    wanted = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8")
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    flags = next(
        (line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")),
        [],
    )
    return " ".join(f for f in wanted if f in flags) or "none of " + ", ".join(wanted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=30, help="runs per text and kernel")
    args = parser.parse_args()
    import onnxruntime as ort

    site = embedding.embedder()
    folded = ort.InferenceSession(
        str(embedding.default_model_path()),
        embedding.one_thread_options(),
        providers=["CPUExecutionProvider"],
    )
    sessions = {"int8 MatMulNBits (the site's)": site.session, "float32, folded": folded}
    print(f"CPU flags: {cpu_flags()}; onnxruntime {ort.__version__}; {args.repeat} runs each")
    vectors: dict[str, list[np.ndarray]] = {name: [] for name in sessions}
    for text in TEXTS:
        tokens = len(site.tokenizer.encode(text).ids)
        spent = dict.fromkeys(sessions, 0.0)
        for name, session in sessions.items():  # one untimed run each
            site.session = session
            vectors[name].append(site.embed_one(text))
        for _ in range(args.repeat):
            for name, session in sessions.items():
                site.session = session
                started = time.process_time()
                site.embed_one(text)
                spent[name] += time.process_time() - started
        cells = ", ".join(f"{name} {1000 * t / args.repeat:.2f} ms" for name, t in spent.items())
        print(f"  {tokens:3d} tokens: {cells}")
    first, second = (np.stack(v) for v in vectors.values())
    cosine = float((first * second).sum(axis=1).min())
    print(f"  the two sessions' vectors: cosine min {cosine:.4f} over the {len(TEXTS)} texts")


if __name__ == "__main__":
    main()
