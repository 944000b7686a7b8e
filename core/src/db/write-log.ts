import { sql } from 'kysely';
import type { Store } from './connect';
import { MAX_CHECK_GAP_S } from './snapshot-clock';

/** A write stays in the log at least this long after every transaction older than it ended. */
export const WRITE_LOG_KEPT_S = 2 * MAX_CHECK_GAP_S;

interface Horizon {
  /** The database's clock in seconds. */
  at: number;
  /** The oldest transaction still running then (pg_snapshot_xmin). */
  xmin: string;
}

/**
 * Empties the write log (migration 0008) of what no reader needs: writes of transactions that had
 * ended WRITE_LOG_KEPT_S ago. A reader's previous check is at most MAX_CHECK_GAP_S old (else it
 * forgets everything), so such writes were visible to it already. Called at every heartbeat;
 * every server prunes, which is harmless.
 */
export class WriteLogPruner {
  private readonly horizons: Horizon[] = [];

  constructor(
    private readonly store: Store,
    private readonly keptSeconds = WRITE_LOG_KEPT_S,
  ) {}

  async prune(): Promise<void> {
    if (this.store.dialect !== 'postgres') return;
    const { db } = this.store;
    const now = (
      await sql<Horizon>`select extract(epoch from statement_timestamp())::float8 as at,
        pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db)
    ).rows[0] as Horizon;
    this.horizons.push(now);
    let horizon: Horizon | undefined;
    while (this.horizons.length > 0 && now.at - (this.horizons[0] as Horizon).at >= this.keptSeconds) {
      horizon = this.horizons.shift();
    }
    if (horizon) await sql`delete from table_writes where xid < ${horizon.xmin}::xid8`.execute(db);
  }
}
