import type SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { PageWindow } from './query-helpers';
import { plainValues, readKey, repeatableSql } from './repeatable-read';
import { MAX_WHOLE_LIST } from './whole-lists';

/** Ids kept over all lists, and lists kept, before the oldest are dropped. */
const MAX_KEPT_IDS = 2_000_000;
const MAX_LISTS = 1000;
/** Asks in one unchanged stretch before a list is read whole (a one-off page stays in SQL). */
const PATIENCE = 2;

type Statement = SQLite.Statement<unknown[], number>;

/**
 * Lists kept whole on a SQLite read-only connection while no other connection commits: a random
 * deep page costs SQLite as many index entries as its offset (OFFSET 60,000 into the events), and
 * the list's ids read once page every later ask from memory, total included. `data_version`
 * changes whenever another connection commits and this connection never writes, so every list
 * kept is exactly what the query would answer now (PostgreSQL's read view keeps its lists by
 * the tables they read: see WholeLists).
 */
export class SqliteWholeLists {
  private readonly lists = new Map<string, number[] | 'too long'>();
  private readonly asks = new Map<string, number>();
  private readonly statements = new Map<string, Statement>();
  private readonly dataVersion: SQLite.Statement<unknown[], unknown>;
  private version: unknown;
  private kept = 0;
  /** Lists read whole. */
  read = 0;

  constructor(private readonly sqlite: SQLite.Database) {
    this.dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  }

  /**
   * A page and the total of a list, given as the query of its ids in order (one column, at most
   * MAX_WHOLE_LIST + 1 rows); undefined while the list is not kept whole, and the caller pages in SQL.
   */
  pageOf(query: CompiledQuery, window: PageWindow | undefined): { ids: number[]; count: number } | undefined {
    if (!repeatableSql(query.sql) || !plainValues(query.parameters)) return undefined;
    this.forgetIfChanged();
    const key = readKey(query.sql, query.parameters);
    let list = this.lists.get(key);
    if (list === undefined) {
      const asks = (this.asks.get(key) ?? 0) + 1;
      this.asks.set(key, asks);
      if (asks < PATIENCE) return undefined;
      list = this.readWhole(key, query);
    }
    if (list === 'too long') return undefined;
    const ids = window ? list.slice(window.offset, window.offset + window.limit) : list.slice();
    return { ids, count: list.length };
  }

  private forgetIfChanged(): void {
    const now = this.dataVersion.get();
    if (now === this.version) return;
    this.version = now;
    this.lists.clear();
    this.asks.clear();
    this.kept = 0;
  }

  private readWhole(key: string, query: CompiledQuery): number[] | 'too long' {
    const ids = this.statement(query.sql).all(...query.parameters);
    const list = ids.length > MAX_WHOLE_LIST ? 'too long' : ids.map(Number);
    const size = list === 'too long' ? 1 : list.length;
    if (this.lists.size >= MAX_LISTS || this.kept + size > MAX_KEPT_IDS) {
      this.lists.clear();
      this.kept = 0;
    }
    this.lists.set(key, list);
    this.kept += size;
    this.read++;
    return list;
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= MAX_LISTS) this.statements.clear();
      statement = this.sqlite.prepare<unknown[], number>(sql).pluck();
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

const registered = new WeakMap<object, SqliteWholeLists>();

/** Makes a Kysely instance over a SQLite read-only connection page its lists from memory. */
export function registerSqliteWholeLists(db: object, lists: SqliteWholeLists): void {
  registered.set(db, lists);
}

export function sqliteWholeListsOf(db: object): SqliteWholeLists | undefined {
  return registered.get(db);
}
