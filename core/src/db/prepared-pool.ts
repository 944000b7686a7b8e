import crypto from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** Statements one connection keeps prepared; queries beyond them are parsed and planned each time. */
const PREPARED_PER_CONNECTION = 500;

/** The name of a statement's text: the same text gets the same name on every connection. */
const nameOf = (text: string) => `sy_${crypto.createHash('sha1').update(text).digest('base64url')}`;

const prepared = new WeakMap<pg.PoolClient, Set<string>>();

/** PostgreSQL's "cached plan must not change result type" (a table changed under a prepared statement). */
const isStalePlan = (error: unknown) =>
  (error as { code?: string }).code === '0A000' && /cached plan/.test(String((error as Error).message));

function run<R>(client: pg.PoolClient, text: string, values: ReadonlyArray<unknown>) {
  const names = prepared.get(client) ?? new Set<string>();
  prepared.set(client, names);
  const name = nameOf(text);
  if (!names.has(name) && names.size >= PREPARED_PER_CONNECTION) {
    return client.query({ text, values: values as unknown[] });
  }
  names.add(name);
  return client.query({ name, text, values: values as unknown[] }).catch((error: unknown) => {
    if (!isStalePlan(error)) throw error;
    // Asked once more unprepared: the connection keeps its stale statement, never used again.
    names.delete(name);
    return client.query({ text, values: values as unknown[] });
  }) as Promise<pg.QueryResult<R & pg.QueryResultRow>>;
}

/**
 * A pool for Kysely whose connections prepare each query once (a named statement) and then only
 * bind and execute it: parsing and planning the joins of a 20-row list page cost PostgreSQL more
 * than running it. For read-only views, whose queries are a few dozen shapes.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      const query = (<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>) => {
        if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as never);
        return run<R>(client, sqlOrCursor, parameters ?? []) as unknown as Promise<PostgresQueryResult<R>>;
      }) as PostgresPoolClient['query'];
      return { query, release: () => client.release() };
    },
    end: () => pool.end(),
  };
}
