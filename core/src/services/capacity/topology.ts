import { sql } from 'kysely';
import {
  CAPACITY_TYPES,
  type AllocationState,
  type HostResourceState,
  type HostStatus,
  type Hypervisor,
  type NetworkType,
  type StoragePoolStatus,
} from '../../domain/infrastructure';
import { invalidParameter } from '../../domain/errors';
import type {
  Infrastructure,
  ListInfrastructureTopologyInput,
  Topology,
  TopologyCluster,
  TopologyHost,
  TopologyImageStore,
  TopologyStoragePool,
  TopologyZone,
} from '../../api/schemas/infrastructure';
import type { CoreServices } from '../core-services';
import { requireZone } from '../infrastructure/lookups';
import { computeCapacity, type CapacityFigure } from './calculate';

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** CloudStack's host percentages (DecimalFormat "#.##" and a percent sign): "12.5%", "0%". */
export function hostPercent(value: number, of: number): string {
  const pct = of > 0 ? (value / of) * 100 : 0;
  return `${Number(pct.toFixed(2))}%`;
}

/**
 * The infrastructure diagram in one call (listInfrastructureTopology): zones > pods > clusters with
 * per-cluster host counts by state and resource state, capacity sums, pools and image stores, built
 * from grouped queries. Host rows are loaded for every cluster when the total is within hostlimit,
 * otherwise only for the clusters named in clusterids (the diagram expands on demand).
 */
