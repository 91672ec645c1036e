"""Search latency, in-process, on the full catalogue: p50, p95 and p99.

    .venv/bin/python benchmarks/search_speed.py --home var
    .venv/bin/python benchmarks/search_speed.py            # throwaway database

Times search.service.search() end to end — query analysis, spelling, the query
embedding, FTS5, the vector scan, fusion and the database reads for the hits —
and then the whole answer a reader gets (search.answer.answer_now: the search and
the triage of the same text, both detectors), over the dev queries, repeated, with
one maths thread as under `symptomdb serve`. The first pass is a warm-up (it loads
the model, the vectors and the triage's bank) and is not counted. Nothing is read
from a cache: not the answer cache (answer_now bypasses it), and the model's memory
of recent query vectors is emptied before every timed call, so each query costs
what a query nobody has asked before costs. The last lines are the figure issue 15
asks of it: the CPU of one uncached search, alone and with the triage, and how much of
the search alone is the model (the same searches again with their vectors remembered).

Then the vector scan alone (search/vectors.py): the int8 scan with its float32 second
look at the best symptoms against the exact float32 scan of every text, on each query's
vector — CPU per scan, and how many of the exact scan's best SEMANTIC_POOL symptoms it
finds with their similarities unchanged (recall, which must be 100 %).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from symptomdb.maths_threads import one_maths_thread_each

# As `symptomdb serve` runs the search (before numpy is imported).
one_maths_thread_each()

from search_quality import DEFAULT_FILE, setup_django  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def _timed(
    run: Callable[[str, int], object],
    queries: list[str],
    repeat: int,
    limit: int,
    forget: Callable[[], None],
) -> tuple[list[float], float]:
    """Wall times in ms of every call, and the CPU time per call (all threads)."""
    timings = []
    cpu = 0.0
    for _ in range(repeat):
        for query in queries:
            forget()
            # CPU time as well as wall time: the model's threads can make one search
            # cost more CPU than it takes time, which is what a busy server pays.
            cpu_started = time.process_time()
            started = time.perf_counter()
            run(query, limit)
            timings.append((time.perf_counter() - started) * 1000)
            cpu += (time.process_time() - cpu_started) * 1000
    return timings, cpu / len(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--home", type=Path, help="an initialised SYMPTOMDB_HOME to reuse")
    parser.add_argument("--database-url", help="e.g. postgres://…")
    parser.add_argument("--repeat", type=int, default=10, help="passes over the queries")
    parser.add_argument("--limit", type=int, default=10)
    args = parser.parse_args()

    queries = [
        json.loads(line)["query"] for line in args.file.read_text().splitlines() if line.strip()
    ]
    temporary = None
    home = args.home
    if home is None:
        temporary = home = Path(tempfile.mkdtemp(prefix="symptomdb-speed-"))
    try:
        setup_django(home.resolve(), args.database_url)
        if temporary is not None or not (home / "search" / "vectors.json").exists():
            from symptomdb.site_init import site_init

            site_init(say=lambda m: print(m, file=sys.stderr), static=False)
        from django.conf import settings

        from symptomdb.language.embedding import embedder
        from symptomdb.search.answer import answer_now
        from symptomdb.search.service import search

        def search_alone(query: str, limit: int) -> object:
            return search(query, limit=limit)

        def whole_answer(query: str, limit: int) -> object:
            return answer_now(query, limit=limit, locale=settings.SYMPTOMDB_LOCALE)

        started = time.perf_counter()
        for query in queries:
            whole_answer(query, args.limit)
        warmup = time.perf_counter() - started
        model_cpu = _model_cpu_counted()
        forget = embedder().forget_recent
        measured = {"search alone": _timed(search_alone, queries, args.repeat, args.limit, forget)}
        in_model = model_cpu.per_call(len(measured["search alone"][0]))
        measured["search and triage"] = _timed(
            whole_answer, queries, args.repeat, args.limit, forget
        )
        # The same searches with their vectors remembered: what is not the model. One untimed
        # pass first, since the runs above emptied the memory before every call.
        for query in queries:
            search_alone(query, args.limit)
        _, remembered = _timed(search_alone, queries, args.repeat, args.limit, lambda: None)
        scan = _scan_compared(queries, args.repeat)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)

    print(f"{len(queries)} queries × {args.repeat}, limit {args.limit}")
    print(f"  warm-up pass (loads model, vectors and the triage's bank): {warmup:.2f} s")
    for name, (timings, cpu) in measured.items():
        print(f"{name}: {len(timings)} calls")
        print(f"  mean {statistics.mean(timings):6.1f} ms")
        for p in (50, 95, 99):
            print(f"  p{p:<3} {percentile(timings, p):6.1f} ms")
        print(f"  max  {max(timings):6.1f} ms")
        print(f"  CPU  {cpu:6.1f} ms per call (all threads)")
    print(
        "vector scan: int8, then float32 for the best "
        f"{scan['rescored']}: {scan['fast_ms']:.2f} ms of CPU per scan; the exact float32 "
        f"scan {scan['exact_ms']:.2f} ms"
    )
    print(
        f"  the exact scan's best {scan['pool']} found: {scan['recall']:.1%} "
        f"({scan['queries']} queries), their similarities the same: "
        f"{'yes' if scan['same'] else 'NO'} (largest difference {scan['difference']:.1e})"
    )
    alone, with_triage = (cpu for _, cpu in measured.values())
    print(
        f"uncached search: {alone:.1f} ms of CPU per search alone, "
        f"{with_triage:.1f} ms with the triage of the same text"
    )
    print(
        f"  of the search alone: {in_model:.1f} ms the model (CPU inside its runs), "
        f"{alone - in_model:.1f} ms the rest; the same searches with their vectors "
        f"remembered: {remembered:.1f} ms"
    )
    return 0


class _ModelCPU:
    """The CPU spent inside the model's runs (Embedder.embed_one), summed."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def per_call(self, calls: int) -> float:
        return self.seconds * 1000 / max(calls, 1)


