#!/usr/bin/env bash
# HTTP load on `symptomdb serve`, on loopback, with wrk: requests per second, p50 and
# p99 latency and non-2xx responses for
#   (a) the symptom page of the seed article (found through /api/search?q=muscle+spasm),
#   (b) GET /api/search?q=…, a different dev query per request, in rotation,
#   (c) the compiled stylesheet served by whitenoise from the same server: the ceiling;
#   (d) (b) again on a second server that keeps no search answers
#       (SEARCH_CACHE_SECONDS=0), so that every request runs the whole search;
# then each gunicorn worker's memory, and the issue's targets met or missed.
#
#   benchmarks/http_load.sh [--home DIR] [--duration 20] [--connections 64]
#                           [--threads 2] [--warmup 5] [--queries FILE] [--label TEXT]
#                           [-- SERVE OPTIONS…]      e.g. -- --workers 4 --threads 1
#
# Without --home it uses build/http-load/home, initialised once with `symptomdb init`
# (about 3 minutes). The server starts on a free port of 127.0.0.1 and is stopped at
# the end, however the script ends. Nothing is sent anywhere but 127.0.0.1, and every
# wrk run stops by itself after --duration seconds.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SYMPTOMDB_VENV_BIN:-$REPO/.venv/bin}
HELPER=("$BIN/python" "$REPO/benchmarks/http_load_report.py")
LUA=$REPO/benchmarks/http_load.lua

HOME_DIR=$REPO/build/http-load/home
DURATION=20
CONNECTIONS=64
THREADS=2
WARMUP=5
QUERIES=$REPO/../shared/eval/dev_queries.jsonl
LABEL=""
SERVE_OPTIONS=()

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

while (($#)); do
    case $1 in
        --home) HOME_DIR=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --queries) QUERIES=$2; shift 2 ;;
        --label) LABEL=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; SERVE_OPTIONS=("$@"); break ;;
        *) echo "Unknown option $1 (see --help)." >&2; exit 2 ;;
    esac
done
for number in "$DURATION" "$CONNECTIONS" "$THREADS" "$WARMUP"; do
    [[ $number =~ ^[0-9]+$ ]] || { echo "Expected a whole number, got '$number'." >&2; exit 2; }
done
((DURATION >= 1 && DURATION <= 600)) || { echo "--duration must be 1–600 seconds." >&2; exit 2; }
[[ -x $BIN/symptomdb ]] || { echo "No $BIN/symptomdb: run 'make bootstrap' first." >&2; exit 2; }
[[ -f $QUERIES ]] || { echo "No query file $QUERIES (see --queries)." >&2; exit 2; }

# --- wrk -------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "Installing Debian's wrk…"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends wrk >/dev/null; } \
            || { echo "apt-get could not install wrk." >&2; exit 2; }
    else
        echo "wrk is missing: install it (Debian/Ubuntu: sudo apt-get install wrk) and run again." >&2
        exit 2
    fi
fi

# --- the site's data -----------------------------------------------------------------
mkdir -p "$HOME_DIR"
HOME_DIR=$(cd "$HOME_DIR" && pwd)
if [[ ! -f $HOME_DIR/.http-load-initialised ]]; then
    if [[ -f $HOME_DIR/symptomdb.sqlite3 && -f $HOME_DIR/search/vectors.json ]]; then
        : # an initialised site given with --home; serve brings it up to date
    else
        echo "Initialising $HOME_DIR with 'symptomdb init' (about 3 minutes, once)…"
        SYMPTOMDB_HOME=$HOME_DIR "$BIN/symptomdb" init
    fi
    touch "$HOME_DIR/.http-load-initialised"
fi

RUN=$REPO/build/http-load/runs/$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN"
PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT

