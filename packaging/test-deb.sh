#!/usr/bin/env bash
# Builds the .deb, lints it, installs it with apt into a clean Debian 12 root, runs it there
# (the command line, then the GUI offscreen), removes it, and checks that nothing is left.
#
#   packaging/test-deb.sh [--keep-root]
#
# Needs root (chroot, mounts in a private namespace) and Debian's package registry. The clean
# root is made once with mmdebstrap and kept as a tarball, with the packages apt downloads for
# it, in $SAFERHOMES_TEST_DEB_CACHE (default ~/.cache/saferhomes/test-deb, outside the work tree
# so that CI's fresh clones reuse it); each run unpacks a fresh copy. Delete it to start over.
# The logs of the last run are in build/test-deb/.
set -euo pipefail
cd "$(dirname "$0")/.."

keep_root=0
if [[ "${1:-}" == "--keep-root" ]]; then keep_root=1; fi
if [[ "$(id -u)" -ne 0 ]]; then
    echo "test-deb: run as root (it makes a chroot)" >&2
    exit 2
fi

say() { printf 'test-deb: %s\n' "$*" >&2; }
fail() { printf 'test-deb: FAILED: %s\n' "$*" >&2; exit 1; }

cache="${SAFERHOMES_TEST_DEB_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/saferhomes/test-deb}"
logs="$PWD/build/test-deb"
mkdir -p "$cache/archives/partial" "$logs"

# 1. The package, from an optimised build without tests or benchmarks.
say "building the package"
cmake --preset package >/dev/null
cmake --build --preset package --target package -j2 >"$logs/build.log" 2>&1 \
    || { tail -n 40 "$logs/build.log" >&2; fail "the package did not build"; }
