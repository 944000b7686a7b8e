import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CoreServices } from '../core-services';

type Db = Kysely<Database>;

/** One host's figures at one heartbeat. */
export interface HostSample {
  hostId: number;
  cpuUsedPercent: number;
  memoryUsed: number;
  memoryTotal: number;
}

/** Rows per INSERT: 5 values each stays well under SQLite's (32,766) and PostgreSQL's (65,535) parameter limits. */
const BATCH = 1000;

/** Writes one sample per host at `sampled` (ISO-8601), in one transaction; a host already sampled then is left as it is. */
export async function writeHostSamples(db: Db, samples: readonly HostSample[], sampled: string): Promise<number> {
  if (samples.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < samples.length; i += BATCH) {
      await trx
        .insertInto('host_stats_history')
        .values(
          samples.slice(i, i + BATCH).map((s) => ({
            host_id: s.hostId,
            sampled,
            cpu_used_percent: s.cpuUsedPercent,
            memory_used: s.memoryUsed,
            memory_total: s.memoryTotal,
          })),
        )
        .onConflict((oc) => oc.columns(['host_id', 'sampled']).doNothing())
        .execute();
    }
  });
  return samples.length;
}

/** Deletes the samples taken before `before` (ISO-8601), through the index on sampled. */
export async function pruneHostSamples(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('host_stats_history').where('sampled', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Keeps the heartbeats' host stats as history (CloudStack's host.stats.interval): each heartbeat
 * round hands over the figures of the hosts that answered, and a round keeps them when
 * host.stats.interval has passed since the last round that did. Rounds come every ping.interval,
 * a little early or late, so a round within half a ping interval of the due time counts as due:
 * with both at a minute every round samples, at five minutes every fifth. Each server samples the
 * hosts it pings, so servers sharing a database never sample a host twice. Samples older than
 * host.stats.history.retention.days are deleted as the next ones are written. Each sample is
 * announced on the live stream, so open host lists and charts refresh once per interval.
 */
export class HostStatsRecorder {
  private lastSampled: number | undefined;

  constructor(private readonly services: Pick<CoreServices, 'store' | 'config' | 'events'>) {}

  /** Records the round's samples if one is due at `now` (ms); returns how many were written. */
  async record(samples: readonly HostSample[], now: number): Promise<number> {
    const { config } = this.services;
    const interval = config.get<number>('host.stats.interval');
    const slack = (config.get<number>('ping.interval') * 1000) / 2;
    if (this.lastSampled !== undefined && now - this.lastSampled < interval - slack) return 0;
    this.lastSampled = now;
    const { db } = this.services.store;
    const written = await writeHostSamples(db, samples, new Date(now).toISOString());
    const days = config.get<number>('host.stats.history.retention.days');
    await pruneHostSamples(db, new Date(now - days * 24 * 3600 * 1000).toISOString());
    // Open hosts lists and charts refresh: new samples, and the last heartbeats they came with.
    this.services.events.publish({
      kind: 'resource',
      scope: { accountId: null, domainId: null },
      resource: { type: 'HostStats', ids: [], change: 'sampled' },
    });
    return written;
  }
}
