import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { secretKeyChoice } from '../../src/server/cli';
import { ADMIN_PASSWORD, dialects, freshDatabase } from '../harness';

const REPO = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(REPO, 'core', 'src', 'server', 'cli.ts');

/** `stackyard serve` in a child process; stopped by its own PID. */
function serve(dataDir: string, db: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, STACKYARD_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env };
  if (!('STACKYARD_SECRET_KEY' in env)) delete childEnv.STACKYARD_SECRET_KEY;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--port', '0', '--data-dir', dataDir, '--db', db, ...extraArgs],
    { cwd: REPO, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    exit,
    err: () => err,
    /** Resolves with the API URL once the server listens, or throws when it exits first. */
    async ready(): Promise<string> {
      for (;;) {
        const m = /Stackyard API: (\S+)/.exec(out);
        if (m) return m[1] as string;
        const code = await Promise.race([exit, new Promise<'wait'>((r) => setTimeout(() => r('wait'), 50))]);
        if (code !== 'wait') throw new Error(`serve exited (${code}) before listening:\n${out}\n${err}`);
      }
    },
    async stop(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, 'SIGKILL');
      await exit;
    },
  };
}

async function login(apiUrl: string): Promise<number> {
  const res = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ command: 'login', username: 'admin', password: ADMIN_PASSWORD, response: 'json' }),
  });
  return res.status;
}

describe('secret key options of serve', () => {
  it('takes a key file or $STACKYARD_SECRET_KEY, not both', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(secretKeyChoice(undefined, {})).toEqual({});
    expect(secretKeyChoice('k.key', {})).toEqual({ secretKeyFile: path.resolve('k.key') });
    expect(secretKeyChoice(undefined, { STACKYARD_SECRET_KEY: key })).toEqual({
      secretKey: Buffer.alloc(32, 7),
      secretKeySource: 'from $STACKYARD_SECRET_KEY',
    });
    expect(() => secretKeyChoice('k.key', { STACKYARD_SECRET_KEY: key })).toThrow(/not both/);
    expect(() => secretKeyChoice(undefined, { STACKYARD_SECRET_KEY: 'c2hvcnQ=' })).toThrow(
      /the secret key from \$STACKYARD_SECRET_KEY is not 32 bytes in base64/,
    );
  });
});

describe.each(dialects())('a second server on the same database (%s)', (dialect) => {
  // Four server processes, one after another: generous on a loaded machine.
  it('starts only with the first server key, given by file or environment', { timeout: 120_000 }, async () => {
    const database = await freshDatabase(dialect);
    const db = database.config.kind === 'postgres' ? database.config.url : `sqlite:${database.config.file}`;
    const second = `${database.dataDir}-second`;
    const started: ReturnType<typeof serve>[] = [];
    const run = (...args: Parameters<typeof serve>) => {
      const s = serve(...args);
      started.push(s);
      return s;
    };
    try {
      const first = run(database.dataDir, db);
      expect(await login(await first.ready())).toBe(200);
      // A SQLite file serves one server at a time: the others start after it stops.
      if (dialect === 'sqlite') await first.stop();
      const key = fs.readFileSync(path.join(database.dataDir, 'secret.key'), 'utf8');

      const keyless = run(second, db);
      expect(await keyless.exit).toBe(1);
      expect(keyless.err()).toMatch(
        /there is no secret key in .*-second\/secret\.key, and this database already has one \(fingerprint [0-9a-f]{16}\): copy the key from the first server .* --secret-key-file PATH or STACKYARD_SECRET_KEY; see docs\/servers\.md/,
      );

      const fromEnv = run(second, db, [], { STACKYARD_SECRET_KEY: key });
      expect(await login(await fromEnv.ready())).toBe(200);
      await fromEnv.stop();

      const fromFile = run(second, db, ['--secret-key-file', path.join(database.dataDir, 'secret.key')]);
      expect(await login(await fromFile.ready())).toBe(200);
    } finally {
      for (const s of started) await s.stop();
      fs.rmSync(second, { recursive: true, force: true });
      await database.drop();
    }
  });
});
