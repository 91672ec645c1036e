# Shared by insights_load.sh and insights_ab.sh (sourced, not run): preparing a run (the
# checks, the home, the run folder, a free port, the search paths), stopping the server
# gracefully, so each gunicorn worker finishes and writes the searches it holds, and one wrk
# run against it. Uses the caller's BIN, REPO, HOME_DIR, QUERIES, HELPER, LUA, THREADS and
# CONNECTIONS; sets RUN, PORT and BASE.
# shellcheck shell=bash

prepare_run() { # build-folder-name: checks, the home (initialised once), RUN, PORT, BASE, paths
    [[ -x $BIN/symptomdb ]] || { echo "No $BIN/symptomdb: run 'make bootstrap' first." >&2; exit 2; }
    [[ -f $QUERIES ]] || { echo "No query file $QUERIES (see --queries)." >&2; exit 2; }
    command -v wrk >/dev/null || {
        echo "wrk is missing: benchmarks/http_load.sh installs it (or: apt-get install wrk)." >&2
        exit 2
    }

    mkdir -p "$HOME_DIR"
    HOME_DIR=$(cd "$HOME_DIR" && pwd)
    if [[ ! -f $HOME_DIR/symptomdb.sqlite3 && -z ${DATABASE_URL:-} ]]; then
        echo "Initialising $HOME_DIR with 'symptomdb init' (a few minutes, once)…"
        SYMPTOMDB_HOME=$HOME_DIR "$BIN/symptomdb" init
    fi

    RUN=$REPO/build/$1/runs/$(date +%Y%m%d-%H%M%S)
    mkdir -p "$RUN"
    PORT=$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    BASE=http://127.0.0.1:$PORT
    "${HELPER[@]}" search-paths --queries "$QUERIES" --out "$RUN/search.paths" >/dev/null
}

SERVER_PID=""
WRK_PID=""
stop_server() { # graceful: gunicorn's workers finish, and write (or log) the searches they hold
    if [[ -n $WRK_PID ]] && kill -0 "$WRK_PID" 2>/dev/null; then
        kill "$WRK_PID" 2>/dev/null || true
    fi
    if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        local workers
        workers=$("${HELPER[@]}" children --pid "$SERVER_PID" 2>/dev/null || true)
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 150); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "The server did not stop within 30 s: killed (its queued searches are lost)." >&2
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

run_wrk() { # seconds output
    timeout $(($1 + 30)) wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 10s \
        -s "$LUA" "$BASE" -- "$RUN/search.paths" >"$2" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || echo "wrk ended with status $? ; see $2" >&2
    WRK_PID=""
}
