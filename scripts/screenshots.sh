#!/usr/bin/env bash
# Screenshots of every console screen in English and Simplified Chinese (issue 5, must-show 3):
# builds, starts a citycode-server with the demo data (--demo) on a free loopback port in a
# temporary data directory, fills it with more demo records through the admin API
# (docs/screenshots/seed.json), then runs the console tour offscreen once per language; the tour
# signs in, opens every page the navigation offers (PageCatalog.cpp) and the "add" dialog of
# each list, and saves them as docs/screenshots/<lang>/<page>.png (or under $1).
#   scripts/screenshots.sh [OUTPUT_DIR]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

OUT="${1:-$ROOT/docs/screenshots}"
install_missing_packages
configure_and_build citycode-server citycode-console-tour

WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
INITIAL="Demo-Initial-2026!"
PASSWORD="Demo-Console-2026!"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

say "Starting a demo server on 127.0.0.1:$PORT"
CITYCODE_ADMIN_PASSWORD="$INITIAL" "$BUILD_DIR/server/citycode-server" --data-dir "$WORK/data" \
    --listen "127.0.0.1:$PORT" --demo --demo-dir "$ROOT/resources/demo" --set auth.captcha=disabled \
    >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$WORK/server.log" >&2; echo "citycode-server did not start" >&2; exit 1; }
    sleep 0.1
done

export QT_QPA_PLATFORM=offscreen
export CITYCODE_SETTINGS_DIR="$WORK/settings"
TOUR="$BUILD_DIR/tests/client/citycode-console-tour"
first=1
for lang in en zh_CN; do
    say "Screenshots in $lang -> ${OUT#$ROOT/}/$lang"
    rm -rf "${OUT:?}/$lang"
    if [ "$first" = 1 ]; then
        "$TOUR" --server "http://127.0.0.1:$PORT" --password "$INITIAL" --new-password "$PASSWORD" \
            --seed "$ROOT/docs/screenshots/seed.json" --lang "$lang" --screenshots "$OUT/$lang"
        first=0
    else
        "$TOUR" --server "http://127.0.0.1:$PORT" --password "$PASSWORD" --lang "$lang" --screenshots "$OUT/$lang"
    fi
done
say "Done: $(find "$OUT" -name '*.png' | wc -l) screenshots in ${OUT#$ROOT/}"
