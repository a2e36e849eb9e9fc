#!/usr/bin/env bash
# Builds CityCode and runs every test (unit, CLI, server integration, console offscreen)
# through ctest. Installs the Debian packages it needs when they are missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_missing_packages
configure_and_build

say "Running the test suite"
export QT_QPA_PLATFORM=offscreen
cd "$BUILD_DIR"
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
