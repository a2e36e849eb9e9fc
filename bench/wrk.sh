#!/usr/bin/env bash
# One command for the server figures the README quotes (QUALITY.md "Figures": HTTP ceiling, show,
# verify). Builds citycode-server, the HTTP ceiling (bench/HttpCeiling.cpp) and the load
# generator (bench/OpenApiLoad.cpp) in Release, starts the ceiling and a citycode-server on free
# loopback ports (a fresh data dir on SQLite, captcha off, the initial administrator password from
# CITYCODE_ADMIN_PASSWORD), prepares the fixtures through the admin API, writes pre-signed
# requests (each nonce and each code is single-use, so every request is distinct) and runs wrk
# with bench/openapi.lua against:
#   - the ceiling (a minimal Poco handler, same threads, queue and keep-alive cap as the server);
#   - POST /api/showPersonalCode (the code as text) and with codeContentType byte_base64 (the
#     QR code as a PNG, base64);
#   - POST /identity/decodeIdentityCode (verify) with fresh codes, signed by a terminal with a
#     session key (HMAC-SHA256, docs/open-api.md "Terminal sessions"), by the terminal with its
#     registered key on every request (ECDSA P-256) and by a scanning app (HMAC-SHA256).
# Prints a markdown table: requests/s, p50, p99, ratio to the ceiling, the serving process's CPU
# time per request (user + system from /proc, and as a multiple of the ceiling's: steadier than
# requests/s on a busy machine), non-2xx answers, and the load average. The server runs with its default settings except server.max_connections_per_address,
# raised from 32 to 256 because all of wrk's connections come from 127.0.0.1.
#
# Environment: CITYCODE_WRK_BUILD_DIR (default build-bench-http), CITYCODE_WRK_SECONDS (per run,
# default 10), CITYCODE_WRK_CONNECTIONS (default 64), CITYCODE_WRK_THREADS (default 2),
# CITYCODE_WRK_SHOWS (requests written per show file, default 60000), CITYCODE_WRK_CODES (decode
# requests per decode file, default 30000; raise both when a run reports "exhausted"),
# CITYCODE_BENCH_JOBS (default 2), CITYCODE_WRK_SKIP_BUILD=1 (use the binaries already built),
# CITYCODE_WRK_ONLY (space-separated run names to run besides the two ceiling runs, e.g. "show-png
# decode-terminal"; default all), CITYCODE_WRK_CALLGRIND=1 (both servers run under valgrind's
# callgrind, counting only during each run: the table then gives user-space instructions per
# request, which unlike CPU time do not drift with the machine's load; requests/s and latencies
# are meaningless then; use small CITYCODE_WRK_SHOWS/CODES, such as 3000).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CITYCODE_WRK_BUILD_DIR:-$root/build-bench-http}"
seconds="${CITYCODE_WRK_SECONDS:-10}"
connections="${CITYCODE_WRK_CONNECTIONS:-64}"
threads="${CITYCODE_WRK_THREADS:-2}"
shows="${CITYCODE_WRK_SHOWS:-60000}"
codes="${CITYCODE_WRK_CODES:-30000}"
jobs="${CITYCODE_BENCH_JOBS:-2}"
serverThreads=64 # server.max_threads default
serverQueued=64  # server.max_queued default
keepAliveRequests=100 # server.max_keep_alive_requests default

for tool in cmake ninja wrk python3; do
    command -v "$tool" >/dev/null || { echo "bench/wrk.sh: $tool not found" >&2; exit 1; }
