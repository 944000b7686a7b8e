import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ACCOUNT_TYPE, type RoleType } from '../domain/roles';
import { nowIso } from '../domain/time';
import { withClusterLock } from './cluster-identity';
import type { CoreServices } from './core-services';

/** CloudStack's built-in roles. Root Admin holds the "*" rule; the others follow command declarations. */
export const DEFAULT_ROLES: { name: string; type: RoleType; description: string }[] = [
  { name: 'Root Admin', type: 'Admin', description: 'Default root admin role' },
  { name: 'Resource Admin', type: 'ResourceAdmin', description: 'Default resource admin role' },
  { name: 'Domain Admin', type: 'DomainAdmin', description: 'Default domain admin role' },
  { name: 'User', type: 'User', description: 'Default user role' },
];

export function generatePassword(): string {
  return crypto.randomBytes(18).toString('base64url');
}

type Db = Kysely<Database>;

async function insertRootDomain(trx: Db, now: string): Promise<number> {
  const root = await trx
    .insertInto('domains')
    .values({
      uuid: crypto.randomUUID(),
      name: 'ROOT',
      parent_id: null,
      id_path: '/',
      path: 'ROOT',
      level: 0,
      network_domain: null,
      state: 'Active',
      created: now,
      removed: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('domains')
    .set({ id_path: `/${root.id}/` })
    .where('id', '=', root.id)
    .execute();
  return root.id;
}

/** The default roles, Root Admin allowed every API; returns the role ids by type. */
async function insertDefaultRoles(trx: Db, now: string): Promise<Map<RoleType, number>> {
  const roleIds = new Map<RoleType, number>();
  for (const role of DEFAULT_ROLES) {
    const row = await trx
      .insertInto('roles')
      .values({
        uuid: crypto.randomUUID(),
        name: role.name,
        type: role.type,
        description: role.description,
        is_default: 1,
        created: now,
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    roleIds.set(role.type, row.id);
  }
  await trx
    .insertInto('role_permissions')
    .values({
      uuid: crypto.randomUUID(),
      role_id: roleIds.get('Admin') as number,
      rule: '*',
      permission: 'allow',
      description: 'Root admin may call every API',
      sort_order: 0,
    })
    .execute();
  return roleIds;
}

/** The system account (its user disabled, with an unusable password) and the admin account. */
async function insertDefaultAccounts(
  trx: Db,
  domainId: number,
  adminRoleId: number,
  hashes: { admin: string; unusable: string },
  now: string,
): Promise<void> {
  for (const [accountName, username, hash, state] of [
    ['system', 'system', hashes.unusable, 'disabled'],
    ['admin', 'admin', hashes.admin, 'enabled'],
  ] as const) {
    const account = await trx
      .insertInto('accounts')
      .values({
        uuid: crypto.randomUUID(),
        name: accountName,
        domain_id: domainId,
        type: ACCOUNT_TYPE.Admin,
        role_id: adminRoleId,
        state: 'enabled',
        network_domain: null,
        is_default: 1,
        created: now,
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('users')
      .values({
        uuid: crypto.randomUUID(),
        account_id: account.id,
        username,
        password_hash: hash,
        firstname: accountName,
        lastname: accountName === 'admin' ? 'cloud' : 'system',
        email: null,
        timezone: null,
        state,
        api_key: null,
        secret_key: null,
        is_default: 1,
        incorrect_login_attempts: 0,
        created: now,
        removed: null,
      })
      .execute();
  }
}

const hasRootDomain = (db: Db) =>
  db
    .selectFrom('domains')
    .select('id')
    .where('parent_id', 'is', null)
    .executeTakeFirst()
    .then((row) => row !== undefined);

/**
 * First start: the ROOT domain, the default roles, the system account and the admin account.
 * Does nothing on later starts. No default password: it comes from the caller or is generated.
 * Runs under the cluster's set-up lock: of servers starting together on an empty database, one
 * sets up and the others wait, then find it done.
 */
export async function bootstrapInventory(
  services: Pick<CoreServices, 'store' | 'auth'>,
  options: { adminPassword?: string },
): Promise<{ generatedAdminPassword?: string }> {
  const { store } = services;
  if (await hasRootDomain(store.db)) return {};

  // Hashing is slow: done before taking the lock, and wasted only by a server that loses the race.
  const adminPassword = options.adminPassword ?? generatePassword();
  const adminHash = await services.auth.hashPassword(adminPassword);
  const unusableHash = await services.auth.hashPassword(crypto.randomBytes(32).toString('hex'));
  const now = nowIso();

  const created = await withClusterLock(store, async (trx) => {
    if (await hasRootDomain(trx)) return false;
    const rootId = await insertRootDomain(trx, now);
    const roleIds = await insertDefaultRoles(trx, now);
    await insertDefaultAccounts(
      trx,
      rootId,
      roleIds.get('Admin') as number,
      { admin: adminHash, unusable: unusableHash },
      now,
    );
    return true;
  });
  return created && !options.adminPassword ? { generatedAdminPassword: adminPassword } : {};
}
