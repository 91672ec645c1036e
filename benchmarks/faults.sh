#!/usr/bin/env bash
# Faults under steady load, all on loopback: nginx (TLS, deploy/nginx/symptomdb.conf)
# → two `symptomdb serve` (own homes, one SECRET_KEY) → one PostgreSQL + one Redis.
# In turn, each under wrk's load plus a reader posting a comment every 0.1 s:
#   redis     Redis stopped for --fault seconds, then started again
#   postgres  PostgreSQL restarted (pg_ctl restart -m fast)
#   worker    a gunicorn worker of the first server killed (SIGKILL) mid-request
#   disk      the cache folder (a tmpfs of 64 MB: Redis's files and the homes' cache/)
#             filled for --fault seconds, then emptied
# and prints for each: requests answered, 5xx, socket errors, seconds until the site
# served normally again, and the readers' writes sent, accepted (2xx), stored (in the
# database after the run), lost (accepted, not stored) and stored though not accepted.
#
#   benchmarks/faults.sh [--fault 20] [--before 10] [--after 30] [--connections 32]
#                        [--only redis,postgres,worker,disk]
#
# PostgreSQL's data and the two homes live in build/faults/, initialised once with
# `symptomdb init` (the whole catalogue: minutes). Installs Debian's postgresql,
# redis-server, nginx and wrk when missing and root. Every process it starts is
# stopped at the end, however it ends; each wrk run stops by itself.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${SYMPTOMDB_VENV_BIN:-$REPO/.venv/bin}
HELPER=("$BIN/python" "$REPO/benchmarks/faults_report.py")
STATE=$REPO/build/faults
FAULT=20
BEFORE=10
AFTER=30
CONNECTIONS=32
ONLY=redis,postgres,worker,disk

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
    case $1 in
        --fault) FAULT=$2; shift 2 ;;
        --before) BEFORE=$2; shift 2 ;;
        --after) AFTER=$2; shift 2 ;;
        --connections) CONNECTIONS=$2; shift 2 ;;
        --only) ONLY=$2; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "Unknown option $1 (see --help)." >&2; exit 2 ;;
    esac
done
for number in "$FAULT" "$BEFORE" "$AFTER" "$CONNECTIONS"; do
    [[ $number =~ ^[0-9]+$ ]] || { echo "Expected a whole number, got '$number'." >&2; exit 2; }
done
((FAULT >= 1 && FAULT <= 120 && BEFORE >= 3 && AFTER >= 10 && AFTER <= 300)) \
    || { echo "--fault 1–120, --before ≥ 3, --after 10–300 seconds." >&2; exit 2; }
[[ -x $BIN/symptomdb ]] || { echo "No $BIN/symptomdb: run 'make bootstrap' first." >&2; exit 2; }

