import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';

/** A page of a list: LIMIT/OFFSET in the list's order. */
export interface PageWindow {
  limit: number;
  offset: number;
}

/** `%keyword%` for a case-insensitive LIKE with `\` as the escape character. */
export function likePattern(keyword: string): string {
  return `%${keyword.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** lower(column) LIKE pattern, the same on SQLite and PostgreSQL. */
export function ilike(column: string, pattern: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** lower(column) LIKE '%keyword%', the same on SQLite and PostgreSQL. */
export function containsIgnoreCase(column: string, keyword: string): Expression<SqlBool> {
  return ilike(column, likePattern(keyword));
}

/** lower(column) = lower(value): CloudStack's MySQL collation compares names case-insensitively. */
export function equalsIgnoreCase(column: string, value: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) = ${value.toLowerCase()}`;
}

/**
 * CloudStack's `count` of a list: how many rows its filter matches. Without a page (pagesize=-1)
 * the rows read are all of them; otherwise one COUNT(*) over the same filter.
 */
export async function matchingCount<DB, TB extends keyof DB, O>(
  filtered: () => SelectQueryBuilder<DB, TB, O>,
  page: PageWindow | undefined,
  rowsRead: number,
): Promise<number> {
  if (!page) return rowsRead;
  const counted = await filtered()
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    // Kysely cannot name the selection over a generic database (aliased tables differ per list).
    .$castTo<{ n: number }>()
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}