def _model_cpu_counted() -> _ModelCPU:
    from symptomdb.language.embedding import Embedder

    counted = _ModelCPU()
    run = Embedder.embed_one

    def timed(self: Embedder, text: str) -> object:
        started = time.process_time()
        try:
            return run(self, text)
        finally:
            counted.seconds += time.process_time() - started

    Embedder.embed_one = timed  # type: ignore[method-assign,assignment]
    return counted


def _scan_compared(queries: list[str], repeat: int) -> dict[str, float]:
    """The engine's scan against the exact one, on each query's own vector."""
    import numpy as np

    from symptomdb.search.engine import engine
    from symptomdb.search.service import SEMANTIC_POOL
    from symptomdb.search.vectors import RESCORED

    current = engine()
    assert current.semantic is not None and current.model is not None, "no vectors or model"
    index = current.semantic
    vectors = current.model.embed(queries)
    found, difference = 0, 0.0
    for vector in vectors:
        exact = index.similarities(vector, exact=True)
        fast = index.similarities(vector)
        best = np.argpartition(-exact, SEMANTIC_POOL - 1)[:SEMANTIC_POOL]
        found += len(set(best) & set(np.argpartition(-fast, SEMANTIC_POOL - 1)[:SEMANTIC_POOL]))
        difference = max(difference, float(np.abs(exact[best] - fast[best]).max()))
    timings = {}
    for name, exact_scan in (("fast_ms", False), ("exact_ms", True)):
        started = time.process_time()
        for _ in range(repeat):
            for vector in vectors:
                index.similarities(vector, exact=exact_scan)
        timings[name] = (time.process_time() - started) * 1000 / (repeat * len(vectors))
    return {
        **timings,
        "rescored": RESCORED,
        "pool": SEMANTIC_POOL,
        "queries": len(vectors),
        "recall": found / (SEMANTIC_POOL * len(vectors)),
        "same": difference < 1e-6,
        "difference": difference,
    }


if __name__ == "__main__":
    raise SystemExit(main())
