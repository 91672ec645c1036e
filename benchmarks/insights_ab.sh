#!/usr/bin/env bash
# What recording readers' searches costs, measured inside one server (issue 14): the
# server runs with INSIGHTS_AB_BLOCK=N (insights/ab.py), so each worker answers its
# searches in alternating blocks of N, recorded then not, and logs each block's CPU
# seconds (os.times(): every thread of the process, the recorder's writer included, whose
# batch for an "on" block is flushed at the block's end and charged to it). wrk loads
# GET /api/search (the queries of insights_load.sh, one after another in rotation) for a
# bounded time; the report sets CPU ms per search of the "on" blocks against the "off"
# blocks of the same processes, minutes apart at most, so neither a server start nor the
# machine's other work (which moves over minutes, not over seconds) weighs on one side.
#   cached:   a server with the search answers kept (SEARCH_CACHE_SECONDS as configured);
#   uncached: a second server with SEARCH_CACHE_SECONDS=0 (a server setting), blocks of
#             --uncached-block searches, as an uncached search takes ~10 times the CPU.
# Each case is its own A/B inside its own server; nothing is compared between servers.
# After the graceful stop (each worker flushes and logs its unfinished block), the
# searches of the "on" blocks are set against those SearchCount and SearchDrop gained.
#
#   benchmarks/insights_ab.sh [--home DIR] [--block 2000] [--uncached-block 200]
#                             [--duration 120] [--warmup 10] [--connections 32]
#                             [--threads 2] [--queries FILE] [--cases "cached uncached"]
#                             [-- SERVE OPTIONS…]
#
# Without --home it uses build/insights-load/home (as insights_load.sh, initialised once).
# Loopback only; every wrk run is bounded and the servers are stopped at the end.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SYMPTOMDB_VENV_BIN:-$REPO/.venv/bin}
HELPER=("$BIN/python" "$REPO/benchmarks/http_load_report.py")
LOAD=("$BIN/python" "$REPO/benchmarks/insights_load_report.py")
MINE=("$BIN/python" "$REPO/benchmarks/insights_ab_report.py")
LUA=$REPO/benchmarks/http_load.lua

HOME_DIR=$REPO/build/insights-load/home
BLOCK=2000
UNCACHED_BLOCK=200
DURATION=120
WARMUP=10
CONNECTIONS=32
THREADS=2
QUERIES=$REPO/../shared/eval/dev_queries.jsonl
CASES="cached uncached"
SERVE_OPTIONS=()

usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; }

while (($#)); do
    case $1 in
        --home) HOME_DIR=$2; shift 2 ;;
        --block) BLOCK=$2; shift 2 ;;
        --uncached-block) UNCACHED_BLOCK=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --queries) QUERIES=$2; shift 2 ;;
        --cases) CASES=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; SERVE_OPTIONS=("$@"); break ;;
        *) echo "Unknown option $1 (see --help)." >&2; exit 2 ;;
    esac
done
for number in "$BLOCK" "$UNCACHED_BLOCK" "$DURATION" "$WARMUP" "$CONNECTIONS" "$THREADS"; do
    [[ $number =~ ^[0-9]+$ ]] || { echo "Expected a whole number, got '$number'." >&2; exit 2; }
done
((DURATION >= 1 && DURATION <= 900)) || { echo "--duration must be 1–900 seconds." >&2; exit 2; }
((BLOCK >= 1 && UNCACHED_BLOCK >= 1)) || { echo "Blocks must hold 1 search or more." >&2; exit 2; }
for case in $CASES; do
    [[ $case == cached || $case == uncached ]] || { echo "Unknown case '$case'." >&2; exit 2; }
done
source "$REPO/benchmarks/lib/insights_server.sh" # stop_server (on exit) and run_wrk
prepare_run insights-ab

for case in $CASES; do
    cache=() block=$BLOCK
    if [[ $case == uncached ]]; then cache=(SEARCH_CACHE_SECONDS=0) block=$UNCACHED_BLOCK; fi
    before=$("${LOAD[@]}" recorded --home "$HOME_DIR")
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    echo "  $case: blocks of $block, start, ${WARMUP} s warm-up, ${DURATION} s… (load $load_before)"
    env SYMPTOMDB_HOME="$HOME_DIR" INSIGHTS_RECORD_SEARCHES=true INSIGHTS_AB_BLOCK="$block" \
        "${cache[@]}" "$BIN/symptomdb" serve --host 127.0.0.1 --port "$PORT" "${SERVE_OPTIONS[@]}" \
        >"$RUN/$case.log" 2>&1 &
    SERVER_PID=$!
    "${HELPER[@]}" wait --url "$BASE/healthz" --timeout 600 --pid "$SERVER_PID"
    "${HELPER[@]}" check --base "$BASE" "$RUN/search.paths"
    ((WARMUP > 0)) && run_wrk "$WARMUP" "$RUN/$case.warmup.wrk"
    start=$(date -u +%H:%M:%S)
    run_wrk "$DURATION" "$RUN/$case.wrk"
    end=$(date -u +%H:%M:%S)
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    stop_server
    after=$("${LOAD[@]}" recorded --home "$HOME_DIR")
    CASE=$case BLOCK_SIZE=$block BEFORE=$before AFTER=$after START=$start END=$end \
        LOAD_BEFORE=$load_before LOAD_AFTER=$load_after \
        ANSWERED=$("${LOAD[@]}" answered --log "$RUN/$case.log") "$BIN/python" -c '
import json, os, sys
e = os.environ
(c0, d0), (c1, d1) = (map(int, e[k].split()) for k in ("BEFORE", "AFTER"))
json.dump({"case": e["CASE"], "block": int(e["BLOCK_SIZE"]), "start": e["START"],
           "end": e["END"], "load_before": e["LOAD_BEFORE"], "load_after": e["LOAD_AFTER"],
           "answered": int(e["ANSWERED"]), "counted": c1 - c0, "dropped": d1 - d0},
          open(sys.argv[1], "w"))' "$RUN/$case.json"
done

"${MINE[@]}" --run "$RUN" --duration "$DURATION" --connections "$CONNECTIONS" \
    | tee "$RUN/report.txt"
