"""Helpers of benchmarks/faults.sh: the paths the load asks for, the readers' writes
sent alongside it, and each fault's line of the report.

    python benchmarks/faults_report.py paths --base URL --out FILE
    python benchmarks/faults_report.py writer --base URL --seconds N --tag TEXT --out FILE
    python benchmarks/faults_report.py fault --name NAME --log-prefix P --writes FILE
        --wrk FILE --start S --end E --stored FILE

Everything is sent to the loopback address given; every loop is bounded in time.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # nginx's self-signed certificate, on loopback


def _loopback(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname
    if host not in {"127.0.0.1", "localhost", "::1"}:
        raise SystemExit(f"{url}: the fault benchmark only sends to loopback.")
    return url


def _get_json(url: str) -> object:
    with urllib.request.urlopen(_loopback(url), timeout=30, context=TLS) as answer:  # noqa: S310
        return json.loads(answer.read())


def paths(base: str, out: Path) -> None:
    """Symptom pages and searches for their names: 200 symptoms from the API's list."""
    found: list[dict[str, str]] = []
    for page in range(1, 5):
        data = _get_json(f"{base}/api/symptoms?page={page}")
        assert isinstance(data, dict)
        found.extend(data["results"])
    lines = []
    for symptom in found:
        lines.append(f"/symptoms/{symptom['slug']}/")
        lines.append("/api/search?" + urllib.parse.urlencode({"q": symptom["name"].lower()}))
    out.write_text("\n".join(lines) + "\n")
    print(len(lines))


def writer(base: str, seconds: float, tag: str, out: Path, author: str) -> None:
    """Readers' comments, one every 0.1 s for ``seconds``, each new reader's, each with
    its own text; every answer's time and status written to ``out`` (JSON lines)."""
    article = _get_json(f"{base}/api/articles")
    assert isinstance(article, dict)
    article_id = article["results"][0]["id"]
    deadline = time.monotonic() + seconds
    number = 0
    with out.open("w") as log:
        while time.monotonic() < deadline:
            number += 1
            body = f"{tag} comment {number}: stretching helped."
            status = _post_comment(base, article_id, body)
            log.write(json.dumps({"t": time.time(), "n": number, "body": body, "status": status}))
            log.write("\n")
            log.flush()
            time.sleep(0.1)


def _post_comment(base: str, article_id: int, body: str) -> int:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(jar), urllib.request.HTTPSHandler(context=TLS)
    )
    try:
        with opener.open(_loopback(f"{base}/api/csrf"), timeout=10):
            pass
        token = next(c.value for c in jar if c.name == "csrftoken")
        request = urllib.request.Request(  # noqa: S310 - loopback, checked above
            f"{base}/api/articles/{article_id}/comments",
            data=json.dumps({"name": "Load", "body": body}).encode(),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": str(token),
                "Referer": f"{base}/",
            },
            method="POST",
        )
        with opener.open(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except (OSError, StopIteration):
        return 0  # no answer at all (connection refused or cut)


def _series(prefix: Path) -> dict[int, Counter[int]]:
    seconds: dict[int, Counter[int]] = {}
    for path in sorted(prefix.parent.glob(prefix.name + ".*")):
        for line in path.read_text().splitlines():
            second, _, status = line.partition(" ")
            if status:
                seconds.setdefault(int(second), Counter())[int(status)] += 1
    return seconds


def _wrk(path: Path) -> dict[str, int]:
    for line in path.read_text().splitlines():
        if line.startswith("RESULT "):
            return {k: int(v) for k, v in (part.split("=") for part in line.split()[1:])}
    return {}


def fault(args: argparse.Namespace) -> None:
    series = _series(Path(args.log_prefix))
    result = _wrk(Path(args.wrk))
    start, end = int(args.start), int(args.end)
    answered = sum(sum(c.values()) for c in series.values())
    fivexx = Counter()
    for counts in series.values():
        for status, n in counts.items():
            if status >= 500:
                fivexx[status] += n
    # Normal again: the first second at or after the fault's end that answered a 2xx
    # and after which no answer was a 5xx. (Not a rate: on two shared cores the rate
    # of uncached searches swings more than a fault moves it.)
    last = max(series) if series else end
    recovered_at = None
    for second in range(end, last + 1):
        counts = series.get(second, Counter())
        if not any(200 <= status < 300 for status in counts):
            continue
        if not any(status >= 500 for s in range(second, last + 1) for status in series.get(s, ())):
            recovered_at = second
            break
    writes = [json.loads(line) for line in Path(args.writes).read_text().splitlines()]
    accepted = {w["body"] for w in writes if 200 <= w["status"] < 300}
    refused = Counter(w["status"] for w in writes if not 200 <= w["status"] < 300)
    stored = set(Path(args.stored).read_text().splitlines()) & {w["body"] for w in writes}
    lost = accepted - stored
    unacknowledged = stored - accepted
    socket_errors = sum(
        result.get(k, 0) for k in ("connect_errors", "read_errors", "write_errors", "timeouts")
    )
    recovery = "never" if recovered_at is None else f"{max(0, recovered_at - end)} s"
    label = f"{args.name} ({end - start} s)"
    print(
        f"  {label:<26} {answered:>8} {sum(fivexx.values()):>6} {socket_errors:>6} "
        f"{recovery:>9} {len(writes):>7} {len(accepted):>8} {len(stored & accepted):>7} "
        f"{len(lost):>5} {len(unacknowledged):>6}   {_statuses(fivexx, refused)}"
    )


def _statuses(fivexx: Counter[int], refused: Counter[int]) -> str:
    load = ", ".join(f"{n}×{s}" for s, n in sorted(fivexx.items())) or "none"
    writes = ", ".join(f"{n}×{s or 'no answer'}" for s, n in sorted(refused.items())) or "none"
    return f"load 5xx: {load}; writes refused: {writes}"


HEADER = (
    f"  {'fault':<26} {'answered':>8} {'5xx':>6} {'socket':>6} {'recovery':>9} "
    f"{'writes':>7} {'accepted':>8} {'stored':>7} {'lost':>5} {'unack.':>6}"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("paths")
    p.add_argument("--base", required=True)
    p.add_argument("--out", type=Path, required=True)
    p = commands.add_parser("writer")
    p.add_argument("--base", required=True)
    p.add_argument("--seconds", type=float, required=True)
    p.add_argument("--tag", required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--author", default="haroon-rashid")
    commands.add_parser("header")
    p = commands.add_parser("fault")
    for name in ("--name", "--log-prefix", "--writes", "--wrk", "--start", "--end", "--stored"):
        p.add_argument(name, required=True)
    args = parser.parse_args()
    if args.command == "paths":
        paths(args.base, args.out)
    elif args.command == "writer":
        writer(args.base, args.seconds, args.tag, args.out, args.author)
    elif args.command == "header":
        print(HEADER)
    else:
        fault(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