# --- tools ----------------------------------------------------------------------------
find_pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
[[ -n $(find_pgbin) ]] || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
command -v openssl >/dev/null || missing+=(openssl)
if ((${#missing[@]})); then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "Installing Debian's ${missing[*]}…"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
            || { echo "apt-get could not install ${missing[*]}." >&2; exit 2; }
    else
        echo "Missing: ${missing[*]}; install them (Debian: apt-get install ${missing[*]})." >&2
        exit 2
    fi
fi
PGBIN=$(find_pgbin)

free_port() { "$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
RUN=$REPO/build/faults/runs/$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN" "$STATE"
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
A_PORT=$(free_port)
B_PORT=$(free_port)
HTTPS_PORT=$(free_port)
HTTP_PORT=$(free_port)
BASE=https://127.0.0.1:$HTTPS_PORT

# --- everything stopped whatever happens ------------------------------------------------
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PIDS=()
CACHE=$RUN/cache
MOUNTED=""
LOAD_PIDS=() # the current fault's wrk and writer
stop_all() {
    set +e
    for pid in "${LOAD_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null && kill -TERM -- "-$pid" 2>/dev/null
    done
    sleep 2
    for pid in "${PIDS[@]}"; do
        kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
    done
    [[ -f $RUN/nginx/nginx.pid ]] && kill "$(cat "$RUN/nginx/nginx.pid")" 2>/dev/null
    redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
    as_postgres "$PGBIN/pg_ctl" -D "$STATE/pg" -m fast stop >/dev/null 2>&1
    rm -f "$CACHE/filler"
    [[ -n $MOUNTED ]] && umount "$CACHE" 2>/dev/null
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the cache folder: a small tmpfs (root), else an ordinary folder ---------------------
mkdir -p "$CACHE"
if [[ $(id -u) == 0 ]] && mount -t tmpfs -o size=64m,mode=0777 symptomdb-faults "$CACHE" 2>/dev/null; then
    MOUNTED=yes
    CACHE_NOTE="tmpfs of 64 MB at $CACHE"
else
    CACHE_NOTE="an ordinary folder (not root: no tmpfs), filled only as far as its disk allows"
fi
mkdir -p "$CACHE/redis" "$CACHE/home-a" "$CACHE/home-b"
if [[ $(id -u) == 0 ]]; then chmod 0777 "$CACHE/redis"; fi

# --- PostgreSQL, kept in build/faults/pg ------------------------------------------------
if [[ ! -f $STATE/pg/PG_VERSION ]]; then
    mkdir -p "$STATE/pg"
    if [[ $(id -u) == 0 ]]; then chown postgres "$STATE/pg"; fi
    as_postgres "$PGBIN/initdb" -D "$STATE/pg" -U symptomdb -A trust -E UTF8 >/dev/null
fi
touch "$RUN/postgres.log"
if [[ $(id -u) == 0 ]]; then chown -R postgres "$STATE/pg" "$RUN/postgres.log"; fi
PG_OPTIONS="-c listen_addresses=127.0.0.1 -p $PG_PORT -k /tmp"
as_postgres "$PGBIN/pg_ctl" -D "$STATE/pg" -l "$RUN/postgres.log" -w -o "$PG_OPTIONS" start >/dev/null
as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U symptomdb symptomdb 2>/dev/null || true
DATABASE_URL="postgres://symptomdb@127.0.0.1:$PG_PORT/symptomdb"

# --- Redis, its files in the cache folder (snapshots every 5 s while written to) -----------
start_redis() {
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$CACHE/redis" --save "5 1" \
        --appendonly no --daemonize yes --logfile "$RUN/redis.log" >/dev/null
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return; sleep 0.1; done
    echo "Redis did not start: see $RUN/redis.log" >&2
    exit 1
}
start_redis

# --- the two servers ---------------------------------------------------------------------
SECRET=$("$BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')
SERVER_ENV=(DATABASE_URL="$DATABASE_URL" REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
    SECRET_KEY="$SECRET" ALLOWED_HOSTS=127.0.0.1 CSRF_TRUSTED_ORIGINS="$BASE"
    SYMPTOMDB_BEHIND_TLS_PROXY=true SYMPTOMDB_TRUSTED_PROXIES=1
    RATELIMIT_COMMENT=1000000/h RATELIMIT_RATING=1000000/h)
HOME_A=$STATE/home-a
HOME_B=$STATE/home-b
if [[ ! -f $STATE/.initialised ]]; then
    echo "Initialising the database and $HOME_A with 'symptomdb init' (minutes, once)…"
    mkdir -p "$HOME_A" "$HOME_B"
    env SYMPTOMDB_HOME="$HOME_A" "${SERVER_ENV[@]}" "$BIN/symptomdb" init >"$RUN/init.log" 2>&1 \
        || { echo "init failed: see $RUN/init.log" >&2; exit 1; }
    # The second home joins with the first one's search files (a cache of the database).
    for cached in "$HOME_A"/*/; do
        name=$(basename "$cached")
        [[ $name == cache || $name == static ]] || cp -r "$cached" "$HOME_B/"
    done
    touch "$STATE/.initialised"
fi
for home in "$HOME_A" "$HOME_B"; do # their cache/ folder on the small disk
    rm -rf "$home/cache"
    ln -s "$CACHE/$(basename "$home")" "$home/cache"
done
start_server() { # home port log: a session of its own, so that it is stopped whole
    setsid env SYMPTOMDB_HOME="$1" "${SERVER_ENV[@]}" "$BIN/symptomdb" serve --host 127.0.0.1 \
        --port "$2" --workers 2 --no-access-log >"$3" 2>&1 &
    PIDS+=($!)
}
start_server "$HOME_A" "$A_PORT" "$RUN/server-a.log"
A_PID=${PIDS[-1]}
start_server "$HOME_B" "$B_PORT" "$RUN/server-b.log"
wait_for() { # url seconds
    for _ in $(seq "$2"); do
        curl -skf -o /dev/null --max-time 5 "$1" && return 0
        sleep 1
    done
    echo "No answer from $1 in $2 s; see $RUN/*.log" >&2
    exit 1
}
echo "Starting two servers on 127.0.0.1:$A_PORT and :$B_PORT (logs in $RUN)…"
wait_for "http://127.0.0.1:$A_PORT/healthz" 900
wait_for "http://127.0.0.1:$B_PORT/healthz" 900

# --- nginx: the deployment's file on loopback --------------------------------------------
"$BIN/python" "$REPO/benchmarks/nginx_local.py" --dir "$RUN/nginx" --https-port "$HTTPS_PORT" \
    --http-port "$HTTP_PORT" --static "$HOME_A/static" \
    --server "127.0.0.1:$A_PORT" --server "127.0.0.1:$B_PORT"
setsid nginx -p "$RUN/nginx" -c "$RUN/nginx/nginx.conf" >"$RUN/nginx.log" 2>&1 &
PIDS+=($!)
wait_for "$BASE/healthz" 30

DISTINCT=$("${HELPER[@]}" paths --base "$BASE" --out "$RUN/load.paths")
# The load's answers computed once before the faults, as on a site that has been up.
timeout 120 wrk -t2 -c"$CONNECTIONS" -d20s -s "$REPO/benchmarks/faults.lua" "$BASE" \
    -- "$RUN/load.paths" "$RUN/warmup.status" >/dev/null 2>&1 || true

psql_stored() { # file: the comment texts stored
    as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U symptomdb -d symptomdb -Atc \
        "SELECT body FROM community_comment WHERE body LIKE 'faults-$(basename "$RUN")%'" >"$1"
}

do_fault() { # name
    case $1 in
        redis)
            redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
            sleep "$FAULT"
            start_redis ;;
        postgres)
            as_postgres "$PGBIN/pg_ctl" -D "$STATE/pg" -l "$RUN/postgres.log" -w -m fast \
                -o "$PG_OPTIONS" restart >/dev/null ;;
        worker)
            local worker
            worker=$(pgrep -P "$A_PID" | head -1) # serve becomes gunicorn's master
            kill -KILL "$worker" ;;
        disk)
            dd if=/dev/zero of="$CACHE/filler" bs=1M status=none 2>/dev/null || true
            sleep "$FAULT"
            rm -f "$CACHE/filler" ;;
    esac
}

run_fault() { # name
    local name=$1 seconds=$((BEFORE + FAULT + AFTER)) start end wrk_pid writer_pid
    echo "  $name: ${BEFORE} s of load, the fault, ${AFTER} s after it…" >&2
    timeout $((seconds + 60)) wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s \
        -s "$REPO/benchmarks/faults.lua" "$BASE" -- "$RUN/load.paths" "$RUN/$name.status" \
        >"$RUN/$name.wrk" 2>&1 &
    wrk_pid=$!
    LOAD_PIDS=("$wrk_pid")
    timeout $((seconds + 60)) "${HELPER[@]}" writer --base "$BASE" --seconds "$seconds" \
        --tag "faults-$(basename "$RUN") $name" --out "$RUN/$name.writes" &
    writer_pid=$!
    LOAD_PIDS+=("$writer_pid")
    sleep "$BEFORE"
    start=$(date +%s)
    do_fault "$name"
    end=$(date +%s)
    wait "$wrk_pid" || echo "wrk ended with status $? for $name" >&2
    wait "$writer_pid" || echo "the writer ended with status $? for $name" >&2
    wait_for "$BASE/healthz" 120
    psql_stored "$RUN/$name.stored"
    "${HELPER[@]}" fault --name "$name" --log-prefix "$RUN/$name.status" \
        --writes "$RUN/$name.writes" --wrk "$RUN/$name.wrk" --start "$start" --end "$end" \
        --stored "$RUN/$name.stored" >>"$RUN/report.rows"
}

IFS=, read -ra FAULTS <<<"$ONLY"
for name in "${FAULTS[@]}"; do
    case $name in redis | postgres | worker | disk) run_fault "$name" ;;
        *) echo "Unknown fault $name (redis, postgres, worker, disk)." >&2; exit 2 ;; esac
done

{
    echo "Faults, $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "  nginx $(nginx -v 2>&1 | cut -d/ -f2) (TLS) → 2 × symptomdb serve (2 sync workers each) → PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') + Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2)"
    echo "  load: wrk, 2 threads, $CONNECTIONS connections, $DISTINCT paths (symptom pages and searches) in rotation;"
    echo "        a reader posting a comment every 0.1 s; ${BEFORE} s before each fault, ${AFTER} s after"
    echo "  cache folder: $CACHE_NOTE"
    echo
    "${HELPER[@]}" header
    cat "$RUN/report.rows"
    echo
    echo "  answered: answers with a status; 5xx among them; socket: connections wrk saw fail"
    echo "  fault (s): how long the fault lasted. recovery: seconds from the fault's end to the"
    echo "  first second that answered a 2xx with no 5xx after it. writes: comments sent;"
    echo "  accepted: answered 2xx;"
    echo "  stored: accepted ones in the database after the run; lost: accepted, not stored;"
    echo "  unack.: stored though not answered 2xx (the answer was lost, not the comment)."
} | tee "$RUN/report.txt"
echo "Logs and this report: $RUN"
