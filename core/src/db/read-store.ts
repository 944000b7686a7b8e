import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { closePool, postgresPool, type DatabaseConfig, type Store } from './connect';
import { SnapshotDialect } from './snapshot-dialect';
import { plainValues, readKey, repeatableSql } from './repeatable-read';
import { registerSnapshotReads, SnapshotReads } from './snapshot-reads';
import { registerSqliteWholeLists, SqliteWholeLists } from './sqlite-whole-lists';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

/** A count (see repeatableSql for what makes its answer depend only on the data). */
const COUNT = /\bcount\(/i;
const MAX_COUNTS = 1000;

/**
 * Remembers the answers of count queries until another connection commits: counting all events
 * (62k rows) cost more than the page it goes with, and every list asks for its total. SQLite's
 * data_version changes whenever another connection commits, and this connection never writes
 * (it is opened read-only), so a remembered count is always what the query would answer now.
 */
export function withCountCache(sqlite: SQLite.Database, inner: SqliteDatabase): SqliteDatabase {
  const counts = new Map<string, unknown[]>();
  let version: unknown;
  // Prepared once: pragma() prepares its statement at every call.
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const current = () => {
    const now = dataVersion.get();
    if (now !== version) {
      counts.clear();
      version = now;
    }
  };
  return {
    close: () => inner.close(),
    prepare(sql: string): SqliteStatement {
      const statement = inner.prepare(sql);
      if (!COUNT.test(sql) || !repeatableSql(sql)) return statement;
      return {
        reader: statement.reader,
        run: (parameters) => statement.run(parameters),
        iterate: (parameters) => statement.iterate(parameters),
        all(parameters) {
          if (!plainValues(parameters)) return statement.all(parameters);
          current();
          const key = readKey(sql, parameters);
          const known = counts.get(key);
          if (known) return known.map((row) => ({ ...(row as object) }));
          const rows = statement.all(parameters);
          if (rows.length <= 1) {
            if (counts.size >= MAX_COUNTS) counts.clear();
            counts.set(
              key,
              rows.map((row) => ({ ...(row as object) })),
            );
          }
          return rows;
        },
      };
    },
  };
}

/**
 * The readers' own connection: on SQLite a read-only one (WAL lets it read beside the main
 * thread's writes; a write attempt fails instead of happening), with its counts and lists kept
 * until another connection commits; on PostgreSQL a read-only pool whose answers are kept while
 * the database is unchanged (SnapshotReads), and whose lists page from memory when asked again.
 */
export function openReadStore(config: DatabaseConfig): Store {
  if (config.kind === 'postgres') {
    const pool = postgresPool(config.url, { readOnly: true });
    const reads = new SnapshotReads(pool);
    const db = new Kysely<Database>({ dialect: new SnapshotDialect(pool, reads) });
    registerSnapshotReads(db, reads);
    return { db, dialect: 'postgres', close: () => closePool(pool, db) };
  }
  const sqlite = new SQLite(config.file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const database = withCountCache(sqlite, withStatementCache(sqlite));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  registerSqliteWholeLists(db, new SqliteWholeLists(sqlite));
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