done

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [[ "${CITYCODE_WRK_SKIP_BUILD:-0}" != 1 ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" \
        -DCITYCODE_BUILD_BENCH=ON -DCITYCODE_BUILD_TESTS=OFF -DCITYCODE_BUILD_CLIENT=OFF \
        -DCITYCODE_BUILD_SERVER=ON -DCITYCODE_BUILD_CLI=OFF >/dev/null
    cmake --build "$build" --target citycode-server citycode-bench-http-ceiling citycode-bench-openapi-load -j "$jobs"
fi
server="$(find "$build" -name citycode-server -type f -perm -u+x | head -n 1)"
ceiling="$build/bench/citycode-bench-http-ceiling"
load="$build/bench/citycode-bench-openapi-load"

work="$(mktemp -d)"
pids=()
cleanup() {
    local status=$?
    if [[ $status != 0 && -f "$work/server.log" ]]; then
        echo "bench/wrk.sh failed; the end of the server log:" >&2
        tail -n 20 "$work/server.log" >&2
    fi
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

waitFor() { # file, what
    for _ in $(seq 1 300); do
        [[ -s "$1" ]] && return 0
        sleep 0.1
    done
    echo "bench/wrk.sh: $2 did not start; see $1" >&2
    exit 1
}

callgrind=()
if [[ "${CITYCODE_WRK_CALLGRIND:-0}" == 1 ]]; then
    for tool in valgrind callgrind_control; do
        command -v "$tool" >/dev/null || { echo "bench/wrk.sh: $tool not found" >&2; exit 1; }
    done
    callgrind=(valgrind --tool=callgrind --instr-atstart=no)
fi

"${callgrind[@]}" ${callgrind[@]:+--callgrind-out-file="$work/callgrind-ceiling.out"} "$ceiling" 0 "$serverThreads" "$keepAliveRequests" "$serverQueued" >"$work/ceiling.out" 2>&1 &
pids+=($!)
ceilingPid=$!
waitFor "$work/ceiling.out" "the HTTP ceiling"
for _ in $(seq 1 300); do # valgrind, when used, writes to the same file first
    ceilingPort="$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$work/ceiling.out")"
    [[ -n "$ceilingPort" ]] && break
    sleep 0.1
done

export CITYCODE_ADMIN_PASSWORD="Bench-Initial-$RANDOM$RANDOM!"
"${callgrind[@]}" ${callgrind[@]:+--callgrind-out-file="$work/callgrind-server.out"} "$server" --data-dir "$work/data" --port-file "$work/port" \
    --set server.listen=127.0.0.1:0 --set auth.captcha=disabled \
    --set server.max_connections_per_address=256 >"$work/server.log" 2>&1 &
pids+=($!)
serverPid=$!
waitFor "$work/port" "citycode-server"
serverPort="$(tr -d '\n' <"$work/port")"
echo "== ceiling on port $ceilingPort, citycode-server on port $serverPort (SQLite in $work/data)" >&2

"$load" "$serverPort" "$work" "$shows" "$codes" >&2

# CPU time (user + system, clock ticks) a process has used so far: divided by the requests of a
# run it gives the server's CPU per request, a figure that a busy machine disturbs far less
# than requests/s (other processes take wall time, not this process's CPU time).
cpuTicks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

run() { # name, port, pid, file, [cycle]
    if [[ -n "${CITYCODE_WRK_ONLY:-}" && "$1" != ceiling* && " $CITYCODE_WRK_ONLY " != *" $1 "* ]]; then
        return 0
    fi
    echo "== wrk $1" >&2
    local before
    before="$(cpuTicks "$3")"
    if [[ ${#callgrind[@]} -gt 0 ]]; then
        callgrind_control -z "$3" >/dev/null
        callgrind_control -i on "$3" >/dev/null
    fi
    wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$root/bench/openapi.lua" \
        "http://127.0.0.1:$2" -- "$4" "$threads" "${5:-}" >"$work/wrk-$1.txt"
    local ticks=$(($(cpuTicks "$3") - before))
    local instructions=0
    if [[ ${#callgrind[@]} -gt 0 ]]; then
        callgrind_control -d "wrk-$1" "$3" >/dev/null
        callgrind_control -i off "$3" >/dev/null
        # The dump of this run: the newest part file that names it.
        instructions="$(grep -l "^desc: Trigger: dump wrk-$1\$" "$work"/callgrind-*.out.* | xargs grep -h '^totals:' |
            awk '{ print $2 }' | tail -n 1)"
    fi
    cat "$work/wrk-$1.txt" >&2
    echo "$1 $(uptime | sed 's/.*load average: //') $(grep '^CITYCODE requests=' "$work/wrk-$1.txt") cpu_ticks=$ticks instructions=${instructions:-0}" >>"$work/results.txt"
}

run ceiling "$ceilingPort" "$ceilingPid" "$work/show.txt" cycle
run show "$serverPort" "$serverPid" "$work/show.txt"
run show-png "$serverPort" "$serverPid" "$work/show-png.txt"
run decode-terminal "$serverPort" "$serverPid" "$work/decode-terminal.txt"
run decode-terminal-key "$serverPort" "$serverPid" "$work/decode-terminal-key.txt"
run decode-app "$serverPort" "$serverPid" "$work/decode-app.txt"
run ceiling-after "$ceilingPort" "$ceilingPid" "$work/show.txt" cycle

python3 - "$work/results.txt" "$connections" "$threads" "$seconds" <<'PY'
import os, re, sys

path, connections, threads, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
tick = os.sysconf("SC_CLK_TCK")
rows = {}
for line in open(path):
    name, rest = line.split(" ", 1)
    load = rest.split(" CITYCODE")[0].strip()
    fields = dict(re.findall(r"(\w+)=(\d+)", rest.split("CITYCODE", 1)[1]))
    fields = {k: int(v) for k, v in fields.items()}
    fields["rate"] = fields["requests"] / (fields["duration_us"] / 1e6)
    fields["cpu_us"] = fields["cpu_ticks"] * 1e6 / tick / max(1, fields["requests"])
    fields["load"] = load
    rows[name] = fields

best = max(("ceiling", "ceiling-after"), key=lambda k: rows[k]["rate"])
ceiling = rows[best]["rate"]
ceilingCpu = rows[best]["cpu_us"]
labels = [
    ("ceiling", "HTTP ceiling (minimal Poco handler), before"),
    ("ceiling-after", "HTTP ceiling, after"),
    ("show", "show `/api/showPersonalCode`, code as text (app, HMAC)"),
    ("show-png", "show with the PNG (`codeContentType: byte_base64`)"),
    ("decode-terminal", "verify `/identity/decodeIdentityCode`, terminal (session key, HMAC)"),
    ("decode-terminal-key", "verify, terminal signing every request with its key (ECDSA P-256)"),
    ("decode-app", "verify `/identity/decodeIdentityCode`, scanning app (HMAC)"),
]
print()
print("wrk -t%d -c%d -d%ds on loopback, %d CPUs; ratio to the better of the two ceiling runs "
      "(%s requests/s). Load average (1, 5, 15 min) taken after each run." % (
          threads, connections, seconds, os.cpu_count(), "{:,.0f}".format(ceiling)))
print()
print("| run | requests/s | p50 ms | p99 ms | ratio to ceiling | server CPU µs/request | CPU vs ceiling | non-2xx | load average |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
for key, label in labels:
    r = rows.get(key)
    if not r:
        continue
    bad = r["non2xx"] + r["socket_errors"]
    note = "" if not r["exhausted"] else " (file exhausted: %d)" % r["exhausted"]
    print("| %s | %s | %.2f | %.2f | %.2f | %.0f | %.1fx | %d%s | %s |" % (
        label, "{:,.0f}".format(r["rate"]), r["p50_us"] / 1000, r["p99_us"] / 1000, r["rate"] / ceiling,
        r["cpu_us"], r["cpu_us"] / ceilingCpu, bad, note, r["load"]))
print()
if any(r.get("instructions") for r in rows.values()):
    perRequest = {k: r["instructions"] / max(1, r["requests"]) for k, r in rows.items()}
    base = min(perRequest["ceiling"], perRequest["ceiling-after"])
    print("Under callgrind: user-space instructions per request of the serving process (CPU time "
          "and rates above are valgrind's, not figures).")
    print()
    print("| run | requests | instructions/request | vs ceiling |")
    print("|---|---:|---:|---:|")
    for key, label in labels:
        if key in rows:
            print("| %s | %d | %s | %.1fx |" % (label, rows[key]["requests"], "{:,.0f}".format(perRequest[key]),
                                              perRequest[key] / base))
    print()
failed = [k for k, r in rows.items() if not k.startswith("ceiling") and (r["non2xx"] or r["exhausted"])]
if failed:
    print("NOT A FIGURE: non-2xx answers or exhausted request files in: " + ", ".join(failed))
    sys.exit(1)
PY
