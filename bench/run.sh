#!/usr/bin/env bash
# One command for the crypto and symbol figures the README quotes (QUALITY.md "Figures").
# Builds citycode-bench-common in Release, runs it and `openssl speed` for the same algorithms
# in the same run, and prints a markdown table of ops/s and ratios. The machine is shared and
# noisy, so each pair runs CITYCODE_BENCH_ROUNDS times and each side keeps its best round.
#
# Debian's libbenchmark prints "Library was built as DEBUG": that is the library's own build and
# does not affect what it measures.
#
# Environment: CITYCODE_BENCH_BUILD_DIR (default build-bench), CITYCODE_BENCH_MIN_TIME (seconds
# per benchmark, default 1), CITYCODE_BENCH_ROUNDS (default 3), CITYCODE_BENCH_JOBS (default 2).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CITYCODE_BENCH_BUILD_DIR:-$root/build-bench}"
minTime="${CITYCODE_BENCH_MIN_TIME:-1}"
rounds="${CITYCODE_BENCH_ROUNDS:-3}"
jobs="${CITYCODE_BENCH_JOBS:-2}"
speedSeconds=1
macBytes=100 # the code body size BM_MacVerify uses
results="$build/results"

for tool in cmake ninja openssl python3; do
    command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool not found" >&2; exit 1; }
done

launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" \
    -DCITYCODE_BUILD_BENCH=ON -DCITYCODE_BUILD_TESTS=OFF -DCITYCODE_BUILD_CLIENT=OFF \
    -DCITYCODE_BUILD_SERVER=OFF -DCITYCODE_BUILD_CLI=OFF >/dev/null
cmake --build "$build" --target citycode-bench-common -j "$jobs"

rm -rf "$results"
mkdir -p "$results"
bench="$build/bench/citycode-bench-common"
# "benchmark filter@openssl speed arguments". Each of our benchmarks runs right next to the
# `openssl speed` run it is compared with, so that a change in load hits both sides alike.
pairs=(
    "BM_MacVerify/HmacSm3\$@-bytes $macBytes -hmac sm3"
    "BM_MacVerify/HmacSha256\$@-bytes $macBytes -hmac sha256"
    "BM_(Sign|Verify)/Sm2\$@sm2"
    "BM_(Sign|Verify)/EcdsaP256\$@ecdsap256"
    "BM_(Sign|Verify)/Ed25519\$@ed25519"
)
for ((round = 1; round <= rounds; ++round)); do
    for i in "${!pairs[@]}"; do
        filter="${pairs[$i]%@*}"
        read -r -a speedArgs <<<"${pairs[$i]#*@}"
        echo "== round $round/$rounds: $filter vs openssl speed ${speedArgs[*]}" >&2
        "$bench" --benchmark_filter="$filter" --benchmark_min_time="$minTime" \
            --benchmark_out="$results/ours-$round-$i.json" --benchmark_out_format=json >&2
        openssl speed -mr -seconds "$speedSeconds" "${speedArgs[@]}" >"$results/openssl-$round-$i.txt" 2>&1
    done
done
echo "== two-thread and symbol benchmarks" >&2
"$bench" --benchmark_filter='threads:2|^BM_Qr' --benchmark_min_time="$minTime" \
    --benchmark_out="$results/ours-other.json" --benchmark_out_format=json >&2

python3 - "$results" "$macBytes" <<'PY'
import glob, json, os, platform, subprocess, sys

results, mac_bytes = sys.argv[1], int(sys.argv[2])

def best(values):
    values = [v for v in values if v is not None]
    return max(values) if values else None

# Ours: items_per_second per benchmark name, best round.
ours = {}
times = {}  # cpu time per iteration in microseconds
unit = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}
for path in sorted(glob.glob(os.path.join(results, "ours-*.json"))):
    for b in json.load(open(path))["benchmarks"]:
        if b.get("run_type", "iteration") != "iteration" or b.get("error_occurred"):
            continue
        name = b["name"]
        if "items_per_second" in b:
            ours[name] = max(ours.get(name, 0), b["items_per_second"])
        t = b["cpu_time"] * unit[b.get("time_unit", "ns")]
        times[name] = min(times.get(name, t), t)

