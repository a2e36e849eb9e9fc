#!/usr/bin/env bash
# Runs every libFuzzer harness of tests/fuzz for a while with ASan and UBSan (clang), starting
# from its corpus in tests/fuzz/corpus/<target>/. A crash input is written next to the corpus
# as crash-*; copy it into the corpus so the normal test build replays it from then on.
#
# Usage: tests/fuzz/run.sh [SECONDS_PER_TARGET]   (default 60)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${CITYCODE_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"

command -v clang++ >/dev/null || { echo "tests/fuzz/run.sh: clang++ not found (apt-get install clang)" >&2; exit 1; }
# common/ is built with coverage instrumentation too, so the fuzzer sees inside it.
# Undefined behaviour stops the run (no recovery), except in the headers of ubsan-ignore.txt.
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g"
flags="$flags -fsanitize-ignorelist=$root/tests/fuzz/ubsan-ignore.txt"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
    -DCITYCODE_BUILD_FUZZ=ON -DCITYCODE_BUILD_TESTS=OFF -DCITYCODE_BUILD_SERVER=OFF -DCITYCODE_BUILD_CLIENT=OFF \
    -DCITYCODE_BUILD_CLI=OFF >/dev/null
targets=(FuzzCodePayload FuzzEncodings FuzzTrustList FuzzPersonalData)
cmake --build "$build" $(printf -- '--target %s ' "${targets[@]}")

for target in "${targets[@]}"; do
    corpus="$root/tests/fuzz/corpus/$target"
    work="$build/corpus/$target" # new inputs go here, not into the tree
    mkdir -p "$work"
    echo "== $target for ${seconds}s" >&2
    (cd "$build" && "./tests/fuzz/$target" -max_total_time="$seconds" -max_len=4096 \
        -artifact_prefix="$corpus/crash-" "$work" "$corpus")
done
