import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/services/caller';
import { dialects, startTestCore, type TestCore } from '../harness';
import { seedZone } from '../infrastructure/seed';
import { callerOf, fails, insertAccount, ok } from '../tenancy/fixtures';
import { names, offeringSnapshot, offeringWorld, type OfferingWorld } from './fixtures';

/**
 * Who may do what with offerings, as CloudStack 4.13+ decides (ConfigurationManagerImpl for
 * changes, QueryManagerImpl for lists), for a root admin, a domain admin of D1, a user of D1 and
 * the domain admin of the sibling domain D2:
 * - root admins make, change and delete any offering and list every one;
 * - domain admins make offerings only for their domain and its subdomains (never public ones,
 *   never with tags, never system ones), change and delete only those, never their zones;
 * - users make none (the command is not theirs: 432);
 * - everyone but root admins lists public offerings and those of its domain and the domains
 *   above it; domain admins those of their subdomains too with isrecursive or listall.
 * Refusals of the service are CloudStack's 431 (531 for a foreign domainid in a list) and change
 * nothing.
 */

interface Kind {
  label: string;
  create: string;
  update: string;
  delete: string;
  list: string;
  key: 'serviceoffering' | 'diskoffering';
  params: (name: string) => Record<string, string>;
}

const KINDS: Kind[] = [
  {
    label: 'service',
    create: 'createServiceOffering',
    update: 'updateServiceOffering',
    delete: 'deleteServiceOffering',
    list: 'listServiceOfferings',
    key: 'serviceoffering',
    params: (name) => ({ name, cpunumber: '1', cpuspeed: '500', memory: '512' }),
  },
  {
    label: 'disk',
    create: 'createDiskOffering',
    update: 'updateDiskOffering',
    delete: 'deleteDiskOffering',
    list: 'listDiskOfferings',
    key: 'diskoffering',
    params: (name) => ({ name, disksize: '1' }),
  },
];

const cases = dialects().flatMap((dialect) => KINDS.map((kind) => [dialect, kind] as const));

