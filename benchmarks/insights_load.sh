#!/usr/bin/env bash
# What recording readers' searches (insights/recorder.py) costs the search API under load,
# and whether any search is lost (issue 14): GET /api/search?q=…, a different query per
# request in rotation, through wrk on loopback, with INSIGHTS_RECORD_SEARCHES on and off,
#   cached:   the server keeps search answers (SEARCH_CACHE_SECONDS as configured);
#   uncached: SEARCH_CACHE_SECONDS=0, every request runs the whole search.
# Each (mode, recording) run is its own `symptomdb serve`, in --rounds rounds whose order
# alternates (on, off; then off, on), so that a machine busy with other work weighs on
# both alike; the report compares the medians, of requests per second and of the server's
# CPU time per request: utime + stime (/proc/PID/stat) of the serve process and all its
# descendants (gunicorn's master and workers), read before and after the timed wrk run,
# each time once the recorder's writer has had INSIGHTS_FLUSH_SECONDS + 1 s to write what it
# held, over the requests wrk completed. wrk shares the cores with the server, so requests
# per second move with the machine's other work, CPU per request less so. A worker that
# exits during the run takes its ticks with it: the report says if the pids changed. After
# each recording-on run the server is stopped gracefully (its workers write what they
# hold) and the searches it answered (its access log) are set against those the database
# counted and dropped.
#
#   benchmarks/insights_load.sh [--home DIR] [--duration 20] [--connections 32]
#                               [--threads 2] [--warmup 5] [--rounds 2] [--queries FILE]
#                               [-- SERVE OPTIONS…]
#
# Without --home it uses build/insights-load/home, initialised once with `symptomdb init`.
# Kept apart from http_load.sh (pages, static files, nginx) so each can change alone; it
# shares its helper (http_load_report.py) and wrk script (http_load.lua). Nothing is sent
# anywhere but 127.0.0.1.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SYMPTOMDB_VENV_BIN:-$REPO/.venv/bin}
HELPER=("$BIN/python" "$REPO/benchmarks/http_load_report.py")
MINE=("$BIN/python" "$REPO/benchmarks/insights_load_report.py")
LUA=$REPO/benchmarks/http_load.lua

HOME_DIR=$REPO/build/insights-load/home
DURATION=20
CONNECTIONS=32
THREADS=2
WARMUP=5
ROUNDS=2
QUERIES=$REPO/../shared/eval/dev_queries.jsonl
SERVE_OPTIONS=()
# The recorder writes what it holds INSIGHTS_FLUSH_SECONDS (default 10) after a batch's first
# search: the server's CPU is read that long and a second more after the warm-up and the run.
SETTLE=$((${INSIGHTS_FLUSH_SECONDS:-10} + 1))

usage() { sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; }

while (($#)); do
    case $1 in
        --home) HOME_DIR=$2; shift 2 ;;
        --duration) DURATION=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --threads) THREADS=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --rounds) ROUNDS=$2; shift 2 ;;
        --queries) QUERIES=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        --) shift; SERVE_OPTIONS=("$@"); break ;;
        *) echo "Unknown option $1 (see --help)." >&2; exit 2 ;;
    esac
done
for number in "$DURATION" "$CONNECTIONS" "$THREADS" "$WARMUP" "$ROUNDS"; do
    [[ $number =~ ^[0-9]+$ ]] || { echo "Expected a whole number, got '$number'." >&2; exit 2; }
done
((DURATION >= 1 && DURATION <= 600)) || { echo "--duration must be 1–600 seconds." >&2; exit 2; }
((ROUNDS >= 1 && ROUNDS <= 10)) || { echo "--rounds must be 1–10." >&2; exit 2; }
source "$REPO/benchmarks/lib/insights_server.sh" # stop_server (on exit) and run_wrk
prepare_run insights-load

drain() { "${HELPER[@]}" wait --url "$BASE/healthz" --timeout 120 --pid "$SERVER_PID"; }

