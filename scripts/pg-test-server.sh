#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 owned by the test run, on 127.0.0.1 only.
# Usage: scripts/pg-test-server.sh start DIR PORT   -> prints the admin URL
#        scripts/pg-test-server.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?data dir}
port=${3:-5433}
password=stackyard
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found" >&2; exit 1; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      pwfile="$dir/pwfile"
      echo "$password" > "$pwfile"
      [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
      as_postgres "$bin/initdb -D '$dir/data' -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile='$pwfile' -E UTF8 --locale=C.UTF-8" > "$dir/initdb.log" 2>&1
      rm -f "$pwfile"
    fi
    if ! as_postgres "$bin/pg_ctl -D '$dir/data' status" > /dev/null 2>&1; then
      as_postgres "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w -o '-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200' start" > /dev/null
    fi
    echo "postgres://postgres:$password@127.0.0.1:$port/postgres"
    ;;
  stop)
    as_postgres "$bin/pg_ctl -D '$dir/data' -m fast stop" > /dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
