import type { RolePermissionRow, RoleRow } from '../schema';
import type { Db } from './domains';
import { equalsIgnoreCase, ilike, matchingCount, type PageWindow } from '../query-helpers';

export interface RoleFilter {
  id?: number;
  name?: string;
  type?: string;
  /** Only roles of these types (a non-admin sees its own type and less privileged ones). */
  types?: readonly string[];
  /** A LIKE pattern from likePattern(). */
  keyword?: string;
}

export interface RulePermissionView extends RolePermissionRow {
  role_uuid: string;
  role_name: string;
  role_type: string;
}

export function findRole(db: Db, by: { id: number } | { uuid: string }): Promise<RoleRow | undefined> {
  let q = db.selectFrom('roles').selectAll().where('removed', 'is', null);
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('uuid', '=', by.uuid);
  return q.executeTakeFirst();
}

/** The built-in role of a type (Root Admin, Resource Admin, Domain Admin, User). */
export function findDefaultRole(db: Db, type: string): Promise<RoleRow | undefined> {
  return db
    .selectFrom('roles')
    .selectAll()
    .where('type', '=', type)
    .where('is_default', '=', 1)
    .where('removed', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
}

export async function roleNameTaken(db: Db, name: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('roles').select('id').where('removed', 'is', null).where(equalsIgnoreCase('name', name));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertRole(db: Db, values: Omit<RoleRow, 'id'>): Promise<number> {
  const row = await db.insertInto('roles').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRoleRow(
  db: Db,
  id: number,
  set: Partial<Pick<RoleRow, 'name' | 'description' | 'type' | 'removed'>>,
): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('roles').set(set).where('id', '=', id).execute();
}

function filtered(db: Db, filter: RoleFilter) {
  let q = db.selectFrom('roles').where('removed', 'is', null);
  if (filter.id !== undefined) q = q.where('id', '=', filter.id);
  if (filter.name !== undefined) q = q.where(equalsIgnoreCase('name', filter.name));
  if (filter.type !== undefined) q = q.where('type', '=', filter.type);
  if (filter.types !== undefined) q = q.where('type', 'in', [...filter.types]);
  if (filter.keyword !== undefined) q = q.where(ilike('name', filter.keyword));
  return q;
}

export async function listRoles(
  db: Db,
  filter: RoleFilter,
  page?: PageWindow,
): Promise<{ rows: RoleRow[]; count: number }> {
  let q = filtered(db, filter).selectAll().orderBy('id');
  if (page) q = q.limit(page.limit).offset(page.offset);
  const rows = await q.execute();
  const count = await matchingCount(() => filtered(db, filter), page, rows.length);
  return { rows, count };
}

function ruleViewQuery(db: Db) {
  return db
    .selectFrom('role_permissions as p')
    .innerJoin('roles as r', 'r.id', 'p.role_id')
    .select([
      'p.id',
      'p.uuid',
      'p.role_id',
      'p.rule',
      'p.permission',
      'p.description',
      'p.sort_order',
      'r.uuid as role_uuid',
      'r.name as role_name',
      'r.type as role_type',
    ])
    .where('r.removed', 'is', null);
}

/** A role's rules in evaluation order. */
export function listRules(db: Db, roleId: number): Promise<RulePermissionView[]> {
  return ruleViewQuery(db).where('p.role_id', '=', roleId).orderBy('p.sort_order').orderBy('p.id').execute();
}

export function findRule(db: Db, by: { id: number } | { uuid: string }): Promise<RulePermissionView | undefined> {
  const q = ruleViewQuery(db);
  return ('id' in by ? q.where('p.id', '=', by.id) : q.where('p.uuid', '=', by.uuid)).executeTakeFirst();
}

export async function nextSortOrder(db: Db, roleId: number): Promise<number> {
  const row = await db
    .selectFrom('role_permissions')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('m'))
    .where('role_id', '=', roleId)
    .executeTakeFirst();
  const max = row?.m;
  return max === null || max === undefined ? 0 : Number(max) + 1;
}

export async function insertRule(db: Db, values: Omit<RolePermissionRow, 'id'>): Promise<number> {
  const row = await db.insertInto('role_permissions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRule(
  db: Db,
  id: number,
  set: Partial<Pick<RolePermissionRow, 'permission' | 'sort_order' | 'description'>>,
): Promise<void> {
  await db.updateTable('role_permissions').set(set).where('id', '=', id).execute();
}

export async function deleteRule(db: Db, id: number): Promise<void> {
  await db.deleteFrom('role_permissions').where('id', '=', id).execute();
}

export async function deleteRulesOfRole(db: Db, roleId: number): Promise<void> {
  await db.deleteFrom('role_permissions').where('role_id', '=', roleId).execute();
}
