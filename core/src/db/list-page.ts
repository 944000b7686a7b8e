import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { matchingCount, type PageWindow } from './query-helpers';
import type { Database } from './schema';
import { MAX_WHOLE_LIST, snapshotReadsOf } from './snapshot-reads';

/** PostgreSQL takes at most 65,535 parameters; a page of ids in memory is given as parameters. */
const MAX_LISTED_IDS = 10_000;

/** Which rows of a list one page holds. */
export interface PageOfList {
  /** Keeps the page's rows: a condition on the list's id column (for example `e.id`). */
  where(column: string): Expression<SqlBool>;
  /** The page's ids and the list's total when they came from memory; otherwise the caller counts. */
  known?: { ids: number[]; count: number };
}

/**
 * The page of a list given as the query of its ids in the list's order. On a PostgreSQL read
 * connection that keeps answers (SnapshotReads), a list asked for again while the data is
 * unchanged is paged from its ids in memory, total included; elsewhere the page is a LIMIT/OFFSET
 * subquery the caller's query embeds.
 */
export async function pageOfList<DB, TB extends keyof DB>(
  db: Kysely<Database>,
  // The list's tables may be aliased (`events as e`), so its database type is its own.
  ordered: SelectQueryBuilder<DB, TB, { id: number }>,
  window: PageWindow | undefined,
): Promise<PageOfList> {
  // The page's ids become parameters of its query: a page (not a whole list) of a sane size only.
  const reads = window && window.limit <= MAX_LISTED_IDS ? snapshotReadsOf(db) : undefined;
  const whole = await reads?.pageOf(ordered.limit(MAX_WHOLE_LIST + 1).compile(), window);
  if (whole) {
    const { ids } = whole;
    return {
      where: (column) =>
        ids.length > 0 ? sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})` : sql<SqlBool>`false`,
      known: whole,
    };
  }
  const paged = window ? ordered.limit(window.limit).offset(window.offset) : ordered;
  return { where: (column) => sql<SqlBool>`${sql.ref(column)} in ${paged}` };
}

/** Tables whose primary key is an integer `id`. */
type IdTable = { [T in keyof Database]: Database[T] extends { id: unknown } ? T : never }[keyof Database];

/**
 * One page of a filtered single-table list as ids in primary-key order, and how many rows match
 * (CloudStack's `count`). Lists take the page of ids from the index first and then fetch only
 * those rows, which keeps deep pages fast at 100k rows.
 */
export async function pageOfIds<TB extends IdTable, O>(
  db: Kysely<Database>,
  filtered: () => SelectQueryBuilder<Database, TB, O>,
  window: PageWindow | undefined,
): Promise<{ ids: number[]; count: number }> {
  const ordered = filtered().clearSelect().select(sql.ref<number>('id').as('id')).orderBy(sql.ref('id'));
  const whole = await snapshotReadsOf(db)?.pageOf(ordered.limit(MAX_WHOLE_LIST + 1).compile(), window);
  if (whole) return whole;
  const paged = window ? ordered.limit(window.limit).offset(window.offset) : ordered;
  const ids = (await paged.execute()).map((r) => Number(r.id));
  return { ids, count: await matchingCount(filtered, window, ids.length) };
}
