import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CoreServices } from '../core-services';
import { yieldToEventLoop } from '../event-loop';

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
      // Requests go on between statements (SQLite answers synchronously; see yieldToEventLoop).
      await yieldToEventLoop();
    }
  });
  return samples.length;
}

/** Deletes the samples taken before `before` (ISO-8601), through the index on sampled. */
export async function pruneHostSamples(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('host_stats_history').where('sampled', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export const HOUR_MS = 3600_000;

/** The start of the hour a time (ms) falls in. */
export const hourStart = (ms: number): number => Math.floor(ms / HOUR_MS) * HOUR_MS;

/**
 * A sample's hour as text: ISO-8601 times cut after the hour and completed (no parameters, so
 * PostgreSQL sees the same expression in the select list and the GROUP BY).
 */
const sampleHour = sql<string>`substr(sampled, 1, 13) || ':00:00.000Z'`;

/**
 * Averages the samples taken in [from, to) (ISO-8601 hour starts) into one row per host and hour;
 * an hour a host already has a row for is left as it is, so servers sharing a database may both
 * roll the same hours up.
 */
export async function rollUpHostSamples(db: Db, from: string, to: string): Promise<number> {
  const r = await db
    .insertInto('host_stats_hourly')
    .columns(['host_id', 'hour', 'cpu_used_percent', 'memory_used', 'memory_total', 'samples'])
    .expression(
      db
        .selectFrom('host_stats_history')
        .select([
          'host_id',
          sampleHour.as('hour'),
          sql<number>`avg(cpu_used_percent)`.as('cpu_used_percent'),
          sql<number>`cast(round(avg(memory_used)) as bigint)`.as('memory_used'),
          sql<number>`max(memory_total)`.as('memory_total'),
          sql<number>`count(*)`.as('samples'),
        ])
        .where('sampled', '>=', from)
        .where('sampled', '<', to)
        .groupBy(['host_id', sampleHour]),
    )
    .onConflict((oc) => oc.columns(['host_id', 'hour']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** The end (ms) of the last hour rolled up, or undefined before the first roll-up. */
export async function rolledUpUntil(db: Db): Promise<number | undefined> {
  const row = await db
    .selectFrom('host_stats_hourly')
    .select((eb) => eb.fn.max('hour').as('hour'))
    .executeTakeFirst();
  return row?.hour ? Date.parse(row.hour) + HOUR_MS : undefined;
}

/** Deletes the hourly averages of hours that started before `before` (ISO-8601). */
export async function pruneHostHours(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('host_stats_hourly').where('hour', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Keeps the heartbeats' host stats as history (CloudStack's host.stats.interval): each heartbeat
 * round hands over the figures of the hosts that answered, and a round keeps them when
 * host.stats.interval has passed since the last round that did. Rounds come every ping.interval,
 * a little early or late, so a round within half a ping interval of the due time counts as due:
 * with both at a minute every round samples, at five minutes every fifth. Each server samples the
 * hosts it pings, so servers sharing a database never sample a host twice. Each sample is
 * announced on the live stream, so open host lists and charts refresh once per interval.
 *
 * Samples are kept for host.stats.history.detail.retention.hours; each complete hour is averaged
 * into host_stats_hourly first, and those rows are kept for host.stats.history.retention.days.
 * An hour is complete two ping intervals after it ends: every server has written its samples of
 * it by then, so whichever server rolls it up first sees them all.
 */
export class HostStatsRecorder {
  private lastSampled: number | undefined;
  /** The end (ms) of the hours rolled up so far; read from the database at the first round. */
  private rolledUntil: number | undefined;

  constructor(private readonly services: Pick<CoreServices, 'store' | 'config' | 'events'>) {}

  /** Records the round's samples if one is due at `now` (ms); returns how many were written. */
  async record(samples: readonly HostSample[], now: number): Promise<number> {
    const { config } = this.services;
    const interval = config.get<number>('host.stats.interval');
    const pingMs = config.get<number>('ping.interval') * 1000;
    if (this.lastSampled !== undefined && now - this.lastSampled < interval - pingMs / 2) return 0;
    this.lastSampled = now;
    const { db } = this.services.store;
    const written = await writeHostSamples(db, samples, new Date(now).toISOString());
    const rolled = await this.rollUp(db, hourStart(now - 2 * pingMs));
    const detailHours = config.get<number>('host.stats.history.detail.retention.hours');
    // A sample not yet averaged into its hour stays, whatever its age.
    await pruneHostSamples(db, new Date(Math.min(now - detailHours * HOUR_MS, rolled)).toISOString());
    const days = config.get<number>('host.stats.history.retention.days');
    await pruneHostHours(db, new Date(now - days * 24 * HOUR_MS).toISOString());
    // Open hosts lists and charts refresh: new samples, and the last heartbeats they came with.
    this.services.events.publish({
      kind: 'resource',
      scope: { accountId: null, domainId: null },
      resource: { type: 'HostStats', ids: [], change: 'sampled' },
    });
    return written;
  }

  /** Rolls up the hours before `complete` (ms, an hour start) not rolled up yet; returns where rolling ended. */
  private async rollUp(db: Db, complete: number): Promise<number> {
    if (this.rolledUntil === undefined) {
      const oldest = await oldestSampleTime(db);
      this.rolledUntil = (await rolledUpUntil(db)) ?? (oldest === undefined ? complete : hourStart(oldest));
    }
    if (this.rolledUntil < complete) {
      await rollUpHostSamples(db, new Date(this.rolledUntil).toISOString(), new Date(complete).toISOString());
      this.rolledUntil = complete;
    }
    return this.rolledUntil;
  }
}

/** The time (ms) of the oldest sample kept, if any. */
export async function oldestSampleTime(db: Db): Promise<number | undefined> {
  const row = await db
    .selectFrom('host_stats_history')
    .select((eb) => eb.fn.min('sampled').as('sampled'))
    .executeTakeFirst();
  return row?.sampled ? Date.parse(row.sampled) : undefined;
}
