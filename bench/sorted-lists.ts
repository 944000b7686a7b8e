/**
 * Sorted lists (issue 9): a deep page of listHosts sorted by name, by state and unsorted at
 * 100k hosts, through in-process dispatch (the page is paged in SQL: the worst case, no whole
 * list kept in memory), and the plan each database picks for the sorted page of ids.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Core } from '../core/src/core';
import { hostRow, seedCluster, seedPod, seedZone } from '../core/test/infrastructure/seed';
import { adminOf, call, seedingCore } from './seed';
import { ms, timeRuns } from './stats';

const HOSTS = Number(process.env.BENCH_SORT_HOSTS ?? 100_000);
const PAGE_SIZE = 20;
const STATUSES = ['Up', 'Up', 'Up', 'Up', 'Up', 'Up', 'Down', 'Alert', 'Disconnected', 'Connecting'];

/** Bulk-inserts Simulator hosts with random names and a mix of states (in batches of 1000). */
async function seedHosts(core: Core, count: number): Promise<void> {
  const db = core.store.db;
  const zone = await seedZone(db, { name: 'bench-sort' });
  const pod = await seedPod(db, zone.id, { name: 'bench-sort-pod' });
  const cluster = await seedCluster(db, pod, { name: 'bench-sort-cluster' });
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, i) => {
      const n = start + i;
      const name = `host-${crypto.randomBytes(4).toString('hex')}`;
      return hostRow(cluster, name, {
        url: `http://sim/bench-sort/${n}`,
        private_ip: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        status: STATUSES[n % STATUSES.length]!,
        cpu_allocated: (n * 7919) % 38_400,
      });
    });
    await db.insertInto('hosts').values(rows).execute();
  }
}

/** The plan of the sorted page of ids, in one line. */
async function planOf(core: Core, kind: 'sqlite' | 'postgres', offset: number): Promise<string> {
  const query = `select id from hosts where removed is null order by name, id limit ${PAGE_SIZE} offset ${offset}`;
  if (kind === 'sqlite') {
    const { rows } = await sql<{ detail: string }>`explain query plan ${sql.raw(query)}`.execute(core.store.db);
    return rows.map((r) => r.detail).join('; ');
  }
  const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(query)}`.execute(core.store.db);
  return rows
    .map((r) => r['QUERY PLAN'].trim())
    .filter((line) => /Scan|Sort/.test(line))
    .join('; ');
}

export async function benchSortedLists(kind: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-bench-sort-'));
  const { core } = await seedingCore(kind, dataDir, 'bench-sort');
  try {
    const admin = await adminOf(core);
    const started = Date.now();
    await seedHosts(core, HOSTS);
    if (kind === 'postgres') await sql`ANALYZE`.execute(core.store.db);
    console.log(`\n[${kind}] sorted lists: ${HOSTS} hosts seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const pages = Math.ceil(HOSTS / PAGE_SIZE);
    // The last 50 pages: the deepest offsets.
    const deep = (i: number) => String(pages - (i % 50));
    const figures: [string, Record<string, string>][] = [
      ['unsorted (id order)', {}],
      ['sorted by name', { sortby: 'name' }],
      ['sorted by state, desc', { sortby: 'state', sortorder: 'desc' }],
      ['sorted by cpuallocated', { sortby: 'cpuallocated' }],
    ];
    for (const [label, sort] of figures) {
      const timed = await timeRuns(50, (i) =>
        call(core, admin, 'listHosts', { ...sort, page: deep(i), pagesize: String(PAGE_SIZE) }),
      );
      console.log(
        `[${kind}] listHosts deep page (offset ~${HOSTS - PAGE_SIZE * 50}..${HOSTS}) of ${PAGE_SIZE} at ${HOSTS} hosts, ${label}: median ${ms(timed.median)}, p95 ${ms(timed.p95)}`,
      );
    }
    console.log(`[${kind}] plan of a deep page of ids sorted by name: ${await planOf(core, kind, HOSTS - PAGE_SIZE)}`);
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