mapfile -t debs < <(find build/package -maxdepth 1 -name 'saferhomes_*.deb')
[[ ${#debs[@]} -eq 1 ]] || fail "expected one saferhomes_*.deb in build/package, found ${#debs[@]}"
deb="${debs[0]}"
version="$(dpkg-deb --field "$deb" Version)"
project_version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/package/CMakeCache.txt)"
[[ "$version" == "$project_version" ]] \
    || fail "the package's version $version is not project(VERSION) $project_version"
say "built $deb"
dpkg-deb --field "$deb" Depends >&2
dpkg-deb --contents "$deb" >&2

# 2. Lint: no errors, no warnings (the overrides shipped in the package say why for each).
say "lintian"
lintian --fail-on error,warning --tag-display-limit 0 "$deb" >&2 \
    || fail "lintian reported errors or warnings"

# 3. A clean Debian 12 root.
base="$cache/bookworm-base.tar"
if [[ ! -s "$base" ]]; then
    say "making a clean Debian 12 root with mmdebstrap (once; kept in $base)"
    mmdebstrap --variant=apt --quiet bookworm "$base.partial.tar"
    mv "$base.partial.tar" "$base"
fi
scratch="$(mktemp -d /tmp/saferhomes-test-deb.XXXXXX)"
root="$scratch/root"
mkdir "$root"
cleanup() {
    if [[ $keep_root -eq 0 ]]; then
        rm -rf --one-file-system "$scratch"
    else
        say "root kept: $root"
    fi
}
trap cleanup EXIT
tar -C "$root" -xf "$base"
cp /etc/resolv.conf "$root/etc/resolv.conf"

# Runs a command in the root as root, with /proc, /dev and apt's download cache mounted in a
# private mount namespace: the mounts vanish with it, however the command ends.
in_root() {
    unshare --mount --pid --fork --propagation private -- sh -c '
        root="$1"; cache="$2"; shift 2
        mount -t proc proc "$root/proc" &&
        mount --rbind /dev "$root/dev" &&
        mount --bind "$cache" "$root/var/cache/apt/archives" &&
        exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
            LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"' \
        sh "$root" "$cache/archives" "$@"
}

# Runs a command as a user would, with a home of its own under /tmp: what the programs write
# there (settings, the default database) is the user's, not the package's, and is deleted
# before the check that the package left nothing behind.
as_user() {
    in_root env HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/home/runtime "$@"
}

# What the root holds before the package, to compare with after its removal. apt's and
# dpkg's own records and caches change with any install and are left out.
snapshot() {
    in_root sh -c 'find / -xdev \( -path /proc -o -path /dev -o -path /tmp -o -path /run \
        -o -path /var/cache -o -path /var/log -o -path /var/lib/apt -o -path /var/lib/dpkg \) \
        -prune -o -print | sort'
}
packages() {
    in_root dpkg-query -W -f '${Package} ${Version} ${db:Status-Abbrev}\n' | sort
}

say "installing the package and what it needs"
in_root apt-get update -qq
packages >"$scratch/packages-before"
snapshot >"$scratch/files-before"
cp "$deb" "$root/tmp/"
in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
    >"$logs/install.log" 2>&1 || { cat "$logs/install.log" >&2; fail "apt-get install failed"; }
rm "$root/tmp/$(basename "$deb")"

# 4. The programs, as a user would run them.
mkdir -p -m 700 "$root/tmp/home" "$root/tmp/home/runtime"
say "saferhomes-cli --version"
out="$(as_user saferhomes-cli --version)"
[[ "$out" == "saferhomes-cli $version" ]] || fail "--version printed '$out'"
say "saferhomes-cli demo"
as_user saferhomes-cli --db /tmp/t.db demo || fail "demo failed"
say "saferhomes-cli report progress"
report="$(as_user saferhomes-cli --db /tmp/t.db report progress)" || fail "report progress failed"
printf '%s\n' "$report" >&2
# The demo's default is 300 households (DESIGN §4).
printf '%s\n' "$report" | grep -qx 'Households: 300' || fail "report progress did not count 300"

# The GUI offscreen: it opens the database (its write-ahead log appears), runs for a few
# seconds, and a SIGTERM must end it with exit code 0 and the database closed (log removed).
say "saferhomes (GUI, offscreen)"
as_user sh -c '
    QT_QPA_PLATFORM=offscreen saferhomes --db /tmp/t.db 2>/tmp/gui.err &
    gui=$!
    for i in $(seq 1 600); do
        if [ -e /tmp/t.db-wal ] || ! kill -0 $gui 2>/dev/null; then break; fi
        sleep 0.1
    done
    kill -0 $gui 2>/dev/null || { echo "the GUI ended by itself"; cat /tmp/gui.err; exit 1; }
    sleep 3
    kill -TERM $gui
    wait $gui
    status=$?
    cat /tmp/gui.err
    if [ $status -ne 0 ]; then echo "the GUI exited with $status after SIGTERM"; exit 1; fi
    if [ -e /tmp/t.db-wal ]; then echo "the GUI left its write-ahead log: not closed"; exit 1; fi
' >"$logs/gui.log" 2>&1 || { cat "$logs/gui.log" >&2; fail "the GUI did not run and exit cleanly"; }
if grep -Ei 'cannot|could not|failed|error' "$logs/gui.log" >&2; then
    fail "the GUI printed errors"
fi
rm -rf "$root/tmp/t.db" "$root/tmp/gui.err" "$root/tmp/home"

# 5. Remove it and everything it brought in: the root must be as before.
say "removing the package"
in_root apt-get purge -y -qq saferhomes >"$logs/remove.log" 2>&1 \
    || { cat "$logs/remove.log" >&2; fail "apt-get purge failed"; }
in_root apt-get autoremove --purge -y -qq >>"$logs/remove.log" 2>&1 \
    || { cat "$logs/remove.log" >&2; fail "apt-get autoremove failed"; }
packages >"$scratch/packages-after"
snapshot >"$scratch/files-after"
left="$(in_root find / -xdev -iname '*saferhomes*' -not -path '/proc/*')"
[[ -z "$left" ]] || fail "left behind: $left"
diff -u "$scratch/packages-before" \
    "$scratch/packages-after" >&2 || fail "the packages differ from before"
diff -u "$scratch/files-before" \
    "$scratch/files-after" >&2 || fail "files differ from before"
rm -f "$scratch"/{packages,files}-{before,after}
say "passed"
