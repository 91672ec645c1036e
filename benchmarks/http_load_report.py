"""Helpers of benchmarks/http_load.sh: the request lists, the wait for the server,
the workers' memory, and the printed report.

    http_load_report.py search-paths --queries FILE --out FILE
    http_load_report.py static-path --home DIR
    http_load_report.py wait --url URL [--timeout 120] [--pid PID]
    http_load_report.py article-path --base URL
    http_load_report.py check --base URL PATHS_FILE…
    http_load_report.py cpu --pid MASTER_PID [--pid MASTER_PID…]
    http_load_report.py memory --pid MASTER_PID --out FILE
    http_load_report.py report --run DIR

Standard library only, so it runs with any Python 3.11. Everything talks to
127.0.0.1 and nothing else.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

# The targets, on the 2-core machine.
TARGET_PAGE_SHARE = 0.50  # symptom page requests/s ÷ static file requests/s
TARGET_P99_MS = 50.0  # symptom page p99 at 64 connections
TARGET_SEARCH_RPS = 300.0
TARGET_RSS_MB = 500.0

SCENARIOS = [
    ("page", "symptom page"),
    ("search", "search API"),
    ("static", "static file (ceiling)"),
    ("search-uncached", "search API, uncached"),
    ("nginx-page", "page, nginx → 2 servers"),
    ("nginx-search-uncached", "uncached, nginx → 2"),
]
# The memory tables: after the first server's load, and after the second's.
MEMORY = [
    ("memory.json", "after page, search and static"),
    ("memory-uncached.json", "after the uncached search"),
]


def _loopback(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"Refusing to send requests to {url!r}: http on loopback only.")
    return url


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # a 3xx is an answer to report, not to follow


_opener = urllib.request.build_opener(_NoRedirect)


def _get(url: str, timeout: float = 10) -> tuple[int, bytes]:
    # S310: the scheme and host are checked by _loopback (http://127.0.0.1 only).
    request = urllib.request.Request(_loopback(url), headers={"Accept": "application/json"})  # noqa: S310
    try:
        with _opener.open(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


# --- set-up -------------------------------------------------------------------


def search_paths(queries: Path, out: Path) -> None:
    """One /api/search path per dev query, in the file's order."""
    texts = [json.loads(line)["query"] for line in queries.read_text().splitlines() if line.strip()]
    distinct = list(dict.fromkeys(" ".join(t.lower().split()) for t in texts))
    out.write_text("".join(f"/api/search?q={quote(t, safe='')}\n" for t in texts))
    print(len(distinct))


def static_path(home: Path) -> None:
    """The hashed URL of the compiled stylesheet, from whitenoise's manifest."""
    manifest = home / "static" / "staticfiles.json"
    try:
        paths = json.loads(manifest.read_text())["paths"]
    except (OSError, ValueError, KeyError) as error:
        raise SystemExit(f"Cannot read the static files manifest {manifest}: {error}") from None
    name = paths.get("dist/site.css")
    if not name:
        raise SystemExit(f"{manifest} has no dist/site.css: run `make bootstrap` first.")
    print(f"/static/{name}")


def wait(url: str, timeout: float, pid: int | None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pid is not None and not Path(f"/proc/{pid}").exists():
            raise SystemExit("The server stopped before it answered; see its log.")
        try:
            status, _ = _get(url, timeout=max(2.0, deadline - time.monotonic()))
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"The server did not answer {url} within {timeout:.0f} s.")


def article_path(base: str) -> None:
    """The page of the symptom the seed article is about, found as a reader would."""
    status, body = _get(f"{base}/api/search?q=muscle+spasm&limit=10")
    if status != 200:
        raise SystemExit(f"GET /api/search?q=muscle+spasm answered {status}.")
    results = json.loads(body)["results"]
    with_article = [r for r in results if r["has_article"]]
    if not with_article:
        raise SystemExit("No symptom with an article among the results for 'muscle spasm'.")
    print(f"/symptoms/{with_article[0]['slug']}/")


def check(base: str, paths: list[Path]) -> None:
    """Every path answers 200 itself (not through a redirect) before it is loaded."""
    for file in paths:
        for path in dict.fromkeys(file.read_text().split()):
            status, _ = _get(f"{base}{path}", timeout=60)
            if status != 200:
                raise SystemExit(f"GET {path} answered {status}, not 200: nothing to measure.")


# --- memory -------------------------------------------------------------------


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return 0


def _rollup_kb(pid: int) -> dict[str, int]:
    """Pss and the shared/private split from smaps_rollup (Linux 4.14+)."""
    out: dict[str, int] = {}
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return out
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].endswith(":") and parts[1].isdigit():
            out[parts[0][:-1]] = int(parts[1])
    return out