export async function infrastructureTopology(
  services: Pick<CoreServices, 'store' | 'config'>,
  input: ListInfrastructureTopologyInput,
): Promise<Topology> {
  const { db } = services.store;
  const hostLimit = input.hostlimit ?? 1000;
  if (hostLimit < 0) throw invalidParameter('TOPOLOGY.HOST_LIMIT', 'hostlimit must not be negative');
  const zone = input.zoneid ? await requireZone(db, input.zoneid, 'zoneid') : undefined;
  const zoneId = zone?.id;
  const scoped = zoneId !== undefined;
  const z = zoneId ?? -1;

  const [snapshot, hostGroups, pools, stores] = await Promise.all([
    computeCapacity(services, { zoneId }),
    db
      .selectFrom('hosts')
      .select(['cluster_id', 'status', 'resource_state', sql<number>`count(*)`.as('n')])
      .where('removed', 'is', null)
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .groupBy(['cluster_id', 'status', 'resource_state'])
      .execute(),
    db
      .selectFrom('storage_pools')
      .select(['uuid', 'name', 'status', 'scope', 'zone_id', 'cluster_id', 'capacity_bytes', 'used_bytes'])
      .where('removed', 'is', null)
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('image_stores')
      .select(['uuid', 'name', 'zone_id', 'protocol', 'provider', 'total_bytes', 'used_bytes'])
      .where('removed', 'is', null)
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .orderBy('id')
      .execute(),
  ]);
  const { zones, pods, clusters } = snapshot;

  const requested = new Set<number>();
  if (input.clusterids && input.clusterids.length > 0) {
    const byUuid = new Map([...clusters.values()].map((c) => [c.uuid, c.id]));
    for (const uuid of input.clusterids) {
      const id = byUuid.get(uuid.toLowerCase());
      if (id === undefined) throw invalidParameter('CLUSTER.NOT_FOUND', `Unable to find cluster by clusterids ${uuid}`);
      requested.add(id);
    }
  }

  interface ClusterHosts {
    count: number;
    states: Partial<Record<HostStatus, number>>;
    resourceStates: Partial<Record<HostResourceState, number>>;
  }
  const perCluster = new Map<number, ClusterHosts>();
  let totalHosts = 0;
  for (const g of hostGroups) {
    const count = n(g.n);
    totalHosts += count;
    let c = perCluster.get(g.cluster_id);
    if (!c) {
      c = { count: 0, states: {}, resourceStates: {} };
      perCluster.set(g.cluster_id, c);
    }
    c.count += count;
    // The table holds only the domain's values (the services write them); the column type is text.
    const status = g.status as HostStatus;
    const resourceState = g.resource_state as HostResourceState;
    c.states[status] = (c.states[status] ?? 0) + count;
    c.resourceStates[resourceState] = (c.resourceStates[resourceState] ?? 0) + count;
  }
  const aggregated = totalHosts > hostLimit;
  const withHosts = aggregated ? [...requested] : [...clusters.keys()];

  const hostsByCluster = new Map<number, TopologyHost[]>();
  if (withHosts.length > 0 && totalHosts > 0) {
    const { cpu, memory } = snapshot.factors;
    let q = db
      .selectFrom('hosts')
      .select([
        'uuid',
        'name',
        'status',
        'resource_state',
        'cluster_id',
        'cpu_number',
        'cpu_speed',
        'cpu_allocated',
        'total_memory',
        'memory_allocated',
      ])
      .where('removed', 'is', null)
      .$if(scoped, (qq) => qq.where('zone_id', '=', z));
    if (aggregated) q = q.where('cluster_id', 'in', withHosts);
    const hostRows = await q.orderBy('cluster_id').orderBy('id').execute();
    for (const h of hostRows) {
      const c = clusters.get(h.cluster_id);
      if (!c) continue;
      const cpuTotal = n(h.cpu_number) * n(h.cpu_speed) * cpu * c.cpuRatio;
      const memTotal = n(h.total_memory) * memory * c.memoryRatio;
      const list = hostsByCluster.get(h.cluster_id) ?? [];
      list.push({
        id: h.uuid,
        name: h.name,
        // Domain values in text columns, as above.
        state: h.status as HostStatus,
        resourcestate: h.resource_state as HostResourceState,
        cpuallocatedpercentage: hostPercent(n(h.cpu_allocated), cpuTotal),
        memoryallocatedpercentage: hostPercent(n(h.memory_allocated), memTotal),
      });
      hostsByCluster.set(h.cluster_id, list);
    }
  }

  const figure = new Map<string, CapacityFigure>();
  for (const f of snapshot.figures) {
    if (f.level === 'cluster') figure.set(`${f.clusterId}:${f.type}`, f);
  }
  const sums = (clusterId: number, type: number) => {
    const f = figure.get(`${clusterId}:${type}`);
    return { total: f?.total ?? 0, used: f?.used ?? 0 };
  };
  const poolNode = (p: (typeof pools)[number]): TopologyStoragePool => ({
    id: p.uuid,
    name: p.name,
    // The table holds only the domain's values (the services write them); the column type is text.
    state: p.status as StoragePoolStatus,
    scope: p.scope,
    disksizetotal: n(p.capacity_bytes),
    disksizeused: n(p.used_bytes),
  });
  const clusterPools = new Map<number, TopologyStoragePool[]>();
  const zonePools = new Map<number, TopologyStoragePool[]>();
  for (const p of pools) {
    if (p.cluster_id !== null) clusterPools.set(p.cluster_id, [...(clusterPools.get(p.cluster_id) ?? []), poolNode(p)]);
    else zonePools.set(p.zone_id, [...(zonePools.get(p.zone_id) ?? []), poolNode(p)]);
  }
  const zoneStores = new Map<number, TopologyImageStore[]>();
  for (const s of stores) {
    if (s.zone_id === null) continue;
    zoneStores.set(s.zone_id, [
      ...(zoneStores.get(s.zone_id) ?? []),
      {
        id: s.uuid,
        name: s.name,
        protocol: s.protocol,
        providername: s.provider,
        disksizetotal: n(s.total_bytes),
        disksizeused: n(s.used_bytes),
      },
    ]);
  }

  const podsOfZone = new Map<number, number[]>();
  for (const p of pods.values()) podsOfZone.set(p.zoneId, [...(podsOfZone.get(p.zoneId) ?? []), p.id]);
  const clustersOfPod = new Map<number, number[]>();
  for (const c of clusters.values()) clustersOfPod.set(c.podId, [...(clustersOfPod.get(c.podId) ?? []), c.id]);

  // The inventory's network types, hypervisors and allocation states are the domain's values in
  // text columns (the services write them).
  const zoneNodes = [...zones.values()].map((zn): TopologyZone => ({
    id: zn.uuid,
    name: zn.name,
    networktype: zn.networkType as NetworkType,
    allocationstate: zn.allocationState as AllocationState,
    imagestores: zoneStores.get(zn.id) ?? [],
    storagepools: zonePools.get(zn.id) ?? [],
    pods: (podsOfZone.get(zn.id) ?? []).map((podId) => {
      const p = pods.get(podId)!;
      return {
        id: p.uuid,
        name: p.name,
        allocationstate: p.allocationState as AllocationState,
        clusters: (clustersOfPod.get(podId) ?? []).map((clusterId) => {
          const c = clusters.get(clusterId)!;
          const h = perCluster.get(clusterId);
          const node: TopologyCluster = {
            id: c.uuid,
            name: c.name,
            hypervisortype: c.hypervisor as Hypervisor,
            allocationstate: c.allocationState as AllocationState,
            hostcount: h?.count ?? 0,
            hoststates: h?.states ?? {},
            resourcestates: h?.resourceStates ?? {},
            cpu: sums(clusterId, CAPACITY_TYPES.CPU),
            memory: sums(clusterId, CAPACITY_TYPES.MEMORY),
            storage: sums(clusterId, CAPACITY_TYPES.STORAGE),
            storagepools: clusterPools.get(clusterId) ?? [],
          };
          if (!aggregated || requested.has(clusterId)) node.hosts = hostsByCluster.get(clusterId) ?? [];
          return node;
        }),
      };
    }),
  }));

  return {
    aggregated,
    totals: {
      zones: zones.size,
      pods: pods.size,
      clusters: clusters.size,
      hosts: totalHosts,
      storagepools: pools.length,
      imagestores: stores.length,
    },
    zones: zoneNodes,
  };
}