# openssl speed -mr: "+F4:i:bits:sign:verify" (ECDSA), "+F6:i:bits:Ed25519:sign:verify",
# "+F7:i:bits:CurveSM2:sign:verify", "+F:i:hmac(sm3):bytes/s" (one -bytes size).
theirs = {}
def keep(key, value):
    theirs[key] = max(theirs.get(key, 0), value)
for path in sorted(glob.glob(os.path.join(results, "openssl-*.txt"))):
    for line in open(path):
        f = line.strip().split(":")
        if f[0] == "+F4" and f[2] == "256":
            keep("ecdsa-sign", float(f[3])); keep("ecdsa-verify", float(f[4]))
        elif f[0] == "+F6" and f[3] == "Ed25519":
            keep("ed25519-sign", float(f[4])); keep("ed25519-verify", float(f[5]))
        elif f[0] == "+F7" and f[3] == "CurveSM2":
            keep("sm2-sign", float(f[4])); keep("sm2-verify", float(f[5]))
        elif f[0] == "+F" and f[2] in ("hmac(sm3)", "hmac(sha256)"):
            keep(f[2], float(f[3]) / mac_bytes)

rows = [
    ("HMAC-SM3 verify, 100-byte body", "BM_MacVerify/HmacSm3", "hmac(sm3)", "`-hmac sm3 -bytes 100`"),
    ("HMAC-SHA256 verify, 100-byte body", "BM_MacVerify/HmacSha256", "hmac(sha256)", "`-hmac sha256 -bytes 100`"),
    ("SM2-SM3 sign", "BM_Sign/Sm2", "sm2-sign", "`sm2`"),
    ("SM2-SM3 verify", "BM_Verify/Sm2", "sm2-verify", "`sm2`"),
    ("ECDSA P-256 sign", "BM_Sign/EcdsaP256", "ecdsa-sign", "`ecdsap256`"),
    ("ECDSA P-256 verify", "BM_Verify/EcdsaP256", "ecdsa-verify", "`ecdsap256`"),
    ("Ed25519 sign", "BM_Sign/Ed25519", "ed25519-sign", "`ed25519`"),
    ("Ed25519 verify", "BM_Verify/Ed25519", "ed25519-verify", "`ed25519`"),
]

version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
print()
print("Crypto, one thread: %s, %s, %d CPUs, load %.2f; best of %d rounds each."
      % (version, platform.machine(), os.cpu_count(), os.getloadavg()[0],
         len(glob.glob(os.path.join(results, "openssl-*-0.txt")))))
print()
print("| Operation | ours ops/s | openssl speed ops/s | ratio | baseline |")
print("|---|---:|---:|---:|---|")
for label, mine, other, baseline in rows:
    a, b = ours.get(mine), theirs.get(other)
    fmt = lambda v: "n/a" if v is None else "{:,.0f}".format(v)
    ratio = "n/a" if not a or not b else "%.2f" % (a / b)
    print("| %s | %s | %s | %s | %s |" % (label, fmt(a), fmt(b), ratio, baseline))
print()
print("Ours: one public API call per code (`macVerify` of a 16-byte truncated tag, `PrivateKey::sign`,")
print("`PublicKey::verify` of a 100-byte body). `openssl speed` 3.0 reuses one keyed HMAC context,")
print("signs 20-byte inputs, and for ECDSA calls the low-level ECDSA_sign on a ready digest (no hashing, no EVP).")

print()
for label, single, shared in [
        ("HMAC-SM3 verify", "BM_MacVerify/HmacSm3", "BM_MacVerify/HmacSm3/real_time/threads:2"),
        ("ECDSA P-256 verify", "BM_Verify/EcdsaP256", "BM_Verify/EcdsaP256/real_time/threads:2")]:
    if ours.get(single) and ours.get(shared):
        print("Two threads sharing one key, %s: %s ops/s wall-clock, %.2fx one thread"
              " (bounded by the idle cores of a shared %d-CPU machine)."
              % (label, "{:,.0f}".format(ours[shared]), ours[shared] / ours[single], os.cpu_count()))

def find(name):
    for n, t in times.items():
        if n == name or n.startswith(name + "/"):
            return t
    return None

fast, naive = find("BM_QrPng"), find("BM_QrPngNaive")
if fast is not None and naive is not None:
    print()
    print("QR + PNG per code: %.1f µs (BM_QrPng) vs %.1f µs naive libqrencode+libpng loop (BM_QrPngNaive): %.2fx faster."
          % (fast, naive, naive / fast))
PY
