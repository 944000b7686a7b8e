import crypto from 'node:crypto';
import type { Core } from '../src/core';
import { ACCOUNT_TYPE, type RoleType } from '../src/domain/roles';
import { nowIso } from '../src/domain/time';

/**
 * Test inventory written straight into the database (no tenancy commands needed), so the auth
 * and server tests only depend on the schema.
 */
export interface FixtureDomain {
  id: number;
  uuid: string;
  path: string;
  idPath: string;
}

export interface FixtureUser {
  userId: number;
  userUuid: string;
  username: string;
  password: string;
  accountId: number;
  accountUuid: string;
  accountName: string;
  domainId: number;
}

export async function rootDomain(core: Core): Promise<FixtureDomain> {
  const d = await core.store.db
    .selectFrom('domains')
    .selectAll()
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return { id: d.id, uuid: d.uuid, path: d.path, idPath: d.id_path };
}

export async function addDomain(core: Core, name: string, parent?: FixtureDomain): Promise<FixtureDomain> {
  const p = parent ?? (await rootDomain(core));
  const db = core.store.db;
  const uuid = crypto.randomUUID();
  const row = await db
    .insertInto('domains')
    .values({
      uuid,
      name,
      parent_id: p.id,
      id_path: '/',
      path: `${p.path}/${name}`,
      level: p.path.split('/').length,
      network_domain: null,
      state: 'Active',
      created: nowIso(),
      removed: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const idPath = `${p.idPath}${row.id}/`;
  await db.updateTable('domains').set({ id_path: idPath }).where('id', '=', row.id).execute();
  return { id: row.id, uuid, path: `${p.path}/${name}`, idPath };
}

export async function addUser(
  core: Core,
  options: {
    username: string;
    password?: string;
    role?: RoleType;
    domain?: FixtureDomain;
    accountName?: string;
    state?: string;
    accountState?: string;
  },
): Promise<FixtureUser> {
  const db = core.store.db;
  const role = options.role ?? 'User';
  const domain = options.domain ?? (await rootDomain(core));
  const password = options.password ?? `${options.username}-Passw0rd`;
  const roleRow = await db
    .selectFrom('roles')
    .select('id')
    .where('type', '=', role)
    .where('is_default', '=', 1)
    .executeTakeFirstOrThrow();
  const accountName = options.accountName ?? options.username;
  let account = await db
    .selectFrom('accounts')
    .select(['id', 'uuid'])
    .where('name', '=', accountName)
    .where('domain_id', '=', domain.id)
    .executeTakeFirst();
  if (!account) {
    const uuid = crypto.randomUUID();
    const row = await db
      .insertInto('accounts')
      .values({
        uuid,
        name: accountName,
        domain_id: domain.id,
        type: ACCOUNT_TYPE[role],
        role_id: roleRow.id,
        state: options.accountState ?? 'enabled',
        network_domain: null,
        is_default: 0,
        created: nowIso(),
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    account = { id: row.id, uuid };
  }
  const userUuid = crypto.randomUUID();
  const user = await db
    .insertInto('users')
    .values({
      uuid: userUuid,
      account_id: account.id,
      username: options.username,
      password_hash: await core.auth.hashPassword(password),
      firstname: options.username,
      lastname: 'Tester',
      email: null,
      timezone: null,
      state: options.state ?? 'enabled',
      api_key: null,
      secret_key: null,
      is_default: 0,
      incorrect_login_attempts: 0,
      created: nowIso(),
      removed: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    userUuid,
    username: options.username,
    password,
    accountId: account.id,
    accountUuid: account.uuid,
    accountName,
    domainId: domain.id,
  };
}
