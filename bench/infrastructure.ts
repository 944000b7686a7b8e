/**
 * Infrastructure figures: time to import 1,000 and 10,000 Simulator hosts through the Marvin
 * datacenter import (the same API calls any client makes), listHosts page latency and
 * listCapacity time at 10,000 hosts, and the diagram's first render in Chromium.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createCore, type Core } from '../core/src/core';
import type { Caller } from '../core/src/services/caller';
import { startServer } from '../core/src/server/cli';
import { benchDiagramRender } from './diagram-render';
import { database } from './databases';
import { ms, timeRuns } from './stats';
import { adminOf, BENCH_PASSWORD as PASSWORD, call, importHosts } from './seed';

export async function benchInfrastructure(kind: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-bench-infra-'));
  const core = await createCore({
    database: await database(kind, dataDir),
    dataDir,
    adminPassword: PASSWORD,
    secretKey: crypto.randomBytes(32),
    runMonitors: false,
  });
  try {
    const admin = await adminOf(core);
    const small = Number(process.env.BENCH_HOSTS_SMALL ?? 1_000);
    const large = Number(process.env.BENCH_HOSTS ?? 10_000);

    const smallSeconds = await importHosts(core, admin, small, 'bench-1k');
    console.log(
      `\n[${kind}] import of a Marvin description with ${small} Simulator hosts: ${smallSeconds.toFixed(1)} s`,
    );
    if (kind === 'sqlite') await diagramFirstRender(core, kind);
    const largeSeconds = await importHosts(core, admin, large, 'bench-10k');
    console.log(`[${kind}] import of a Marvin description with ${large} Simulator hosts: ${largeSeconds.toFixed(1)} s`);
    const total = small + large;
    if (kind === 'postgres') await sql`ANALYZE`.execute(core.store.db);

    const pageSize = 500;
    const pages = Math.ceil(total / pageSize);
    const first = await call(core, admin, 'listHosts', { page: '1', pagesize: String(pageSize) });
    if (first.count !== total) throw new Error(`listHosts count ${first.count}, expected ${total}`);
    const listHosts = await timeRuns(200, (i) =>
      call(core, admin, 'listHosts', { page: String((i % pages) + 1), pagesize: String(pageSize) }),
    );
    console.log(
      `[${kind}] listHosts page of ${pageSize} at ${total} hosts: median ${ms(listHosts.median)}, p95 ${ms(listHosts.p95)} (target p95 < 50 ms)`,
    );
    const zones = (await call(core, admin, 'listZones', {})).zone as { id: string }[];
    const clusters = (await call(core, admin, 'listClusters', { pagesize: '-1' })).cluster as { id: string }[];
    const filtered = await timeRuns(100, (i) =>
      call(core, admin, 'listHosts', { clusterid: clusters[i % clusters.length]!.id, state: 'Up' }),
    );
    console.log(
      `[${kind}] listHosts of one cluster (state=Up) at ${total} hosts: median ${ms(filtered.median)}, p95 ${ms(filtered.p95)}`,
    );

    const capacity = await timeRuns(50, () => call(core, admin, 'listCapacity', { fetchlatest: 'true' }));
    console.log(
      `[${kind}] listCapacity (all zones, fetchlatest) at ${total} hosts: median ${ms(capacity.median)}, p95 ${ms(capacity.p95)}`,
    );
    const perCluster = await timeRuns(50, (i) =>
      call(core, admin, 'listCapacity', { zoneid: zones[i % zones.length]!.id, sortby: 'usage' }),
    );
    console.log(
      `[${kind}] listCapacity of one zone sorted by usage at ${total} hosts: median ${ms(perCluster.median)}, p95 ${ms(perCluster.p95)}`,
    );
    const topology = await timeRuns(20, () => call(core, admin, 'listInfrastructureTopology', {}));
    console.log(
      `[${kind}] listInfrastructureTopology (aggregated) at ${total} hosts: median ${ms(topology.median)}, p95 ${ms(topology.p95)}`,
    );
    await benchSearch(core, admin, kind, total);
    const sampleStart = process.hrtime.bigint();
    await core.capacityMonitor.sample();
    console.log(
      `[${kind}] capacity sample (history rows + threshold alerts) at ${total} hosts: ${ms(Number(process.hrtime.bigint() - sampleStart) / 1e6)}`,
    );

    if (kind === 'sqlite') await diagramFirstRender(core, kind);
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Ctrl+K's searchResources at `total` hosts, by what an operator types. */
async function benchSearch(core: Core, admin: Caller, kind: string, total: number): Promise<void> {
  const someHosts = (await call(core, admin, 'listHosts', { page: '7', pagesize: '50' })).host as {
    id: string;
    name: string;
    ipaddress: string;
  }[];
  const queries: [string, (h: (typeof someHosts)[number]) => string][] = [
    ['a name fragment', (h) => h.name.slice(-6)],
    ['an IP address', (h) => h.ipaddress],
    ['an IP prefix', (h) => h.ipaddress.split('.').slice(0, 3).join('.')],
    ['a UUID', (h) => h.id],
  ];
  for (const [what, query] of queries) {
    const search = await timeRuns(100, (i) =>
      call(core, admin, 'searchResources', { query: query(someHosts[i % someHosts.length]!) }),
    );
    console.log(
      `[${kind}] searchResources (Ctrl+K) by ${what} at ${total} hosts: median ${ms(search.median)}, p95 ${ms(search.p95)}`,
    );
  }
}

/** The diagram's first render in Chromium, over a server on this core (its whole cloud). */
async function diagramFirstRender(core: Core, kind: string): Promise<void> {
  if (process.env.BENCH_SKIP_BROWSER === '1') return;
  const server = await startServer({ core, host: '127.0.0.1', port: 0 });
  try {
    const render = await benchDiagramRender({ baseUrl: server.url, adminPassword: PASSWORD });
    console.log(
      `[${kind}] diagram first render in Chromium at ${render.hosts} hosts (${render.nodes} nodes): ${ms(render.firstRenderMs)} (target < 1 s)`,
    );
  } finally {
    await server.close();
  }
}
