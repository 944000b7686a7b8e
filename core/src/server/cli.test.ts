import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../test/harness';
import { defaultDataDir, passwordBox, startServer } from './cli';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = path.join(REPO, 'core', 'src', 'server', 'cli.ts');

async function login(base: string, password: string) {
  const res = await fetch(`${base}/client/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ command: 'login', username: 'admin', password, domain: '/', response: 'json' }),
  });
  return res.status;
}

interface Cli {
  child: ChildProcess;
  stdout: () => string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<string>;
  exit: Promise<number | null>;
}

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Cli {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('STACKYARD_ADMIN_PASSWORD' in env)) delete childEnv.STACKYARD_ADMIN_PASSWORD;
  // Node with tsx as a loader, not the tsx binary: that binary runs the script in a child process
  // and relays signals, and when the child is slow to acknowledge one (a loaded machine) it exits
  // with 143 itself instead of waiting for the child's own shutdown.
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    exit,
    async waitFor(text, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (typeof text === 'string' ? out.includes(text) : text.test(out)) return out;
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`no "${String(text)}" in output:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

describe('cli helpers', () => {
  it('frames the one-time password', () => {
    const box = passwordBox('s3cret-pass').split('\n');
    expect(box.some((l) => l.includes('admin password: s3cret-pass'))).toBe(true);
    expect(new Set(box.map((l) => l.length)).size).toBe(1);
  });

  it('picks the data directory from the environment', () => {
    expect(defaultDataDir({ STACKYARD_DATA_DIR: '/srv/sy' })).toBe('/srv/sy');
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/data' })).toBe('/x/data/stackyard');
    expect(defaultDataDir({ HOME: process.env.HOME })).toMatch(/\.local\/share\/stackyard$/);
  });
});

describe.each(dialects())('serve (%s)', (dialect) => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('startServer creates a core, generates the admin password once, and listens on a free port', async () => {
    const db = await freshDatabase(dialect);
    drops.push(db.drop);
    const secretKey = crypto.randomBytes(32);
    const first = await startServer({ dataDir: db.dataDir, database: db.config, port: 0, staticDir: null, secretKey });
    const password = first.generatedAdminPassword as string;
    try {
      expect(password).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(first.port).toBeGreaterThan(0);
      expect(first.apiUrl).toBe(`http://127.0.0.1:${first.port}/client/api`);
      expect(await login(first.url, password)).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startServer({ dataDir: db.dataDir, database: db.config, port: 0, staticDir: null, secretKey });
    try {
      expect(second.generatedAdminPassword).toBeUndefined();
      expect(await login(second.url, password)).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('registers each server under its own server name', async () => {
    const db = await freshDatabase(dialect);
    drops.push(db.drop);
    const secretKey = crypto.randomBytes(32);
    const a = await startServer({
      dataDir: db.dataDir,
      database: db.config,
      port: 0,
      staticDir: null,
      secretKey,
      serverName: 'mgmt-a',
    });
    const b = await startServer({
      dataDir: db.dataDir,
      database: db.config,
      port: 0,
      staticDir: null,
      secretKey,
      serverName: 'mgmt-b',
    });
    try {
      const rows = await a.core.store.db
        .selectFrom('management_servers')
        .select(['name', 'state'])
        .orderBy('name')
        .execute();
      const up = rows.filter((r) => r.state === 'Up').map((r) => r.name);
      // Several servers share PostgreSQL; embedded SQLite serves one, so the newer one takes over.
      expect(up).toEqual(dialect === 'postgres' ? ['mgmt-a', 'mgmt-b'] : ['mgmt-b']);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('`serve` prints the URLs and the generated password once, and stops on SIGTERM', async () => {
    const db = await freshDatabase(dialect);
    drops.push(db.drop);
    const dbArgs = db.config.kind === 'postgres' ? ['--db', db.config.url] : [];
    const cli = runCli(['serve', '--port', '0', '--data-dir', db.dataDir, ...dbArgs]);
    try {
      const out = await cli.waitFor('Stackyard UI:');
      const password = /admin password: (\S+)/.exec(out)?.[1];
      const api = /Stackyard API: (http:\/\/127\.0\.0\.1:(\d+)\/client\/api)/.exec(out);
      expect(password).toBeTruthy();
      expect(api).toBeTruthy();
      expect(out).toMatch(/Stackyard UI: http:\/\/127\.0\.0\.1:\d+\//);
      expect(Number(api?.[2])).toBeGreaterThan(0);
      expect(await login(`http://127.0.0.1:${api?.[2]}`, password as string)).toBe(200);
      cli.child.kill('SIGTERM');
      expect(await cli.exit).toBe(0);
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
    // Second start on the same data: no password is shown again.
    const again = runCli(['serve', '--port', '0', '--data-dir', db.dataDir, ...dbArgs]);
    try {
      const out = await again.waitFor('Stackyard UI:');
      expect(out).not.toContain('admin password');
      again.child.kill('SIGINT');
      expect(await again.exit).toBe(0);
    } finally {
      if (again.child.exitCode === null) again.child.kill('SIGKILL');
    }
  }, 90_000);

  it('takes the admin password from STACKYARD_ADMIN_PASSWORD on first start', async () => {
    const db = await freshDatabase(dialect);
    drops.push(db.drop);
    const dbArgs = db.config.kind === 'postgres' ? ['--db', db.config.url] : [];
    const cli = runCli(['serve', '--port', '0', '--data-dir', db.dataDir, ...dbArgs], {
      STACKYARD_ADMIN_PASSWORD: 'From-The-Env-1',
    });
    try {
      const out = await cli.waitFor('Stackyard UI:');
      expect(out).not.toContain('admin password');
      const port = /127\.0\.0\.1:(\d+)\/client\/api/.exec(out)?.[1];
      expect(await login(`http://127.0.0.1:${port}`, 'From-The-Env-1')).toBe(200);
      cli.child.kill('SIGTERM');
      expect(await cli.exit).toBe(0);
    } finally {
      if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    }
  }, 90_000);

  it('refuses unknown commands and options', async () => {
    const bad = runCli(['frobnicate']);
    expect(await bad.exit).toBe(2);
    const badOption = runCli(['serve', '--nope']);
    expect(await badOption.exit).not.toBe(0);
  }, 90_000);
});
