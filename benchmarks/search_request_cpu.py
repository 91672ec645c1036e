"""CPU of one uncached `GET /api/search` through the whole Django stack, in one process.

    .venv/bin/python benchmarks/search_request_cpu.py --home var [--requests 360]

Between search_speed.py (the search and its triage alone) and http_load.sh (gunicorn under
load, four workers and wrk on two cores): the same request as a reader's, through Django's
test client, middleware, API schema and database included, with the answer cache off and
few query vectors remembered (as http_load.sh's uncached row), so the model runs for every
request. It is timed twice, alternating, in one process: with the database connection kept
between requests (as `DATABASE_CONN_MAX_AGE` keeps it) and closed after each (as a server
with `DATABASE_CONN_MAX_AGE=0` does). The queries are 60 of our own labelled search queries
(`benchmarks/data/search_more.jsonl`; `--queries` takes another file, such as the dev queries
http_load.sh sends), in rotation, after one untimed pass. Always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from symptomdb.maths_threads import one_maths_thread_each

one_maths_thread_each()  # as `symptomdb serve` runs the search (before numpy is imported)
os.environ["SEARCH_CACHE_SECONDS"] = "0"
os.environ["SYMPTOMDB_QUERY_VECTORS_KEPT"] = "16"

from search_quality import setup_django  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "search_more.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="an initialised SYMPTOMDB_HOME")
    parser.add_argument("--requests", type=int, default=360, help="timed requests per mode")
    parser.add_argument("--rounds", type=int, default=2, help="alternations of the two modes")
    parser.add_argument(
        "--queries", type=Path, default=DATA, help="a JSONL file of queries (query or text)"
    )
    args = parser.parse_args()
    setup_django(args.home, None)
    from django.db import connection
    from django.test import Client

    rows = [
        json.loads(line) for line in args.queries.read_text(encoding="utf-8").splitlines() if line
    ]
    queries = [str(r.get("query") or r.get("text")) for r in rows]
    random.Random(1).shuffle(queries)
    queries = queries[:60]
    client = Client(HTTP_HOST="localhost")

    def run(count: int, *, close: bool) -> float:
        started = time.process_time()
        for n in range(count):
            response = client.get("/api/search", {"q": queries[n % len(queries)]})
            if response.status_code != 200:
                raise SystemExit(f"{response.status_code} for {queries[n % len(queries)]!r}")
            if close:
                connection.close()
        return (time.process_time() - started) * 1000 / count

    run(len(queries), close=False)  # untimed: loads the model, the vectors, the bank
    print(
        f"{args.requests} uncached searches per mode, {len(queries)} queries of "
        f"{args.queries.name} in rotation, one process"
    )
    for round_number in range(1, args.rounds + 1):
        kept = run(args.requests, close=False)
        closed = run(args.requests, close=True)
        print(
            f"  round {round_number}: connection kept {kept:.2f} ms of CPU per request, "
            f"closed after each {closed:.2f} ms ({closed - kept:+.2f} ms)"
        )


if __name__ == "__main__":
    main()
