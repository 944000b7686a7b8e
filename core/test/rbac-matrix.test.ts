import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COMMANDS } from '../src/api/commands/index';
import type { RoleType } from '../src/domain/roles';
import { nowIso } from '../src/domain/time';
import type { Caller } from '../src/services/caller';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from './harness';
import { callerOf, fails, insertAccount, ok } from './tenancy/fixtures';

/**
 * The authorization matrix: every tenancy command (and the auth, job, event, configuration and
 * discovery commands when registered) called by five callers against five targets.
 *
 *   callers: root admin | domain admin of D1 | user of D1 account A | user of D1 account B | domain admin of D2
 *   targets: own | same-domain other account | child domain | other domain | ROOT
 *
 * Outcomes: A allowed (200 and the effect is visible), D denied (a CloudStack error and no row of
 * the tenancy tables, configurations or events changed), H hidden (200 but the target is not
 * listed), - not applicable. Targets other than "own" are created fresh for every case, so an
 * allowed delete never removes something a later case needs.
 *
 *            ROOT
 *           /    \
 *         D1      D2          D1: da1 (DomainAdmin), A (User), B (User)
 *         |        |          D2: da2 (DomainAdmin)
 *         C1       C2
 */

const CALLERS = ['root', 'da1', 'ua', 'ub', 'da2'] as const;
const TARGETS = ['own', 'sameDomain', 'childDomain', 'otherDomain', 'ROOT'] as const;
type CallerKey = (typeof CALLERS)[number];
type TargetKey = (typeof TARGETS)[number];
type Outcome = 'A' | 'D' | 'H' | '-';

/** One string per caller: the outcomes for own, same-domain, child domain, other domain, ROOT. */
type Grid = Record<CallerKey, string>;

interface Dom {
  id: number;
  uuid: string;
  idPath: string;
}

interface Who {
  caller: Caller;
  domain: Dom;
  accountName: string;
  accountUuid: string;
  userUuid: string;
  password: string;
}

interface World {
  tc: TestCore;
  root: Dom;
  d1: Dom;
  c1: Dom;
  d2: Dom;
  c2: Dom;
  who: Record<CallerKey, Who>;
}

/** An account (with its user) acted on by a case. */
interface AccountTarget {
  name: string;
  accountUuid: string;
  userUuid: string;
  domain: Dom;
}

interface Case {
  params: Record<string, string>;
  /** Checked after an allowed call. */
  effect?: (data: Record<string, any>) => Promise<void> | void;
  /** Checked after a hidden (H) call; defaults to "the list is empty". */
  hidden?: (data: Record<string, any>) => void;
}

interface Spec {
  command: string;
  async?: boolean;
  grid: Grid;
  build: (w: World, c: CallerKey, t: TargetKey) => Promise<Case>;
}

