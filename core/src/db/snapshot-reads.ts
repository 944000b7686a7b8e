import type { CompiledQuery, QueryResult } from 'kysely';
import type pg from 'pg';
import { tablesRead } from './query-tables';
import { ReadCache } from './read-cache';
import { plainValues, readKey, repeatableSql } from './repeatable-read';
import type { PageWindow } from './query-helpers';
import { SnapshotClock, type SnapshotCheck, type Tables } from './snapshot-clock';
import { WholeLists } from './whole-lists';

/** Results larger than this are not kept (a list without a page size). */
const MAX_CACHED_ROWS = 10_000;

/** Whether a query outside a transaction may be answered from the cache. */
export function repeatableRead(query: CompiledQuery): boolean {
  return repeatableSql(query.sql) && plainValues(query.parameters);
}

/** The snapshot, the database's clock and the tables changed since the snapshot $1 (see SnapshotClock). */
const CHECK = `select pg_current_snapshot()::text as snapshot,
  extract(epoch from statement_timestamp())::float8 as at,
  coalesce((select array_agg(distinct relname) from table_writes
    where $1::pg_snapshot is not null
      and xid >= pg_snapshot_xmin($1::pg_snapshot)
      and not pg_visible_in_snapshot(xid, $1::pg_snapshot)), '{}') as changed`;

/**
 * Answers of a PostgreSQL read connection, kept while the tables they read are unchanged (see
 * SnapshotClock): every list asks for its total, and counting 60k events cost more than the page
 * it went with. Lists asked for often while their tables are unchanged are kept whole
 * (WholeLists): random deep pages cost as many rows read as their offset.
 */
export class SnapshotReads {
  /** Queries answered from the cache, and read from the database. */
  readonly counts = { hits: 0, misses: 0 };
  readonly clock: SnapshotClock;
  private readonly results: ReadCache<ReadonlyArray<object>>;
  private readonly wholeLists: WholeLists;
  /** Reads under way, by query, with the last check completed when each was sent. */
  private readonly building = new Map<string, { basis: number; read: Promise<unknown> }>();

  constructor(pool: pg.Pool) {
    this.clock = new SnapshotClock(async (since) => {
      const result = await pool.query<SnapshotCheck>({
        name: 'sy_snapshot_check',
        text: CHECK,
        values: [since ?? null],
      });
      return result.rows[0] as SnapshotCheck;
    });
    const unchanged = (tables: Tables, basis: number) => this.clock.unchangedSince(tables, basis);
    // Rows are objects of a few hundred bytes each: 100k of them cost tens of MB; ids cost 8 bytes.
    this.results = new ReadCache(unchanged, { entries: 5000, rows: 100_000 });
    this.wholeLists = new WholeLists(this.clock, pool, this.once.bind(this));
  }

  /** The query's rows as of now: remembered ones while their tables are unchanged, else run(). */
  async query<R>(query: CompiledQuery, run: () => Promise<QueryResult<R>>): Promise<QueryResult<R>> {
    const fresh = await this.clock.fresh();
    const key = readKey(query.sql, query.parameters);
    const known = this.results.get(key);
    if (known) {
      this.counts.hits++;
      return { rows: known.map((row) => ({ ...row })) as R[] };
    }
    const rows = await this.once(`rows\u0000${key}`, fresh, async (basis) => {
      this.counts.misses++;
      const result = await run();
      const copies = result.rows.map((row) => ({ ...(row as object) }));
      if (copies.length <= MAX_CACHED_ROWS) this.results.set(key, copies, tablesRead(query), basis, copies.length);
      return copies;
    });
    return { rows: rows.map((row) => ({ ...row })) as R[] };
  }

  /** A page and the total of a list kept whole (see WholeLists.pageOf), or undefined. */
  async pageOf(
    query: CompiledQuery,
    window: PageWindow | undefined,
  ): Promise<{ ids: number[]; count: number } | undefined> {
    if (!plainValues(query.parameters)) return undefined;
    return this.wholeLists.pageOf(query, window, await this.clock.fresh());
  }

  /** Whole lists read (see WholeLists). */
  get wholeListsRead(): number {
    return this.wholeLists.read;
  }

  /**
   * work(), or the same read already under way if it was sent after check `fresh` (an older one
   * may not see what the caller must): fifty requests at once read once. work gets its basis.
   */
  private once<T>(key: string, fresh: number, work: (basis: number) => Promise<T>): Promise<T> {
    const running = this.building.get(key);
    if (running && running.basis >= fresh) return running.read as Promise<T>;
    const basis = this.clock.latest;
    const read = work(basis).finally(() => {
      if (this.building.get(key)?.read === read) this.building.delete(key);
    });
    this.building.set(key, { basis, read });
    return read;
  }
}

const registered = new WeakMap<object, SnapshotReads>();

/** Marks a Kysely instance as reading through these snapshot reads (see pageOfList). */
export function registerSnapshotReads(db: object, reads: SnapshotReads): void {
  registered.set(db, reads);
}

export function snapshotReadsOf(db: object): SnapshotReads | undefined {
  return registered.get(db);
}
