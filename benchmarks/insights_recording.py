"""What recording searches costs GET /api/search, in one process: the whole request path
(middleware, view, search, recording) through Django's test client, without the socket
and gunicorn of benchmarks/insights_load.sh, whose four server starts take half an hour on
a busy machine.

    .venv/bin/python benchmarks/insights_recording.py [--home DIR] [--rounds 4]
        [--cached 600] [--uncached 60] [--queries FILE]

Blocks of requests with INSIGHTS_RECORD_SEARCHES on and off alternate (on, off; then
off, on), cached (answers kept, SEARCH_CACHE_SECONDS as configured) and uncached
(SEARCH_CACHE_SECONDS=0, every request runs the whole search); the recorder's writer
thread runs as under `serve`. The report compares the medians of the blocks' requests per
second (target: recording costs at most 5 %), then closes the recorder as a worker does at
exit and sets the searches answered with recording on against those counted and dropped.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
QUERIES = "shared/eval/dev_queries.jsonl"  # the load's queries, as http_load.sh's
TARGET_COST = 0.05


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=REPO / "build/insights-load/home")
    parser.add_argument(
        "--queries", type=Path, default=REPO.parent / "shared/eval/dev_queries.jsonl"
    )
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--cached", type=int, default=600, help="requests per cached block")
    parser.add_argument("--uncached", type=int, default=60, help="requests per uncached block")
    args = parser.parse_args()
    if not (args.home / "symptomdb.sqlite3").exists() and not os.environ.get("DATABASE_URL"):
        raise SystemExit(f"No site in {args.home}: run benchmarks/insights_load.sh once, or init.")
    if not args.queries.exists():
        raise SystemExit(f"No query file {args.queries} (see --queries).")
    os.environ["SYMPTOMDB_HOME"] = str(args.home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "symptomdb.settings")
    os.environ["INSIGHTS_WRITER_THREAD"] = "true"  # as served
    import json

    import django

    django.setup()
    from django.conf import settings
    from django.db.models import Sum
    from django.test import Client

    from symptomdb.insights.models import SearchCount, SearchDrop, Source
    from symptomdb.insights.recorder import recorder

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.RATELIMIT_ENABLE = False  # one client asks everything: no reader's limit
    cache_seconds = settings.SEARCH_CACHE_SECONDS
    texts = [json.loads(x)["query"] for x in args.queries.read_text().splitlines() if x.strip()]
    paths = [f"/api/search?q={quote(t, safe='')}" for t in texts]
    client = Client()

    def recorded() -> int:
        counted = SearchCount.objects.filter(source=Source.API).aggregate(n=Sum("searches"))
        dropped = SearchDrop.objects.aggregate(n=Sum("dropped"))
        return (counted["n"] or 0) + (dropped["n"] or 0)

    def block(n: int, *, recording: bool, cached: bool, offset: int) -> float:
        settings.INSIGHTS_RECORD_SEARCHES = recording
        settings.SEARCH_CACHE_SECONDS = cache_seconds if cached else 0
        started = time.perf_counter()
        for i in range(n):
            response = client.get(paths[(offset + i) % len(paths)])
            if response.status_code != 200:
                raise SystemExit(
                    f"{paths[(offset + i) % len(paths)]} answered {response.status_code}."
                )
        return n / (time.perf_counter() - started)

    print("Loading the search and filling its cache (recording off)…", flush=True)
    block(len(paths), recording=False, cached=True, offset=0)
    before = recorded()
    answered = 0
    rates: dict[tuple[str, bool], list[float]] = {}
    for round_ in range(args.rounds):
        order = (True, False) if round_ % 2 == 0 else (False, True)
        for mode, n in (("cached", args.cached), ("uncached", args.uncached)):
            for recording in order:
                rps = block(n, recording=recording, cached=mode == "cached", offset=round_ * 7)
                rates.setdefault((mode, recording), []).append(rps)
                answered += n if recording else 0
                print(f"  round {round_ + 1} {mode:<8} recording {'on ' if recording else 'off'} "
                      f"{rps:8.1f} req/s", flush=True)  # fmt: skip
    recorder.close()  # as a worker at exit: the thread's batch and the queue written
    counted = recorded() - before
    failed = False
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"\nGET /api/search in one process, {args.rounds} rounds; load average now {load}")
    print(f"{'':<10}{'off req/s':>11}{'on req/s':>10}{'cost':>8}   target ≤ 5 %")
    for mode in ("cached", "uncached"):
        off = statistics.median(rates[(mode, False)])
        on = statistics.median(rates[(mode, True)])
        cost = 1 - on / off
        failed |= cost > TARGET_COST
        print(f"{mode:<10}{off:>11.1f}{on:>10.1f}{cost:>8.1%}   "
              f"{'met' if cost <= TARGET_COST else 'MISSED'}")  # fmt: skip
    lost = answered - counted
    failed |= lost != 0
    print(f"\nrecording on: answered {answered}, counted + dropped {counted}, lost {lost}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
