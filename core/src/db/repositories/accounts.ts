import type { AccountRow, NewAccount } from '../schema';
import type { Db } from './domains';
import { equalsIgnoreCase, ilike, matchingCount, type PageWindow } from '../query-helpers';
import { orderedBy, type ListOrder } from '../list-page';

/** An account with its domain and role, as CloudStack's account response needs them. */
export interface AccountView extends AccountRow {
  domain_uuid: string;
  domain_name: string;
  domain_path: string;
  domain_id_path: string;
  role_uuid: string;
  role_name: string;
  role_type: string;
}

/** Owners a list may show: everything, a domain (optionally its subtree) or one account. */
export type AccountScope =
  | { kind: 'all' }
  | { kind: 'domain'; domainId: number; idPath: string; recursive: boolean }
  | { kind: 'account'; accountId: number };

export interface AccountFilter {
  scope: AccountScope;
  id?: number;
  name?: string;
  type?: number;
  roleId?: number;
  state?: string;
  /** A LIKE pattern from likePattern(). */
  keyword?: string;
}

/** The built-in system account is never listed nor operated on through the API. */
export const SYSTEM_ACCOUNT_NAME = 'system';

const accountColumns = [
  'a.id',
  'a.uuid',
  'a.name',
  'a.domain_id',
  'a.type',
  'a.role_id',
  'a.state',
  'a.network_domain',
  'a.is_default',
  'a.created',
  'a.removed',
] as const;

function viewQuery(db: Db) {
  return db
    .selectFrom('accounts as a')
    .innerJoin('domains as d', 'd.id', 'a.domain_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .select(accountColumns)
    .select([
      'd.uuid as domain_uuid',
      'd.name as domain_name',
      'd.path as domain_path',
      'd.id_path as domain_id_path',
      'r.uuid as role_uuid',
      'r.name as role_name',
      'r.type as role_type',
    ]);
}

export function isSystemAccount(account: Pick<AccountRow, 'name' | 'is_default'>): boolean {
  return account.is_default === 1 && account.name === SYSTEM_ACCOUNT_NAME;
}

export function findAccountView(
  db: Db,
  by: { id: number } | { uuid: string },
  options: { includeRemoved?: boolean } = {},
): Promise<AccountView | undefined> {
  let q = viewQuery(db);
  q = 'id' in by ? q.where('a.id', '=', by.id) : q.where('a.uuid', '=', by.uuid);
  if (!options.includeRemoved) q = q.where('a.removed', 'is', null);
  return q.executeTakeFirst();
}

/** A live account by name in a domain (case-insensitive, as CloudStack's collation compares). */
export function findAccountViewByName(db: Db, domainId: number, name: string): Promise<AccountView | undefined> {
  return viewQuery(db)
    .where('a.domain_id', '=', domainId)
    .where('a.removed', 'is', null)
    .where(equalsIgnoreCase('a.name', name))
    .executeTakeFirst();
}

export async function accountNameTaken(db: Db, domainId: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('accounts')
    .select('id')
    .where('domain_id', '=', domainId)
    .where('removed', 'is', null)
    .where(equalsIgnoreCase('name', name));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertAccount(db: Db, values: NewAccount): Promise<number> {
  const row = await db.insertInto('accounts').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAccountRow(
  db: Db,
  id: number,
  set: Partial<Pick<AccountRow, 'name' | 'network_domain' | 'role_id' | 'type' | 'state' | 'removed'>>,
): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('accounts').set(set).where('id', '=', id).execute();
}

/** Live accounts of the given domains, for a domain cleanup. */
export function listAccountsOfDomains(db: Db, domainIds: number[]): Promise<AccountRow[]> {
  if (domainIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('domain_id', 'in', domainIds)
    .where('removed', 'is', null)
    .orderBy('id')
    .execute();
}

export async function countLiveAccounts(db: Db, domainId: number): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('domain_id', '=', domainId)
    .where('removed', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAccountsWithRole(db: Db, roleId: number): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role_id', '=', roleId)
    .where('removed', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function filtered(db: Db, filter: AccountFilter) {
  let q = db
    .selectFrom('accounts as a')
    .where('a.removed', 'is', null)
    .where((eb) => eb.or([eb('a.is_default', '=', 0), eb('a.name', '!=', SYSTEM_ACCOUNT_NAME)]));
  const { scope } = filter;
  if (scope.kind === 'account') q = q.where('a.id', '=', scope.accountId);
  if (scope.kind === 'domain') {
    q = scope.recursive
      ? q.where('a.domain_id', 'in', (eb) =>
          eb.selectFrom('domains').select('domains.id').where('domains.id_path', 'like', `${scope.idPath}%`),
        )
      : q.where('a.domain_id', '=', scope.domainId);
  }
  if (filter.id !== undefined) q = q.where('a.id', '=', filter.id);
  if (filter.name !== undefined) q = q.where(equalsIgnoreCase('a.name', filter.name));
  if (filter.type !== undefined) q = q.where('a.type', '=', filter.type);
  if (filter.roleId !== undefined) q = q.where('a.role_id', '=', filter.roleId);
  if (filter.state !== undefined) q = q.where('a.state', '=', filter.state);
  if (filter.keyword !== undefined) q = q.where(ilike('a.name', filter.keyword));
  return q;
}

/** The accounts list's usual order: by id. */
export const ACCOUNTS_BY_ID: ListOrder = { id: 'a.id', direction: 'asc' };

/** One page of accounts with domain and role names in one query, plus the total from a COUNT. */
export async function listAccounts(
  db: Db,
  filter: AccountFilter,
  page?: PageWindow,
  order: ListOrder = ACCOUNTS_BY_ID,
): Promise<{ rows: AccountView[]; count: number }> {
  let ids = orderedBy(filtered(db, filter).select('a.id'), order);
  if (page) ids = ids.limit(page.limit).offset(page.offset);
  const q = db
    .selectFrom('accounts as a')
    .innerJoin('domains as d', 'd.id', 'a.domain_id')
    .innerJoin('roles as r', 'r.id', 'a.role_id')
    .where('a.id', 'in', ids)
    .select(accountColumns)
    .select([
      'd.uuid as domain_uuid',
      'd.name as domain_name',
      'd.path as domain_path',
      'd.id_path as domain_id_path',
      'r.uuid as role_uuid',
      'r.name as role_name',
      'r.type as role_type',
    ]);
  const rows = await orderedBy(q, order).execute();
  const count = await matchingCount(() => filtered(db, filter), page, rows.length);
  return { rows, count };
}
