#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the store tests and print the URL to use.
#
#   eval "$(scripts/ci_postgres.sh)"      # sets SITREP_TEST_PG_URL
#   .venv/bin/pytest tests/store
#   scripts/ci_postgres.sh stop           # stop the server (data dir kept)
#
# Idempotent: installs PostgreSQL only if no binaries are found, initialises the cluster
# only once, reuses a running server. Only the export line goes to stdout (for eval);
# progress goes to stderr. Settings: SITREP_PG_DIR (default /tmp/sitrep-pg),
# SITREP_PG_PORT (default 5432, or the next free port).
set -euo pipefail

PGDIR="${SITREP_PG_DIR:-/tmp/sitrep-pg}"
DATA="$PGDIR/data"
DB=sitrep_test
log() { echo "ci_postgres: $*" >&2; }

find_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

BIN="$(find_bindir || true)"
if [ -z "$BIN" ]; then
    log "no PostgreSQL binaries found; installing the postgresql package"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
    BIN="$(find_bindir)"
fi

# PostgreSQL refuses to run as root: run it as the postgres user (created by the
# package) or, failing that, a dedicated system user.
if [ "$(id -u)" -eq 0 ]; then
    RUN_USER=postgres
    id "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /bin/sh "$RUN_USER"
    as_pg() { runuser -u "$RUN_USER" -- "$@"; }
else
    RUN_USER="$(id -un)"
    as_pg() { "$@"; }
fi

mkdir -p "$PGDIR"
[ "$(id -u)" -eq 0 ] && chown "$RUN_USER" "$PGDIR"

if [ "${1:-}" = "stop" ]; then
    if [ -f "$DATA/postmaster.pid" ]; then
        as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2
    else
        log "not running"
    fi
    exit 0
fi

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

if [ -f "$PGDIR/port" ]; then
    PORT="$(cat "$PGDIR/port")"
else
    PORT="${SITREP_PG_PORT:-5432}"
    while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
    echo "$PORT" >"$PGDIR/port"
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
    log "initialising cluster in $DATA"
    as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >&2 \
        || as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-locale >&2
fi

if as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    log "server already running on port $PORT"
else
    # The remembered port may have been taken by something else since the last run.
    while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
    echo "$PORT" >"$PGDIR/port"
    log "starting server on 127.0.0.1:$PORT"
    as_pg "$BIN/pg_ctl" -D "$DATA" -l "$PGDIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$PGDIR -c fsync=off" >&2
fi

if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$DB'" postgres | grep -q 1; then
    log "creating database $DB"
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

echo "export SITREP_TEST_PG_URL=postgresql://postgres@127.0.0.1:$PORT/$DB"
