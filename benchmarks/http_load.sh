#!/usr/bin/env bash
# HTTP load on `symptomdb serve`, on loopback, with wrk: requests per second, p50 and
# p99 latency and non-2xx responses for
#   (a) the symptom page of the seed article (found through /api/search?q=muscle+spasm),
#   (b) GET /api/search?q=…, a different dev query per request, in rotation,
#   (c) the compiled stylesheet served by whitenoise from the same server: the ceiling;
#   (d) (b) again on a second server that keeps no search answers
#       (SEARCH_CACHE_SECONDS=0) and remembers few query vectors, so that every
#       request runs the whole search, the model included;
#   (e) (a) and (d) through nginx (the deployment's file, TLS; benchmarks/nginx_local.py)
#       in front of two servers on the same home, 2 workers each (--no-nginx: skipped);
# then each gunicorn worker's memory, the server CPU per uncached search, and the
# issue's targets met or missed.
#
#   benchmarks/http_load.sh [--home DIR] [--duration 20] [--connections 64]
#                           [--threads 2] [--warmup 5] [--queries FILE] [--label TEXT]
#                           [--no-nginx] [-- SERVE OPTIONS…]  e.g. -- --workers 4 --threads 1
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
NGINX=1
SERVE_OPTIONS=()

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }

while (($#)); do
    case $1 in
        --home) HOME_DIR=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --queries) QUERIES=$2; shift 2 ;;
        --label) LABEL=$2; shift 2 ;;
        --no-nginx) NGINX=0; shift ;;
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

# --- wrk, and nginx and openssl for (e) ------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
if ((NGINX)); then
    command -v nginx >/dev/null || missing+=(nginx)
    command -v openssl >/dev/null || missing+=(openssl)
    command -v curl >/dev/null || missing+=(curl)
fi
if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "Installing Debian's ${missing[*]}…"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
            || { echo "apt-get could not install ${missing[*]}." >&2; exit 2; }
    else
        echo "Missing: ${missing[*]}; install them (Debian: sudo apt-get install ${missing[*]}) or pass --no-nginx." >&2
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

# --- the servers (and nginx), stopped whatever happens ------------------------------------
SERVER_PID=""
SERVER_PIDS=() # every server running now: SERVER_PID, or the two behind nginx
NGINX_DIR=""
WRK_PID=""
stop_one() { # pid
    local pid=$1 workers
    kill -0 "$pid" 2>/dev/null || return 0
    workers=$("${HELPER[@]}" children --pid "$pid" 2>/dev/null || true)
    kill -TERM "$pid" 2>/dev/null || true # gunicorn: graceful stop
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
    for worker in $workers; do
        kill -KILL "$worker" 2>/dev/null || true
    done
    wait "$pid" 2>/dev/null || true
}
stop_server() {
    if [[ -n $WRK_PID ]] && kill -0 "$WRK_PID" 2>/dev/null; then
        kill "$WRK_PID" 2>/dev/null || true
    fi
    if [[ -n $NGINX_DIR && -f $NGINX_DIR/nginx.pid ]]; then
        kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
        rm -f "$NGINX_DIR/nginx.pid"
    fi
    for pid in "${SERVER_PIDS[@]}"; do
        stop_one "$pid"
    done
    SERVER_PID=""
    SERVER_PIDS=()
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
    SERVER_PIDS=("$SERVER_PID")
    "${HELPER[@]}" wait --url "$BASE/healthz" --timeout 600 --pid "$SERVER_PID"
}
server_cpu() { # the CPU seconds of every server running now
    local pids=()
    for pid in "${SERVER_PIDS[@]}"; do pids+=(--pid "$pid"); done
    "${HELPER[@]}" cpu "${pids[@]}"
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
        -s "$LUA" "$TARGET" -- "$RUN/$1.paths" >"$3" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || echo "wrk ended with status $? for $1; see $3" >&2
    WRK_PID=""
}

drain() {
    # Requests wrk left unanswered when it stopped are still queued in the server
    # (a sync worker does not notice the client has gone); the next run must not
    # wait behind them. /healthz answers once they are done.
    local pid port
    for pid in "${SERVER_PIDS[@]}"; do
        port=${SERVER_PORTS[$pid]:-$PORT}
        "${HELPER[@]}" wait --url "http://127.0.0.1:$port/healthz" --timeout 120 --pid "$pid"
    done
}
declare -A SERVER_PORTS=()
TARGET=$BASE # where wrk sends its requests: the server, or nginx

