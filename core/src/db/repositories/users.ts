import type { NewUser, UserRow } from '../schema';
import { SYSTEM_ACCOUNT_NAME, type AccountScope } from './accounts';
import type { Db } from './domains';
import { equalsIgnoreCase, ilike, type PageWindow } from '../query-helpers';
import { orderedBy, pageOfList, type ListOrder } from '../list-page';

/** A user without its secrets (password hash, API keys), with its account, domain and role. */
export interface UserView {
  id: number;
  uuid: string;
  username: string;
  firstname: string;
  lastname: string;
  email: string | null;
  timezone: string | null;
  state: string;
  is_default: number;
  created: string;
  removed: string | null;
  account_id: number;
  account_uuid: string;
  account_name: string;
  account_type: number;
  account_state: string;
  account_is_default: number;
  domain_id: number;
  domain_uuid: string;
  domain_name: string;
  domain_path: string;
  domain_id_path: string;
  role_id: number;
  role_uuid: string;
  role_name: string;
  role_type: string;
}

/** What a user response shows: the user's own columns, without secrets. */
export interface UserRowPublic {
  id: number;
  uuid: string;
  account_id: number;
  username: string;
  firstname: string;
  lastname: string;
  email: string | null;
  timezone: string | null;
  state: string;
  is_default: number;
  created: string;
}

/** A list row: the public user columns plus the names of its account, domain and role. */
export type UserListRow = UserRowPublic &
  Pick<
    UserView,
    | 'account_uuid'
    | 'account_name'
    | 'account_type'
    | 'domain_id'
    | 'domain_uuid'
    | 'domain_name'
    | 'domain_path'
    | 'role_uuid'
    | 'role_name'
    | 'role_type'
  >;

export interface UserFilter {
  scope: AccountScope;
  id?: number;
  username?: string;
  accountType?: number;
  state?: string;
  /** A LIKE pattern from likePattern(). */
  keyword?: string;
}

const userColumns = [
  'u.id',
  'u.uuid',
  'u.username',
  'u.firstname',
  'u.lastname',
  'u.email',
  'u.timezone',
  'u.state',
  'u.is_default',
  'u.created',
  'u.removed',
  'a.id as account_id',
  'a.uuid as account_uuid',
  'a.name as account_name',
  'a.type as account_type',
  'a.state as account_state',
  'a.is_default as account_is_default',
  'd.id as domain_id',
  'd.uuid as domain_uuid',
  'd.name as domain_name',
  'd.path as domain_path',
  'd.id_path as domain_id_path',
  'r.id as role_id',
  'r.uuid as role_uuid',
  'r.name as role_name',
  'r.type as role_type',
] as const;

const publicColumns = [
  'u.id',
  'u.uuid',
  'u.account_id',
  'u.username',
  'u.firstname',
  'u.lastname',
  'u.email',
  'u.timezone',
  'u.state',
  'u.is_default',
  'u.created',
] as const;

const listColumns = [
  ...publicColumns,
  'a.uuid as account_uuid',
  'a.name as account_name',
  'a.type as account_type',
  'a.domain_id as domain_id',
  'd.uuid as domain_uuid',
  'd.name as domain_name',
  'd.path as domain_path',
  'r.uuid as role_uuid',
  'r.name as role_name',
  'r.type as role_type',
] as const;

function joined(db: Db) {
  return db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .innerJoin('domains as d', 'd.id', 'a.domain_id');
}

export function findUserView(
  db: Db,
  by: { id: number } | { uuid: string },
  options: { includeRemoved?: boolean } = {},
): Promise<UserView | undefined> {
  let q = joined(db).innerJoin('roles as r', 'r.id', 'a.role_id').select(userColumns);
  q = 'id' in by ? q.where('u.id', '=', by.id) : q.where('u.uuid', '=', by.uuid);
  if (!options.includeRemoved) q = q.where('u.removed', 'is', null);
  return q.executeTakeFirst();
}

/** Live users of the given accounts, in id order: the user columns only (the caller has the accounts). */
export function listUsersOfAccounts(db: Db, accountIds: number[]): Promise<UserRowPublic[]> {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users as u')
    .select(publicColumns)
    .where('u.account_id', 'in', accountIds)
    .where('u.removed', 'is', null)
    .orderBy('u.id')
    .execute();
}