/** listInfrastructure's counts (CloudStack's InfrastructureResponse). */
export async function infrastructureCounts(services: Pick<CoreServices, 'store'>): Promise<Infrastructure> {
  const { db } = services.store;
  const count = async (table: 'zones' | 'pods' | 'clusters' | 'storage_pools' | 'image_stores') =>
    n(
      (
        await db
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .where('removed', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [zones, pods, clusters, storagepools, imagestores, hosts, servers, alerts] = await Promise.all([
    count('zones'),
    count('pods'),
    count('clusters'),
    count('storage_pools'),
    count('image_stores'),
    db
      .selectFrom('hosts')
      .select([sql<number>`count(*)`.as('n'), sql<number>`sum(cpu_sockets)`.as('sockets')])
      .where('removed', 'is', null)
      .where('type', '=', 'Routing')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('management_servers')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('alerts')
      .select(sql<number>`count(*)`.as('n'))
      .where('archived', '=', 0)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    zones,
    pods,
    clusters,
    hosts: n(hosts.n),
    storagepools,
    imagestores,
    // System VMs and virtual routers arrive with later issues.
    systemvms: 0,
    routers: 0,
    cpusockets: n(hosts.sockets),
    managementservers: n(servers.n),
    alerts: n(alerts.n),
  };
}

/** The infrastructure overview as command handlers read it (listInfrastructure, listInfrastructureTopology). */
export class InfrastructureQueries {
  constructor(private readonly deps: Pick<CoreServices, 'store' | 'config'>) {}

  counts(): Promise<Infrastructure> {
    return infrastructureCounts(this.deps);
  }

  topology(input: ListInfrastructureTopologyInput): Promise<Topology> {
    return infrastructureTopology(this.deps, input);
  }
}
