import crypto from 'node:crypto';
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InfrastructureHealth } from '../../src/api/schemas/infrastructure';
import { nowIso } from '../../src/domain/time';
import { infrastructureHealth } from '../../src/services/infrastructure/health';
import type { CoreServices } from '../../src/services/core-services';
import { dialects, startTestCore, type TestCore } from '../harness';
import { QueryCounter } from '../query-counter';
import { callerOf, createAccount, fails, ok } from '../tenancy/fixtures';
import { hostRow, insertHostRows, seedCluster, seedHost, seedPod, seedZone } from './seed';

const GiB = 1024 ** 3;

/** Keeps the statements a handle runs, to ask the database how it plans them. */
class StatementRecorder implements KyselyPlugin {
  nodes: RootOperationNode[] = [];
  transformQuery(args: { node: RootOperationNode }): RootOperationNode {
    this.nodes.push(args.node);
    return args.node;
  }
  async transformResult<T>(args: { result: T }): Promise<T> {
    return args.result;
  }
}

describe.each(dialects())('listInfrastructureHealth (%s)', (dialect) => {
  let tc: TestCore;
  let zone: { id: number; uuid: string };
  let pod: { id: number; uuid: string; zone_id: number };
  let c1: { id: number; uuid: string; pod_id: number; zone_id: number };
  let c2: { id: number; uuid: string; pod_id: number; zone_id: number };

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const db = tc.core.store.db;
    zone = await seedZone(db, { name: 'health-a' });
    pod = await seedPod(db, zone.id, { name: 'health-pod' });
    c1 = await seedCluster(db, pod, { name: 'health-c1' });
    c2 = await seedCluster(db, pod, { name: 'health-c2' });
    for (let i = 0; i < 3; i++) await seedHost(db, c1, { name: `up-${i}` });
    await seedHost(db, c1, { name: 'down', status: 'Down' });
    await seedHost(db, c1, { name: 'silent', status: 'Disconnected' });
    await seedHost(db, c2, { name: 'up-c2' });
    await seedHost(db, c2, { name: 'alert', status: 'Alert' });
    // Maintenance wins over the heartbeat state: these count as Maintenance / PrepareForMaintenance only.
    await seedHost(db, c2, { name: 'maint-up', resourceState: 'Maintenance' });
    await seedHost(db, c2, { name: 'maint-down', status: 'Down', resourceState: 'Maintenance' });
    await seedHost(db, c2, { name: 'preparing', resourceState: 'PrepareForMaintenance' });
    await seedHost(db, c2, { name: 'failed-maint', status: 'Alert', resourceState: 'ErrorInMaintenance' });
    // A Disabled host still counts by its heartbeat.
    await seedHost(db, c2, { name: 'disabled-up', resourceState: 'Disabled' });
    // Neither a removed host nor a host of another type is on the Hosts list.
    const gone = await seedHost(db, c1, { name: 'removed', status: 'Down' });
    await db.updateTable('hosts').set({ removed: nowIso() }).where('id', '=', gone.id).execute();
    const other = await seedHost(db, c1, { name: 'not-routing', status: 'Down' });
    await db.updateTable('hosts').set({ type: 'SecondaryStorageVM' }).where('id', '=', other.id).execute();

    const elsewhere = await seedZone(db, { name: 'health-b' });
    await seedHost(db, await seedCluster(db, await seedPod(db, elsewhere.id)), { name: 'far-down', status: 'Down' });

    for (const [name, clusterid] of [
      ['pool-1', c1.uuid],
      ['pool-2', c1.uuid],
      ['pool-3', c2.uuid],
    ] as const) {
      ok(
        await tc.call('createStoragePool', {
          zoneid: zone.uuid,
          clusterid,
          name,
          url: `nfs://10.0.0.5/${name}`,
          capacitybytes: String(100 * GiB),
        }),
      );
    }
    ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        scope: 'zone',
        hypervisor: 'Simulator',
        name: 'zone-pool',
        url: 'nfs://10.0.0.5/zone-pool',
      }),
    );
    await db.updateTable('storage_pools').set({ status: 'Maintenance' }).where('name', '=', 'pool-2').execute();
    await db.updateTable('storage_pools').set({ status: 'Disabled' }).where('name', '=', 'zone-pool').execute();
    ok(await tc.call('addImageStore', { name: 'store-1', url: 'nfs://10.0.0.6/s1', zoneid: zone.uuid }));
    ok(await tc.call('addImageStore', { name: 'store-2', url: 'nfs://10.0.0.6/s2', zoneid: zone.uuid }));
    await db.updateTable('image_stores').set({ read_only: 1 }).where('name', '=', 'store-2').execute();
  });
  afterAll(async () => tc?.close());

  const health = async (params: Record<string, string> = {}) => {
    const answer = ok(await tc.call('listInfrastructureHealth', params)).infrastructurehealth;
    InfrastructureHealth.parse(answer);
    return answer;
  };

  it('counts each host once: maintenance by resource state, every other host by its heartbeat', async () => {
    const h = await health({ zoneid: zone.uuid });
    expect(h.hosts).toEqual({
      count: 12,
      health: {
        Up: 5,
        Down: 1,
        Disconnected: 1,
        Alert: 1,
        Maintenance: 2,
        PrepareForMaintenance: 1,
        ErrorInMaintenance: 1,
      },
      states: { Up: 7, Down: 2, Disconnected: 1, Alert: 2 },
      resourcestates: { Enabled: 7, Disabled: 1, Maintenance: 2, PrepareForMaintenance: 1, ErrorInMaintenance: 1 },
    });
    const parts = Object.values(h.hosts.health as Record<string, number>);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(h.hosts.count);
  });

  it("lists exactly each part's hosts with listHosts health=<part>", async () => {
    const h = await health({ zoneid: zone.uuid });
    for (const [part, count] of Object.entries(h.hosts.health as Record<string, number>)) {
      const listed = ok(await tc.call('listHosts', { zoneid: zone.uuid, type: 'Routing', health: part.toLowerCase() }));
      expect([part, listed.count]).toEqual([part, count]);
    }
    const up = ok(await tc.call('listHosts', { zoneid: zone.uuid, type: 'Routing', health: 'Up' })).host.map(
      (x: { name: string }) => x.name,
    );
    // Hosts in maintenance are not Up parts, however they answer; a Disabled host that answers is.
    expect(up.sort()).toEqual(['disabled-up', 'up-0', 'up-1', 'up-2', 'up-c2']);
    // listHosts state=Up stays CloudStack's filter: every answering host, in maintenance or not.
    expect(ok(await tc.call('listHosts', { zoneid: zone.uuid, state: 'Up' })).count).toBe(7);
  });

  it('counts pools by state and image stores with their read-only ones', async () => {
    const h = await health({ zoneid: zone.uuid });
    expect(h.storagepools).toEqual({ count: 4, states: { Up: 2, Maintenance: 1, Disabled: 1 } });
    expect(h.imagestores).toEqual({ count: 2, readonly: 1 });
  });

  it('covers every zone without a scope', async () => {
    const h = await health();
    expect(h.hosts.count).toBe(13);
    expect(h.hosts.health.Down).toBe(2);
  });

  it('limits the counts to a pod or a cluster as the lists filter them', async () => {
    const inPod = await health({ podid: pod.uuid });
    expect(inPod.hosts.count).toBe(12);
    // Zone-wide pools and image stores are in no pod.
    expect(inPod.storagepools).toEqual({ count: 3, states: { Up: 2, Maintenance: 1 } });
    expect(inPod.imagestores).toEqual({ count: 0, readonly: 0 });
    const inCluster = await health({ clusterid: c1.uuid });
    expect(inCluster.hosts).toEqual({
      count: 5,
      health: { Up: 3, Down: 1, Disconnected: 1 },
      states: { Up: 3, Down: 1, Disconnected: 1 },
      resourcestates: { Enabled: 5 },
    });
    expect(inCluster.storagepools).toEqual({ count: 2, states: { Up: 1, Maintenance: 1 } });
    // The hosts the strip counts are the ones listHosts shows for the same filters.
    const listed = ok(await tc.call('listHosts', { clusterid: c1.uuid, type: 'Routing', state: 'Down' }));
    expect(listed.count).toBe(inCluster.hosts.health.Down);
    const maint = ok(await tc.call('listHosts', { zoneid: zone.uuid, type: 'Routing', resourcestate: 'Maintenance' }));
    expect(maint.count).toBe(2);
  });

  it('refuses an unknown zone, and callers who may not read the infrastructure', async () => {
    fails(await tc.call('listInfrastructureHealth', { zoneid: crypto.randomUUID() }), 431, /zone/i);
    const user = await createAccount(tc, { username: `health-user-${dialect}` });
    fails(await tc.call('listInfrastructureHealth', {}, await callerOf(tc, user.user[0].id)), 432);
    const ra = await createAccount(tc, { username: `health-ra-${dialect}`, accounttype: 3 });
    const answer = ok(await tc.call('listInfrastructureHealth', {}, await callerOf(tc, ra.user[0].id)));
    expect(answer.infrastructurehealth.hosts.count).toBe(13);
  });

  it('answers at 11,000 hosts with the same three grouped queries, the host count from its index', async () => {
    const db = tc.core.store.db;
    const bigZone = await seedZone(db, { name: 'health-big' });
    const bigPod = await seedPod(db, bigZone.id);
    const clusters: Awaited<ReturnType<typeof seedCluster>>[] = [];
    for (let i = 0; i < 20; i++) clusters.push(await seedCluster(db, bigPod, { name: `big-${i}` }));
    const rows = Array.from({ length: 11_000 }, (_, i) =>
      hostRow(clusters[i % clusters.length]!, `big-h${i}`, {
        url: `http://sim/health-big/${i}`,
        username: null,
        status: i % 101 === 0 ? 'Disconnected' : 'Up',
        resource_state: i % 53 === 0 ? 'Maintenance' : 'Enabled',
      }),
    );
    await insertHostRows(db, rows);
    if (dialect === 'postgres') await sql`analyze hosts`.execute(db);

    const counter = new QueryCounter();
    const recorder = new StatementRecorder();
    const services = {
      store: { ...tc.core.store, db: db.withPlugin(counter).withPlugin(recorder) },
    } as Pick<CoreServices, 'store'>;
    const timed = async (input: { zoneid?: string }) => {
      counter.count = 0;
      const started = performance.now();
      const answer = await infrastructureHealth(services, input);
      return { answer, ms: performance.now() - started, queries: counter.count };
    };
    const zoneOnly = await timed({ zoneid: bigZone.uuid });
    // One lookup of the zone, then hosts, pools and image stores: one query each.
    expect(zoneOnly.queries).toBe(4);
    const maintenance = rows.filter((r) => r.resource_state === 'Maintenance').length;
    const disconnected = rows.filter((r) => r.status === 'Disconnected' && r.resource_state !== 'Maintenance').length;
    expect(zoneOnly.answer.hosts.count).toBe(11_000);
    expect(zoneOnly.answer.hosts.health).toEqual({
      Up: 11_000 - maintenance - disconnected,
      Disconnected: disconnected,
      Maintenance: maintenance,
    });
    recorder.nodes = [];
    const everything = await timed({});
    expect(everything.queries).toBe(3);
    expect(everything.answer.hosts.count).toBe(11_013);
    console.log(
      `[health] ${dialect}, 11,013 hosts: all zones ${everything.ms.toFixed(1)} ms, a zone of 11,000 ${zoneOnly.ms.toFixed(1)} ms`,
    );

    // Unscoped (the dashboard of all zones, an unfiltered list), SQLite reads hosts_health alone, in group order.
    if (dialect === 'sqlite') {
      const hostQuery = recorder.nodes
        .map((node) => db.getExecutor().compileQuery(node, { queryId: 'plan' }))
        .find((q) => /group by "status", "resource_state"/.test(q.sql))!;
      const plan = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${hostQuery.sql}`, [...hostQuery.parameters]),
      );
      const details = plan.rows.map((r) => r.detail).join('\n');
      expect(details).toMatch(/USING COVERING INDEX hosts_health/);
      expect(details).not.toMatch(/TEMP B-TREE/);
    }
  }, 120_000);
});