# --- the server, stopped whatever happens ----------------------------------------------
SERVER_PID=""
WRK_PID=""
stop_server() {
    if [[ -n $WRK_PID ]] && kill -0 "$WRK_PID" 2>/dev/null; then
        kill "$WRK_PID" 2>/dev/null || true
    fi
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        local workers
        workers=$("${HELPER[@]}" children --pid "$SERVER_PID" 2>/dev/null || true)
        kill -TERM "$SERVER_PID" 2>/dev/null || true # gunicorn: graceful stop
        for _ in $(seq 50); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        for pid in $workers; do
            kill -KILL "$pid" 2>/dev/null || true
        done
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

start_server() { # log [VAR=value…]: symptomdb serve with these settings
    local log=$1
    shift
    echo "Starting symptomdb serve on $BASE ${SERVE_OPTIONS[*]} $* (log: $RUN/$log)…"
    env SYMPTOMDB_HOME="$HOME_DIR" "$@" "$BIN/symptomdb" serve --host 127.0.0.1 --port "$PORT" \
        "${SERVE_OPTIONS[@]}" >"$RUN/$log" 2>&1 &
    SERVER_PID=$!
    "${HELPER[@]}" wait --url "$BASE/healthz" --timeout 180 --pid "$SERVER_PID"
}

start_server server.log

PAGE_PATH=$("${HELPER[@]}" article-path --base "$BASE")
STATIC_PATH=$("${HELPER[@]}" static-path --home "$HOME_DIR")
SEARCH_DISTINCT=$("${HELPER[@]}" search-paths --queries "$QUERIES" --out "$RUN/search.paths")
echo "$PAGE_PATH" >"$RUN/page.paths"
echo "$STATIC_PATH" >"$RUN/static.paths"
"${HELPER[@]}" check --base "$BASE" "$RUN/page.paths" "$RUN/search.paths" "$RUN/static.paths"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

run_wrk() { # name seconds output
    timeout $(($2 + 30)) wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$2"s --timeout 10s \
        -s "$LUA" "$BASE" -- "$RUN/$1.paths" >"$3" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || echo "wrk ended with status $? for $1; see $3" >&2
    WRK_PID=""
}

drain() {
    # Requests wrk left unanswered when it stopped are still queued in the server
    # (a sync worker does not notice the client has gone); the next run must not
    # wait behind them. /healthz answers once they are done.
    "${HELPER[@]}" wait --url "$BASE/healthz" --timeout 120 --pid "$SERVER_PID"
}

scenario() { # name [paths name]: warm up, then the measured run with the server's CPU
    local name=$1 paths=${2:-$1} cpu_before
    echo "  $name: ${WARMUP} s warm-up, then ${DURATION} s…"
    if ((WARMUP > 0)); then
        run_wrk "$paths" "$WARMUP" "$RUN/$name.warmup.wrk"
        drain
    fi
    cpu_before=$("${HELPER[@]}" cpu --pid "$SERVER_PID")
    run_wrk "$paths" "$DURATION" "$RUN/$name.wrk"
    echo "$cpu_before $("${HELPER[@]}" cpu --pid "$SERVER_PID")" >"$RUN/$name.cpu"
    drain
}

for name in page search static; do
    scenario "$name"
done
"${HELPER[@]}" memory --pid "$SERVER_PID" --out "$RUN/memory.json"
stop_server

# Every search computed: what a server pays for queries it has not been asked before.
start_server server-uncached.log SEARCH_CACHE_SECONDS=0
scenario search-uncached search
"${HELPER[@]}" memory --pid "$SERVER_PID" --out "$RUN/memory-uncached.json"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
SERVER_LINE=$(grep -m1 -o 'symptomdb: .*' "$RUN/server.log" || grep -m1 'Serving on' "$RUN/server.log" || echo 'symptomdb serve')

export LABEL META_DATE META_WRK SERVER_LINE THREADS CONNECTIONS DURATION WARMUP LOAD_BEFORE \
    LOAD_AFTER PAGE_PATH STATIC_PATH SEARCH_DISTINCT QUERIES
META_DATE=$(date -u +%Y-%m-%dT%H:%MZ)
META_WRK=$( (wrk --version 2>&1 || true) | head -1 | cut -d' ' -f1-2)
"$BIN/python" - "$RUN/meta.json" <<'EOF'
import json, os, platform, sys
from pathlib import Path

e = os.environ
json.dump(
    {
        "date": e["META_DATE"],
        "machine": f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, {e['META_WRK']}",
        "server": e["SERVER_LINE"],
        "label": e["LABEL"],
        "threads": int(e["THREADS"]),
        "connections": int(e["CONNECTIONS"]),
        "duration": int(e["DURATION"]),
        "warmup": int(e["WARMUP"]),
        "load_before": e["LOAD_BEFORE"],
        "load_after": e["LOAD_AFTER"],
        "page_path": e["PAGE_PATH"],
        "static_path": e["STATIC_PATH"],
        "search_distinct": int(e["SEARCH_DISTINCT"]),
        "search_file": Path(e["QUERIES"]).name,
    },
    open(sys.argv[1], "w"),
    indent=1,
)
EOF

stop_server
"${HELPER[@]}" report --run "$RUN" | tee "$RUN/report.txt"
echo "Raw wrk output, server log and this report: $RUN"