// ---------------------------------------------------------------------------------------------
// Fixtures

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}`;

async function domainRow(tc: TestCore, uuid: string): Promise<Dom> {
  const d = await tc.core.store.db
    .selectFrom('domains')
    .select(['id', 'uuid', 'id_path'])
    .where('uuid', '=', uuid)
    .executeTakeFirstOrThrow();
  return { id: d.id, uuid: d.uuid, idPath: d.id_path };
}

async function newDomain(tc: TestCore, parent: Dom): Promise<Dom> {
  const r = ok(await tc.call('createDomain', { name: unique('dom-'), parentdomainid: parent.uuid }));
  return domainRow(tc, r.domain.id);
}

async function newAccount(
  w: World,
  domain: Dom,
  options: { roleType?: RoleType; state?: string; userState?: string } = {},
): Promise<AccountTarget> {
  const name = unique('acct-');
  const a = await insertAccount(w.tc, { name, domainId: domain.id, roleType: options.roleType, state: options.state });
  if (options.userState)
    await w.tc.core.store.db
      .updateTable('users')
      .set({ state: options.userState })
      .where('id', '=', a.userId)
      .execute();
  return { name, accountUuid: a.accountUuid, userUuid: a.userUuid, domain };
}

/** The caller's own top domain and the "other" one. */
const home = (w: World, c: CallerKey) => w.who[c].domain;
const childOf = (w: World, c: CallerKey) => (c === 'root' ? w.d1 : c === 'da2' ? w.c2 : w.c1);
const otherOf = (w: World, c: CallerKey) => (c === 'da2' ? w.d1 : w.d2);

/** The domain a domain-level case acts on; "fresh" creates a new one where the target allows it. */
async function domainTarget(w: World, c: CallerKey, t: TargetKey, fresh: boolean): Promise<Dom> {
  switch (t) {
    case 'own':
      return home(w, c);
    case 'childDomain':
      return fresh ? newDomain(w.tc, home(w, c)) : childOf(w, c);
    case 'otherDomain':
      return fresh ? newDomain(w.tc, otherOf(w, c)) : otherOf(w, c);
    case 'ROOT':
      return w.root;
    case 'sameDomain':
      throw new Error('no domain target for sameDomain');
  }
}

/** The account a case acts on: the caller's own, or a fresh one where the target says. */
async function accountTarget(
  w: World,
  c: CallerKey,
  t: TargetKey,
  options: { state?: string; userState?: string } = {},
): Promise<AccountTarget> {
  const who = w.who[c];
  switch (t) {
    case 'own':
      return { name: who.accountName, accountUuid: who.accountUuid, userUuid: who.userUuid, domain: who.domain };
    case 'sameDomain':
      return newAccount(w, home(w, c), options);
    case 'childDomain':
      return newAccount(w, childOf(w, c), options);
    case 'otherDomain':
      return newAccount(w, otherOf(w, c), options);
    case 'ROOT':
      return newAccount(w, w.root, options);
  }
}

/** A custom role acted on by role cases: of the caller's own type, or of type Admin for ROOT. */
async function roleTarget(w: World, c: CallerKey, t: TargetKey): Promise<{ uuid: string; ruleUuid: string }> {
  const type = t === 'ROOT' ? 'Admin' : w.who[c].caller.roleType;
  const role = ok(await w.tc.call('createRole', { name: unique('role-'), type })).role;
  const rule = ok(
    await w.tc.call('createRolePermission', { roleid: role.id, rule: 'listApis', permission: 'allow' }),
  ).rolepermission;
  return { uuid: role.id, ruleUuid: rule.id };
}

async function insertJob(w: World, owner: AccountTarget): Promise<string> {
  const db = w.tc.core.store.db;
  const user = await db
    .selectFrom('users')
    .select(['id', 'account_id'])
    .where('uuid', '=', owner.userUuid)
    .executeTakeFirstOrThrow();
  const uuid = crypto.randomUUID();
  const now = nowIso();
  await db
    .insertInto('async_jobs')
    .values({
      uuid,
      user_id: user.id,
      account_id: user.account_id,
      domain_id: owner.domain.id,
      command: 'listApis',
      params: '{}',
      status: 1,
      result_code: 0,
      result: JSON.stringify({ success: true }),
      progress: 100,
      progress_text: null,
      instance_type: null,
      instance_id: null,
      sync_key: null,
      owner_server: null,
      created: now,
      started: now,
      completed: now,
      heartbeat: null,
    })
    .execute();
  return uuid;
}

/** The offering commands of each kind and what an offering of the kind is made with. */
const OFFERING_KINDS = [
  {
    create: 'createServiceOffering',
    list: 'listServiceOfferings',
    update: 'updateServiceOffering',
    delete: 'deleteServiceOffering',
    key: 'serviceoffering',
    table: 'service_offerings',
    links: 'service_offering_domains',
    params: (name: string) => ({ name, cpunumber: '1', cpuspeed: '500', memory: '512' }),
  },
  {
    create: 'createDiskOffering',
    list: 'listDiskOfferings',
    update: 'updateDiskOffering',
    delete: 'deleteDiskOffering',
    key: 'diskoffering',
    table: 'disk_offerings',
    links: 'disk_offering_domains',
    params: (name: string) => ({ name, disksize: '1' }),
  },
] as const;
type OfferingKind = (typeof OFFERING_KINDS)[number];

/** A network offering's parameters (network offerings are root admins' alone). */
const networkOfferingParams = (name: string) => ({
  name,
  guestiptype: 'Isolated',
  traffictype: 'Guest',
  supportedservices: 'Dhcp,Dns',
});

/** A fresh network offering the root admin limits to the domain. */
async function networkOfferingOf(w: World, domain: Dom): Promise<string> {
  const made = ok(
    await w.tc.call('createNetworkOffering', { ...networkOfferingParams(unique('netoff-')), domainid: domain.uuid }),
  );
  return made.networkoffering.id as string;
}

const networkOfferingRow = (w: World, uuid: string) =>
  w.tc.core.store.db
    .selectFrom('network_offerings')
    .select(['name', 'removed'])
    .where('uuid', '=', uuid)
    .executeTakeFirstOrThrow();

/** A fresh offering the root admin limits to the domain. */
async function offeringOf(w: World, k: OfferingKind, domain: Dom): Promise<string> {
  const made = ok(await w.tc.call(k.create, { ...k.params(unique('offering-')), domainid: domain.uuid }));
  return made[k.key].id as string;
}

const offeringRow = (w: World, k: OfferingKind, uuid: string) =>
  w.tc.core.store.db
    .selectFrom(k.table as 'service_offerings')
    .select(['name', 'removed'])
    .where('uuid', '=', uuid)
    .executeTakeFirstOrThrow();

/** The domains an offering of this name is limited to. */
async function offeringDomains(w: World, k: OfferingKind, name: string): Promise<number[]> {
  const d = w.tc.core.store.db;
  const links = k.links as 'service_offering_domains';
  const table = k.table as 'service_offerings';
  const rows = await d
    .selectFrom(links)
    .innerJoin(table, `${table}.id`, `${links}.offering_id`)
    .select(`${links}.domain_id`)
    .where(`${table}.name`, '=', name)
    .execute();
  return rows.map((r) => r.domain_id);
}

const db = (w: World) => w.tc.core.store.db;
const accountRow = (w: World, uuid: string) =>
  db(w).selectFrom('accounts').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
const userRow = (w: World, uuid: string) =>
  db(w).selectFrom('users').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
const domainByUuid = (w: World, uuid: string) =>
  db(w).selectFrom('domains').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
const ids = (items: Record<string, any>[] | undefined) => (items ?? []).map((x) => x.id);

// ---------------------------------------------------------------------------------------------
// Expected outcomes, one grid per kind of command

//                            own  same child other ROOT
const DOMAIN_ADMIN: Grid = {
  root: /*                  */ 'A    -    A     A     A',
  da1: /*                   */ 'A    -    A     D     D',
  ua: /*                    */ 'D    -    D     D     D',
  ub: /*                    */ 'D    -    D     D     D',
  da2: /*                   */ 'A    -    A     D     D',
};
const DOMAIN_LIST: Grid = {
  root: /*                  */ 'A    -    A     A     A',
  da1: /*                   */ 'A    -    A     D     D',
  ua: /*                    */ 'A    -    D     D     D',
  ub: /*                    */ 'A    -    D     D     D',
  da2: /*                   */ 'A    -    A     D     D',
};
const DOMAIN_DELETE: Grid = {
  root: /*                  */ 'D    -    A     A     D',
  da1: /*                   */ 'D    -    A     D     D',
  ua: /*                    */ 'D    -    D     D     D',
  ub: /*                    */ 'D    -    D     D     D',
  da2: /*                   */ 'D    -    A     D     D',
};
/** Reading an owner's things: admins within reach, a user only its own. */
const OWNER_READ: Grid = {
  root: /*                  */ 'A    A    A     A     A',
  da1: /*                   */ 'A    A    A     D     D',
  ua: /*                    */ 'A    D    D     D     D',
  ub: /*                    */ 'A    D    D     D     D',
  da2: /*                   */ 'A    A    A     D     D',
};
/** Changing an account or user: admins within reach (their own too); users never, except below. */
const OWNER_MANAGE: Grid = {
  root: /*                  */ 'A    A    A     A     A',
  da1: /*                   */ 'A    A    A     D     D',
  ua: /*                    */ 'D    D    D     D     D',
  ub: /*                    */ 'D    D    D     D     D',
  da2: /*                   */ 'A    A    A     D     D',
};
/** updateUser: a user may update itself. */
const SELF_MANAGE: Grid = OWNER_READ;
/** Disabling, locking, deleting: never oneself. */
const OWNER_REMOVE: Grid = {
  root: /*                  */ 'D    A    A     A     A',
  da1: /*                   */ 'D    A    A     D     D',
  ua: /*                    */ 'D    D    D     D     D',
  ub: /*                    */ 'D    D    D     D     D',
  da2: /*                   */ 'D    A    A     D     D',
};
/** getUserKeys: the secret key goes to its own user and to root admins only. */
const KEYS_READ: Grid = {
  root: /*                  */ 'A    A    A     A     A',
  da1: /*                   */ 'A    D    D     D     D',
  ua: /*                    */ 'A    D    D     D     D',
  ub: /*                    */ 'A    D    D     D     D',
  da2: /*                   */ 'A    D    D     D     D',
};
/** Role management: root admins only (own = a role of the caller's type, ROOT = an Admin role). */
const ROLE_ADMIN: Grid = {
  root: /*                  */ 'A    -    -     -     A',
  da1: /*                   */ 'D    -    -     -     D',
  ua: /*                    */ 'D    -    -     -     D',
  ub: /*                    */ 'D    -    -     -     D',
  da2: /*                   */ 'D    -    -     -     D',
};
const ROLE_LIST: Grid = {
  root: /*                  */ 'A    -    -     -     A',
  da1: /*                   */ 'A    -    -     -     H',
  ua: /*                    */ 'A    -    -     -     H',
  ub: /*                    */ 'A    -    -     -     H',
  da2: /*                   */ 'A    -    -     -     H',
};
/** Commands without a target. */
const EVERYONE: Grid = { root: 'A - - - -', da1: 'A - - - -', ua: 'A - - - -', ub: 'A - - - -', da2: 'A - - - -' };
const ROOT_ONLY: Grid = { root: 'A - - - -', da1: 'D - - - -', ua: 'D - - - -', ub: 'D - - - -', da2: 'D - - - -' };

/** Root admins alone, whatever domain the target is limited to. */
const ROOT_ADMIN_ANY: Grid = {
  root: /*                  */ 'A    -    A     A     A',
  da1: /*                   */ 'D    -    D     D     D',
  ua: /*                    */ 'D    -    D     D     D',
  ub: /*                    */ 'D    -    D     D     D',
  da2: /*                   */ 'D    -    D     D     D',
};

/** Offerings: everyone lists public ones and those of its domain and above, not of subdomains or siblings. */
const OFFERING_LIST: Grid = {
  root: /*                  */ 'A    -    A     A     A',
  da1: /*                   */ 'A    -    H     H     A',
  ua: /*                    */ 'A    -    H     H     A',
  ub: /*                    */ 'A    -    H     H     A',
  da2: /*                   */ 'A    -    H     H     A',
};

function outcome(grid: Grid, c: CallerKey, t: TargetKey): Outcome {
  const cells = grid[c].split(/\s+/);
  return cells[TARGETS.indexOf(t)] as Outcome;
}

// ---------------------------------------------------------------------------------------------
// The commands

const SPECS: Spec[] = [
  // Domains
  {
    command: 'createDomain',
    grid: DOMAIN_ADMIN,
    async build(w, c, t) {
      const parent = await domainTarget(w, c, t, false);
      const name = unique('new-');
      return {
        params: { name, parentdomainid: parent.uuid },
        effect: async () => {
          const row = await db(w)
            .selectFrom('domains')
            .select('parent_id')
            .where('name', '=', name)
            .executeTakeFirstOrThrow();
          expect(row.parent_id).toBe(parent.id);
        },
      };
    },
  },
  {
    command: 'listDomains',
    grid: DOMAIN_LIST,
    async build(w, c, t) {
      const d = await domainTarget(w, c, t, false);
      return { params: { id: d.uuid }, effect: (data) => expect(ids(data.domain)).toEqual([d.uuid]) };
    },
  },
  {
    command: 'updateDomain',
    grid: DOMAIN_ADMIN,
    async build(w, c, t) {
      const d = await domainTarget(w, c, t, t !== 'own');
      const networkdomain = `${unique('nd')}.example`;
      return {
        params: { id: d.uuid, networkdomain },
        effect: async () => expect((await domainByUuid(w, d.uuid)).network_domain).toBe(networkdomain),
      };
    },
  },
  {
    command: 'deleteDomain',
    async: true,
    grid: DOMAIN_DELETE,
    async build(w, c, t) {
      const d = await domainTarget(w, c, t, t !== 'own');
      return {
        params: { id: d.uuid },
        effect: async () => expect((await domainByUuid(w, d.uuid)).removed).not.toBeNull(),
      };
    },
  },

  // Accounts
  {
    command: 'createAccount',
    grid: DOMAIN_ADMIN,
    async build(w, c, t) {
      const d = await domainTarget(w, c, t, false);
      const username = unique('made-');
      return {
        params: {
          username,
          password: 'Made-pass1',
          firstname: 'M',
          lastname: 'N',
          email: 'm@example.com',
          accounttype: '0',
          domainid: d.uuid,
        },
        effect: async () => {
          const row = await db(w)
            .selectFrom('accounts')
            .select('domain_id')
            .where('name', '=', username)
            .executeTakeFirstOrThrow();
          expect(row.domain_id).toBe(d.id);
        },
      };
    },
  },
  {
    command: 'listAccounts',
    grid: OWNER_READ,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return { params: { id: a.accountUuid }, effect: (data) => expect(ids(data.account)).toEqual([a.accountUuid]) };
    },
  },
  {
    command: 'updateAccount',
    grid: OWNER_MANAGE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      const networkdomain = `${unique('acct')}.example`;
      return {
        params: { id: a.accountUuid, networkdomain },
        effect: async () => expect((await accountRow(w, a.accountUuid)).network_domain).toBe(networkdomain),
      };
    },
  },
  {
    command: 'enableAccount',
    grid: OWNER_MANAGE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t, { state: 'disabled' });
      return {
        params: { id: a.accountUuid },
        effect: async () => expect((await accountRow(w, a.accountUuid)).state).toBe('enabled'),
      };
    },
  },
  {
    command: 'disableAccount',
    async: true,
    grid: OWNER_REMOVE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return {
        params: { id: a.accountUuid, lock: 'false' },
        effect: async () => expect((await accountRow(w, a.accountUuid)).state).toBe('disabled'),
      };
    },
  },
  {
    command: 'lockAccount',
    grid: OWNER_REMOVE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return {
        params: { account: a.name, domainid: a.domain.uuid },
        effect: async () => expect((await accountRow(w, a.accountUuid)).state).toBe('locked'),
      };
    },
  },
  {
    command: 'deleteAccount',
    async: true,
    grid: OWNER_REMOVE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return {
        params: { id: a.accountUuid },
        effect: async () => expect((await accountRow(w, a.accountUuid)).removed).not.toBeNull(),
      };
    },
  },

  // Users
  {
    command: 'createUser',
    grid: OWNER_MANAGE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      const username = unique('u-');
      return {
        params: {
          account: a.name,
          domainid: a.domain.uuid,
          username,
          password: 'User-pass1',
          firstname: 'U',
          lastname: 'V',
        },
        effect: async () => {
          const row = await db(w)
            .selectFrom('users')
            .innerJoin('accounts', 'accounts.id', 'users.account_id')
            .select('accounts.uuid')
            .where('users.username', '=', username)
            .executeTakeFirstOrThrow();
          expect(row.uuid).toBe(a.accountUuid);
        },
      };
    },
  },
  {
    command: 'listUsers',
    grid: OWNER_READ,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return { params: { id: a.userUuid }, effect: (data) => expect(ids(data.user)).toEqual([a.userUuid]) };
    },
  },
  {
    command: 'updateUser',
    grid: SELF_MANAGE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      const firstname = unique('First');
      return {
        params: { id: a.userUuid, firstname },
        effect: async () => expect((await userRow(w, a.userUuid)).firstname).toBe(firstname),
      };
    },
  },
  {
    command: 'enableUser',
    grid: OWNER_MANAGE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t, { userState: 'disabled' });
      return {
        params: { id: a.userUuid },
        effect: async () => expect((await userRow(w, a.userUuid)).state).toBe('enabled'),
      };
    },
  },
  {
    command: 'disableUser',
    async: true,
    grid: OWNER_REMOVE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return {
        params: { id: a.userUuid },
        effect: async () => expect((await userRow(w, a.userUuid)).state).toBe('disabled'),
      };
    },
  },
  {
    command: 'lockUser',
    grid: OWNER_REMOVE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return {
        params: { id: a.userUuid },
        effect: async () => expect((await userRow(w, a.userUuid)).state).toBe('locked'),
      };
    },
  },
  {
    command: 'deleteUser',
    grid: OWNER_REMOVE,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return {
        params: { id: a.userUuid },
        effect: async () => expect((await userRow(w, a.userUuid)).removed).not.toBeNull(),
      };
    },
  },

  // Roles
  {
    command: 'createRole',
    grid: ROLE_ADMIN,
    async build(w, c, t) {
      const name = unique('made-role-');
      const type = t === 'ROOT' ? 'Admin' : w.who[c].caller.roleType;
      return { params: { name, type }, effect: (data) => expect(data.role).toMatchObject({ name, type }) };
    },
  },
  {
    command: 'listRoles',
    grid: ROLE_LIST,
    async build(w, c, t) {
      const r = await roleTarget(w, c, t);
      return { params: { id: r.uuid }, effect: (data) => expect(ids(data.role)).toEqual([r.uuid]) };
    },
  },
  {
    command: 'updateRole',
    grid: ROLE_ADMIN,
    async build(w, c, t) {
      const r = await roleTarget(w, c, t);
      const description = unique('described ');
      return {
        params: { id: r.uuid, description },
        effect: async () =>
          expect(
            (await db(w).selectFrom('roles').select('description').where('uuid', '=', r.uuid).executeTakeFirstOrThrow())
              .description,
          ).toBe(description),
      };
    },
  },
  {
    command: 'deleteRole',
    grid: ROLE_ADMIN,
    async build(w, c, t) {
      const r = await roleTarget(w, c, t);
      return {
        params: { id: r.uuid },
        effect: async () =>
          expect(
            (await db(w).selectFrom('roles').select('removed').where('uuid', '=', r.uuid).executeTakeFirstOrThrow())
              .removed,
          ).not.toBeNull(),
      };
    },
  },
  {
    command: 'createRolePermission',
    grid: ROLE_ADMIN,
    async build(w, c, t) {
      const r = await roleTarget(w, c, t);
      return {
        params: { roleid: r.uuid, rule: 'listUsers', permission: 'deny' },
        effect: (data) => expect(data.rolepermission).toMatchObject({ roleid: r.uuid, rule: 'listUsers' }),
      };
    },
  },
  {
    command: 'listRolePermissions',
    grid: ROLE_ADMIN,
    async build(w, c, t) {
      const r = await roleTarget(w, c, t);
      return { params: { roleid: r.uuid }, effect: (data) => expect(ids(data.rolepermission)).toEqual([r.ruleUuid]) };
    },
  },
  {
    command: 'updateRolePermission',
    grid: ROLE_ADMIN,
    async build(w, c, t) {
      const r = await roleTarget(w, c, t);
      return {
        params: { roleid: r.uuid, ruleid: r.ruleUuid, permission: 'deny' },
        effect: async () =>
          expect(
            (
              await db(w)
                .selectFrom('role_permissions')
                .select('permission')
                .where('uuid', '=', r.ruleUuid)
                .executeTakeFirstOrThrow()
            ).permission,
          ).toBe('deny'),
      };
    },
  },
  {
    command: 'deleteRolePermission',
    grid: ROLE_ADMIN,
    async build(w, c, t) {
      const r = await roleTarget(w, c, t);
      return {
        params: { id: r.ruleUuid },
        effect: async () =>
          expect(
            await db(w).selectFrom('role_permissions').select('id').where('uuid', '=', r.ruleUuid).executeTakeFirst(),
          ).toBeUndefined(),
      };
    },
  },

  // Compute and disk offerings, limited to the target domain
  ...OFFERING_KINDS.flatMap((k): Spec[] => [
    {
      command: k.create,
      grid: DOMAIN_ADMIN,
      async build(w, c, t) {
        const d = await domainTarget(w, c, t, false);
        const name = unique(`${k.key}-`);
        return {
          params: { ...k.params(name), domainid: d.uuid },
          effect: async () => expect(await offeringDomains(w, k, name)).toEqual([d.id]),
        };
      },
    },
    {
      command: k.list,
      grid: OFFERING_LIST,
      async build(w, c, t) {
        const id = await offeringOf(w, k, await domainTarget(w, c, t, false));
        return { params: { id }, effect: (data) => expect(ids(data[k.key])).toEqual([id]) };
      },
    },
    {
      command: k.update,
      grid: DOMAIN_ADMIN,
      async build(w, c, t) {
        const id = await offeringOf(w, k, await domainTarget(w, c, t, false));
        const name = unique('renamed-');
        return {
          params: { id, name },
          effect: async () => expect((await offeringRow(w, k, id)).name).toBe(name),
        };
      },
    },
    {
      command: k.delete,
      grid: DOMAIN_ADMIN,
      async build(w, c, t) {
        const id = await offeringOf(w, k, await domainTarget(w, c, t, false));
        return { params: { id }, effect: async () => expect((await offeringRow(w, k, id)).removed).not.toBeNull() };
      },
    },
  ]),

  // Network offerings: made, changed and deleted by root admins, listed as the other offerings
  {
    command: 'createNetworkOffering',
    grid: ROOT_ADMIN_ANY,
    async build(w, c, t) {
      const d = await domainTarget(w, c, t, false);
      const name = unique('netoff-');
      return {
        params: { ...networkOfferingParams(name), domainid: d.uuid },
        effect: async () =>
          expect(
            await db(w).selectFrom('network_offerings').select('id').where('name', '=', name).executeTakeFirst(),
          ).toBeDefined(),
      };
    },
  },
  {
    command: 'listNetworkOfferings',
    grid: OFFERING_LIST,
    async build(w, c, t) {
      const id = await networkOfferingOf(w, await domainTarget(w, c, t, false));
      return { params: { id }, effect: (data) => expect(ids(data.networkoffering)).toEqual([id]) };
    },
  },
  {
    command: 'updateNetworkOffering',
    grid: ROOT_ADMIN_ANY,
    async build(w, c, t) {
      const id = await networkOfferingOf(w, await domainTarget(w, c, t, false));
      const name = unique('renamed-');
      return {
        params: { id, name },
        effect: async () => expect((await networkOfferingRow(w, id)).name).toBe(name),
      };
    },
  },
  {
    command: 'deleteNetworkOffering',
    grid: ROOT_ADMIN_ANY,
    async build(w, c, t) {
      const id = await networkOfferingOf(w, await domainTarget(w, c, t, false));
      return { params: { id }, effect: async () => expect((await networkOfferingRow(w, id)).removed).not.toBeNull() };
    },
  },

  // Other areas' commands, when registered
  {
    command: 'login',
    grid: EVERYONE,
    async build(w, c) {
      const who = w.who[c];
      return {
        params: { username: who.caller.username, password: who.password, domainid: who.domain.uuid },
        effect: (data) => expect(typeof data.sessionkey).toBe('string'),
      };
    },
  },
  {
    command: 'logout',
    grid: EVERYONE,
    async build() {
      return { params: {} };
    },
  },
  {
    command: 'registerUserKeys',
    grid: OWNER_READ,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return {
        params: { id: a.userUuid },
        effect: async () => expect((await userRow(w, a.userUuid)).api_key).not.toBeNull(),
      };
    },
  },
  {
    command: 'getUserKeys',
    grid: KEYS_READ,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return { params: { id: a.userUuid } };
    },
  },
  {
    command: 'listEvents',
    grid: OWNER_READ,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      return { params: { account: a.name, domainid: a.domain.uuid } };
    },
  },
  {
    command: 'listAsyncJobs',
    grid: OWNER_READ,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      const job = await insertJob(w, a);
      return {
        params: { account: a.name, domainid: a.domain.uuid },
        effect: (data) => expect((data.asyncjobs ?? []).map((j: any) => j.jobid)).toContain(job),
      };
    },
  },
  {
    command: 'queryAsyncJobResult',
    grid: OWNER_READ,
    async build(w, c, t) {
      const a = await accountTarget(w, c, t);
      const job = await insertJob(w, a);
      return { params: { jobid: job }, effect: (data) => expect(data.jobid).toBe(job) };
    },
  },
  {
    command: 'listConfigurations',
    // Domain admins list the settings of their own domain (CloudStack), where no global-only setting is.
    grid: { root: 'A - - - -', da1: 'H - - - -', ua: 'D - - - -', ub: 'D - - - -', da2: 'H - - - -' },
    async build() {
      return { params: { name: 'session.timeout' }, effect: (data) => expect(data.count).toBeGreaterThan(0) };
    },
  },
  {
    command: 'updateConfiguration',
    grid: ROOT_ONLY,
    async build(w) {
      const value = String(2000 + (++counter % 1000));
      return {
        params: { name: 'alert.smtp.port', value },
        effect: async () =>
          expect(
            (
              await db(w)
                .selectFrom('configurations')
                .select('value')
                .where('name', '=', 'alert.smtp.port')
                .executeTakeFirstOrThrow()
            ).value,
          ).toBe(value),
      };
    },
  },
  {
    command: 'listApis',
    grid: EVERYONE,
    async build() {
      return { params: {}, effect: (data) => expect(data.count).toBeGreaterThan(0) };
    },
  },
];

/** Every row a refused call must leave alone. */
async function snapshot(w: World): Promise<string> {
  const d = db(w);
  const [domains, accounts, users, roles, rules, configurations, offerings, events] = await Promise.all([
    d.selectFrom('domains').selectAll().orderBy('id').execute(),
    d.selectFrom('accounts').selectAll().orderBy('id').execute(),
    d.selectFrom('users').selectAll().orderBy('id').execute(),
    d.selectFrom('roles').selectAll().orderBy('id').execute(),
    d.selectFrom('role_permissions').selectAll().orderBy('id').execute(),
    d.selectFrom('configurations').selectAll().orderBy('name').execute(),
    Promise.all([
      d.selectFrom('service_offerings').selectAll().orderBy('id').execute(),
      d.selectFrom('disk_offerings').selectAll().orderBy('id').execute(),
      d.selectFrom('service_offering_domains').selectAll().orderBy('offering_id').orderBy('domain_id').execute(),
      d.selectFrom('disk_offering_domains').selectAll().orderBy('offering_id').orderBy('domain_id').execute(),
      d.selectFrom('network_offerings').selectAll().orderBy('id').execute(),
      d.selectFrom('network_offering_services').selectAll().orderBy('offering_id').orderBy('service').execute(),
      d.selectFrom('network_offering_domains').selectAll().orderBy('offering_id').orderBy('domain_id').execute(),
    ]),
    d
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const text = JSON.stringify({
    domains,
    accounts,
    users,
    roles,
    rules,
    configurations,
    offerings,
    events: Number(events.n),
  });
  return crypto.createHash('sha256').update(text).digest('hex');
}

const REGISTERED = new Set(ALL_COMMANDS.map((c) => c.name.toLowerCase()));

const CALLER_LABEL: Record<CallerKey, string> = {
  root: 'root admin',
  da1: 'domain admin of D1',
  ua: 'user of D1/A',
  ub: 'user of D1/B',
  da2: 'domain admin of D2',
};

describe.each(dialects())('RBAC matrix (%s)', (dialect) => {
  let w: World;

  beforeAll(async () => {
    const tc = await startTestCore(dialect);
    const root = await domainRow(
      tc,
      (
        await tc.core.store.db
          .selectFrom('domains')
          .select('uuid')
          .where('parent_id', 'is', null)
          .executeTakeFirstOrThrow()
      ).uuid,
    );
    const d1 = await newDomain(tc, root);
    const d2 = await newDomain(tc, root);
    const c1 = await newDomain(tc, d1);
    const c2 = await newDomain(tc, d2);
    const partial = { tc, root, d1, c1, d2, c2 } as World;
    const person = async (name: string, domain: Dom, roleType: RoleType): Promise<Who> => {
      const a = await insertAccount(tc, { name, domainId: domain.id, roleType });
      return {
        caller: await callerOf(tc, a.userUuid),
        domain,
        accountName: name,
        accountUuid: a.accountUuid,
        userUuid: a.userUuid,
        password: 'Fixture-Passw0rd',
      };
    };
    const adminAccount = await tc.core.store.db
      .selectFrom('accounts')
      .select('uuid')
      .where('name', '=', 'admin')
      .executeTakeFirstOrThrow();
    partial.who = {
      root: {
        caller: tc.admin,
        domain: root,
        accountName: 'admin',
        accountUuid: adminAccount.uuid,
        userUuid: tc.admin.userUuid,
        password: ADMIN_PASSWORD,
      },
      da1: await person('da1', d1, 'DomainAdmin'),
      ua: await person('a', d1, 'User'),
      ub: await person('b', d1, 'User'),
      da2: await person('da2', d2, 'DomainAdmin'),
    };
    w = partial;
  }, 120_000);
  afterAll(async () => w?.tc.close());

  for (const spec of SPECS) {
    const registered = REGISTERED.has(spec.command.toLowerCase());
    describe(spec.command, () => {
      if (!registered) {
        it.skip(`${spec.command} is not registered in this build`, () => undefined);
        return;
      }
      for (const c of CALLERS) {
        for (const t of TARGETS) {
          const expected = outcome(spec.grid, c, t);
          if (expected === '-') continue;
          const verdict = { A: 'allowed', D: 'denied', H: 'hidden' }[expected];
          it(`${CALLER_LABEL[c]} -> ${t}: ${verdict}`, async () => {
            const kase = await spec.build(w, c, t);
            const caller = w.who[c].caller;
            const before = await snapshot(w);
            const r = await w.tc.call(spec.command, kase.params, caller);
            if (expected === 'D') {
              if (r.status === 200) throw new Error(`expected a refusal, got 200: ${JSON.stringify(r.body)}`);
              fails(r, r.status);
              expect(r.status).toBeGreaterThanOrEqual(400);
              expect(await snapshot(w)).toBe(before);
              return;
            }
            const data = ok(r);
            if (expected === 'H') {
              if (kase.hidden) kase.hidden(data);
              else expect(data).toEqual({});
              expect(await snapshot(w)).toBe(before);
              return;
            }
            if (spec.async) {
              const job = await w.tc.waitForJob(data.jobid, caller);
              if (job.jobstatus !== 1) throw new Error(`job failed: ${JSON.stringify(job)}`);
            }
            await kase.effect?.(data);
          });
        }
      }
    });
  }
});

/**
 * Custom roles: a role's rules decide which APIs open (first match wins), but never widen
 * ownership. Each row: the command, its parameters, and the expected answer.
 */
describe.each(dialects())('RBAC with custom roles (%s)', (dialect) => {
  let tc: TestCore;
  let w: { home: Dom; sibling: Dom; root: Dom; adminAccountUuid: string; userRoleUuid: string };

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const root = await domainRow(
      tc,
      (
        await tc.core.store.db
          .selectFrom('domains')
          .select('uuid')
          .where('parent_id', 'is', null)
          .executeTakeFirstOrThrow()
      ).uuid,
    );
    const adminAccount = await tc.core.store.db
      .selectFrom('accounts')
      .select('uuid')
      .where('name', '=', 'admin')
      .executeTakeFirstOrThrow();
    const userRole = await tc.core.store.db
      .selectFrom('roles')
      .select('uuid')
      .where('type', '=', 'User')
      .where('is_default', '=', 1)
      .executeTakeFirstOrThrow();
    w = {
      home: await newDomain(tc, root),
      sibling: await newDomain(tc, root),
      root,
      adminAccountUuid: adminAccount.uuid,
      userRoleUuid: userRole.uuid,
    };
  }, 120_000);
  afterAll(async () => tc?.close());

  async function callerWithRole(type: RoleType, rules: [string, 'allow' | 'deny'][], domain: Dom): Promise<Caller> {
    const role = ok(await tc.call('createRole', { name: unique('custom-'), type })).role;
    for (const [rule, permission] of rules)
      ok(await tc.call('createRolePermission', { roleid: role.id, rule, permission }));
    const roleRow = await tc.core.store.db
      .selectFrom('roles')
      .select('id')
      .where('uuid', '=', role.id)
      .executeTakeFirstOrThrow();
    const a = await insertAccount(tc, {
      name: unique('custom-'),
      domainId: domain.id,
      roleType: type,
      roleId: roleRow.id,
    });
    return callerOf(tc, a.userUuid);
  }

  async function expectRefused(
    caller: Caller,
    command: string,
    params: Record<string, string>,
    status: number,
  ): Promise<void> {
    const before = await tenancySnapshotOf(tc);
    fails(await tc.call(command, params, caller), status);
    expect(await tenancySnapshotOf(tc)).toBe(before);
  }

  it('a User-type role denying list* cannot listAccounts (nor other lists) but keeps the rest', async () => {
    const caller = await callerWithRole('User', [['list*', 'deny']], w.home);
    for (const command of ['listAccounts', 'listUsers', 'listDomains', 'listRoles'])
      await expectRefused(caller, command, {}, 432);
    ok(await tc.call('updateUser', { id: caller.userUuid, firstname: 'Still' }, caller));
  });

  it('a rule ordered before the deny wins: allow listUsers, deny list*', async () => {
    const caller = await callerWithRole(
      'User',
      [
        ['listUsers', 'allow'],
        ['list*', 'deny'],
      ],
      w.home,
    );
    expect(ok(await tc.call('listUsers', {}, caller)).user.map((u: any) => u.id)).toEqual([caller.userUuid]);
    await expectRefused(caller, 'listAccounts', {}, 432);
  });

  it('a User-type role allowed admin APIs still manages nothing outside its own account', async () => {
    const caller = await callerWithRole(
      'User',
      [
        ['createAccount', 'allow'],
        ['deleteAccount', 'allow'],
        ['createDomain', 'allow'],
        ['disableUser', 'allow'],
      ],
      w.home,
    );
    const neighbour = await insertAccount(tc, { name: unique('n-'), domainId: w.home.id });
    await expectRefused(
      caller,
      'createAccount',
      { username: 'x', password: 'X-pass1', firstname: 'a', lastname: 'b', email: 'a@b.co', accounttype: '0' },
      531,
    );
    await expectRefused(caller, 'createDomain', { name: 'x' }, 531);
    await expectRefused(caller, 'deleteAccount', { id: neighbour.accountUuid }, 531);
    await expectRefused(caller, 'deleteAccount', { id: caller.accountUuid }, 531);
    await expectRefused(caller, 'disableUser', { id: neighbour.userUuid }, 531);
  });

  it('a DomainAdmin-type role allowed Admin-only APIs is refused on ownership', async () => {
    const rules: [string, 'allow'][] = [
      'createRole',
      'createRolePermission',
      'deleteRolePermission',
      'deleteDomain',
      'createAccount',
      'updateAccount',
      'updateDomain',
    ].map((r) => [r, 'allow']);
    const caller = await callerWithRole('DomainAdmin', rules, w.home);
    const rootRules = ok(await tc.call('listRolePermissions', {})).rolepermission;
    const cases: [string, Record<string, string>][] = [
      ['createRole', { name: 'Mine', type: 'Admin' }],
      ['createRolePermission', { roleid: w.userRoleUuid, rule: '*', permission: 'allow' }],
      ['deleteRolePermission', { id: rootRules[0].id }],
      ['deleteDomain', { id: w.sibling.uuid }],
      ['deleteDomain', { id: w.root.uuid }],
      ['updateDomain', { id: w.root.uuid, networkdomain: 'evil.example' }],
      [
        'createAccount',
        { username: 'boss', password: 'Boss-pass1', firstname: 'a', lastname: 'b', email: 'b@c.de', accounttype: '1' },
      ],
      [
        'createAccount',
        {
          username: 'boss',
          password: 'Boss-pass1',
          firstname: 'a',
          lastname: 'b',
          email: 'b@c.de',
          accounttype: '0',
          domainid: w.sibling.uuid,
        },
      ],
      ['updateAccount', { id: w.adminAccountUuid, newname: 'owned' }],
    ];
    for (const [command, params] of cases) await expectRefused(caller, command, params, 531);
    // Inside its subtree the opened APIs work as for any domain admin.
    const child = ok(await tc.call('createDomain', { name: 'mine', parentdomainid: w.home.uuid }, caller)).domain;
    const job = ok(await tc.call('deleteDomain', { id: child.id }, caller));
    expect((await tc.waitForJob(job.jobid, caller)).jobstatus).toBe(1);
  });
});

async function tenancySnapshotOf(tc: TestCore): Promise<string> {
  return snapshot({ tc } as World);
}

/**
 * Custom roles on both sides of the line: a caller grants, assigns or acts on holders of only the
 * roles within its own rights (rules first-match, wildcards included, then declared role types).
 *
 *   callers: root admin (the "*" rule) | domain admin of D1 | an admin-type role denying createZone
 *   roles:   fewer    DomainAdmin: allow listUsers, deny *       (fewer rights than a domain admin)
 *            denying  DomainAdmin: deny createDomain             (denies something the caller has)
 *            listAll  DomainAdmin: allow list*                   (listConfigurations, listZones...)
 *            zone     DomainAdmin: allow createZone
 *            star     DomainAdmin: allow *
 *            userZone User: allow createZone
 *
 * Outcomes as above: A allowed (200 and the effect visible), D denied (531, nothing changed),
 * H hidden (200, not listed). Every target lives in D1 and is made fresh for each case.
 */
const CUSTOM_ROLES = ['fewer', 'denying', 'listAll', 'zone', 'star', 'userZone'] as const;
type CustomRoleKey = (typeof CUSTOM_ROLES)[number];
const RIGHTS_CALLERS = ['root', 'da1', 'radmin'] as const;
type RightsCallerKey = (typeof RIGHTS_CALLERS)[number];

//                                          fewer denying listAll zone star userZone
const WITHIN_RIGHTS: Record<RightsCallerKey, string> = {
  root: /*                              */ 'A     A       A       A    A    A',
  da1: /*                               */ 'A     A       D       D    D    D',
  radmin: /*                            */ 'A     A       A       D    D    D',
};
const ROLE_VISIBLE: Record<RightsCallerKey, string> = {
  root: /*                              */ 'A     A       A       A    A    A',
  da1: /*                               */ 'A     A       H       H    H    H',
  radmin: /*                            */ 'A     A       A       H    H    H',
};

const CUSTOM_RULES: Record<CustomRoleKey, { type: RoleType; rules: [string, 'allow' | 'deny'][] }> = {
  fewer: {
    type: 'DomainAdmin',
    rules: [
      ['listUsers', 'allow'],
      ['*', 'deny'],
    ],
  },
  denying: { type: 'DomainAdmin', rules: [['createDomain', 'deny']] },
  listAll: { type: 'DomainAdmin', rules: [['list*', 'allow']] },
  zone: { type: 'DomainAdmin', rules: [['createZone', 'allow']] },
  star: { type: 'DomainAdmin', rules: [['*', 'allow']] },
  userZone: { type: 'User', rules: [['createZone', 'allow']] },
};

interface RightsWorld {
  tc: TestCore;
  d1: Dom;
  callers: Record<RightsCallerKey, Caller>;
  roles: Record<CustomRoleKey, { id: number; uuid: string; type: RoleType }>;
}

interface RightsCase {
  params: Record<string, string>;
  effect?: (data: Record<string, any>) => Promise<void> | void;
}

interface RightsSpec {
  command: string;
  async?: boolean;
  grid: Record<RightsCallerKey, string>;
  build: (w: RightsWorld, role: RightsWorld['roles'][CustomRoleKey]) => Promise<RightsCase>;
}

async function holderOf(w: RightsWorld, role: RightsWorld['roles'][CustomRoleKey]) {
  const name = unique('holder-');
  const a = await insertAccount(w.tc, { name, domainId: w.d1.id, roleType: role.type, roleId: role.id });
  return { name, ...a };
}

const rowOf = (w: RightsWorld, table: 'accounts' | 'users', uuid: string) =>
  w.tc.core.store.db.selectFrom(table).selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();

const RIGHTS_SPECS: RightsSpec[] = [
  {
    command: 'createAccount',
    grid: WITHIN_RIGHTS,
    async build(w, role) {
      const username = unique('granted-');
      return {
        params: {
          username,
          password: 'Granted-pass1',
          firstname: 'G',
          lastname: 'R',
          email: 'g@example.com',
          roleid: role.uuid,
          domainid: w.d1.uuid,
        },
        effect: (data) => expect(data.account).toMatchObject({ name: username, roleid: role.uuid }),
      };
    },
  },
  {
    command: 'updateAccount',
    grid: WITHIN_RIGHTS,
    async build(w, role) {
      const a = await insertAccount(w.tc, { name: unique('moved-'), domainId: w.d1.id });
      return {
        params: { id: a.accountUuid, roleid: role.uuid },
        effect: async () => expect((await rowOf(w, 'accounts', a.accountUuid)).role_id).toBe(role.id),
      };
    },
  },
  {
    command: 'updateAccount',
    grid: WITHIN_RIGHTS,
    async build(w, role) {
      const h = await holderOf(w, role);
      const newname = unique('renamed-');
      return {
        params: { id: h.accountUuid, newname },
        effect: async () => expect((await rowOf(w, 'accounts', h.accountUuid)).name).toBe(newname),
      };
    },
  },
  {
    command: 'registerUserKeys',
    grid: WITHIN_RIGHTS,
    async build(w, role) {
      const h = await holderOf(w, role);
      return {
        params: { id: h.userUuid },
        effect: async () => expect((await rowOf(w, 'users', h.userUuid)).api_key).not.toBeNull(),
      };
    },
  },
  {
    command: 'updateUser',
    grid: WITHIN_RIGHTS,
    async build(w, role) {
      const h = await holderOf(w, role);
      const before = (await rowOf(w, 'users', h.userUuid)).password_hash;
      return {
        params: { id: h.userUuid, password: 'Reset-pass-1' },
        effect: async () => expect((await rowOf(w, 'users', h.userUuid)).password_hash).not.toBe(before),
      };
    },
  },
  {
    command: 'lockUser',
    grid: WITHIN_RIGHTS,
    async build(w, role) {
      const h = await holderOf(w, role);
      return {
        params: { id: h.userUuid },
        effect: async () => expect((await rowOf(w, 'users', h.userUuid)).state).toBe('locked'),
      };
    },
  },
  {
    command: 'disableAccount',
    async: true,
    grid: WITHIN_RIGHTS,
    async build(w, role) {
      const h = await holderOf(w, role);
      return {
        params: { id: h.accountUuid, lock: 'false' },
        effect: async () => expect((await rowOf(w, 'accounts', h.accountUuid)).state).toBe('disabled'),
      };
    },
  },
  {
    command: 'deleteUser',
    grid: WITHIN_RIGHTS,
    async build(w, role) {
      const h = await holderOf(w, role);
      return {
        params: { id: h.userUuid },
        effect: async () => expect((await rowOf(w, 'users', h.userUuid)).removed).not.toBeNull(),
      };
    },
  },
  {
    command: 'listRoles',
    grid: ROLE_VISIBLE,
    async build(_w, role) {
      return { params: { id: role.uuid }, effect: (data) => expect(ids(data.role)).toEqual([role.uuid]) };
    },
  },
];

const RIGHTS_CALLER_LABEL: Record<RightsCallerKey, string> = {
  root: 'root admin',
  da1: 'domain admin of D1',
  radmin: 'admin-type role denying createZone',
};

describe.each(dialects())('RBAC matrix with custom roles on both sides of the line (%s)', (dialect) => {
  let w: RightsWorld;

  beforeAll(async () => {
    const tc = await startTestCore(dialect);
    const rootUuid = (
      await tc.core.store.db
        .selectFrom('domains')
        .select('uuid')
        .where('parent_id', 'is', null)
        .executeTakeFirstOrThrow()
    ).uuid;
    const root = await domainRow(tc, rootUuid);
    const d1 = await newDomain(tc, root);
    const makeRole = async (type: RoleType, rules: [string, 'allow' | 'deny'][]) => {
      const uuid = ok(await tc.call('createRole', { name: unique('rights-'), type })).role.id as string;
      for (const [rule, permission] of rules)
        ok(await tc.call('createRolePermission', { roleid: uuid, rule, permission }));
      const row = await tc.core.store.db
        .selectFrom('roles')
        .select('id')
        .where('uuid', '=', uuid)
        .executeTakeFirstOrThrow();
      return { id: row.id, uuid, type };
    };
    const roles = {} as RightsWorld['roles'];
    for (const key of CUSTOM_ROLES) roles[key] = await makeRole(CUSTOM_RULES[key].type, CUSTOM_RULES[key].rules);
    const da1 = await insertAccount(tc, { name: 'rights-da1', domainId: d1.id, roleType: 'DomainAdmin' });
    const restricted = await makeRole('Admin', [['createZone', 'deny']]);
    const radmin = await insertAccount(tc, {
      name: 'rights-radmin',
      domainId: root.id,
      roleType: 'Admin',
      roleId: restricted.id,
    });
    w = {
      tc,
      d1,
      roles,
      callers: { root: tc.admin, da1: await callerOf(tc, da1.userUuid), radmin: await callerOf(tc, radmin.userUuid) },
    };
  }, 120_000);
  afterAll(async () => w?.tc.close());

  for (const [index, spec] of RIGHTS_SPECS.entries()) {
    describe(`${spec.command} #${index + 1}`, () => {
      for (const c of RIGHTS_CALLERS) {
        const cells = spec.grid[c].split(/\s+/);
        for (const [i, key] of CUSTOM_ROLES.entries()) {
          const expected = cells[i] as Outcome;
          const verdict = { A: 'allowed', D: 'denied', H: 'hidden', '-': 'n/a' }[expected];
          it(`${RIGHTS_CALLER_LABEL[c]} -> role ${key}: ${verdict}`, async () => {
            const role = w.roles[key];
            const kase = await spec.build(w, role);
            const caller = w.callers[c];
            const before = await tenancySnapshotOf(w.tc);
            const r = await w.tc.call(spec.command, kase.params, caller);
            if (expected === 'D') {
              fails(r, 531, /role/);
              expect(await tenancySnapshotOf(w.tc)).toBe(before);
              return;
            }
            const data = ok(r);
            if (expected === 'H') {
              expect(data).toEqual({});
              return;
            }
            if (spec.async) {
              const job = await w.tc.waitForJob(data.jobid, caller);
              if (job.jobstatus !== 1) throw new Error(`job failed: ${JSON.stringify(job)}`);
            }
            await kase.effect?.(data);
          });
        }
      }
    });
  }
});
