/**
 * Per-host stats history (issue 9): what keeping one sample of 11,000 hosts costs (one heartbeat
 * round's write into host_stats_history, and the retention purge that deletes as many), how much
 * room a sample takes, a host's week read by listHostsUsageHistory, and listHosts sorted by the
 * unindexed lastpinged and cpuused (heartbeats rewrite those columns on every host, see 0013).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Core } from '../core/src/core';
import {
  pruneHostSamples,
  writeHostSamples,
  type HostSample,
} from '../core/src/services/infrastructure/host-stats-history';
import { hostRow, seedCluster, seedPod, seedZone } from '../core/test/infrastructure/seed';
import { adminOf, call, seedingCore } from './seed';
import { ms, timeRuns } from './stats';

const HOSTS = Number(process.env.BENCH_STATS_HOSTS ?? 11_000);
/** Samples of one host kept for its week read: a week of minutes. */
const WEEK = 7 * 24 * 60;
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

async function sizeOf(core: Core, kind: 'sqlite' | 'postgres'): Promise<number> {
  if (kind === 'postgres') {
    const { rows } = await sql<{ n: string }>`select pg_total_relation_size('host_stats_history') as n`.execute(
      core.store.db,
    );
    return Number(rows[0]?.n ?? 0);
  }
  // The whole file's pages: measured before and after the samples, the difference is theirs.
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
    const t0 = Date.now() - 100 * minute;
    const before = await sizeOf(core, kind);
    // 20 rounds of samples: the time of one round's write of every host, a minute apart.
    const writes = await timeRuns(20, (i) =>
      writeHostSamples(db, samplesOf(ids, i), new Date(t0 + i * minute).toISOString()),
    );
    console.log(
      `\n[${kind}] host stats: one sample of ${HOSTS} hosts written in median ${ms(writes.median)}, p95 ${ms(writes.p95)}`,
    );
    if (kind === 'postgres') await sql`VACUUM ANALYZE host_stats_history`.execute(db);
    const bytes = (await sizeOf(core, kind)) - before;
    console.log(
      `[${kind}] host stats: ${(bytes / (20 * HOSTS)).toFixed(0)} bytes per sample with its indexes (${(bytes / 1024 ** 2).toFixed(0)} MiB for 20 rounds); a week of minutes at ${HOSTS} hosts ≈ ${(((bytes / 20) * WEEK) / 1024 ** 3).toFixed(1)} GiB`,
    );
    // The purge as the recorder runs it: one round's worth of the oldest samples at a time.
    const purges = await timeRuns(10, (i) => pruneHostSamples(db, new Date(t0 + (i + 1) * minute - 1).toISOString()));
    console.log(
      `[${kind}] host stats: purging one round (${HOSTS} samples): median ${ms(purges.median)}, p95 ${ms(purges.p95)}`,
    );

    // One host's week of minutes, read as the drawer's 7-day chart reads it.
    const host = ids[0]!;
    const week = Array.from({ length: WEEK }, (_, i) => ({
      host_id: host,
      sampled: new Date(Date.now() - (WEEK - i) * minute).toISOString(),
      cpu_used_percent: 12,
      memory_used: GiB,
      memory_total: 64 * GiB,
    }));
    for (let i = 0; i < week.length; i += 1000) {
      await db
        .insertInto('host_stats_history')
        .values(week.slice(i, i + 1000))
        .onConflict((oc) => oc.columns(['host_id', 'sampled']).doNothing())
        .execute();
    }
    const uuid = (await db.selectFrom('hosts').select('uuid').where('id', '=', host).executeTakeFirstOrThrow()).uuid;
    const since = new Date(Date.now() - 7 * 24 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    const read = await timeRuns(20, () => call(core, admin, 'listHostsUsageHistory', { id: uuid, startdate: since }));
    console.log(
      `[${kind}] listHostsUsageHistory, one host's week (${WEEK} samples): median ${ms(read.median)}, p95 ${ms(read.p95)}`,
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
