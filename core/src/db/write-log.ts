import { sql } from 'kysely';
import type { Store } from './connect';
import { MAX_CHECK_GAP_S } from './snapshot-clock';

/** A write stays in the log at least this long after every transaction older than it ended. */
export const WRITE_LOG_KEPT_S = 2 * MAX_CHECK_GAP_S;

export interface Horizon {
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
  private readonly keptSeconds: number;
  private readonly horizonNow: () => Promise<Horizon>;

  /** horizon: where the database is now (the tests script it: the oldest running transaction is cluster-wide). */
  constructor(
    private readonly store: Store,
    options: { keptSeconds?: number; horizon?: () => Promise<Horizon> } = {},
  ) {
    this.keptSeconds = options.keptSeconds ?? WRITE_LOG_KEPT_S;
    this.horizonNow = options.horizon ?? (() => currentHorizon(store));
  }

  async prune(): Promise<void> {
    if (this.store.dialect !== 'postgres') return;
    const now = await this.horizonNow();
    this.horizons.push(now);
    let horizon: Horizon | undefined;
    while (this.horizons.length > 0 && now.at - (this.horizons[0] as Horizon).at >= this.keptSeconds) {
      horizon = this.horizons.shift();
    }
    if (horizon) await sql`delete from table_writes where xid < ${horizon.xmin}::xid8`.execute(this.store.db);
  }
}

async function currentHorizon(store: Store): Promise<Horizon> {
  const { rows } = await sql<Horizon>`select extract(epoch from statement_timestamp())::float8 as at,
    pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(store.db);
  return rows[0] as Horizon;
}
