import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../src/core';
import { ensureOsCatalogue } from '../../src/services/templates/os-catalogue';
import { ADMIN_PASSWORD, dialects, freshDatabase, type Dialect } from '../harness';
import { fails, ok } from '../tenancy/fixtures';
import { seedZone } from '../infrastructure/seed';
import { startedAt, PUBLIC_URL } from './fixtures';

/**
 * The guest OS catalogue (listOsCategories, listOsTypes) is there from the first start and made
 * once; a template's download goes on where it was after the core restarts.
 */
async function serverOn(dialect: Dialect) {
  const database = await freshDatabase(dialect);
  const options: CoreOptions = {
    database: database.config,
    dataDir: database.dataDir,
    adminPassword: ADMIN_PASSWORD,
    secretKey: crypto.randomBytes(32),
    runMonitors: false,
  };
  return { database, options };
}

async function call(core: Core, command: string, params: Record<string, string> = {}) {
  const row = await core.store.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const caller = await core.auth.callerForUser(row.id, 'session');
  const r = await core.api.execute(command, params, caller!);
  const data = (r.body[`${command.toLowerCase()}response`] ?? r.body.errorresponse ?? {}) as Record<string, any>;
  return { status: r.status, body: r.body, data };
}

const catalogueSize = async (core: Core) => ({
  categories: (await core.store.db.selectFrom('os_categories').select('id').execute()).length,
  types: (await core.store.db.selectFrom('os_types').select('id').execute()).length,
});

describe.each(dialects())('guest OS catalogue and downloads across restarts (%s)', (dialect) => {
  it("lists CloudStack's OS categories and types, made once", async () => {
    const { database, options } = await serverOn(dialect);
    let core = await createCore(options);
    try {
      const categories = ok(await call(core, 'listOsCategories')).oscategory.map((c: any) => c.name);
      expect(categories).toEqual(expect.arrayContaining(['CentOS', 'Debian', 'Ubuntu', 'Windows', 'Other']));
      const types = ok(await call(core, 'listOsTypes'));
      expect(types.count).toBeGreaterThanOrEqual(30);
      const other = types.ostype.find((t: any) => t.description === 'Other Linux (64-bit)');
      expect(other).toMatchObject({ oscategoryname: 'Other', isuserdefined: false, name: 'Other Linux (64-bit)' });
      expect(types.ostype.some((t: any) => t.description === 'Other (64-bit)')).toBe(true);
      const other64 = types.ostype.find((t: any) => t.description === 'Other (64-bit)');
      const byCategory = ok(await call(core, 'listOsTypes', { oscategoryid: other.oscategoryid })).ostype;
      expect(byCategory.every((t: any) => t.oscategoryname === 'Other')).toBe(true);
      expect(ok(await call(core, 'listOsTypes', { id: other64.id })).ostype).toHaveLength(1);
      expect(ok(await call(core, 'listOsTypes', { keyword: 'windows' })).ostype.length).toBeGreaterThanOrEqual(3);
      expect(ok(await call(core, 'listOsCategories', { name: 'ubuntu' })).oscategory).toHaveLength(1);
      const before = await catalogueSize(core);
      expect(await ensureOsCatalogue(core.store)).toBe(0);
      await core.close();
      core = await createCore(options);
      expect(await catalogueSize(core)).toEqual(before);
    } finally {
      await core.close();
      await database.drop();
    }
  });

  it('continues a download where it was after a restart, and finishes it', async () => {
    const { database, options } = await serverOn(dialect);
    let core = await createCore(options);
    try {
      const zone = await seedZone(core.store.db, { name: 'restart-zone' });
      ok(await call(core, 'addImageStore', { name: 'rs', zoneid: zone.uuid, url: 'nfs://10.0.0.9/rs' }));
      const t = ok(
        await call(core, 'registerTemplate', {
          name: 'survivor',
          url: PUBLIC_URL,
          format: 'QCOW2',
          hypervisor: 'Simulator',
          zoneid: zone.uuid,
        }),
      ).template[0];
      // 128 MiB/s: the simulated 2 GiB take 16 s.
      ok(await call(core, 'updateConfiguration', { name: 'simulator.template.download.speed', value: '128' }));
      // The clock of the download is its row's: when it started.
      const start = await startedAt(core.store.db, t.id);
      await core.templateDownloader.tick(start + 2000);
      const status = async () =>
        ok(await call(core, 'listTemplates', { templatefilter: 'self', id: t.id })).template[0];
      expect((await status()).status).toMatch(/^1[23]% Downloaded$/);
      await core.close();
      core = await createCore(options);
      // The core was down an hour: the download goes on from 12%, at most a few seconds' worth at once.
      await core.templateDownloader.tick(start + 3_600_000);
      const after = await status();
      expect(after.isready).toBe(false);
      expect(after.status).toMatch(/^4[23]% Downloaded$/);
      await core.templateDownloader.tick(start + 3_601_000);
      expect((await status()).status).toMatch(/^(49|50)% Downloaded$/);
      for (let i = 1; i <= 3; i++) await core.templateDownloader.tick(start + 3_601_000 + i * 5000);
      expect(await status()).toMatchObject({ isready: true, status: 'Download Complete' });
      fails(await call(core, 'listTemplates', { templatefilter: 'everything' }), 431);
    } finally {
      await core.close();
      await database.drop();
    }
  });
});

