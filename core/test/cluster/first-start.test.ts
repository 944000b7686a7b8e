import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core';
import { ADMIN_PASSWORD, dialects, freshDatabase } from '../harness';

// Several servers share a database only on PostgreSQL; a SQLite file serves one server at a time.
const shared = dialects().filter((d) => d === 'postgres');

async function inventory(core: Core) {
  const db = core.store.db;
  const count = async (q: Promise<{ n: number | string }>) => Number((await q).n);
  return {
    roots: await count(
      db
        .selectFrom('domains')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('parent_id', 'is', null)
        .executeTakeFirstOrThrow(),
    ),
    admins: await count(
      db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('username', '=', 'admin')
        .executeTakeFirstOrThrow(),
    ),
    systems: await count(
      db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('name', '=', 'system')
        .executeTakeFirstOrThrow(),
    ),
    roles: (await db.selectFrom('roles').select('name').orderBy('id').execute()).map((r) => r.name),
    rootRules: await count(
      db
        .selectFrom('role_permissions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  };
}

describe.each(shared)('first start of servers sharing one database (%s)', (dialect) => {
  it('sets up the inventory once when two servers start together on an empty database', async () => {
    const database = await freshDatabase(dialect);
    const options = {
      database: database.config,
      dataDir: database.dataDir,
      adminPassword: ADMIN_PASSWORD,
      secretKey: crypto.randomBytes(32),
      runJobs: false,
    };
    const started = await Promise.allSettled([
      createCore({ ...options, serverName: 'ms-a' }),
      createCore({ ...options, serverName: 'ms-b' }),
    ]);
    const cores = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
      for (const core of cores) {
        expect(await inventory(core)).toEqual({
          roots: 1,
          admins: 1,
          systems: 1,
          roles: ['Root Admin', 'Resource Admin', 'Domain Admin', 'User'],
          rootRules: 1,
        });
      }
      // Both servers answer as the one admin.
      for (const core of cores) {
        const r = await core.auth.login('admin', ADMIN_PASSWORD);
        expect(r.caller.username).toBe('admin');
      }
    } finally {
      for (const core of cores) await core.close();
      await database.drop();
    }
  });

  it('lets only one of two servers with different keys claim an empty database', async () => {
    const database = await freshDatabase(dialect);
    const options = { database: database.config, dataDir: database.dataDir, runJobs: false };
    const started = await Promise.allSettled([
      createCore({ ...options, secretKey: crypto.randomBytes(32), serverName: 'ms-a' }),
      createCore({ ...options, secretKey: crypto.randomBytes(32), serverName: 'ms-b' }),
    ]);
    const cores = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(cores).toHaveLength(1);
      const refused = started.find((s) => s.status === 'rejected');
      expect(String(refused?.reason)).toMatch(/does not match this database's key/);
      const rows = await cores[0]?.store.db.selectFrom('cluster_identity').selectAll().execute();
      expect(rows).toHaveLength(1);
    } finally {
      for (const core of cores) await core.close();
      await database.drop();
    }
  });
});