scenario() { # name [paths name]: warm up, then the measured run with the server's CPU
    local name=$1 paths=${2:-$1} cpu_before
    echo "  $name: ${WARMUP} s warm-up, then ${DURATION} s…"
    if ((WARMUP > 0)); then
        run_wrk "$paths" "$WARMUP" "$RUN/$name.warmup.wrk"
        drain
    fi
    cpu_before=$(server_cpu)
    run_wrk "$paths" "$DURATION" "$RUN/$name.wrk"
    echo "$cpu_before $(server_cpu)" >"$RUN/$name.cpu"
    drain
}

for name in page search static; do
    scenario "$name"
done
"${HELPER[@]}" memory --pid "$SERVER_PID" --out "$RUN/memory.json"
stop_server

# Every search computed: what a server pays for queries it has not been asked before. No
# answers kept, and each worker keeps only 16 query vectors: enough for one request's own
# texts (the search and its triage share the query's vector; 11 texts at most on the dev
# queries), too few to still hold a query from its last turn in the rotation, which comes
# back to a worker some 15 requests (≈ 33 texts) later. With the default 512 every worker
# would embed each of the 60 queries once and the model's cost would drop out of the figure.
UNCACHED_ENV=(SEARCH_CACHE_SECONDS=0 SYMPTOMDB_QUERY_VECTORS_KEPT=16)
start_server server-uncached.log "${UNCACHED_ENV[@]}"
scenario search-uncached search
"${HELPER[@]}" memory --pid "$SERVER_PID" --out "$RUN/memory-uncached.json"
stop_server

# nginx (TLS) → two servers on the same home, 2 sync workers each: the page, and every
# search computed (SEARCH_CACHE_SECONDS=0). The servers' CPU is both servers' together;
# nginx's own is printed beside it.
if ((NGINX)); then
    PORT_A=$PORT
    PORT_B=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    HTTPS_PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    HTTP_PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    PAIR_ENV=("${UNCACHED_ENV[@]}" SYMPTOMDB_BEHIND_TLS_PROXY=true SYMPTOMDB_TRUSTED_PROXIES=1)
    # One after the other: both bring the same home up to date as they start.
    for port in "$PORT_A" "$PORT_B"; do
        echo "Starting symptomdb serve on 127.0.0.1:$port --workers 2 ${PAIR_ENV[*]} (log: $RUN/server-$port.log)…"
        env SYMPTOMDB_HOME="$HOME_DIR" "${PAIR_ENV[@]}" "$BIN/symptomdb" serve --host 127.0.0.1 \
            --port "$port" --workers 2 >"$RUN/server-$port.log" 2>&1 &
        SERVER_PIDS+=($!)
        SERVER_PORTS[$!]=$port
        "${HELPER[@]}" wait --url "http://127.0.0.1:$port/healthz" --timeout 600 --pid "$!"
    done
    NGINX_DIR=$RUN/nginx
    "$BIN/python" "$REPO/benchmarks/nginx_local.py" --dir "$NGINX_DIR" --https-port "$HTTPS_PORT" \
        --http-port "$HTTP_PORT" --static "$HOME_DIR/static" \
        --server "127.0.0.1:$PORT_A" --server "127.0.0.1:$PORT_B"
    nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" >"$RUN/nginx.log" 2>&1 &
    TARGET=https://127.0.0.1:$HTTPS_PORT
    for _ in $(seq 50); do
        curl -skf -o /dev/null --max-time 5 "$TARGET/healthz" && break
        sleep 0.2
    done
    for path in "$PAGE_PATH" "$(head -1 "$RUN/search.paths")"; do
        status=$(curl -sk -o /dev/null -w '%{http_code}' --max-time 60 "$TARGET$path")
        [[ $status == 200 ]] || { echo "GET $path through nginx answered $status, not 200." >&2; exit 1; }
    done
    nginx_cpu() { "${HELPER[@]}" cpu --pid "$(cat "$NGINX_DIR/nginx.pid")"; }
    for pair in "nginx-page page" "nginx-search-uncached search"; do
        read -r name paths <<<"$pair"
        nginx_before=$(nginx_cpu)
        scenario "$name" "$paths"
        echo "$nginx_before $(nginx_cpu)" >"$RUN/$name.nginx-cpu"
    done
    SERVER_LINE_PAIR=$(grep -m1 -o 'symptomdb: .*' "$RUN/server-$PORT_A.log" || echo 'symptomdb serve --workers 2')
    echo "$SERVER_LINE_PAIR" >"$RUN/pair.server"
    stop_server
    TARGET=$BASE
fi
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
