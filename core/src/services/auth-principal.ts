import type { Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled-once';
import type { Database } from '../db/schema';
import { ROLE_TYPES, roleTypeForAccountType, type RoleType } from '../domain/roles';
import type { Caller } from './caller';

/** A user with its account, domain and role, as authentication needs them. */
export interface Principal {
  userId: number;
  userUuid: string;
  username: string;
  userState: string;
  firstname: string;
  lastname: string;
  timezone: string | null;
  passwordHash: string;
  attempts: number;
  apiKey: string | null;
  secretKey: string | null;
  accountId: number;
  accountUuid: string;
  accountName: string;
  accountType: number;
  accountState: string;
  domainId: number;
  domainUuid: string;
  domainIdPath: string;
  domainPath: string;
  roleId: number;
  roleType: string;
}

export type PrincipalKey = { userId: number } | { username: string; domainId: number } | { apiKey: string };

function principals(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .innerJoin('domains', 'domains.id', 'accounts.domain_id')
    .innerJoin('roles', 'roles.id', 'accounts.role_id')
    .select([
      'users.id as userId',
      'users.uuid as userUuid',
      'users.username as username',
      'users.state as userState',
      'users.firstname as firstname',
      'users.lastname as lastname',
      'users.timezone as timezone',
      'users.password_hash as passwordHash',
      'users.incorrect_login_attempts as attempts',
      'users.api_key as apiKey',
      'users.secret_key as secretKey',
      'accounts.id as accountId',
      'accounts.uuid as accountUuid',
      'accounts.name as accountName',
      'accounts.type as accountType',
      'accounts.state as accountState',
      'domains.id as domainId',
      'domains.uuid as domainUuid',
      'domains.id_path as domainIdPath',
      'domains.path as domainPath',
      'roles.id as roleId',
      'roles.type as roleType',
    ])
    .where('users.removed', 'is', null)
    .where('accounts.removed', 'is', null);
}

// Compiled once each: every signed API request looks its caller up by key.
const byUserId = compiledOnce((db: Kysely<Database>, userId: number) => principals(db).where('users.id', '=', userId));
const byApiKey = compiledOnce((db: Kysely<Database>, apiKey: string) =>
  principals(db).where('users.api_key', '=', apiKey),
);
const byUsername = compiledOnce((db: Kysely<Database>, username: string, domainId: number) =>
  principals(db).where('users.username', '=', username).where('accounts.domain_id', '=', domainId),
);

/** A live user (not removed, nor its account) by id, by username in a domain, or by API key. */
export async function findPrincipal(db: Kysely<Database>, by: PrincipalKey): Promise<Principal | undefined> {
  const rows =
    'userId' in by
      ? await byUserId(db, by.userId)
      : 'apiKey' in by
        ? await byApiKey(db, by.apiKey)
        : await byUsername(db, by.username, by.domainId);
  return rows[0];
}

/** The bootstrap system user never logs in (CloudStack refuses UID_SYSTEM). */
export function isSystemUser(p: Principal): boolean {
  return (
    p.username === 'system' && p.accountName === 'system' && p.domainIdPath.split('/').filter(Boolean).length === 1
  );
}

export function toCaller(p: Principal, via: Caller['via']): Caller {
  const roleType: RoleType = (ROLE_TYPES as readonly string[]).includes(p.roleType)
    ? (p.roleType as RoleType)
    : (roleTypeForAccountType(p.accountType) ?? 'User');
  return {
    userId: p.userId,
    userUuid: p.userUuid,
    username: p.username,
    accountId: p.accountId,
    accountUuid: p.accountUuid,
    accountName: p.accountName,
    accountType: p.accountType,
    domainId: p.domainId,
    domainUuid: p.domainUuid,
    domainIdPath: p.domainIdPath,
    domainPath: p.domainPath,
    roleId: p.roleId,
    roleType,
    via,
  };
}
