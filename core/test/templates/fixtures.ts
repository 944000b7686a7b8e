import crypto from 'node:crypto';
import type { Caller } from '../../src/services/caller';
import type { TestCore } from '../harness';
import { seedZone } from '../infrastructure/seed';
import { callerOf, createDomain, insertAccount, ok } from '../tenancy/fixtures';

/**
 * Template test helpers: zones with an image store, a small tenancy to try every command as each
 * kind of caller, a public test URL (an address of TEST-NET-3: never contacted, the Simulator's
 * download is simulated) and a snapshot of every template row to prove a refusal changed nothing.
 *
 *            ROOT
 *           /    \
 *         D1      D2        D1: da1 (domain admin), userA and userB (users of two accounts)
 *                           D2: userC (a user of another domain)
 */
export const PUBLIC_URL = 'http://203.0.113.10/images/guest.qcow2';

export interface TemplateWorld {
  zone: { uuid: string; id: number };
  zone2: { uuid: string; id: number };
  d1: string;
  d2: string;
  da1: Caller;
  userA: Caller;
  userB: Caller;
  userC: Caller;
}

/** A zone with an NFS image store (never contacted). */
export async function zoneWithStore(tc: TestCore, name: string) {
  const zone = await seedZone(tc.core.store.db, { name });
  ok(await tc.call('addImageStore', { name: `${name}-store`, zoneid: zone.uuid, url: `nfs://10.0.0.9/${name}` }));
  return { uuid: zone.uuid, id: zone.id };
}

export async function templateWorld(tc: TestCore, prefix: string): Promise<TemplateWorld> {
  const zone = await zoneWithStore(tc, `${prefix}-zone`);
  const zone2 = await zoneWithStore(tc, `${prefix}-zone2`);
  const d1 = (await createDomain(tc, `${prefix}-d1`)).id as string;
  const d2 = (await createDomain(tc, `${prefix}-d2`)).id as string;
  const internal = async (uuid: string) =>
    (await tc.core.store.db.selectFrom('domains').select('id').where('uuid', '=', uuid).executeTakeFirstOrThrow()).id;
  const person = async (name: string, domain: string, roleType: 'DomainAdmin' | 'User') => {
    const a = await insertAccount(tc, { name: `${prefix}-${name}`, domainId: await internal(domain), roleType });
    return callerOf(tc, a.userUuid);
  };
  return {
    zone,
    zone2,
    d1,
    d2,
    da1: await person('da1', d1, 'DomainAdmin'),
    userA: await person('usera', d1, 'User'),
    userB: await person('userb', d1, 'User'),
    userC: await person('userc', d2, 'User'),
  };
}

/** The OS type of a description. */
export async function osType(tc: TestCore, description = 'Other Linux (64-bit)'): Promise<string> {
  return ok(await tc.call('listOsTypes', { description })).ostype[0].id as string;
}

/** Registers a template as the caller (the admin by default) and returns its first zone entry. */
export async function register(
  tc: TestCore,
  zone: string,
  name: string,
  extra: Record<string, string> = {},
  caller?: Caller,
): Promise<Record<string, any>> {
  const data = ok(
    await tc.call(
      'registerTemplate',
      { name, url: PUBLIC_URL, format: 'QCOW2', hypervisor: 'Simulator', zoneid: zone, ...extra },
      caller,
    ),
  );
  return data.template[0];
}

/** Runs downloads to the end: ticks far enough apart for the simulated bytes to arrive. */
export async function finishDownloads(tc: TestCore): Promise<void> {
  let now = Date.now();
  for (let i = 0; i < 100; i++) {
    now += 5_000;
    await tc.core.templateDownloader.tick(now);
    const left = await tc.core.store.db
      .selectFrom('template_zones')
      .select('id')
      .where('download_state', '=', 'DOWNLOAD_IN_PROGRESS')
      .executeTakeFirst();
    if (!left) return;
  }
  throw new Error('downloads did not finish');
}

/** When a template's download (in its first zone) last advanced: the downloader's clock, in ms. */
export async function startedAt(db: TestCore['core']['store']['db'], uuid: string): Promise<number> {
  const row = await db
    .selectFrom('template_zones')
    .innerJoin('templates', 'templates.id', 'template_zones.template_id')
    .select('template_zones.last_progress')
    .where('templates.uuid', '=', uuid)
    .orderBy('template_zones.id')
    .executeTakeFirstOrThrow();
  return Date.parse(row.last_progress);
}

/** Every row of the template tables and the number of events, hashed. */
export async function templateSnapshot(tc: TestCore): Promise<string> {
  const db = tc.core.store.db;
  const tables = ['templates', 'template_zones', 'template_permissions', 'os_types', 'os_categories'] as const;
  const rows = await Promise.all(
    tables.map(async (t) => (await db.selectFrom(t).selectAll().execute()).map((r) => JSON.stringify(r)).sort()),
  );
  const events = await db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ rows, events: Number(events.n) }))
    .digest('hex');
}

export const names = (items: Record<string, any>[] | undefined) => (items ?? []).map((i) => i.name as string);
