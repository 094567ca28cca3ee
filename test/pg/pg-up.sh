#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the PostgreSQL API suites (stack.md §3) and prints the
# line to export. Usage:  eval "$(bash test/pg/pg-up.sh)"  …  bash test/pg/pg-down.sh
# Loopback only, trust auth, fsync off: a test database, never a real one.
set -euo pipefail
PORT="${JIXIAO_TEST_PG_PORT:-55432}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "没有找到 PostgreSQL（/usr/lib/postgresql/*/bin/initdb）。请先 apt-get install -y postgresql" >&2
  exit 1
fi
DIR="$(mktemp -d /tmp/jixiao-pg.XXXXXX)"
OPTS="-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres user
  chown postgres:postgres "$DIR"
  su postgres -c "$PGBIN/initdb -D $DIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >$DIR/initdb.log 2>&1"
  su postgres -c "$PGBIN/pg_ctl -D $DIR/data -l $DIR/pg.log -w -o '$OPTS' start >/dev/null"
else
  "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
  "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/pg.log" -w -o "$OPTS" start >/dev/null
fi
"$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc 'create database jixiao_test' >/dev/null
echo "$DIR" > "${TMPDIR:-/tmp}/jixiao-pg-$PORT.dir"
echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/jixiao_test"
