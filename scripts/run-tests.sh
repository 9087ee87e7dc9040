#!/usr/bin/env bash
# Install what is missing, build with address and undefined-behaviour sanitizers, check the
# formatting, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/check-format.sh
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan --timeout 300 -j2
