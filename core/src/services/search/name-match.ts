import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { MigrationDialect } from '../../db/migrations/helpers';
import { likePattern } from '../../db/query-helpers';
import { prefixEnd, type SearchMatch, type SearchQuery } from '../../domain/search';

/**
 * The lowercased form of a column that name and address searches compare. On PostgreSQL it is
 * compared in the "C" collation, the one its search indexes (migration 0010) are built in: a
 * prefix is then a byte range whatever the database's own collation says about punctuation.
 */
export function searchKey(dialect: MigrationDialect, column: string, lower = true): RawBuilder<string> {
  const value = lower ? sql<string>`lower(${sql.ref(column)})` : sql<string>`${sql.ref(column)}`;
  return dialect === 'postgres' ? sql<string>`${value} collate "C"` : value;
}

/** A column equal to a value as stored (ids: their unique index is in the default collation). */
export const exactly = (column: string, value: string | number): Expression<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} = ${value}`;

export const equalsKey = (key: RawBuilder<string>, text: string): Expression<SqlBool> => sql<SqlBool>`${key} = ${text}`;

/** `key` starts with `text`, as an index range. */
export const startsWith = (key: RawBuilder<string>, text: string): Expression<SqlBool> =>
  sql<SqlBool>`${key} >= ${text} and ${key} < ${prefixEnd(text)}`;

export const containsText = (key: RawBuilder<string>, text: string): Expression<SqlBool> =>
  sql<SqlBool>`${key} like ${likePattern(text)} escape '\\'`;

/**
 * One kind's rows for a condition: at most `n`, in id order or (for a prefix, which walks the
 * key's index) in the order of a key.
 */
export type RowsWhere<R> = (where: Expression<SqlBool>, order: 'id' | RawBuilder<string>, n: number) => Promise<R[]>;

/** Collects up to `limit` distinct rows, each with the first (best) way it matched. */
export class Hits<R extends { id: number }> {
  private readonly found = new Map<number, { row: R; match: SearchMatch }>();

  constructor(readonly limit: number) {}

  get full(): boolean {
    return this.found.size >= this.limit;
  }

  /** How many rows to ask for so that `limit` distinct ones can come back. */
  get want(): number {
    return this.limit + this.found.size;
  }

  add(rows: readonly R[], match: SearchMatch): void {
    for (const row of rows) {
      if (this.full) return;
      if (!this.found.has(row.id)) this.found.set(row.id, { row, match });
    }
  }

  all(): { row: R; match: SearchMatch }[] {
    return [...this.found.values()];
  }
}

/**
 * Exact name, then names starting with the text, then names containing it: each step indexed
 * where the key has an index, and bounded by the rows still wanted. The contains step walks rows
 * in id order and stops at the limit, so a common fragment costs a short scan, a rare one a scan
 * of the kind's live rows.
 */
export async function matchByName<R extends { id: number }>(
  hits: Hits<R>,
  key: RawBuilder<string>,
  text: string,
  rows: RowsWhere<R>,
): Promise<void> {
  if (hits.full) return;
  hits.add(await rows(equalsKey(key, text), 'id', hits.want), 'name');
  if (hits.full) return;
  hits.add(await rows(startsWith(key, text), key, hits.want), 'prefix');
  if (hits.full) return;
  hits.add(await rows(containsText(key, text), 'id', hits.want), 'contains');
}

/** How one kind is searched: its rows, its name key, its id column and (hosts, pools) its address. */
export interface KindSearch<R extends { id: number }> {
  rows: RowsWhere<R>;
  nameKey: RawBuilder<string>;
  uuidColumn: string;
  /** An address compared whole or by its start (no lowercasing). */
  ipKey?: RawBuilder<string>;
  /** Rows found by an address inside a range (pods and zones by their IP ranges). */
  inRange?(hits: Hits<R>): Promise<void>;
}

/** An exact UUID finds only that resource; otherwise the address (if it is one), then the name. */
export async function searchKind<R extends { id: number }>(
  kind: KindSearch<R>,
  query: SearchQuery,
  limit: number,
): Promise<{ row: R; match: SearchMatch }[]> {
  const hits = new Hits<R>(limit);
  if (query.uuid) {
    hits.add(await kind.rows(exactly(kind.uuidColumn, query.text), 'id', limit), 'id');
    return hits.all();
  }
  const { ipKey } = kind;
  if (ipKey && query.ip) hits.add(await kind.rows(equalsKey(ipKey, query.text), 'id', hits.want), 'ip');
  if (ipKey && query.ipStart && !hits.full)
    hits.add(await kind.rows(startsWith(ipKey, query.text), ipKey, hits.want), 'prefix');
  if (query.ip && kind.inRange) await kind.inRange(hits);
  await matchByName(hits, kind.nameKey, query.text, kind.rows);
  return hits.all();
}
