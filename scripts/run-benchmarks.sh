#!/usr/bin/env bash
# Builds the release preset and runs the benchmarks. Each prints its own baseline, measured in
# the same run, and the ratio against it. Run on a quiet machine: other work skews both sides.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target saferhomes_bench_import saferhomes_bench_register \
    saferhomes_bench_sync saferhomes_bench_startup saferhomes_bench_vrptw \
    saferhomes_bench_autoschedule \
    saferhomes_bench_board saferhomes_bench_stock saferhomes_bench_quarterly saferhomes_bench_map \
    saferhomes_bench_dashboard
export QT_QPA_PLATFORM=offscreen
echo "== household import (100k rows) vs sqlite3 .import"
./build/release/tests/bench/saferhomes_bench_import "${1:-100000}"
echo "== household register with 100k households"
./build/release/tests/bench/saferhomes_bench_register
echo "== sync: 1,000 changes each way, round trips, first download of 100k households"
./build/release/tests/bench/saferhomes_bench_sync "${1:-100000}"
echo "== start-up (launch to first paint, 300 and 100k households) and the demo fill"
./build/release/tests/bench/saferhomes_bench_startup
echo "== route optimiser: every Solomon instance in ../shared/data/solomon, 2 s each, both objectives"
./build/release/tests/bench/saferhomes_bench_vrptw --time-limit 2
./build/release/tests/bench/saferhomes_bench_vrptw --time-limit 2 --objective vehicles
echo "== auto-scheduling: 300 open jobs, 10 fitters, 5 days, within 10 s and no rule broken"
./build/release/tests/bench/saferhomes_bench_autoschedule
echo "== schedule board: 20 fitters x 5 days, 500 jobs (first paint, move to marks repainted)"
./build/release/tests/bench/saferhomes_bench_board
echo "== stock levels: 200 items x 30 locations over 1,000,000 movements vs a SUM over the ledger"
./build/release/tests/bench/saferhomes_bench_stock
echo "== quarterly return: 100k households, 18 months of history, every format"
./build/release/tests/bench/saferhomes_bench_quarterly
echo "== map: 100k households, frames offscreen, clustering per zoom, hit tests"
./build/release/tests/bench/saferhomes_bench_map
echo "== dashboard: 100k households, 18 months (first paint, filter change to painted)"
./build/release/tests/bench/saferhomes_bench_dashboard
