#!/usr/bin/env bash
# Builds CityCode and runs it on this machine: citycode-server on 127.0.0.1 with its data in
# ./data (SQLite, created on first start with demo data) and the citycode-admin console
# connected to it. Without a display the server stays in the foreground. Ctrl-C stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

LISTEN="${CITYCODE_LISTEN:-127.0.0.1:8080}"
DATA_DIR="${CITYCODE_DATA_DIR:-$ROOT/data}"
URL="http://$LISTEN"

install_missing_packages
configure_and_build citycode-server citycode-admin citycode-cli

SERVER=("$BUILD_DIR/server/citycode-server" --data-dir "$DATA_DIR" --listen "$LISTEN" --demo
        --demo-dir "$ROOT/resources/demo")

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    say "No display: running the server in the foreground at $URL (Ctrl-C stops it)"
    exec "${SERVER[@]}"
fi

say "Starting the server at $URL"
"${SERVER[@]}" &
server_pid=$!
stop_server() {
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
}
trap stop_server EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/${LISTEN%:*}/${LISTEN##*:}") 2>/dev/null; then
        break
    fi
    kill -0 "$server_pid" 2>/dev/null || { echo "citycode-server did not start" >&2; exit 1; }
    sleep 0.1
done

say "Opening the console"
"$BUILD_DIR/client/citycode-admin" --server "$URL"
