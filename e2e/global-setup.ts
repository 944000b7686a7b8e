import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FullConfig } from '@playwright/test';
import { startServer } from '../core/src/server/cli';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'dist/renderer');

/** Newest modification time under a directory (the renderer sources). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds the renderer when dist/renderer is missing or older than its sources. */
function ensureRendererBuilt(): void {
  const index = path.join(staticDir, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (process.env.STACKYARD_E2E_SKIP_BUILD === '1' && built > 0) return;
  if (built > newest(path.join(root, 'renderer'))) return;
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'renderer/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

export const E2E_ADMIN_PASSWORD = 'E2e-admin-Pass-7';

/** Starts a server for the whole run and returns its teardown. */
export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  ensureRendererBuilt();
  fs.mkdirSync(path.join(root, 'artifacts/screenshots'), { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-e2e-'));
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    adminPassword: E2E_ADMIN_PASSWORD,
    staticDir,
  });
  process.env.STACKYARD_E2E_URL = server.url;
  process.env.STACKYARD_E2E_ADMIN_PASSWORD = E2E_ADMIN_PASSWORD;
  return async () => {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
