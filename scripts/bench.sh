#!/usr/bin/env bash
# `npm run bench`: starts a throwaway PostgreSQL so both dialects are measured, then prints figures.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/stackyard-bench.XXXXXX)
chmod 755 "$work"  # the postgres user must reach its data dir inside
trap 'bash scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1; rm -rf "$work"' EXIT
[ -d node_modules ] || npm ci --no-audit --no-fund
# The browser figures measure the UI as built from this checkout (not needed for one other part).
if [ -z "${BENCH_ONLY:-}" ] || [ "${BENCH_ONLY}" = ui ] || [ "${BENCH_ONLY}" = infrastructure ]; then
  npm run -s build:renderer > /dev/null
fi
if url=$(bash scripts/pg-test-server.sh start "$work/pg" $((5900 + RANDOM % 90)) 2>/dev/null); then export STACKYARD_TEST_PG_URL="$url"; fi
npx tsx bench/run.ts
