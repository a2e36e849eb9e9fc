#!/usr/bin/env bash
# QUALITY.md "Memory and open files stay flat under a long load": drives one citycode-server with
# about 20,000 requests, half admin API (lists, a created/renamed/deleted region, the operation
# log), half open API (show and decode with fresh signed requests from
# bench/OpenApiLoad.cpp, the generator of bench/wrk.sh), in rounds, and samples the server's
# VmRSS, open file descriptors (/proc/PID/fd) and threads after each round. Prints a markdown
# table. Not a timed test: it reports; it fails only when a request fails, or when the open files
# after the first round (the warm-up: pools, caches) grow by more than CITYCODE_SOAK_FD_SLACK
# (default 8) by the end, or the memory by more than CITYCODE_SOAK_RSS_SLACK_PERCENT (default 25).
#
# Environment: CITYCODE_SOAK_BUILD_DIR (default build-bench-http, shared with bench/wrk.sh; it
# needs CITYCODE_BUILD_BENCH=ON), CITYCODE_SOAK_SKIP_BUILD=1 (use the binaries already built),
# CITYCODE_SOAK_ROUNDS (default 5), CITYCODE_SOAK_ADMIN (admin requests per round, default 2000),
# CITYCODE_SOAK_OPEN (open API requests per round, default 2000: half show, a quarter decode by a
# terminal, a quarter by an app), CITYCODE_SOAK_CLIENTS (parallel clients, default 8),
# CITYCODE_BENCH_JOBS (default 2).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CITYCODE_SOAK_BUILD_DIR:-$root/build-bench-http}"
rounds="${CITYCODE_SOAK_ROUNDS:-5}"
adminPerRound="${CITYCODE_SOAK_ADMIN:-2000}"
openPerRound="${CITYCODE_SOAK_OPEN:-2000}"
clients="${CITYCODE_SOAK_CLIENTS:-8}"
fdSlack="${CITYCODE_SOAK_FD_SLACK:-8}"
rssSlack="${CITYCODE_SOAK_RSS_SLACK_PERCENT:-25}"
jobs="${CITYCODE_BENCH_JOBS:-2}"

for tool in cmake ninja python3; do
    command -v "$tool" >/dev/null || { echo "bench/soak.sh: $tool not found" >&2; exit 1; }
done

if [[ "${CITYCODE_SOAK_SKIP_BUILD:-0}" != 1 ]]; then
    launcher=()
    if command -v ccache >/dev/null; then
        launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" \
        -DCITYCODE_BUILD_BENCH=ON -DCITYCODE_BUILD_TESTS=OFF -DCITYCODE_BUILD_CLIENT=OFF \
        -DCITYCODE_BUILD_SERVER=ON -DCITYCODE_BUILD_CLI=OFF >/dev/null
    cmake --build "$build" --target citycode-server citycode-bench-openapi-load -j "$jobs"
fi
server="$(find "$build" -name citycode-server -type f -perm -u+x | head -n 1)"
load="$(find "$build" -name citycode-bench-openapi-load -type f -perm -u+x | head -n 1)"
[[ -n "$server" && -n "$load" ]] || { echo "bench/soak.sh: no citycode-server or load generator in $build" >&2; exit 1; }

