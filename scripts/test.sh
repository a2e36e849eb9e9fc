#!/usr/bin/env bash
# Builds CityCode and runs every test (unit, CLI, server integration, console offscreen)
# through ctest. Installs the Debian packages it needs when they are missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_missing_packages
configure_and_build

# The server tests run a second time (pg.*) against a throw-away PostgreSQL cluster, stopped and
# deleted on exit whatever the outcome. No cluster, no test run: the PostgreSQL half must not be
# skipped quietly.
say "Starting a throw-away PostgreSQL"
PG_DIR="$("$ROOT/scripts/postgres.sh" start)" || { echo "cannot start PostgreSQL for the pg.* tests" >&2; exit 1; }
trap '"$ROOT/scripts/postgres.sh" stop "$PG_DIR"' EXIT
CITYCODE_TEST_POSTGRES_URL="$("$ROOT/scripts/postgres.sh" url "$PG_DIR")"
export CITYCODE_TEST_POSTGRES_URL

say "Running the test suite"
export QT_QPA_PLATFORM=offscreen
cd "$BUILD_DIR"
ctest --output-on-failure --timeout 600 -j "$(nproc)" "$@"
