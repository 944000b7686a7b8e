import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../src/core';
import type { DatabaseConfig } from '../src/db/connect';
import { ADMIN_PASSWORD, dialects, freshDatabase } from './harness';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

/**
 * The data directory is the owner's only (0700) and so are the database and key files (0600),
 * under the usual umask 022 that would make them world-readable; a data directory left readable
 * by an older version is tightened when the server starts on it.
 */
describe.each(dialects())('data directory and file modes (%s)', (dialect) => {
  let base: string;
  let database: DatabaseConfig;
  let drop: () => Promise<void>;
  let umask: number;

  beforeAll(async () => {
    umask = process.umask(0o022);
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-modes-'));
    const fresh = await freshDatabase(dialect);
    drop = fresh.drop;
    database = dialect === 'sqlite' ? { kind: 'sqlite', file: path.join(base, 'data', 'stackyard.db') } : fresh.config;
  });
  afterAll(async () => {
    process.umask(umask);
    await drop?.();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  const start = (dataDir: string) =>
    createCore({ database, dataDir, adminPassword: ADMIN_PASSWORD, runJobs: false, runMonitors: false });

  const expectPrivate = (dataDir: string) => {
    expect(mode(dataDir).toString(8)).toBe('700');
    const files = [
      'secret.key',
      ...(dialect === 'sqlite' ? ['stackyard.db', 'stackyard.db-wal', 'stackyard.db-shm'] : []),
    ];
    for (const name of files) expect(mode(path.join(dataDir, name)).toString(8), name).toBe('600');
  };

  it('creates the data directory 0700 and its files 0600 under umask 022', async () => {
    const dataDir = path.join(base, 'data');
    const core = await start(dataDir);
    try {
      // A write, so that SQLite has its WAL and shared-memory files.
      const admin = await core.auth.callerForUser(
        (await core.store.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow())
          .id,
        'session',
      );
      const r = await core.api.execute(
        'createZone',
        {
          name: `modes-${crypto.randomBytes(3).toString('hex')}`,
          networktype: 'Advanced',
          dns1: '8.8.8.8',
          internaldns1: '10.0.0.2',
        },
        admin ?? null,
      );
      expect(r.status).toBe(200);
      expectPrivate(dataDir);
    } finally {
      await core.close();
    }
  });

  it('tightens a data directory and database files an older version left readable', async () => {
    const dataDir = path.join(base, 'data');
    fs.chmodSync(dataDir, 0o755);
    for (const name of fs.readdirSync(dataDir)) fs.chmodSync(path.join(dataDir, name), 0o644);
    const core = await start(dataDir);
    try {
      expectPrivate(dataDir);
    } finally {
      await core.close();
    }
  });
});
