/**
 * Runs once before the unit and integration tests: says loudly when the PostgreSQL half of the
 * suite will not run (scripts/test.sh starts a server and sets STACKYARD_TEST_PG_URL; a bare
 * `npm run test:unit` does not).
 */
export default function setup(): void {
  if (process.env.STACKYARD_TEST_PG_URL) return;
  const line = '!'.repeat(78);
  console.warn(
    [
      '',
      line,
      '!! PostgreSQL is not configured: only the SQLite half of the suite runs.',
      '!! Every PostgreSQL test (and the multi-server job tests) is skipped.',
      '!! Run `npm test`, which starts a throwaway server, or set STACKYARD_TEST_PG_URL to an',
      '!! admin URL (postgres://user:pass@127.0.0.1:5432/postgres).',
      line,
      '',
    ].join('\n'),
  );
}
