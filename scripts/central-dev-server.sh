#!/usr/bin/env bash
# Starts a throwaway SaferHomes central database (PostgreSQL 15) on a loopback port, with one
# demo login per role, for trying several devices on one machine. Everything lives in a
# temporary folder that is deleted, with the server, on Ctrl+C.
#
#   scripts/central-dev-server.sh [--port N] [--cli PATH]
#
# --cli names the saferhomes-cli to use (default: the first one built under build/).
set -euo pipefail
cd "$(dirname "$0")/.."

port=55432
cli=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --port) port="$2"; shift 2 ;;
        --cli) cli="$2"; shift 2 ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "central-dev-server: unknown option $1" >&2; exit 2 ;;
    esac
done

bindir="${SAFERHOMES_PG_BINDIR:-/usr/lib/postgresql/15/bin}"
if [[ ! -x "$bindir/initdb" ]]; then
    echo "central-dev-server: PostgreSQL 15 is not installed in $bindir" \
         "(Debian: apt-get install postgresql-15, or set SAFERHOMES_PG_BINDIR)" >&2
    exit 2
fi
if [[ -z "$cli" ]]; then
    for candidate in build/release/app/cli/saferhomes-cli build/dev/app/cli/saferhomes-cli \
                     build/*/app/cli/saferhomes-cli; do
        if [[ -x "$candidate" ]]; then cli="$candidate"; break; fi
    done
fi
if [[ -z "$cli" || ! -x "$cli" ]]; then
    echo "central-dev-server: build saferhomes-cli first (cmake --preset release &&" \
         "cmake --build --preset release), or pass --cli PATH" >&2
    exit 2
fi

# The server runs as the postgres OS user when this script runs as root.
as_server() {
    if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
random_password() {
    head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n'
}

dir="$(mktemp -d /tmp/saferhomes-central-XXXXXX)"
cleanup() {
    as_server "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 0' INT TERM
if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "$dir"; fi

superuser_password="$(random_password)"
printf '%s\n' "$superuser_password" > "$dir/pwfile"
if [[ "$(id -u)" -eq 0 ]]; then chown postgres: "$dir/pwfile"; fi
(cd "$dir" && as_server "$bindir/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-instructions \
    >"$dir/initdb.log" 2>&1) || { cat "$dir/initdb.log" >&2; exit 1; }
rm -f "$dir/pwfile"
cat >> "$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
idle_in_transaction_session_timeout = '60s'
password_encryption = 'scram-sha-256'
EOF
(cd "$dir" && as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
    >/dev/null) || { echo "central-dev-server: the server did not start (is port $port" \
                          "taken? try --port N):" >&2; cat "$dir/server.log" >&2; exit 1; }
(cd "$dir" && as_server "$bindir/createdb" -h "$dir" -p "$port" -U postgres saferhomes)

server="postgresql://postgres@127.0.0.1:$port/saferhomes"
PGPASSWORD="$superuser_password" "$cli" admin init-server --server "$server"

declare -A areas=(
    [volunteer]="Melton Town Centre"
    [officer]="Melton Town Centre;Oadby and Wigston"
    [fitter]=""
    [coordinator]="Melton Town Centre;Oadby and Wigston"
    [manager]=""
    [admin]=""
)
declare -A sees=(
    [volunteer]="households of Melton Town Centre, without eligibility reasons"
    [officer]="households of Melton Town Centre and Oadby and Wigston"
    [fitter]="households where they have a job"
    [coordinator]="households of both areas, every job"
    [manager]="every household, read only, no personal data"
    [admin]="everything"
)
declare -A passwords=()
for role in volunteer officer fitter coordinator manager admin; do
    passwords[$role]="$(random_password)"
    printf '%s\n' "${passwords[$role]}" \
        | PGPASSWORD="$superuser_password" "$cli" admin add-user --server "$server" \
              --name "demo_$role" --role "$role" --areas "${areas[$role]}"
done

cat <<EOF

SaferHomes central database on 127.0.0.1:$port (database saferhomes, data in $dir)

  login              password                  sees
EOF
for role in volunteer officer fitter coordinator manager admin; do
    printf '  %-18s %-25s %s\n' "demo_$role" "${passwords[$role]}" "${sees[$role]}"
done
cat <<EOF
  postgres           $superuser_password  the superuser

A device signs in as one of them, e.g.:
  PGPASSWORD=${passwords[officer]} saferhomes-cli ... \\
      --server postgresql://demo_officer@127.0.0.1:$port/saferhomes

Press Ctrl+C to stop the server and delete everything.
EOF
# Short sleeps: the shell runs its traps only between commands.
while true; do sleep 1; done