/** Usernames are unique per domain (case-insensitive) among live users. */
export async function usernameTaken(
  db: Db,
  domainId: number,
  username: string,
  exceptUserId?: number,
): Promise<boolean> {
  let q = db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .select('u.id')
    .where('a.domain_id', '=', domainId)
    .where('u.removed', 'is', null)
    .where(equalsIgnoreCase('u.username', username));
  if (exceptUserId !== undefined) q = q.where('u.id', '!=', exceptUserId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertUser(db: Db, values: NewUser): Promise<number> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(
  db: Db,
  id: number,
  set: Partial<
    Pick<
      UserRow,
      | 'username'
      | 'firstname'
      | 'lastname'
      | 'email'
      | 'timezone'
      | 'state'
      | 'password_hash'
      | 'incorrect_login_attempts'
    >
  >,
): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('users').set(set).where('id', '=', id).execute();
}

/** Soft-deletes users and drops their API keys so the keys can never authenticate again. */
export async function markUsersRemoved(db: Db, ids: number[], removed: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('users')
    .set({ removed, api_key: null, secret_key: null })
    .where('id', 'in', ids)
    .where('removed', 'is', null)
    .execute();
}

export async function liveUserIdsOfAccount(db: Db, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('account_id', '=', accountId)
    .where('removed', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

export async function countEnabledUsers(db: Db, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('removed', 'is', null)
    .where('state', '=', 'enabled')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The live (not removed) user of that name in the ROOT domain, with its password hash. */
export async function findRootDomainUser(
  db: Db,
  username: string,
): Promise<{ id: number; passwordHash: string } | undefined> {
  return db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .innerJoin('domains', 'domains.id', 'accounts.domain_id')
    .select(['users.id as id', 'users.password_hash as passwordHash'])
    .where('users.username', '=', username)
    .where('users.removed', 'is', null)
    .where('accounts.removed', 'is', null)
    .where('domains.parent_id', 'is', null)
    .executeTakeFirst();
}

export function findPasswordHash(db: Db, userId: number): Promise<{ password_hash: string } | undefined> {
  return db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
}

/**
 * The filtered users, from the users table alone: account conditions are id subqueries, so the
 * page of ids walks the primary key and a deep page costs an index scan, not a join per row.
 * Users of removed accounts are removed with them, so `u.removed` alone tells a live user.
 */
function filtered(db: Db, filter: UserFilter) {
  let q = db
    .selectFrom('users as u')
    .where('u.removed', 'is', null)
    .where('u.account_id', 'not in', (eb) =>
      eb
        .selectFrom('accounts')
        .select('accounts.id')
        .where('is_default', '=', 1)
        .where('name', '=', SYSTEM_ACCOUNT_NAME),
    );
  const { scope } = filter;
  if (scope.kind === 'account') q = q.where('u.account_id', '=', scope.accountId);
  if (scope.kind === 'domain') {
    q = q.where('u.account_id', 'in', (eb) => {
      const accounts = eb.selectFrom('accounts').select('accounts.id');
      return scope.recursive
        ? accounts.where('accounts.domain_id', 'in', (eb2) =>
            eb2.selectFrom('domains').select('domains.id').where('domains.id_path', 'like', `${scope.idPath}%`),
          )
        : accounts.where('accounts.domain_id', '=', scope.domainId);
    });
  }
  if (filter.id !== undefined) q = q.where('u.id', '=', filter.id);
  if (filter.username !== undefined) q = q.where(equalsIgnoreCase('u.username', filter.username));
  if (filter.accountType !== undefined) {
    const type = filter.accountType;
    q = q.where('u.account_id', 'in', (eb) =>
      eb.selectFrom('accounts').select('accounts.id').where('accounts.type', '=', type),
    );
  }
  if (filter.state !== undefined) q = q.where('u.state', '=', filter.state);
  if (filter.keyword !== undefined) {
    const pattern = filter.keyword;
    q = q.where((eb) =>
      eb.or([
        ilike('u.username', pattern),
        ilike('u.firstname', pattern),
        ilike('u.lastname', pattern),
        ilike('u.email', pattern),
      ]),
    );
  }
  return q;
}

/** The users list's usual order: by id. */
export const USERS_BY_ID: ListOrder = { id: 'u.id', direction: 'asc' };

/** One page of users with account, domain and role names in one query, plus the total from a COUNT. */
export async function listUsers(
  db: Db,
  filter: UserFilter,
  page?: PageWindow,
  order: ListOrder = USERS_BY_ID,
): Promise<{ rows: UserListRow[]; count: number }> {
  const ids = await pageOfList(db, filtered(db, filter).select('u.id'), order, page);
  const q = orderedBy(
    joined(db).innerJoin('roles as r', 'r.id', 'a.role_id').select(listColumns).where(ids.where('u.id')),
    order,
  );
  if (!page || ids.known) {
    const rows = await q.execute();
    return { rows, count: ids.known?.count ?? rows.length };
  }
  // On PostgreSQL the page and the count run on two pooled connections at once.
  const [rows, counted] = await Promise.all([
    q.execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, count: Number(counted.n) };
}
