/**
 * Per-host stats history (issue 9): what keeping one sample of 11,000 hosts costs (one heartbeat
 * round's write into host_stats_history, and the retention purge that deletes as many), rolling an
 * hour of samples up into host_stats_hourly, how much room a sample and an hourly row take (and so
 * the history at the default retention), a host's week read by listHostsUsageHistory, and
 * listHosts sorted by the unindexed lastpinged and cpuused (heartbeats rewrite those columns on
 * every host, see 0013).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Core } from '../core/src/core';
import {
  HOUR_MS,
  hourStart,
  pruneHostSamples,
  rollUpHostSamples,
  writeHostSamples,
  type HostSample,
} from '../core/src/services/infrastructure/host-stats-history';
import { hostRow, seedCluster, seedPod, seedZone } from '../core/test/infrastructure/seed';
import { adminOf, call, seedingCore } from './seed';
import { ms, timeRuns } from './stats';

const HOSTS = Number(process.env.BENCH_STATS_HOSTS ?? 11_000);
/** An hour of samples, a minute apart (host.stats.interval's default). */
const ROUNDS = 60;
/** The defaults: samples for a day (detail retention), hourly averages for a week. */
const DETAIL_HOURS = 24;
const WEEK_HOURS = 7 * 24;
const GiB = 1024 ** 3;

async function seedHosts(core: Core): Promise<number[]> {
  const db = core.store.db;
  const zone = await seedZone(db, { name: 'bench-stats' });
  const pod = await seedPod(db, zone.id, { name: 'bench-stats-pod' });
  const cluster = await seedCluster(db, pod, { name: 'bench-stats-cluster' });
  const now = Date.now();
  for (let start = 0; start < HOSTS; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, HOSTS - start) }, (_, i) => {
      const n = start + i;
      return hostRow(cluster, `stats-${n}`, {
        url: `http://sim/bench-stats/${n}`,
        last_ping: new Date(now - ((n * 7919) % 60_000)).toISOString(),
        cpu_used_percent: (n * 37) % 100,
        memory_used: ((n * 13) % 64) * GiB,
      });
    });
    await db.insertInto('hosts').values(rows).execute();
  }
  return (await db.selectFrom('hosts').select('id').orderBy('id').execute()).map((r) => r.id);
}

const samplesOf = (ids: number[], round: number): HostSample[] =>
  ids.map((hostId, i) => ({
    hostId,
    cpuUsedPercent: ((i + round) * 37) % 100,
    memoryUsed: (((i + round) * 13) % 64) * GiB,
    memoryTotal: 64 * GiB,
  }));

async function sizeOf(core: Core, kind: 'sqlite' | 'postgres', table: string): Promise<number> {
  if (kind === 'postgres') {
    const { rows } = await sql<{ n: string }>`select pg_total_relation_size(${table}) as n`.execute(core.store.db);
    return Number(rows[0]?.n ?? 0);
  }
  // The whole file's pages: measured before and after the rows, the difference is theirs.
  const pages = await sql<{ page_count: number }>`pragma page_count`.execute(core.store.db);
  const size = await sql<{ page_size: number }>`pragma page_size`.execute(core.store.db);
  return Number(pages.rows[0]?.page_count ?? 0) * Number(size.rows[0]?.page_size ?? 0);
}

