#!/usr/bin/env bash
# The whole test suite, with all set-up on a fresh machine: dependencies, Debian packages (when
# root), a throwaway PostgreSQL, then typecheck, lint, unit and integration tests on SQLite and
# PostgreSQL, the renderer build, and end-to-end tests in Chromium.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
work=$(mktemp -d /tmp/stackyard-test.XXXXXX)
chmod 755 "$work"  # the postgres user must reach its data dir inside
results="$repo/artifacts/test-results"
mkdir -p "$results"
failed_steps=()

step() { echo; echo "==> $*"; }
cleanup() { bash scripts/pg-test-server.sh stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

step "dependencies"
bash scripts/ensure-system-packages.sh || { echo "system packages missing; see above"; exit 1; }
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || exit 1
fi

step "typecheck"
npm run -s typecheck || failed_steps+=(typecheck)

step "lint"
npx eslint . && npx prettier --check . || failed_steps+=(lint)

step "PostgreSQL for the test run"
pg_port=$((5500 + RANDOM % 400))
if pg_url=$(bash scripts/pg-test-server.sh start "$work/pg" "$pg_port"); then
  export STACKYARD_TEST_PG_URL="$pg_url"
  echo "PostgreSQL on 127.0.0.1:$pg_port"
else
  echo "could not start PostgreSQL"; failed_steps+=(postgres)
fi

step "unit and integration tests (SQLite and PostgreSQL)"
checks="$repo/artifacts/response-check"
rm -rf "$checks"
STACKYARD_RESPONSE_CHECK="$checks" npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json" || failed_steps+=(vitest)

step "every declared response checked against real responses"
dialects=(sqlite); [ -n "${STACKYARD_TEST_PG_URL:-}" ] && dialects+=(postgres)
npx tsx scripts/check-response-coverage.ts "$checks" "${dialects[@]}" || failed_steps+=(responses)

step "renderer build"
npm run build:renderer || failed_steps+=(build)

step "end-to-end tests in Chromium"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json 2>&1 | tee "$work/e2e.out" ; e2e_status=${PIPESTATUS[0]}
[ "$e2e_status" = 0 ] || failed_steps+=(e2e)

node scripts/test-summary.mjs "$results/vitest.json" "$results/playwright.json" "${failed_steps[@]}"
