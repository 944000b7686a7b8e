import crypto from 'node:crypto';
import { expect } from 'vitest';
import { ACCOUNT_TYPE, type RoleType } from '../../src/domain/roles';
import { nowIso } from '../../src/domain/time';
import type { Caller } from '../../src/services/caller';
import type { TestCore } from '../harness';

/** Asserts a 200 answer and returns the body below `<command>response`. */
export function ok(r: { status: number; data: Record<string, any>; body: unknown }): Record<string, any> {
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.data;
}

/** Asserts a CloudStack error with the given HTTP status (errorcode in the body matches). */
export function fails(
  r: { status: number; data: Record<string, any>; body: unknown },
  status: number,
  text?: RegExp,
): Record<string, any> {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  expect(r.data.errorcode).toBe(status);
  expect(typeof r.data.cserrorcode).toBe('number');
  expect(typeof r.data.errortext).toBe('string');
  if (text) expect(r.data.errortext).toMatch(text);
  return r.data;
}

/** Calls an async command and waits for its job; returns the finished job (jobstatus 1 or 2). */
export async function runAsync(
  tc: TestCore,
  command: string,
  params: Record<string, string>,
  caller: Caller = tc.admin,
): Promise<Record<string, any>> {
  const r = await tc.call(command, params, caller);
  const data = ok(r);
  expect(typeof data.jobid).toBe('string');
  return tc.waitForJob(data.jobid, caller);
}

export async function rootDomainUuid(tc: TestCore): Promise<string> {
  const root = await tc.core.store.db
    .selectFrom('domains')
    .select('uuid')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return root.uuid;
}

export async function createDomain(
  tc: TestCore,
  name: string,
  parentdomainid?: string,
  caller: Caller = tc.admin,
): Promise<Record<string, any>> {
  const data = ok(await tc.call('createDomain', { name, ...(parentdomainid ? { parentdomainid } : {}) }, caller));
  return data.domain;
}

export async function createAccount(
  tc: TestCore,
  options: {
    username: string;
    domainid?: string;
    accounttype?: number;
    roleid?: string;
    password?: string;
    account?: string;
  },
  caller: Caller = tc.admin,
): Promise<Record<string, any>> {
  const data = ok(
    await tc.call(
      'createAccount',
      {
        username: options.username,
        password: options.password ?? `${options.username}-Passw0rd`,
        firstname: 'First',
        lastname: 'Last',
        email: `${options.username}@example.com`,
        ...(options.account ? { account: options.account } : {}),
        ...(options.domainid ? { domainid: options.domainid } : {}),
        ...(options.roleid
          ? { roleid: options.roleid }
          : { accounttype: String(options.accounttype ?? ACCOUNT_TYPE.User) }),
      },
      caller,
    ),
  );
  return data.account;
}

/** The caller of a user, by user uuid. */
export async function callerOf(tc: TestCore, userUuid: string): Promise<Caller> {
  const row = await tc.core.store.db
    .selectFrom('users')
    .select('id')
    .where('uuid', '=', userUuid)
    .executeTakeFirstOrThrow();
  const caller = await tc.core.auth.callerForUser(row.id, 'session');
  if (!caller) throw new Error(`no caller for user ${userUuid}`);
  return caller;
}

let cachedHash: Promise<string> | undefined;

/**
 * Inserts an account with one user straight into the database (one password hash for all), for
 * tests that need many owners quickly.
 */
export async function insertAccount(
  tc: TestCore,
  options: { name: string; domainId: number; roleType?: RoleType; roleId?: number; state?: string },
): Promise<{ accountId: number; accountUuid: string; userId: number; userUuid: string }> {
  const db = tc.core.store.db;
  cachedHash ??= tc.core.auth.hashPassword('Fixture-Passw0rd');
  const hash = await cachedHash;
  const roleType = options.roleType ?? 'User';
  const roleId =
    options.roleId ??
    (
      await db
        .selectFrom('roles')
        .select('id')
        .where('type', '=', roleType)
        .where('is_default', '=', 1)
        .executeTakeFirstOrThrow()
    ).id;
  const now = nowIso();
  const accountUuid = crypto.randomUUID();
  const userUuid = crypto.randomUUID();
  const account = await db
    .insertInto('accounts')
    .values({
      uuid: accountUuid,
      name: options.name,
      domain_id: options.domainId,
      type: ACCOUNT_TYPE[roleType],
      role_id: roleId,
      state: options.state ?? 'enabled',
      network_domain: null,
      is_default: 0,
      created: now,
      removed: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({
      uuid: userUuid,
      account_id: account.id,
      username: options.name,
      password_hash: hash,
      firstname: 'F',
      lastname: 'L',
      email: null,
      timezone: null,
      state: 'enabled',
      api_key: null,
      secret_key: null,
      is_default: 0,
      incorrect_login_attempts: 0,
      created: now,
      removed: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { accountId: account.id, accountUuid, userId: user.id, userUuid };
}

/** Every row of the tenancy tables (and the number of events), to prove a refused call changed nothing. */
export async function tenancySnapshot(tc: TestCore): Promise<string> {
  const db = tc.core.store.db;
  const [domains, accounts, users, roles, rules, events] = await Promise.all([
    db.selectFrom('domains').selectAll().orderBy('id').execute(),
    db.selectFrom('accounts').selectAll().orderBy('id').execute(),
    db.selectFrom('users').selectAll().orderBy('id').execute(),
    db.selectFrom('roles').selectAll().orderBy('id').execute(),
    db.selectFrom('role_permissions').selectAll().orderBy('id').execute(),
    db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ domains, accounts, users, roles, rules, events: Number(events.n) });
}

export async function sessionCount(tc: TestCore, userUuid: string): Promise<number> {
  const row = await tc.core.store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('users.uuid', '=', userUuid)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function eventsOfType(tc: TestCore, type: string, resourceId?: string): Promise<number> {
  let q = tc.core.store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', type);
  if (resourceId) q = q.where('resource_id', '=', resourceId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
