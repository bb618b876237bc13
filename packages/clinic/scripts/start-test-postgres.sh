#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the clinic's tests and prints its URL on stdout (all else goes
# to stderr). Uses Debian's postgresql package (binaries in /usr/lib/postgresql/*/bin); as root it
# runs the server as the postgres user. Data in a temp folder, trust auth, a free port on
# 127.0.0.1. Stop it with: pg_ctl -D "$DIR" stop (the folder is printed on stderr), or
#   kill "$(head -1 "$DIR/postmaster.pid")"
# Usage: export CLINIC_TEST_DATABASE_URL="$(packages/clinic/scripts/start-test-postgres.sh)"
set -euo pipefail

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "PostgreSQL is not installed; install it with: apt-get install -y postgresql" >&2
  exit 1
fi

dir="$(mktemp -d /tmp/clinic-pg.XXXXXX)"
# A free port: ask the kernel for one, then hand it to PostgreSQL.
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

as_pg=()
if [ "$(id -u)" = "0" ]; then
  chown postgres:postgres "$dir"
  as_pg=(runuser -u postgres --)
fi

"${as_pg[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=50" start >&2 ||
  { cat "$dir/server.log" >&2; exit 1; }

echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running; data in $dir/data; stop with: ${as_pg[*]} $bindir/pg_ctl -D $dir/data stop" >&2
echo "postgres://postgres@127.0.0.1:$port/postgres"
