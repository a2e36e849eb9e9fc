#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster for the tests: trust authentication, listening on a free
# port of 127.0.0.1 only, its socket and everything else in one temporary folder.
#
#   scripts/postgres.sh start   creates and starts a cluster; prints its folder on stdout
#   scripts/postgres.sh url DIR prints the admin URL of the cluster in DIR
#   scripts/postgres.sh stop DIR stops the cluster in DIR and deletes DIR
#
# initdb refuses to run as root, so as root the cluster belongs to the postgres user (runuser);
# otherwise it belongs to the current user. Exits non-zero with the server log on any failure.
set -euo pipefail

PG_BIN="${CITYCODE_PG_BIN:-}"
if [ -z "$PG_BIN" ]; then
    for candidate in /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && PG_BIN="$candidate"
    done
fi

fail() {
    echo "postgres.sh: $*" >&2
    exit 1
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# A TCP port on 127.0.0.1 that nothing listens on (checked by trying to connect).
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    fail "no free port found"
}

start() {
    [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || fail "PostgreSQL server programs not found (Debian package postgresql)"
    local dir port
    dir="$(mktemp -d "${TMPDIR:-/tmp}/citycode-pg.XXXXXX")"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || fail "running as root but there is no postgres user to own the cluster"
        chown postgres: "$dir"
    fi
    chmod 700 "$dir"
    if ! as_owner "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-locale >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        rm -rf "$dir"
        fail "initdb failed"
    fi
    # Ports are picked at random and may be taken between the check and the start: retry.
    for _ in 1 2 3 4 5; do
        port="$(free_port)"
        # fsync stays on (the default): the crash-durability test relies on synchronous_commit=on
        # meaning what it says. max_connections covers two test programs at once, each with a few
        # servers and their pools.
        if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
            -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null; then
            echo "$port" >"$dir/port"
            echo "$dir"
            return 0
        fi
    done
    cat "$dir/server.log" >&2 || true
    rm -rf "$dir"
    fail "the PostgreSQL server did not start"
}

url() {
    local dir="$1"
    [ -f "$dir/port" ] || fail "no cluster in $dir"
    echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/postgres"
}

stop() {
    local dir="$1"
    [ -d "$dir" ] || return 0
    [ -f "$dir/port" ] || fail "$dir is not a cluster folder made by this script"
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
url) url "${2:?usage: postgres.sh url DIR}" ;;
stop) stop "${2:?usage: postgres.sh stop DIR}" ;;
*) fail "usage: postgres.sh start | url DIR | stop DIR" ;;
esac
