"""Where recording a search spends its CPU, in one process and one thread: cached
GET /api/search through Django's test client, with INSIGHTS_RECORD_SEARCHES on and off
in short alternating blocks, and the recorder's writer run in the same thread
(INSIGHTS_WRITER_THREAD off) after each block, so that neither a thread nor the machine's
other work is mixed into the figures the way they are in benchmarks/insights_load.sh.

    .venv/bin/python benchmarks/insights_request_path.py [--home DIR] [--block 120]
        [--pairs 40] [--queries FILE]

It prints, per search: the request thread's CPU with recording off, and what recording
adds to it (the median of the blocks' paired differences); the time of the recording
call itself in place, in the request (search_record_answer, timed around each call:
between two searches a whole request passes through the processor's caches, so this is
several times what the same call costs in a loop of its own); and the writer's CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, default=REPO / "build/insights-load/home")
    parser.add_argument(
        "--queries", type=Path, default=REPO.parent / "shared/eval/dev_queries.jsonl"
    )
    parser.add_argument("--block", type=int, default=120, help="requests per block")
    parser.add_argument("--pairs", type=int, default=40, help="pairs of blocks, on and off")
    args = parser.parse_args()
    if not (args.home / "symptomdb.sqlite3").exists() and not os.environ.get("DATABASE_URL"):
        raise SystemExit(f"No site in {args.home}: run benchmarks/insights_load.sh once, or init.")
    if not args.queries.exists():
        raise SystemExit(f"No query file {args.queries} (see --queries).")
    os.environ["SYMPTOMDB_HOME"] = str(args.home)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "symptomdb.settings")
    os.environ["INSIGHTS_WRITER_THREAD"] = "false"  # the writer runs here, after each block
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    import symptomdb.api.search as api
    from symptomdb.insights.recorder import recorder

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.RATELIMIT_ENABLE = False  # one client asks everything: no reader's limit
    texts = [json.loads(x)["query"] for x in args.queries.read_text().splitlines() if x.strip()]
    paths = [f"/api/search?q={quote(t, safe='')}" for t in texts]
    client = Client()

    in_place: list[int] = []
    record = api.search_record_answer

    def timed(**kwargs: object) -> None:
        started = time.perf_counter_ns()
        record(**kwargs)  # type: ignore[arg-type]
        in_place.append(time.perf_counter_ns() - started)

    api.search_record_answer = timed  # type: ignore[assignment]

    def block(recording: bool) -> tuple[float, float]:
        """The request thread's and the writer's CPU µs per search."""
        settings.INSIGHTS_RECORD_SEARCHES = recording
        started = time.thread_time()
        for i in range(args.block):
            client.get(paths[i % len(paths)])
        answered = time.thread_time()
        recorder.flush()
        written = time.thread_time()
        return (answered - started) / args.block * 1e6, (written - answered) / args.block * 1e6

    print("Filling the answer cache…", flush=True)
    for path in paths * 2:
        client.get(path)
    off, added, writer = [], [], []
    for pair in range(args.pairs):
        order = (True, False) if pair % 2 == 0 else (False, True)
        got = {recording: block(recording) for recording in order}
        off.append(got[False][0])
        added.append(got[True][0] - got[False][0])
        writer.append(got[True][1])
    in_place = in_place[-args.pairs * args.block :]
    base = statistics.median(off)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    print(f"cached GET /api/search, {args.pairs} pairs of {args.block}; load average {load}")
    print(f"  request thread, recording off      {base:8.1f} µs CPU a search")
    print(f"  recording on adds to it            {statistics.median(added):8.1f} µs "
          f"({statistics.median(added) / base:.1%})")  # fmt: skip
    print(f"    of which the recording call      {statistics.median(in_place) / 1000:8.1f} µs "
          "(wall time, in place)")  # fmt: skip
    print(f"  the writer, per search             {statistics.median(writer):8.1f} µs "
          f"({statistics.median(writer) / base:.1%})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
