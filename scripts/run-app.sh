#!/usr/bin/env bash
# Quick start: install what is missing, build, and start SaferHomes on this user's local
# database (filled with demo data when it is empty). Extra arguments go to the app,
# e.g. --db /tmp/try.sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target saferhomes saferhomes-cli
exec ./build/release/app/gui/saferhomes "$@"
