import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { MigrationDialect } from './migrations/helpers';
import { MIGRATIONS } from './migrations/index';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Store {
  db: Kysely<Database>;
  dialect: MigrationDialect;
  close(): Promise<void>;
}

// PostgreSQL returns int8 (COUNT(*), SUM) as strings by default; our counts fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Files Stackyard keeps in its data directory; a directory holding one is Stackyard's own. */
const DATA_FILES = ['stackyard.db', 'secret.key'];

/** Takes away group and other access from a file or directory of ours; one owned by someone else stays. */
function tighten(file: string, mode: number): void {
  try {
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, mode);
  } catch {
    // missing, or not ours to change (a mounted volume)
  }
}

/**
 * Creates the data directory (and missing parents) readable by its owner only (0700), whatever the
 * umask. An existing one is tightened when it already holds Stackyard's files (data directories
 * of older versions were 0755); any other existing directory is left as it is.
 */
export function ensurePrivateDirectory(dir: string): void {
  if (fs.existsSync(dir)) {
    if (DATA_FILES.some((name) => fs.existsSync(path.join(dir, name)))) tighten(dir, 0o700);
    return;
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/**
 * Makes the SQLite file and its WAL and shared-memory files owner-only (0600). The file is created
 * 0600 before SQLite opens it, as SQLite gives the WAL and shared-memory files the database
 * file's mode.
 */
function privateDatabaseFiles(file: string): void {
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) tighten(f, 0o600);
}

export function openStore(config: DatabaseConfig): Store {
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') {
      ensurePrivateDirectory(path.dirname(config.file));
      privateDatabaseFiles(config.file);
    }
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    if (config.file !== ':memory:') privateDatabaseFiles(config.file);
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = postgresPool(config.url);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => closePool(pool, db) };
}

const closingPools = new WeakSet<pg.Pool>();

/**
 * A pool of 10 connections. readOnly: every transaction is read-only, so a write attempt fails
 * instead of happening.
 */
export function postgresPool(url: string, options: { readOnly?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: options.readOnly ? '-c default_transaction_read_only=on' : undefined,
  });
  // An idle connection the server ends (a restart, a failover, an administrator) would otherwise
  // be an uncaught error that stops the process; the pool drops it and opens a new one when
  // needed. Connections still closing after close() (the pool does not wait for their sockets)
  // are of no interest.
  pool.on('error', (error) => {
    if (!closingPools.has(pool)) console.error('[db] a PostgreSQL connection was lost:', error.message);
  });
  return pool;
}

/** Closes a Kysely instance over a pool of postgresPool(). */
export function closePool(pool: pg.Pool, db: Kysely<Database>): Promise<void> {
  closingPools.add(pool);
  return db.destroy();
}

/** Applies every pending migration; safe to call from several servers at once (Kysely locks). */
export async function migrate(store: Store): Promise<void> {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(MIGRATIONS.map((m) => [m.name, { up: (db: Kysely<unknown>) => m.up(db, store.dialect) }])),
  };
  const migrator = new Migrator({ db: store.db, provider, migrationTableName: 'schema_migrations' });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

export function parseDatabaseUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { kind: 'sqlite', file: path.join(dataDir, 'stackyard.db') };
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { kind: 'postgres', url };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', file: url.slice('sqlite:'.length) };
  throw new Error(`unsupported database url: ${url.replace(/\/\/[^@]*@/, '//***@')}`);
}
