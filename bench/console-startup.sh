#!/usr/bin/env bash
# Console figures (QUALITY.md "Figures", issue 5 must-show 6): the time from starting
# citycode-admin to its sign-in window being painted, and the console's memory once every screen
# has been opened against a demo server. Baseline, measured in the same run: a bare QApplication
# showing one empty QWidget (citycode-bench-console-baseline). Offscreen (QT_QPA_PLATFORM), so
# the figures do not depend on a display server.
#   bench/console-startup.sh [RUNS]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"

RUNS="${1:-15}"
configure_and_build citycode-admin citycode-server citycode-console-tour citycode-bench-console-baseline

WORK="$(mktemp -d)"
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
export QT_QPA_PLATFORM=offscreen
export CITYCODE_SETTINGS_DIR="$WORK/settings"

ADMIN="$BUILD_DIR/client/citycode-admin"
BASELINE="$BUILD_DIR/tests/client/citycode-bench-console-baseline"

# Wall time in ms of one run of "$@" (start to exit), measured from outside the process.
wall_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

say "Start-up: $RUNS runs each, alternating (console to its sign-in window; bare QWidget)"
# One warm-up each: the first start reads the libraries from disk.
wall_ms "$ADMIN" --server 127.0.0.1:1 --startup-probe >/dev/null
wall_ms "$BASELINE" >/dev/null
: >"$WORK/console.txt"
: >"$WORK/baseline.txt"
for _ in $(seq 1 "$RUNS"); do
    wall_ms "$ADMIN" --server 127.0.0.1:1 --startup-probe >>"$WORK/console.txt"
    wall_ms "$BASELINE" >>"$WORK/baseline.txt"
done
console_ms=$(median <"$WORK/console.txt")
baseline_ms=$(median <"$WORK/baseline.txt")
probe=$("$ADMIN" --server 127.0.0.1:1 --startup-probe)
echo "console start to sign-in window: median ${console_ms} ms wall (process start to exit)"
echo "  inside the console: $probe"
echo "bare QApplication+QWidget:        median ${baseline_ms} ms wall"
awk -v c="$console_ms" -v b="$baseline_ms" 'BEGIN {printf "ratio console/baseline: %.2f\n", c / b}'

say "Memory after opening every screen (demo server, demo records)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
CITYCODE_ADMIN_PASSWORD="Bench-Initial-2026!" "$BUILD_DIR/server/citycode-server" --data-dir "$WORK/data" \
    --listen "127.0.0.1:$PORT" --demo --demo-dir "$ROOT/resources/demo" --set auth.captcha=disabled \
    >"$WORK/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.1
done
"$BUILD_DIR/tests/client/citycode-console-tour" --server "http://127.0.0.1:$PORT" \
    --password "Bench-Initial-2026!" --new-password "Bench-Console-2026!" \
    --seed "$ROOT/docs/screenshots/seed.json" --memory 2>/dev/null | grep -E "^(opened|memory)"
echo "bare QApplication+QWidget: $("$BASELINE" | grep '^memory')"
