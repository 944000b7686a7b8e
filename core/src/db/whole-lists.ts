import type { CompiledQuery } from 'kysely';
import type pg from 'pg';
import type { PageWindow } from './query-helpers';
import { tablesRead } from './query-tables';
import { ReadCache } from './read-cache';
import { readKey } from './repeatable-read';
import type { SnapshotClock, Tables } from './snapshot-clock';

/** A list is kept whole (its ids in order) only up to this many rows; longer ones page in SQL. */
export const MAX_WHOLE_LIST = 200_000;
/** Pages a whole list should serve before its tables change, for reading it whole to pay. */
const PAGES_TO_PAY = 16;
/** Asks in one unchanged stretch before a list is read whole: at first, and at most. */
const FIRST_PATIENCE = 2;
const MAX_PATIENCE = 4096;

/** A list read whole, and how many pages it has served. */
interface WholeList {
  ids: ReadonlyArray<number> | 'too long';
  served: number;
}

/** Runs a read once for everyone who may share it (SnapshotReads.once); work gets its basis. */
export type Once = <T>(key: string, fresh: number, work: (basis: number) => Promise<T>) => Promise<T>;

/**
 * Lists kept whole while their tables are unchanged: a random deep page costs PostgreSQL as many
 * rows as its offset, and reading 60k ids once costs about as much as ten such pages. A list is
 * read whole once it has been asked for `patience` times in one unchanged stretch; when a whole
 * copy served fewer than PAGES_TO_PAY pages before its tables changed (a table written many
 * times a second), the next copy waits for twice as many asks, and for half as many when it paid.
 */
export class WholeLists {
  private readonly lists: ReadCache<WholeList>;
  private readonly asks: ReadCache<{ n: number }>;
  private readonly history = new Map<string, { patience: number; last?: WholeList }>();
  /** Whole lists read. */
  read = 0;

  constructor(
    private readonly clock: SnapshotClock,
    private readonly pool: pg.Pool,
    private readonly once: Once,
  ) {
    const unchanged = clock.unchangedSince.bind(clock);
    this.lists = new ReadCache(unchanged, { entries: 1000, rows: 2_000_000 });
    this.asks = new ReadCache(unchanged, { entries: 5000, rows: 5000 });
  }

  /**
   * A page and the total of a list, given as a query answering its ids in order as one
   * comma-separated text `ids` (limited to MAX_WHOLE_LIST + 1); undefined when the list is not
   * kept whole (not asked often enough yet, or too long), and the caller pages in SQL.
   */
  async pageOf(
    query: CompiledQuery,
    window: PageWindow | undefined,
    fresh: number,
  ): Promise<{ ids: number[]; count: number } | undefined> {
    const key = readKey(query.sql, query.parameters);
    let list = this.lists.get(key);
    if (!list) {
      const tables = tablesRead(query);
      let asks = this.asks.get(key);
      if (!asks) {
        asks = { n: 0 };
        this.asks.set(key, asks, tables, this.clock.latest, 1);
      }
      asks.n++;
      const history = this.history.get(key) ?? { patience: FIRST_PATIENCE };
      if (asks.n < history.patience) return undefined;
      list = await this.once(`whole\u0000${key}`, fresh, (basis) => this.readWhole(key, query, tables, basis));
    }
    list.served++;
    if (list.ids === 'too long') return undefined;
    const ids = window ? list.ids.slice(window.offset, window.offset + window.limit) : list.ids.slice();
    return { ids, count: list.ids.length };
  }

  private async readWhole(key: string, query: CompiledQuery, tables: Tables, basis: number) {
    const result = await this.pool.query<{ ids: string | null }>(query.sql, [...query.parameters]);
    const text = result.rows[0]?.ids ?? '';
    const ids = text === '' ? [] : text.split(',').map(Number);
    const list: WholeList = { ids: ids.length > MAX_WHOLE_LIST ? 'too long' : ids, served: 0 };
    this.read++;
    this.lists.set(key, list, tables, basis, list.ids === 'too long' ? 1 : ids.length);
    this.remember(key, list);
    return list;
  }

  /** Adjusts the list's patience by what its previous copy served, and keeps this copy for next time. */
  private remember(key: string, list: WholeList): void {
    const history = this.history.get(key) ?? { patience: FIRST_PATIENCE };
    if (list.ids === 'too long') {
      // Read whole only rarely again: it pages in SQL.
      history.patience = MAX_PATIENCE;
    } else if (history.last) {
      history.patience =
        history.last.served < PAGES_TO_PAY
          ? Math.min(history.patience * 2, MAX_PATIENCE)
          : Math.max(FIRST_PATIENCE, Math.floor(history.patience / 2));
    }
    history.last = list;
    if (!this.history.has(key) && this.history.size >= 1000) this.history.clear();
    this.history.set(key, history);
  }
}
