#!/usr/bin/env bash
# Stops and removes the cluster pg-up.sh started on the same port.
set -euo pipefail
PORT="${JIXIAO_TEST_PG_PORT:-55432}"
MARK="${TMPDIR:-/tmp}/jixiao-pg-$PORT.dir"
[ -f "$MARK" ] || { echo "没有由 pg-up.sh 启动的集群（端口 $PORT）" >&2; exit 0; }
DIR="$(cat "$MARK")"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
if [ "$(id -u)" = 0 ]; then su postgres -c "$PGBIN/pg_ctl -D $DIR/data -m fast stop >/dev/null"; else "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null; fi
rm -rf "$DIR" "$MARK"