describe.each(cases)('offering permissions (%s, %s offerings)', (dialect, kind) => {
  let tc: TestCore;
  let w: OfferingWorld;
  let zone: string;
  /** The offerings root made, by the domain each is limited to (pub: public). */
  let made: { pub: string; root: string; d1: string; c1: string; d2: string };
  let n = 0;
  const unique = (prefix: string) => `${kind.label}-${prefix}-${++n}`;

  const create = async (prefix: string, extra: Record<string, string>, caller?: Caller) =>
    tc.call(kind.create, { ...kind.params(unique(prefix)), ...extra }, caller);
  /** An offering the root admin makes. */
  const makeOffering = async (prefix: string, extra: Record<string, string> = {}) =>
    ok(await create(prefix, extra))[kind.key] as Record<string, any>;
  const listNames = async (caller: Caller, params: Record<string, string> = {}) =>
    names(ok(await tc.call(kind.list, { keyword: `${kind.label}-vis`, ...params }, caller))[kind.key]).map((x) =>
      x.replace(/-\d+$/, ''),
    );

  /** The call is refused with the status (and text) and changes no offering row nor event. */
  async function refused(
    command: string,
    params: Record<string, string>,
    caller: Caller,
    status: number,
    text?: RegExp,
  ): Promise<void> {
    const before = await offeringSnapshot(tc);
    fails(await tc.call(command, params, caller), status, text);
    expect(await offeringSnapshot(tc)).toBe(before);
  }

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    w = await offeringWorld(tc, `${kind.label}-perm`);
    zone = (await seedZone(tc.core.store.db, { name: `${kind.label}-perm-zone` })).uuid;
    made = {
      pub: (await makeOffering('vis-pub')).id,
      root: (await makeOffering('vis-root', { domainid: w.root })).id,
      d1: (await makeOffering('vis-d1', { domainid: w.d1 })).id,
      c1: (await makeOffering('vis-c1', { domainid: w.c1 })).id,
      d2: (await makeOffering('vis-d2', { domainid: w.d2 })).id,
    };
  });
  afterAll(async () => tc?.close());

  it('lists every offering to the root admin', async () => {
    expect(await listNames(tc.admin)).toEqual([
      `${kind.label}-vis-pub`,
      `${kind.label}-vis-root`,
      `${kind.label}-vis-d1`,
      `${kind.label}-vis-c1`,
      `${kind.label}-vis-d2`,
    ]);
  });

  it('lists public offerings and those of their domain and above to domain admins and users', async () => {
    const own = [`${kind.label}-vis-pub`, `${kind.label}-vis-root`, `${kind.label}-vis-d1`];
    expect(await listNames(w.da1)).toEqual(own);
    expect(await listNames(w.user1)).toEqual(own);
    expect(await listNames(w.da2)).toEqual([`${kind.label}-vis-pub`, `${kind.label}-vis-root`, `${kind.label}-vis-d2`]);
    // Domain admins see their subdomains' with isrecursive or listall; users may not ask.
    const subtree = [...own.slice(0, 3), `${kind.label}-vis-c1`];
    expect(await listNames(w.da1, { isrecursive: 'true' })).toEqual(subtree);
    expect(await listNames(w.da1, { listall: 'true' })).toEqual(subtree);
    expect(await listNames(w.da2, { isrecursive: 'true' })).toEqual([
      `${kind.label}-vis-pub`,
      `${kind.label}-vis-root`,
      `${kind.label}-vis-d2`,
    ]);
    await refused(kind.list, { isrecursive: 'true' }, w.user1, 431, /isrecursive/);
    // An offering out of reach is not listed by id either.
    expect(ok(await tc.call(kind.list, { id: made.d2 }, w.da1)).count ?? 0).toBe(0);
    expect(ok(await tc.call(kind.list, { id: made.c1 }, w.user1)).count ?? 0).toBe(0);
  });

  it('filters by a domain of the caller or above it, refusing one out of its hierarchy (531)', async () => {
    expect(await listNames(w.da1, { domainid: w.d1 })).toEqual([`${kind.label}-vis-d1`]);
    expect(await listNames(w.user1, { domainid: w.root })).toEqual([`${kind.label}-vis-root`]);
    await refused(kind.list, { domainid: w.d2 }, w.da1, 531, /same domain hierarchy/);
    await refused(kind.list, { domainid: w.c1 }, w.user1, 531, /same domain hierarchy/);
    expect(await listNames(tc.admin, { domainid: w.d2 })).toEqual([`${kind.label}-vis-d2`]);
  });

  it('lets a domain admin make offerings for its domain and subdomains only', async () => {
    const mine = ok(await create('da-own', { domainid: w.d1 }, w.da1))[kind.key];
    expect(mine.domainid).toBe(w.d1);
    const sub = ok(await create('da-sub', { domainid: `${w.c1},${w.d1}` }, w.da1))[kind.key];
    expect(sub.domainid).toBe(w.d1);
    // Its event belongs to the domain admin's account.
    const event = await tc.core.store.db
      .selectFrom('events')
      .select(['account_id', 'type'])
      .where('resource_id', '=', mine.id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ account_id: w.da1.accountId, type: `${kind.label.toUpperCase()}.OFFERING.CREATE` });

    await refused(kind.create, kind.params(unique('da-public')), w.da1, 431, /Unable to create public/);
    await refused(
      kind.create,
      { ...kind.params(unique('da-other')), domainid: `${w.d1},${w.d2}` },
      w.da1,
      431,
      /neither its own/,
    );
    await refused(kind.create, { ...kind.params(unique('da-root')), domainid: w.root }, w.da1, 431, /neither its own/);
    await refused(kind.create, { ...kind.params(unique('da-tags')), domainid: w.d1, tags: 'ssd' }, w.da1, 431, /tags/);
    await refused(kind.create, { ...kind.params(unique('sib')), domainid: w.d1 }, w.da2, 431, /neither its own/);
    await refused(kind.create, { ...kind.params(unique('user')), domainid: w.d1 }, w.user1, 432);
    if (kind.label === 'service') {
      await refused(
        kind.create,
        { ...kind.params(unique('da-system')), domainid: w.d1, issystem: 'true' },
        w.da1,
        431,
        /system offerings are made by root admins/,
      );
      await refused(
        kind.create,
        { ...kind.params(unique('da-hosttags')), domainid: w.d1, hosttags: 'h' },
        w.da1,
        431,
        /tags/,
      );
    }
  });

  it('lets a domain admin change only offerings of its domains, never their zones or to public', async () => {
    const own = (await makeOffering('upd-own', { domainid: w.d1 })).id as string;
    const changed = ok(await tc.call(kind.update, { id: own, name: `${kind.label}-renamed` }, w.da1))[kind.key];
    expect(changed.name).toBe(`${kind.label}-renamed`);
    const moved = ok(await tc.call(kind.update, { id: own, domainid: w.c1 }, w.da1))[kind.key];
    expect(moved.domainid).toBe(w.c1);

    const shared = (await makeOffering('upd-shared', { domainid: `${w.d1},${w.d2}` })).id as string;
    await refused(kind.update, { id: made.pub, name: 'x' }, w.da1, 431, /Unable to update public/);
    await refused(kind.update, { id: made.d2, name: 'x' }, w.da1, 431, /outside the domains of domain admin/);
    await refused(kind.update, { id: shared, name: 'x' }, w.da1, 431, /outside the domains of domain admin/);
    await refused(kind.update, { id: own, domainid: 'public' }, w.da1, 431, /public/);
    await refused(kind.update, { id: own, domainid: w.d2 }, w.da1, 431, /neither its own/);
    await refused(kind.update, { id: own, zoneid: zone }, w.da1, 431, /Unable to change the zones/);
    await refused(kind.update, { id: own, name: 'x' }, w.da2, 431, /outside the domains of domain admin/);
    await refused(kind.update, { id: own, name: 'x' }, w.user1, 432);

    // Only the domain admin's part of a shared offering changes, and only its scope.
    const mineAgain = ok(await tc.call(kind.update, { id: shared, domainid: w.c1 }, w.da1))[kind.key];
    expect(mineAgain.domainid).toBe(`${w.c1},${w.d2}`);
  });

  it('lets a domain admin delete only offerings of its domains', async () => {
    const own = (await makeOffering('del-own', { domainid: w.c1 })).id as string;
    const shared = (await makeOffering('del-shared', { domainid: `${w.d1},${w.d2}` })).id as string;
    await refused(kind.delete, { id: made.pub }, w.da1, 431, /Unable to delete public/);
    await refused(kind.delete, { id: made.d2 }, w.da1, 431, /outside the domains of domain admin/);
    await refused(kind.delete, { id: shared }, w.da1, 431, /outside the domains of domain admin/);
    await refused(kind.delete, { id: own }, w.da2, 431, /outside the domains of domain admin/);
    await refused(kind.delete, { id: own }, w.user1, 432);
    ok(await tc.call(kind.delete, { id: own }, w.da1));
    ok(await tc.call(kind.delete, { id: shared }, tc.admin));
  });

  it('refuses a user-type role allowed the commands in the service (431), changing nothing', async () => {
    const role = ok(await tc.call('createRole', { name: `${kind.label}-opener`, type: 'User' })).role;
    for (const rule of [kind.create, kind.update, kind.delete]) {
      ok(await tc.call('createRolePermission', { roleid: role.id, rule, permission: 'allow' }));
    }
    const roleRow = await tc.core.store.db
      .selectFrom('roles')
      .select('id')
      .where('uuid', '=', role.id)
      .executeTakeFirstOrThrow();
    const d1 = await tc.core.store.db
      .selectFrom('domains')
      .select('id')
      .where('uuid', '=', w.d1)
      .executeTakeFirstOrThrow();
    const a = await insertAccount(tc, {
      name: `${kind.label}-opened`,
      domainId: d1.id,
      roleType: 'User',
      roleId: roleRow.id,
    });
    const caller = await callerOf(tc, a.userUuid);
    await refused(
      kind.create,
      { ...kind.params(unique('opened')), domainid: w.d1 },
      caller,
      431,
      /neither a root admin nor a domain admin/,
    );
    await refused(kind.update, { id: made.d1, name: 'x' }, caller, 431, /neither a root admin nor a domain admin/);
    await refused(kind.delete, { id: made.d1 }, caller, 431, /neither a root admin nor a domain admin/);
  });

  if (kind.label === 'service') {
    it('keeps system offerings to root admins', async () => {
      await refused(kind.list, { issystem: 'true' }, w.da1, 431, /Only ROOT admins can access system offerings/);
      await refused(kind.list, { issystem: 'true' }, w.user1, 431, /Only ROOT admins/);
      expect(ok(await tc.call(kind.list, { issystem: 'true' })).count).toBeGreaterThanOrEqual(8);
    });
  } else {
    it('hides offerings not displayed to end users from users, not from domain admins', async () => {
      await makeOffering('vis-hidden', { domainid: w.d1, displayoffering: 'false' });
      expect(await listNames(w.user1)).not.toContain(`${kind.label}-vis-hidden`);
      expect(await listNames(w.da1)).toContain(`${kind.label}-vis-hidden`);
      expect(await listNames(tc.admin)).toContain(`${kind.label}-vis-hidden`);
    });
  }
});
