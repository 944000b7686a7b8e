import { sql, type Kysely } from 'kysely';
import type { Database, DomainRow } from '../schema';
import { equalsIgnoreCase, ilike, matchingCount, type PageWindow } from '../query-helpers';
import { orderedBy, type ListOrder } from '../list-page';

export type Db = Kysely<Database>;

/** A domain with what CloudStack's response needs from its parent and children. */
export interface DomainView extends DomainRow {
  parent_uuid: string | null;
  parent_name: string | null;
  has_child: boolean;
}

/** Which domains a list may show. */
export type DomainScope = { kind: 'all' } | { kind: 'one'; domainId: number } | { kind: 'subtree'; idPath: string };

export interface DomainFilter {
  scope: DomainScope;
  id?: number;
  name?: string;
  level?: number;
  /** Already a LIKE pattern (lowercase, escaped), see likePattern(). */
  keyword?: string;
  /** A LIKE pattern on the name, as keyword (listDomainChildren's name matches a part). */
  nameLike?: string;
  /** Only the direct children of this domain. */
  parentId?: number;
  /** Leaves this domain out (a subtree without its top). */
  excludeId?: number;
  state?: string;
}

/**
 * Serializes writers that check-then-insert under one parent row (unique names per domain).
 * PostgreSQL takes a row lock; SQLite already runs one write transaction at a time.
 */
export async function lockRow(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  table: 'domains' | 'accounts' | 'roles',
  id: number,
): Promise<void> {
  if (dialect !== 'postgres') return;
  await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}