def children_of(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return sorted(set(found))


def cpu_seconds(pid: int) -> float:
    """CPU time of the server: the master, its live workers, and the workers it has
    already reaped (replaced after max-requests), in seconds."""
    ticks = os.sysconf("SC_CLK_TCK")

    def fields(process: int) -> list[str]:
        text = Path(f"/proc/{process}/stat").read_text()
        return text.rsplit(")", 1)[1].split()  # after "pid (name)"

    master = fields(pid)
    # utime, stime, cutime, cstime are fields 14-17 of stat(5), so 11-14 here.
    total = sum(int(v) for v in master[11:15])
    for worker in children_of(pid):
        try:
            total += sum(int(v) for v in fields(worker)[11:13])
        except OSError:
            continue  # exited between the listing and the read
    return total / ticks


def memory(pid: int, out: Path) -> None:
    rows = []
    for role, process in [("master", pid), *(("worker", c) for c in children_of(pid))]:
        rollup = _rollup_kb(process)
        rows.append(
            {
                "role": role,
                "pid": process,
                "rss_kb": _status_kb(process, "VmRSS"),
                "pss_kb": rollup.get("Pss", 0),
                "shared_kb": rollup.get("Shared_Clean", 0) + rollup.get("Shared_Dirty", 0),
                "private_kb": rollup.get("Private_Clean", 0) + rollup.get("Private_Dirty", 0),
            }
        )
    out.write_text(json.dumps(rows, indent=1))


# --- the report ---------------------------------------------------------------


def parse_result(path: Path) -> dict[str, float] | None:
    """wrk's RESULT line, with the server's CPU seconds over the run (`.cpu`)."""
    if not path.exists():
        return None
    for line in path.read_text().splitlines():
        if line.startswith("RESULT "):
            fields = dict(item.split("=", 1) for item in line.split()[1:])
            values = {k: float(v) for k, v in fields.items()}
            values["rps"] = values["requests"] / (values["duration_us"] / 1e6)
            for suffix, key in ((".cpu", "cpu_s"), (".nginx-cpu", "nginx_cpu_s")):
                cpu = path.with_suffix(suffix)
                if cpu.exists():
                    before, after = (float(v) for v in cpu.read_text().split())
                    values[key] = after - before
            return values
    return None


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def report(run: Path) -> int:
    meta = json.loads((run / "meta.json").read_text())
    results = {key: parse_result(run / f"{key}.wrk") for key, _ in SCENARIOS}
    print()
    print(f"HTTP load, {meta['date']} — {meta['machine']}")
    if meta.get("label"):
        print(f"  run: {meta['label']}")
    print(f"  server: {meta['server']}")
    print(
        f"  wrk: {meta['threads']} threads, {meta['connections']} connections, "
        f"{meta['duration']} s per scenario after a {meta['warmup']} s warm-up; "
        f"load average before {meta['load_before']}, after {meta['load_after']}"
    )
    print(f"  symptom page: {meta['page_path']}")
    print(
        f"  search API: {meta['search_distinct']} distinct dev queries "
        f"({meta['search_file']}), a different one per request, in rotation"
    )
    print(f"  static file: {meta['static_path']}")
    pair = run / "pair.server"
    if pair.exists():
        print(
            "  nginx → 2 servers: the deployment's nginx file on loopback (TLS, "
            "benchmarks/nginx_local.py) in front of two servers on the same home, each "
            f"{pair.read_text().strip().removeprefix('symptomdb: ')}; no search answers kept"
        )
    print()
    heading = ("req/s", "p50 ms", "p99 ms", "max ms", "non-2xx", "CPU ms", "cores")
    print(f"  {'scenario':<22} " + " ".join(f"{h:>8}" for h in heading))
    bad = 0
    for key, label in SCENARIOS:
        r = results[key]
        if r is None:
            print(f"  {label:<22} {'(no result: see ' + key + '.wrk)':>44}")
            continue
        errors = r["connect_errors"] + r["read_errors"] + r["write_errors"] + r["timeouts"]
        bad += int(r["non2xx"] + errors)
        cpu = ""
        if "cpu_s" in r and r["requests"]:
            cpu_ms = r["cpu_s"] * 1000 / r["requests"]
            cpu = f" {cpu_ms:>8.2f} {r['cpu_s'] / (r['duration_us'] / 1e6):>8.2f}"
        print(
            f"  {label:<22} {r['rps']:>8.0f} {r['p50_us'] / 1000:>8.1f} "
            f"{r['p99_us'] / 1000:>8.1f} {r['max_us'] / 1000:>8.1f} {r['non2xx']:>8.0f}"
            + cpu
            + (f"   socket errors {errors:.0f}" if errors else "")
        )
        if "nginx_cpu_s" in r and r["requests"]:
            print(
                f"  {'':<22} nginx itself: {r['nginx_cpu_s'] * 1000 / r['requests']:.2f} ms "
                "of CPU per request, beside the servers' above"
            )
        if "search" in key:
            print(
                f"  {'':<22} {r['distinct_paths']:.0f} distinct queries asked, "
                f"{r['requests']:.0f} requests"
            )

    workers = []
    for name, when in MEMORY:
        if not (run / name).exists():
            continue
        rows = json.loads((run / name).read_text())
        workers += [row for row in rows if row["role"] == "worker"]
        print()
        print(f"  memory, {when}")
        print(f"  {'MB':<24}" + "  ".join(f"{h:>7}" for h in ("RSS", "PSS", "shared", "private")))
        for row in rows:
            print(
                f"  {row['role']:<8} pid {row['pid']:<10} {row['rss_kb'] / 1024:>7.0f}  "
                f"{row['pss_kb'] / 1024:>7.0f}  {row['shared_kb'] / 1024:>7.0f}  "
                f"{row['private_kb'] / 1024:>7.0f}"
            )

    print()
    print(
        "  non-2xx: answers of 400 or more, as wrk counts them; each path answered 200\n"
        "  itself (no redirect) before the run. CPU ms: the server's CPU time (master and\n"
        "  workers) per request; cores: how many cores the server kept busy. wrk and\n"
        "  anything else running share the same cores: see the load average above.\n"
        "  search API: answers are kept per query (SEARCH_CACHE_SECONDS), so after the\n"
        "  warm-up every query is one asked before; uncached: a second server with\n"
        "  SEARCH_CACHE_SECONDS=0 and 16 query vectors kept per worker runs the whole\n"
        "  search, the model included, for every request. nginx → 2: CPU ms is both\n"
        "  servers' together."
    )
    page, search, static = results["page"], results["search"], results["static"]
    print()
    for key in ("search-uncached", "nginx-search-uncached"):
        r = results[key]
        if r and r.get("requests") and "cpu_s" in r:
            label = dict(SCENARIOS)[key]
            print(
                f"  uncached search ({label}): {r['cpu_s'] * 1000 / r['requests']:.2f} ms of "
                "server CPU per request"
            )
    print()
    print("  targets")
    if page and static and static["rps"] > 0:
        share = page["rps"] / static["rps"]
        print(
            f"    symptom page / static       {share:6.0%}  (≥ {TARGET_PAGE_SHARE:.0%})   "
            f"{verdict(share >= TARGET_PAGE_SHARE)}"
        )
    if page:
        p99 = page["p99_us"] / 1000
        print(
            f"    symptom page p99         {p99:6.1f} ms (≤ {TARGET_P99_MS:.0f} ms)   "
            f"{verdict(p99 <= TARGET_P99_MS)}"
        )
    if search:
        print(
            f"    search API               {search['rps']:6.0f} /s  (≥ {TARGET_SEARCH_RPS:.0f})    "
            f"{verdict(search['rps'] >= TARGET_SEARCH_RPS)}"
        )
    print(f"    non-2xx and socket errors {bad:6d}     (0)        {verdict(bad == 0)}")
    if workers:
        largest = max(row["rss_kb"] for row in workers) / 1024
        print(
            f"    largest worker RSS       {largest:6.0f} MB (< {TARGET_RSS_MB:.0f} MB)   "
            f"{verdict(largest < TARGET_RSS_MB)}"
        )
    print()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("search-paths")
    p.add_argument("--queries", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)
    p = commands.add_parser("static-path")
    p.add_argument("--home", type=Path, required=True)
    p = commands.add_parser("wait")
    p.add_argument("--url", required=True)
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--pid", type=int)
    p = commands.add_parser("article-path")
    p.add_argument("--base", required=True)
    p = commands.add_parser("memory")
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    p = commands.add_parser("check")
    p.add_argument("--base", required=True)
    p.add_argument("paths", type=Path, nargs="+")
    p = commands.add_parser("cpu")
    p.add_argument("--pid", type=int, action="append", required=True, help="repeated: summed")
    p = commands.add_parser("children")
    p.add_argument("--pid", type=int, required=True)
    p = commands.add_parser("report")
    p.add_argument("--run", type=Path, required=True)
    args = parser.parse_args()

    if args.command == "search-paths":
        search_paths(args.queries, args.out)
    elif args.command == "static-path":
        static_path(args.home)
    elif args.command == "wait":
        wait(args.url, args.timeout, args.pid)
    elif args.command == "article-path":
        article_path(args.base)
    elif args.command == "memory":
        memory(args.pid, args.out)
    elif args.command == "check":
        check(args.base, args.paths)
    elif args.command == "cpu":
        print(f"{sum(cpu_seconds(pid) for pid in args.pid):.2f}")
    elif args.command == "children":
        alive = Path(f"/proc/{args.pid}").exists()
        print(" ".join(str(c) for c in children_of(args.pid)) if alive else "")
    elif args.command == "report":
        return report(args.run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
