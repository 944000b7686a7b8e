import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { Caller } from '../../src/services/caller';
import type { TestCore } from '../harness';
import { callerOf, createDomain, insertAccount, ok, rootDomainUuid } from '../tenancy/fixtures';

/**
 * Offering test helpers: a small tenancy to try every command as each kind of caller, and a
 * snapshot of every offering row (and the number of events) to prove a refusal changed nothing.
 *
 *            ROOT
 *           /    \
 *         D1      D2        D1: da1 (domain admin), user1 (user)
 *         |                 D2: da2 (domain admin of the sibling domain)
 *         C1
 */
export interface OfferingWorld {
  root: string;
  d1: string;
  c1: string;
  d2: string;
  da1: Caller;
  user1: Caller;
  da2: Caller;
}

export async function offeringWorld(tc: TestCore, prefix: string): Promise<OfferingWorld> {
  const root = await rootDomainUuid(tc);
  const d1 = (await createDomain(tc, `${prefix}-d1`)).id as string;
  const c1 = (await createDomain(tc, `${prefix}-c1`, d1)).id as string;
  const d2 = (await createDomain(tc, `${prefix}-d2`)).id as string;
  const internal = async (uuid: string) =>
    (await tc.core.store.db.selectFrom('domains').select('id').where('uuid', '=', uuid).executeTakeFirstOrThrow()).id;
  const person = async (name: string, domain: string, roleType: 'DomainAdmin' | 'User') => {
    const a = await insertAccount(tc, { name: `${prefix}-${name}`, domainId: await internal(domain), roleType });
    return callerOf(tc, a.userUuid);
  };
  return {
    root,
    d1,
    c1,
    d2,
    da1: await person('da1', d1, 'DomainAdmin'),
    user1: await person('user1', d1, 'User'),
    da2: await person('da2', d2, 'DomainAdmin'),
  };
}

/** Every row of the offering tables and the number of events, hashed. */
export async function offeringSnapshot(tc: TestCore): Promise<string> {
  const db = tc.core.store.db;
  const tables = [
    'service_offerings',
    'service_offering_domains',
    'service_offering_zones',
    'disk_offerings',
    'disk_offering_domains',
    'disk_offering_zones',
    'network_offerings',
    'network_offering_services',
    'network_offering_domains',
    'network_offering_zones',
  ] as const;
  // Rows in a stable order whatever the table's key (the link tables have no id).
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

/** The names of a list answer's items, in order. */
export const names = (items: Record<string, any>[] | undefined) => (items ?? []).map((i) => i.name as string);

/** A fixed compute offering's parameters. */
export const computeParams = (name: string, extra: Record<string, string> = {}) => ({
  name,
  cpunumber: '2',
  cpuspeed: '1000',
  memory: '2048',
  ...extra,
});

/** Creates a compute offering as the caller (the admin by default) and returns it. */
export async function createCompute(
  tc: TestCore,
  name: string,
  extra: Record<string, string> = {},
  caller?: Caller,
): Promise<Record<string, any>> {
  return ok(await tc.call('createServiceOffering', computeParams(name, extra), caller)).serviceoffering;
}

/** Creates a disk offering as the caller (the admin by default) and returns it. */
export async function createDisk(
  tc: TestCore,
  name: string,
  extra: Record<string, string> = {},
  caller?: Caller,
): Promise<Record<string, any>> {
  return ok(await tc.call('createDiskOffering', { name, disksize: '10', ...extra }, caller)).diskoffering;
}

/** Asserts the answer lists exactly these offering names (in order). */
export function listed(data: Record<string, any>, key: 'serviceoffering' | 'diskoffering', expected: string[]): void {
  expect(names(data[key])).toEqual(expected);
  expect(data.count ?? 0).toBe(expected.length);
}