export function findDomainById(db: Db, id: number): Promise<DomainRow | undefined> {
  return db.selectFrom('domains').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A live (not removed) domain by uuid, in any state. */
export function findDomainByUuid(
  db: Db,
  uuid: string,
  options: { includeRemoved?: boolean } = {},
): Promise<DomainRow | undefined> {
  let q = db.selectFrom('domains').selectAll().where('uuid', '=', uuid);
  if (!options.includeRemoved) q = q.where('removed', 'is', null);
  return q.executeTakeFirst();
}

export function findRootDomain(db: Db): Promise<DomainRow | undefined> {
  return db.selectFrom('domains').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
}

/** A live sibling with the same name (case-insensitive), other than `exceptId`. */
export async function siblingNameTaken(db: Db, parentId: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('domains')
    .select('id')
    .where('parent_id', '=', parentId)
    .where('removed', 'is', null)
    .where(equalsIgnoreCase('name', name));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertDomain(
  db: Db,
  values: { uuid: string; name: string; parent: DomainRow; networkDomain: string | null; created: string },
): Promise<DomainRow> {
  const row = await db
    .insertInto('domains')
    .values({
      uuid: values.uuid,
      name: values.name,
      parent_id: values.parent.id,
      // Placeholder until the id is known; rewritten below in the same transaction.
      id_path: `${values.parent.id_path}?${values.uuid}/`,
      path: `${values.parent.path}/${values.name}`,
      level: values.parent.level + 1,
      network_domain: values.networkDomain,
      state: 'Active',
      created: values.created,
      removed: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const idPath = `${values.parent.id_path}${row.id}/`;
  await db.updateTable('domains').set({ id_path: idPath }).where('id', '=', row.id).execute();
  return (await findDomainById(db, row.id)) as DomainRow;
}

/** Renames a domain and rewrites the display path of it and every descendant. */
export async function renameDomain(db: Db, domain: DomainRow, newName: string): Promise<void> {
  const cut = domain.path.lastIndexOf('/');
  const newPath = `${cut >= 0 ? domain.path.slice(0, cut + 1) : ''}${newName}`;
  await db.updateTable('domains').set({ name: newName, path: newPath }).where('id', '=', domain.id).execute();
  // Descendants: "<old path>/rest" becomes "<new path>/rest"; substr is 1-based.
  await db
    .updateTable('domains')
    .set({ path: sql<string>`${newPath} || substr(path, ${domain.path.length + 1})` })
    .where('id_path', 'like', `${domain.id_path}%`)
    .where('id', '!=', domain.id)
    .execute();
}

export async function updateDomainNetwork(db: Db, id: number, networkDomain: string | null): Promise<void> {
  await db.updateTable('domains').set({ network_domain: networkDomain }).where('id', '=', id).execute();
}

/** The live domains of a subtree (the root of it included), deepest first. */
export function listSubtree(db: Db, idPath: string): Promise<DomainRow[]> {
  return db
    .selectFrom('domains')
    .selectAll()
    .where('id_path', 'like', `${idPath}%`)
    .where('removed', 'is', null)
    .orderBy('level', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function setSubtreeState(db: Db, idPath: string, state: string): Promise<void> {
  await db
    .updateTable('domains')
    .set({ state })
    .where('id_path', 'like', `${idPath}%`)
    .where('removed', 'is', null)
    .execute();
}

export async function markDomainsRemoved(db: Db, ids: number[], removed: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('domains')
    .set({ removed, state: 'Inactive' })
    .where('id', 'in', ids)
    .where('removed', 'is', null)
    .execute();
}

export async function countLiveChildren(db: Db, domainId: number): Promise<number> {
  const row = await db
    .selectFrom('domains')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', domainId)
    .where('removed', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function filtered(db: Db, filter: DomainFilter) {
  let q = db.selectFrom('domains as d').where('d.removed', 'is', null);
  const { scope } = filter;
  if (scope.kind === 'one') q = q.where('d.id', '=', scope.domainId);
  if (scope.kind === 'subtree') q = q.where('d.id_path', 'like', `${scope.idPath}%`);
  if (filter.id !== undefined) q = q.where('d.id', '=', filter.id);
  if (filter.name !== undefined) q = q.where(equalsIgnoreCase('d.name', filter.name));
  if (filter.level !== undefined) q = q.where('d.level', '=', filter.level);
  if (filter.keyword !== undefined) q = q.where(ilike('d.name', filter.keyword));
  if (filter.nameLike !== undefined) q = q.where(ilike('d.name', filter.nameLike));
  if (filter.parentId !== undefined) q = q.where('d.parent_id', '=', filter.parentId);
  if (filter.excludeId !== undefined) q = q.where('d.id', '!=', filter.excludeId);
  if (filter.state !== undefined) q = q.where('d.state', '=', filter.state);
  return q;
}

const domainColumns = [
  'd.id',
  'd.uuid',
  'd.name',
  'd.parent_id',
  'd.id_path',
  'd.path',
  'd.level',
  'd.network_domain',
  'd.state',
  'd.created',
  'd.removed',
] as const;

/** The domains list's usual order: by id. */
export const DOMAINS_BY_ID: ListOrder = { id: 'd.id', direction: 'asc' };

/** One page of domains with parent names and child flags in a single query, plus the total. */
export async function listDomains(
  db: Db,
  filter: DomainFilter,
  page?: PageWindow,
  order: ListOrder = DOMAINS_BY_ID,
): Promise<{ rows: DomainView[]; count: number }> {
  const selected = filtered(db, filter)
    .leftJoin('domains as p', 'p.id', 'd.parent_id')
    .select(domainColumns)
    .select(['p.uuid as parent_uuid', 'p.name as parent_name'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('domains as c')
            .select('c.id')
            .whereRef('c.parent_id', '=', 'd.id')
            .where('c.removed', 'is', null),
        )
        .as('has_child'),
    );
  let q = orderedBy(selected, order);
  if (page) q = q.limit(page.limit).offset(page.offset);
  const rows = await q.execute();
  const count = await matchingCount(() => filtered(db, filter), page, rows.length);
  return { rows: rows.map((r) => ({ ...r, has_child: Boolean(r.has_child) })), count };
}

/** The response view of one domain (any state), or undefined. */
export async function domainView(db: Db, id: number): Promise<DomainView | undefined> {
  const row = await db
    .selectFrom('domains as d')
    .leftJoin('domains as p', 'p.id', 'd.parent_id')
    .select(domainColumns)
    .select(['p.uuid as parent_uuid', 'p.name as parent_name'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('domains as c')
            .select('c.id')
            .whereRef('c.parent_id', '=', 'd.id')
            .where('c.removed', 'is', null),
        )
        .as('has_child'),
    )
    .where('d.id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, has_child: Boolean(row.has_child) } : undefined;
}