work="$(mktemp -d)"
serverPid=""
cleanup() {
    local status=$?
    if [[ $status != 0 && -f "$work/server.log" ]]; then
        echo "bench/soak.sh failed; the end of the server log:" >&2
        tail -n 20 "$work/server.log" >&2
    fi
    if [[ -n "$serverPid" ]]; then
        kill "$serverPid" 2>/dev/null || true
        wait "$serverPid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

export CITYCODE_ADMIN_PASSWORD="Soak-Initial-$RANDOM$RANDOM!"
"$server" --data-dir "$work/data" --port-file "$work/port" \
    --set server.listen=127.0.0.1:0 --set auth.captcha=disabled \
    --set server.max_connections_per_address=256 >"$work/server.log" 2>&1 &
serverPid=$!
for _ in $(seq 1 300); do
    [[ -s "$work/port" ]] && break
    sleep 0.1
done
[[ -s "$work/port" ]] || { echo "bench/soak.sh: citycode-server did not start" >&2; exit 1; }
port="$(tr -d '\n' <"$work/port")"
echo "== citycode-server pid $serverPid on port $port (SQLite in $work/data)" >&2

# Fresh signed open API requests for every round (each nonce and code is single-use). The
# generator signs in first and sets the administrator password the driver then uses.
showsNeeded=$((openPerRound * rounds / 2 + 1))
codesNeeded=$((openPerRound * rounds / 4 + 1))
"$load" "$port" "$work" "$showsNeeded" "$codesNeeded" >&2

python3 - "$port" "$serverPid" "$work" "$rounds" "$adminPerRound" "$openPerRound" "$clients" "$fdSlack" "$rssSlack" <<'PY'
import http.client, json, os, sys, threading

port, pid, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rounds, admin_per_round, open_per_round, clients = map(int, sys.argv[4:8])
fd_slack, rss_slack = int(sys.argv[8]), int(sys.argv[9])
PASSWORD = "Bench-Password-2026!"  # set by citycode-bench-openapi-load


def sample():
    status = open("/proc/%d/status" % pid).read()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {
        "rss_kb": int(fields["VmRSS"].split()[0]),
        "fds": len(os.listdir("/proc/%d/fd" % pid)),
        "threads": int(fields["Threads"]),
    }


def request(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    answer = conn.getresponse()
    return answer.status, answer.read()


conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
status, body = request(conn, "POST", "/admin/v1/auth/login",
                       json.dumps({"username": "admin", "password": PASSWORD}),
                       {"Content-Type": "application/json"})
if status != 200:
    sys.exit("admin login failed: %d %s" % (status, body[:200]))
token = json.loads(body)["token"]
auth = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}


def open_requests(name):
    with open(os.path.join(work, name)) as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            headers = dict(h.split(": ", 1) for h in parts[1:-1])
            yield parts[0], headers, parts[-1]


streams = {name: open_requests(name) for name in ("show.txt", "decode-terminal.txt", "decode-app.txt")}
lock = threading.Lock()
failures = []
sent = [0]  # requests answered, admin and open API


def admin_work(n, worker, round_):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for i in range(n):
        kind = i % 5
        if kind == 0:
            code = "SK%d%02d%05d" % (round_, worker, i)
            s, b = request(c, "POST", "/admin/v1/regions", json.dumps({"code": code, "name": "soak " + code}), auth)
            if s == 201:
                region = json.loads(b)
                rid = region.get("id") or region.get("region", {}).get("id")
                s2, b2 = request(c, "PUT", "/admin/v1/regions/%s" % rid, json.dumps({"name": "soak renamed"}), auth)
                s3, b3 = request(c, "DELETE", "/admin/v1/regions/%s" % rid, None, auth)
                for st, bd in ((s2, b2), (s3, b3)):
                    if st >= 300:
                        s, b = st, bd
        elif kind == 1:
            s, b = request(c, "GET", "/admin/v1/regions?page=1&pageSize=20", None, auth)
        elif kind == 2:
            s, b = request(c, "GET", "/admin/v1/operation-logs?page=1&pageSize=20", None, auth)
        elif kind == 3:
            s, b = request(c, "GET", "/admin/v1/operators", None, auth)
        else:
            s, b = request(c, "GET", "/admin/v1/platforms", None, auth)
        if s >= 300:
            with lock:
                failures.append("admin %d %s" % (s, b[:200]))
            return
        with lock:
            sent[0] += 3 if kind == 0 else 1
    c.close()


def open_work(n):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for i in range(n):
        name = ("show.txt", "show.txt", "decode-terminal.txt", "decode-app.txt")[i % 4]
        with lock:
            path, headers, body = next(streams[name])
        s, b = request(c, "POST", path, body.encode(), headers)
        if s != 200:
            with lock:
                failures.append("open %s %d %s" % (path, s, b[:200]))
            return
        with lock:
            sent[0] += 1
    c.close()


rows = [("start (after set-up)", 0, sample())]
for r in range(rounds):
    threads = []
    half = max(1, clients // 2)
    for w in range(half):
        threads.append(threading.Thread(target=admin_work, args=(admin_per_round // half, w, r)))
        threads.append(threading.Thread(target=open_work, args=(open_per_round // half,)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        sys.exit("a request failed: " + failures[0])
    rows.append(("after round %d" % (r + 1), sent[0], sample()))

print()
print("citycode-server under %d admin operations (a region create is create+rename+delete) + %d open API "
      "requests per round, %d rounds, %d clients (SQLite)."
      % (admin_per_round, open_per_round, rounds, clients))
print()
print("| sample | requests | VmRSS MiB | open fds | threads |")
print("|---|---:|---:|---:|---:|")
for label, count, s in rows:
    print("| %s | %d | %.1f | %d | %d |" % (label, count, s["rss_kb"] / 1024, s["fds"], s["threads"]))
warm, end = rows[1][2], rows[-1][2]
print()
print("After the warm-up round: VmRSS %+.1f MiB (%+.1f %%), open fds %+d." % (
    (end["rss_kb"] - warm["rss_kb"]) / 1024, 100.0 * (end["rss_kb"] - warm["rss_kb"]) / warm["rss_kb"],
    end["fds"] - warm["fds"]))
if end["fds"] - warm["fds"] > fd_slack or end["rss_kb"] > warm["rss_kb"] * (1 + rss_slack / 100.0):
    print("NOT FLAT: open files or memory kept growing after the warm-up")
    sys.exit(1)
PY
