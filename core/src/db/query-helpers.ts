import { sql, type Expression, type SqlBool } from 'kysely';

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
