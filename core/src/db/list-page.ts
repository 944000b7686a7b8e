import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { matchingCount, type PageWindow } from './query-helpers';
import type { Database } from './schema';
import { snapshotReadsOf } from './snapshot-reads';
import { sqliteWholeListsOf } from './sqlite-whole-lists';
import { MAX_WHOLE_LIST } from './whole-lists';

/** PostgreSQL takes at most 65,535 parameters; a page of ids in memory is given as parameters. */
const MAX_LISTED_IDS = 10_000;

/**
 * How a list is ordered: by a sort column (`h.name`) when given, then by its id column (`e.id`),
 * both one way. The id makes the order total, so pages neither overlap nor skip rows, and an index
 * on (sort column, id) serves it read forwards or backwards.
 */
export interface ListOrder {
  key?: string;
  id: string;
  direction: 'asc' | 'desc';
}

/** Orders a query by a list order: its sort column, then its id column. */
export function orderedBy<DB, TB extends keyof DB, O>(
  q: SelectQueryBuilder<DB, TB, O>,
  order: ListOrder,
): SelectQueryBuilder<DB, TB, O> {
  const keyed = order.key === undefined ? q : q.orderBy(sql.ref(order.key), order.direction);
  return keyed.orderBy(sql.ref(order.id), order.direction);
}

/** Rows in the order of a page's ids (rows fetched by `id in (...)` come back in any order). */
export function inPageOrder<R extends { id: number }>(rows: R[], ids: readonly number[]): R[] {
  const position = new Map(ids.map((id, i) => [id, i]));
  return [...rows].sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/** Which rows of a list one page holds. */
export interface PageOfList {
  /** Keeps the page's rows: a condition on the list's id column. */
  where(column: string): Expression<SqlBool>;
  /** The page's ids and the list's total when they came from memory; otherwise the caller counts. */
  known?: { ids: number[]; count: number };
}

/**
 * The ids of a list kept whole, when the database connection keeps such lists: on a SQLite
 * read-only connection its ids in order (SqliteWholeLists), on a PostgreSQL read view one text of
 * comma-separated ids in the list's order (SnapshotReads).
 */
async function fromWholeList<DB, TB extends keyof DB>(
  db: Kysely<Database>,
  ids: SelectQueryBuilder<DB, TB, { id: number }>,
  order: ListOrder,
  window: PageWindow | undefined,
) {
  const sqliteLists = sqliteWholeListsOf(db);
  if (sqliteLists)
    return sqliteLists.pageOf(
      orderedBy(ids, order)
        .limit(MAX_WHOLE_LIST + 1)
        .compile(),
      window,
    );
  const reads = snapshotReadsOf(db);
  if (!reads) return undefined;
  const direction = sql.raw(order.direction);
  // The ids are joined in the list's own order: sort column first, then id.
  const keyed = order.key === undefined ? ids : ids.select(sql.ref(order.key).as('sort_key'));
  const ordered = orderedBy(keyed, order)
    .limit(MAX_WHOLE_LIST + 1)
    .as('q');
  const listOrder = order.key === undefined ? sql`q.id ${direction}` : sql`q.sort_key ${direction}, q.id ${direction}`;
  const whole = db.selectFrom(ordered).select(sql<string>`string_agg(q.id::text, ',' order by ${listOrder})`.as('ids'));
  return reads.pageOf(whole.compile(), window);
}

/**
 * The page of a list given as the query of its ids (selected as `id`) and its order. On a read
 * view (a SQLite read-only connection, a PostgreSQL read pool), a list asked for again while the
 * data is unchanged is paged from its ids in memory, total included; elsewhere the page is a
 * LIMIT/OFFSET subquery the caller's query embeds.
 */
export async function pageOfList<DB, TB extends keyof DB>(
  db: Kysely<Database>,
  // The list's tables may be aliased (`events as e`), so its database type is its own.
  ids: SelectQueryBuilder<DB, TB, { id: number }>,
  order: ListOrder,
  window: PageWindow | undefined,
): Promise<PageOfList> {
  // The page's ids become parameters of its query: a page (not a whole list) of a sane size only.
  const whole = window && window.limit <= MAX_LISTED_IDS ? await fromWholeList(db, ids, order, window) : undefined;
  if (whole) {
    const page = whole.ids;
    return {
      where: (column) =>
        page.length > 0 ? sql<SqlBool>`${sql.ref(column)} in (${sql.join(page)})` : sql<SqlBool>`false`,
      known: whole,
    };
  }
  const ordered = orderedBy(ids, order);
  const paged = window ? ordered.limit(window.limit).offset(window.offset) : ordered;
  return { where: (column) => sql<SqlBool>`${sql.ref(column)} in ${paged}` };
}

/** Tables whose primary key is an integer `id`. */
type IdTable = { [T in keyof Database]: Database[T] extends { id: unknown } ? T : never }[keyof Database];

/** Primary-key order, the lists' order when no sort is asked for. */
export const BY_ID: ListOrder = { id: 'id', direction: 'asc' };

/**
 * One page of a filtered single-table list as ids in the list's order (primary-key order unless
 * a sort column is given), and how many rows match (CloudStack's `count`). Lists take the page of
 * ids from the index first and then fetch only those rows (put back in order with inPageOrder),
 * which keeps deep pages fast at 100k rows.
 */
export async function pageOfIds<TB extends IdTable, O>(
  db: Kysely<Database>,
  filtered: () => SelectQueryBuilder<Database, TB, O>,
  window: PageWindow | undefined,
  order: ListOrder = BY_ID,
): Promise<{ ids: number[]; count: number }> {
  const ids = () => filtered().clearSelect().select(sql.ref<number>('id').as('id'));
  const whole = await fromWholeList(db, ids(), order, window);
  if (whole) return whole;
  const ordered = orderedBy(ids(), order);
  const paged = window ? ordered.limit(window.limit).offset(window.offset) : ordered;
  const rows = (await paged.execute()).map((r) => Number(r.id));
  return { ids: rows, count: await matchingCount(filtered, window, rows.length) };
}