server_cpu() { # "seconds pid…" of the running server, once its writer is done
    sleep "$SETTLE"
    "${MINE[@]}" cpu --pid "$SERVER_PID"
}

measure() { # mode recording(1|0) round
    local mode=$1 recording=$2 round=$3 name cache=() before after cpu_start cpu_end start
    name="$mode-$([[ $recording == 1 ]] && echo on || echo off)-$round"
    [[ $mode == uncached ]] && cache=(SEARCH_CACHE_SECONDS=0)
    before=$("${MINE[@]}" recorded --home "$HOME_DIR")
    echo "  $name: start, ${WARMUP} s warm-up, ${DURATION} s…"
    env SYMPTOMDB_HOME="$HOME_DIR" INSIGHTS_RECORD_SEARCHES=$([[ $recording == 1 ]] && echo true || echo false) \
        "${cache[@]}" "$BIN/symptomdb" serve --host 127.0.0.1 --port "$PORT" "${SERVE_OPTIONS[@]}" \
        >"$RUN/$name.log" 2>&1 &
    SERVER_PID=$!
    # Up to 10 minutes: four workers loading the model on a machine busy with other work.
    "${HELPER[@]}" wait --url "$BASE/healthz" --timeout 600 --pid "$SERVER_PID"
    "${HELPER[@]}" check --base "$BASE" "$RUN/search.paths"
    if ((WARMUP > 0)); then
        run_wrk "$WARMUP" "$RUN/$name.warmup.wrk"
        drain
    fi
    cpu_start=$(server_cpu)
    start=$(date -u +%H:%M)
    run_wrk "$DURATION" "$RUN/$name.wrk"
    drain
    cpu_end=$(server_cpu)
    # CPU seconds before and after (as http_load.sh's .cpu files); the pids at both.
    echo "${cpu_start%% *} ${cpu_end%% *}" >"$RUN/$name.cpu"
    printf '%s\n%s\n' "${cpu_start#* }" "${cpu_end#* }" >"$RUN/$name.pids"
    stop_server
    after=$("${MINE[@]}" recorded --home "$HOME_DIR")
    NAME=$name MODE=$mode RECORDING=$recording BEFORE=$before AFTER=$after START=$start \
        ANSWERED=$("${MINE[@]}" answered --log "$RUN/$name.log") \
        "$BIN/python" -c '
import json, os, sys
e = os.environ
(c0, d0), (c1, d1) = (map(int, e[k].split()) for k in ("BEFORE", "AFTER"))
json.dump({"name": e["NAME"], "mode": e["MODE"], "recording": e["RECORDING"] == "1",
           "start": e["START"],
           "answered": int(e["ANSWERED"]), "counted": c1 - c0, "dropped": d1 - d0},
          open(sys.argv[1], "w"))' "$RUN/$name.json"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for mode in cached uncached; do
    for round in $(seq "$ROUNDS"); do
        if ((round % 2)); then order=(1 0); else order=(0 1); fi
        for recording in "${order[@]}"; do
            measure "$mode" "$recording" "$round"
        done
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

export LOAD_BEFORE LOAD_AFTER CONNECTIONS DURATION WARMUP ROUNDS SETTLE
META_WRK=$( (wrk --version 2>&1 || true) | head -1 | cut -d' ' -f1-2) "$BIN/python" -c '
import datetime as dt, json, os, platform, sys
e = os.environ
machine = f"{os.cpu_count()} cores, {platform.system()} {platform.release()}, " + e["META_WRK"]
json.dump({"date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%MZ"), "machine": machine,
           "connections": int(e["CONNECTIONS"]), "duration": int(e["DURATION"]),
           "warmup": int(e["WARMUP"]), "rounds": int(e["ROUNDS"]),
           "load_before": e["LOAD_BEFORE"], "load_after": e["LOAD_AFTER"],
           "settle": int(e["SETTLE"])},
          open(sys.argv[1], "w"))' "$RUN/meta.json"
"${MINE[@]}" report --run "$RUN" | tee "$RUN/report.txt"
