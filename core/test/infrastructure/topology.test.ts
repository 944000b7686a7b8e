import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../src/api/schemas/infrastructure';
import { listCapacity } from '../../src/services/capacity/capacity-list';
import { infrastructureTopology } from '../../src/services/capacity/topology';
import type { CoreServices } from '../../src/services/core-services';
import { dialects, startTestCore, type TestCore } from '../harness';
import { QueryCounter } from '../query-counter';
import { fails, ok } from '../tenancy/fixtures';
import { hostRow, insertHostRows, seedCluster, seedHost, seedPod, seedZone } from './seed';

const GiB = 1024 ** 3;

describe.each(dialects())('infrastructure topology (%s)', (dialect) => {
  let tc: TestCore;
  let zone: { id: number; uuid: string };
  let c1: { id: number; uuid: string; pod_id: number; zone_id: number };
  let c2: { id: number; uuid: string; pod_id: number; zone_id: number };

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const db = tc.core.store.db;
    zone = await seedZone(db, { name: 'topo-a' });
    const pod = await seedPod(db, zone.id, { name: 'topo-pod' });
    c1 = await seedCluster(db, pod, { name: 'topo-c1' });
    c2 = await seedCluster(db, pod, { name: 'topo-c2' });
    const h = await seedHost(db, c1, { name: 'topo-h1', cpuNumber: 4, memoryGiB: 8 });
    await db
      .updateTable('hosts')
      .set({ cpu_speed: 1000, cpu_allocated: 1000, memory_allocated: 2 * GiB })
      .where('id', '=', h.id)
      .execute();
    await seedHost(db, c1, { name: 'topo-h2', status: 'Down' });
    await seedHost(db, c1, { name: 'topo-h3', resourceState: 'Maintenance' });
    await seedHost(db, c2, { name: 'topo-h4' });
    const other = await seedZone(db, { name: 'topo-b' });
    const otherPod = await seedPod(db, other.id);
    await seedHost(db, await seedCluster(db, otherPod), { name: 'topo-h5' });
    ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        clusterid: c1.uuid,
        name: 'topo-pool',
        url: 'nfs://10.0.0.5/topo',
        capacitybytes: String(100 * GiB),
      }),
    );
    ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        scope: 'zone',
        hypervisor: 'Simulator',
        name: 'topo-zone-pool',
        url: 'nfs://10.0.0.5/topo-zone',
      }),
    );
    ok(await tc.call('addImageStore', { name: 'topo-store', url: 'nfs://10.0.0.6/sec', zoneid: zone.uuid }));
  });
  afterAll(async () => tc?.close());

  /**
   * The statements listInfrastructureTopology and listCapacity send, for each way the diagram asks:
   * every host listed, aggregated, and aggregated with the hosts of `asked` (a cluster's uuid).
   */
  async function queryCounts(asked: string) {
    const counter = new QueryCounter();
    const services: CoreServices = {
      ...tc.core.services,
      store: { ...tc.core.store, db: tc.core.store.db.withPlugin(counter) },
    };
    const counted = async <T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> => {
      counter.count = 0;
      const result = await work();
      return { result, queries: counter.count };
    };
    const all = await counted(() => infrastructureTopology(services, { hostlimit: 1_000_000 }));
    const aggregated = await counted(() => infrastructureTopology(services, { hostlimit: 0 }));
    const one = await counted(() => infrastructureTopology(services, { hostlimit: 0, clusterids: [asked] }));
    const capacity = await counted(() => listCapacity(services, {}));
    const hostsOf = (t: Topology) =>
      t.zones.flatMap((z) => z.pods.flatMap((p) => p.clusters.flatMap((c) => c.hosts ?? []))).length;
    expect(all.result.aggregated).toBe(false);
    expect(aggregated.result.aggregated).toBe(true);
    expect(hostsOf(aggregated.result)).toBe(0);
    expect(capacity.result.count).toBeGreaterThan(0);
    return {
      rows: { hosts: hostsOf(all.result), withHosts: hostsOf(one.result) },
      queries: { all: all.queries, aggregated: aggregated.queries, one: one.queries, capacity: capacity.queries },
    };
  }

  it('gives the whole tree with hosts when the total is within hostlimit', async () => {
    const t = ok(await tc.call('listInfrastructureTopology', {})).topology;
    expect(t.aggregated).toBe(false);
    expect(t.totals).toEqual({ zones: 2, pods: 2, clusters: 3, hosts: 5, storagepools: 2, imagestores: 1 });
    const z = t.zones.find((x: any) => x.name === 'topo-a');
    expect(z).toMatchObject({ id: zone.uuid, networktype: 'Advanced', allocationstate: 'Enabled' });
    expect(z.imagestores).toEqual([
      expect.objectContaining({ name: 'topo-store', protocol: 'nfs', disksizetotal: 2048 * GiB, disksizeused: 0 }),
    ]);
    expect(z.storagepools.map((p: any) => p.name)).toEqual(['topo-zone-pool']);
    expect(z.pods).toHaveLength(1);
    const [cl1, cl2] = z.pods[0].clusters;
    expect(cl1).toMatchObject({
      id: c1.uuid,
      name: 'topo-c1',
      hypervisortype: 'Simulator',
      hostcount: 3,
      hoststates: { Up: 2, Down: 1 },
      resourcestates: { Enabled: 2, Maintenance: 1 },
      // Capacity counts the Enabled hosts: topo-h1 (4 x 1000 MHz, 8 GiB) and topo-h2 (16 x 2400, 64 GiB).
      cpu: { total: 4 * 1000 + 16 * 2400, used: 1000 },
      memory: { total: 72 * GiB, used: 2 * GiB },
      storage: { total: 100 * GiB },
    });
    expect(cl1.storagepools).toEqual([
      expect.objectContaining({ name: 'topo-pool', state: 'Up', scope: 'CLUSTER', disksizetotal: 100 * GiB }),
    ]);
    expect(cl1.hosts.map((h: any) => h.name)).toEqual(['topo-h1', 'topo-h2', 'topo-h3']);
    expect(cl1.hosts[0]).toMatchObject({
      state: 'Up',
      resourcestate: 'Enabled',
      cpuallocatedpercentage: '25%',
      memoryallocatedpercentage: '25%',
    });
    expect(cl1.hosts[1].cpuallocatedpercentage).toBe('0%');
    expect(cl2.hosts.map((h: any) => h.name)).toEqual(['topo-h4']);
  });

  it('aggregates above hostlimit and lists hosts only for the clusters asked for', async () => {
    const agg = ok(await tc.call('listInfrastructureTopology', { hostlimit: '4' })).topology;
    expect(agg.aggregated).toBe(true);
    const clusters = agg.zones.flatMap((z: any) => z.pods.flatMap((p: any) => p.clusters));
    expect(clusters.every((c: any) => c.hosts === undefined)).toBe(true);
    expect(clusters.find((c: any) => c.id === c1.uuid).hostcount).toBe(3);

    const expanded = ok(await tc.call('listInfrastructureTopology', { hostlimit: '4', clusterids: c2.uuid })).topology;
    const ex = expanded.zones.flatMap((z: any) => z.pods.flatMap((p: any) => p.clusters));
    expect(ex.find((c: any) => c.id === c2.uuid).hosts.map((h: any) => h.name)).toEqual(['topo-h4']);
    expect(ex.find((c: any) => c.id === c1.uuid).hosts).toBeUndefined();
    // A summarised cluster still names the hosts that need attention; a listed one does not repeat them.
    expect(ex.find((c: any) => c.id === c1.uuid).problemhosts).toEqual([
      expect.objectContaining({ name: 'topo-h2', state: 'Down', resourcestate: 'Enabled' }),
      expect.objectContaining({ name: 'topo-h3', state: 'Up', resourcestate: 'Maintenance' }),
    ]);
    expect(ex.find((c: any) => c.id === c2.uuid).problemhosts).toBeUndefined();
    expect(clusters.find((c: any) => c.id === c2.uuid).problemhosts).toEqual([]);
    fails(
      await tc.call('listInfrastructureTopology', { clusterids: crypto.randomUUID() }),
      431,
      /Unable to find cluster/,
    );
  });

  it('limits the tree to one zone with zoneid', async () => {
    const t = ok(await tc.call('listInfrastructureTopology', { zoneid: zone.uuid })).topology;
    expect(t.zones.map((z: any) => z.name)).toEqual(['topo-a']);
    expect(t.totals).toEqual({ zones: 1, pods: 1, clusters: 2, hosts: 4, storagepools: 2, imagestores: 1 });
  });

  it('counts the infrastructure for listInfrastructure', async () => {
    const infra = ok(await tc.call('listInfrastructure', {})).infrastructure;
    expect(infra).toMatchObject({
      zones: 2,
      pods: 2,
      clusters: 3,
      hosts: 5,
      storagepools: 2,
      imagestores: 1,
      systemvms: 0,
      routers: 0,
      cpusockets: 5,
      alerts: 0,
    });
    expect(infra.managementservers).toBeGreaterThanOrEqual(1);
  });

  it('answers at 10,000 hosts with the same number of grouped queries as at 5', async () => {
    const db = tc.core.store.db;
    const small = await queryCounts(c1.uuid);
    expect(small.rows).toEqual({ hosts: 5, withHosts: 3 });
    const bigZone = await seedZone(db, { name: 'topo-big' });
    const pod = await seedPod(db, bigZone.id);
    const clusters: Awaited<ReturnType<typeof seedCluster>>[] = [];
    for (let i = 0; i < 50; i++) clusters.push(await seedCluster(db, pod, { name: `big-${i}` }));
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      hostRow(clusters[i % clusters.length]!, `big-h${i}`, {
        url: `http://sim/big/${i}`,
        username: null,
        status: i % 97 === 0 ? 'Down' : 'Up',
        cpu_allocated: 1000,
        memory_allocated: GiB,
      }),
    );
    await insertHostRows(db, rows);
    const big = await queryCounts(clusters[0]!.uuid);
    expect(big.rows).toEqual({ hosts: 10_005, withHosts: 200 });
    // Grouped queries: as many at 10,005 hosts in 53 clusters as at 5 hosts in 3, whatever is asked.
    expect(big.queries).toEqual(small.queries);

    await db
      .updateTable('hosts')
      .set({ resource_state: 'Maintenance' })
      .where('cluster_id', '=', clusters[3]!.id)
      .execute();
    const t = ok(await tc.call('listInfrastructureTopology', { clusterids: clusters[0]!.uuid })).topology;
    expect(t.aggregated).toBe(true);
    expect(t.totals.hosts).toBe(10_005);
    const bigClusters = t.zones.find((z: any) => z.name === 'topo-big').pods[0].clusters;
    expect(bigClusters).toHaveLength(50);
    expect(bigClusters[0].hosts).toHaveLength(200);
    expect(bigClusters[1].hosts).toBeUndefined();
    // big-h97, big-h4947 and big-h9797 are Down in big-47; all 200 hosts of big-3 are in Maintenance:
    // at most 8 named, the first by name, numerically.
    expect(bigClusters.find((c: any) => c.name === 'big-47').problemhosts.map((h: any) => h.name)).toEqual([
      'big-h97',
      'big-h4947',
      'big-h9797',
    ]);
    const maintenance = bigClusters.find((c: any) => c.name === 'big-3');
    expect(maintenance.resourcestates.Maintenance).toBe(200);
    expect(maintenance.problemhosts.map((h: any) => h.name)).toEqual(
      [3, 53, 103, 153, 203, 253, 303, 353].map((i) => `big-h${i}`),
    );
    expect(bigClusters[0].cpu.total).toBe(200 * 16 * 2400);
  }, 60_000);
});
