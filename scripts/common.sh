# Shared by scripts/run.sh and scripts/test.sh: locate the tree, install what is missing,
# configure and build. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${CITYCODE_BUILD_DIR:-$ROOT/build}"

# Debian packages the build, the programs and the tests need.
CITYCODE_PACKAGES=(
    build-essential cmake ninja-build ccache pkg-config git
    libssl-dev openssl libpoco-dev libqrencode-dev libzint-dev libpng-dev libxlsxwriter-dev rapidjson-dev
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-psql libgl-dev
    libgtest-dev libgmock-dev libbenchmark-dev libzxing-dev zbar-tools libxml2-utils
    postgresql wrk fonts-noto-cjk qt6-translations-l10n
)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the packages that are not installed yet; quiet and quick when all are there.
install_missing_packages() {
    local missing=()
    local pkg
    for pkg in "${CITYCODE_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    say "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configures (once) and builds the given targets, or everything when none are given.
configure_and_build() {
    # ccache keys on paths: a base dir makes a fresh clone elsewhere reuse earlier objects.
    export CCACHE_BASEDIR="$ROOT"
    export CCACHE_NOHASHDIR=1
    if [ ! -f "$BUILD_DIR/build.ninja" ]; then
        say "Configuring in ${BUILD_DIR#$ROOT/}"
        cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    fi
    say "Building ${*:-everything}"
    local targets=()
    local t
    for t in "$@"; do targets+=(--target "$t"); done
    cmake --build "$BUILD_DIR" "${targets[@]}"
}
