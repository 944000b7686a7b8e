import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each test file gets its own core and database; two cores at once is what this machine fits.
    maxWorkers: 2,
    globalSetup: ['./scripts/vitest-global-setup.ts'],
    env: {
      // Every response is checked against its command's declared schema and recorded here;
      // scripts/test.sh then checks that every declaration met real responses on each database.
      STACKYARD_RESPONSE_CHECK:
        process.env.STACKYARD_RESPONSE_CHECK ?? path.resolve(import.meta.dirname, 'artifacts/response-check'),
    },
  },
});
