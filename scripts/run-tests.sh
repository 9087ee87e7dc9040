#!/usr/bin/env bash
# Install what is missing, build with address and undefined-behaviour sanitizers, check the
# formatting, test the .deb in a clean Debian 12 root (as root only), and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/check-format.sh
cmake --preset asan >/dev/null
cmake --build --preset asan

# Before the test suite, so that CTest's summary is the last thing printed; its result counts
# all the same.
deb_status=0
if [ "$(id -u)" -eq 0 ]; then
    ./packaging/test-deb.sh || deb_status=$?
else
    echo "run-tests: packaging/test-deb.sh skipped: it needs root (a chroot)" >&2
fi
ctest --preset asan --timeout 300 -j2
if [ "$deb_status" -ne 0 ]; then
    echo "run-tests: packaging/test-deb.sh failed (exit $deb_status)" >&2
    exit "$deb_status"
fi