export async function benchHostStats(kind: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-bench-stats-'));
  const { core } = await seedingCore(kind, dataDir, 'bench-stats');
  try {
    const admin = await adminOf(core);
    const ids = await seedHosts(core);
    const db = core.store.db;
    const minute = 60_000;
    // A whole hour, a few hours back, so its samples are all in one hour.
    const t0 = hourStart(Date.now()) - 3 * HOUR_MS;
    const before = await sizeOf(core, kind, 'host_stats_history');
    // An hour of samples: the time of one round's write of every host, a minute apart.
    const writes = await timeRuns(ROUNDS, (i) =>
      writeHostSamples(db, samplesOf(ids, i), new Date(t0 + i * minute).toISOString()),
    );
    console.log(
      `\n[${kind}] host stats: one sample of ${HOSTS} hosts written in median ${ms(writes.median)}, p95 ${ms(writes.p95)}`,
    );
    if (kind === 'postgres') await sql`VACUUM ANALYZE host_stats_history`.execute(db);
    const sampleBytes = ((await sizeOf(core, kind, 'host_stats_history')) - before) / (ROUNDS * HOSTS);
    console.log(`[${kind}] host stats: ${sampleBytes.toFixed(0)} bytes per sample with its indexes`);

    // The hour rolled up into one row per host, as the first round after it does.
    const hourlyBefore = await sizeOf(core, kind, 'host_stats_hourly');
    const rollStart = performance.now();
    const rolled = await rollUpHostSamples(db, new Date(t0).toISOString(), new Date(t0 + HOUR_MS).toISOString());
    const rollMs = performance.now() - rollStart;
    if (kind === 'postgres') await sql`VACUUM ANALYZE host_stats_hourly`.execute(db);
    const hourBytes = ((await sizeOf(core, kind, 'host_stats_hourly')) - hourlyBefore) / rolled;
    console.log(
      `[${kind}] host stats: an hour of ${HOSTS} hosts (${ROUNDS * HOSTS} samples) rolled up into ${rolled} rows in ${ms(rollMs)}; ${hourBytes.toFixed(0)} bytes per hourly row`,
    );
    const stored = sampleBytes * HOSTS * DETAIL_HOURS * 60 + hourBytes * HOSTS * WEEK_HOURS;
    const allSamples = sampleBytes * HOSTS * WEEK_HOURS * 60;
    console.log(
      `[${kind}] host stats at the defaults (a day of minutes, a week of hours) for ${HOSTS} hosts ≈ ${(stored / GiB).toFixed(2)} GiB (a week of minutes would be ${(allSamples / GiB).toFixed(1)} GiB)`,
    );

    // The purge as the recorder runs it: one round's worth of the oldest samples at a time.
    const purges = await timeRuns(10, (i) => pruneHostSamples(db, new Date(t0 + (i + 1) * minute - 1).toISOString()));
    console.log(
      `[${kind}] host stats: purging one round (${HOSTS} samples): median ${ms(purges.median)}, p95 ${ms(purges.p95)}`,
    );

    // One host's week, read as the drawer's 7-day chart reads it: hourly rows, then the last hour's samples.
    const host = ids[0]!;
    const now = Date.now();
    const hours = Array.from({ length: WEEK_HOURS }, (_, i) => ({
      host_id: host,
      hour: new Date(hourStart(now) - (WEEK_HOURS - i) * HOUR_MS).toISOString(),
      cpu_used_percent: 12,
      memory_used: GiB,
      memory_total: 64 * GiB,
      samples: 60,
    }));
    await db
      .insertInto('host_stats_hourly')
      .values(hours)
      .onConflict((oc) => oc.columns(['host_id', 'hour']).doNothing())
      .execute();
    const recent = Array.from({ length: 60 }, (_, i) => ({
      hostId: host,
      cpuUsedPercent: 12,
      memoryUsed: GiB,
      memoryTotal: 64 * GiB,
      at: new Date(now - (60 - i) * minute).toISOString(),
    }));
    for (const r of recent) await writeHostSamples(db, [r], r.at);
    const uuid = (await db.selectFrom('hosts').select('uuid').where('id', '=', host).executeTakeFirstOrThrow()).uuid;
    const since = new Date(now - 7 * 24 * HOUR_MS).toISOString().slice(0, 19).replace('T', ' ');
    const read = await timeRuns(20, () => call(core, admin, 'listHostsUsageHistory', { id: uuid, startdate: since }));
    console.log(
      `[${kind}] listHostsUsageHistory, one host's week (hourly averages and the last hour's samples): median ${ms(read.median)}, p95 ${ms(read.p95)}`,
    );

    for (const sortby of ['lastpinged', 'cpuused']) {
      const sorted = await timeRuns(20, () =>
        call(core, admin, 'listHosts', { sortby, sortorder: 'desc', page: '1', pagesize: '100' }),
      );
      console.log(
        `[${kind}] listHosts first page of 100 at ${HOSTS} hosts sorted by ${sortby} (no index): median ${ms(sorted.median)}, p95 ${ms(sorted.p95)}`,
      );
    }
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