// Several servers share a database only on PostgreSQL.
describe.each(dialects().filter((d) => d === 'postgres'))('servers sharing a database (%s)', (dialect) => {
  it('makes the OS catalogue once when two servers start together, and counts each download second once', async () => {
    const { database, options } = await serverOn(dialect);
    const started = await Promise.allSettled([
      createCore({ ...options, serverName: 'ms-a' }),
      createCore({ ...options, serverName: 'ms-b' }),
    ]);
    const cores = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
      const [a, b] = cores as [Core, Core];
      expect(await catalogueSize(a)).toEqual(await catalogueSize(b));
      const descriptions = (await a.store.db.selectFrom('os_types').select('description').execute()).map(
        (r) => r.description,
      );
      expect(new Set(descriptions).size).toBe(descriptions.length);

      const zone = await seedZone(a.store.db, { name: 'shared-zone' });
      ok(await call(a, 'addImageStore', { name: 'shared', zoneid: zone.uuid, url: 'nfs://10.0.0.9/shared' }));
      const t = ok(
        await call(a, 'registerTemplate', {
          name: 'twice',
          url: PUBLIC_URL,
          format: 'QCOW2',
          hypervisor: 'Simulator',
          zoneid: zone.uuid,
        }),
      ).template[0];
      const start = await startedAt(a.store.db, t.id);
      // Both servers advance the same second: it counts once (a quarter at 512 MiB/s of 2 GiB).
      await Promise.all([a.templateDownloader.tick(start + 1000), b.templateDownloader.tick(start + 1000)]);
      const status = ok(await call(b, 'listTemplates', { templatefilter: 'self', id: t.id })).template[0].status;
      expect(status).toBe('25% Downloaded');
      for (let i = 2; i <= 5; i++) {
        await Promise.all([a.templateDownloader.tick(start + i * 1000), b.templateDownloader.tick(start + i * 1000)]);
      }
      expect(ok(await call(a, 'listTemplates', { templatefilter: 'self', id: t.id })).template[0].isready).toBe(true);
      const events = await a.store.db
        .selectFrom('events')
        .select('id')
        .where('type', '=', 'TEMPLATE.DOWNLOAD.SUCCESS')
        .where('resource_id', '=', t.id)
        .execute();
      expect(events).toHaveLength(1);
    } finally {
      for (const core of cores) await core.close();
      await database.drop();
    }
  });
});
