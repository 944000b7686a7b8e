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
import { message } from '../../domain/messages';
import type {
  Infrastructure,
  InfrastructureHealth,
  ListInfrastructureHealthInput,
  ListInfrastructureTopologyInput,
  Topology,
  TopologyCluster,
  TopologyHost,
  TopologyImageStore,
  TopologyPod,
  TopologyProblemHost,
  TopologyStoragePool,
  TopologyZone,
} from '../../api/schemas/infrastructure';
import type { CoreServices } from '../core-services';
import { infrastructureHealth } from '../infrastructure/health';
import { requireZone } from '../infrastructure/lookups';
import { computeCapacity, type CapacityFigure, type CapacitySnapshot, type ClusterInfo } from './calculate';
import type { SourceScope } from './capacity-sources';

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** CloudStack's host percentages (DecimalFormat "#.##" and a percent sign): "12.5%", "0%". */
export function hostPercent(value: number, of: number): string {
  const pct = of > 0 ? (value / of) * 100 : 0;
  return `${Number(pct.toFixed(2))}%`;
}

interface ClusterHosts {
  count: number;
  states: Partial<Record<HostStatus, number>>;
  resourceStates: Partial<Record<HostResourceState, number>>;
}

function hostGroupRows({ db, scoped, zoneId }: SourceScope) {
  return db
    .selectFrom('hosts')
    .select(['cluster_id', 'status', 'resource_state', sql<number>`count(*)`.as('n')])
    .where('removed', 'is', null)
    .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
    .groupBy(['cluster_id', 'status', 'resource_state'])
    .execute();
}

function storagePoolRows({ db, scoped, zoneId }: SourceScope) {
  return db
    .selectFrom('storage_pools')
    .select(['uuid', 'name', 'status', 'scope', 'zone_id', 'cluster_id', 'capacity_bytes', 'used_bytes'])
    .where('removed', 'is', null)
    .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
    .orderBy('id')
    .execute();
}

function imageStoreRows({ db, scoped, zoneId }: SourceScope) {
  return db
    .selectFrom('image_stores')
    .select(['uuid', 'name', 'zone_id', 'protocol', 'provider', 'total_bytes', 'used_bytes'])
    .where('removed', 'is', null)
    .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
    .orderBy('id')
    .execute();
}

type PoolRow = Awaited<ReturnType<typeof storagePoolRows>>[number];
type ImageStoreRow = Awaited<ReturnType<typeof imageStoreRows>>[number];

/** The ids of the clusters named in clusterids (which must all exist). */
function requestedClusters(clusters: Map<number, ClusterInfo>, clusterIds: string[] | undefined): Set<number> {
  const requested = new Set<number>();
  if (clusterIds && clusterIds.length > 0) {
    const byUuid = new Map([...clusters.values()].map((c) => [c.uuid, c.id]));
    for (const uuid of clusterIds) {
      const id = byUuid.get(uuid.toLowerCase());
      if (id === undefined)
        throw invalidParameter('CLUSTER.NOT_FOUND', message('error.capacity.clusterNotFound', { id: uuid }));
      requested.add(id);
    }
  }
  return requested;
}

function countHosts(hostGroups: Awaited<ReturnType<typeof hostGroupRows>>): {
  perCluster: Map<number, ClusterHosts>;
  totalHosts: number;
} {
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
  return { perCluster, totalHosts };
}

/** The host rows of the given clusters (of every cluster unless aggregated), with their allocation percentages. */
async function loadHostNodes(
  source: SourceScope,
  snapshot: CapacitySnapshot,
  aggregated: boolean,
  withHosts: number[],
): Promise<Map<number, TopologyHost[]>> {
  let q = source.db
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
    .$if(source.scoped, (qq) => qq.where('zone_id', '=', source.zoneId));
  if (aggregated) q = q.where('cluster_id', 'in', withHosts);
  const hostRows = await q.orderBy('cluster_id').orderBy('id').execute();
  const hostsByCluster = new Map<number, TopologyHost[]>();
  for (const h of hostRows) {
    const c = snapshot.clusters.get(h.cluster_id);
    if (!c) continue;
    const cpuTotal = n(h.cpu_number) * n(h.cpu_speed) * c.cpuFactor;
    const memTotal = n(h.total_memory) * c.memoryFactor;
    const list = hostsByCluster.get(h.cluster_id) ?? [];
    list.push({
      id: h.uuid,
      name: h.name,
      // The table holds only the domain's values (the services write them); the column type is text.
      state: h.status as HostStatus,
      resourcestate: h.resource_state as HostResourceState,
      cpuallocatedpercentage: hostPercent(n(h.cpu_allocated), cpuTotal),
      memoryallocatedpercentage: hostPercent(n(h.memory_allocated), memTotal),
    });
    hostsByCluster.set(h.cluster_id, list);
  }
  return hostsByCluster;
}

/** A summarised cluster lists at most this many of its problem hosts (hoststates counts them all). */
export const PROBLEM_HOSTS_PER_CLUSTER = 8;
const byNameNumeric = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The hosts that need attention (not Up, or not Enabled) of the clusters whose hosts are not
 * listed, the first PROBLEM_HOSTS_PER_CLUSTER of each by name: a summarised cluster still names
 * its Down host. One query; a healthy cloud returns no rows.
 */
async function loadProblemHosts(source: SourceScope, listed: Set<number>): Promise<Map<number, TopologyProblemHost[]>> {
  const rows = await source.db
    .selectFrom('hosts')
    .select(['uuid', 'name', 'status', 'resource_state', 'cluster_id'])
    .where('removed', 'is', null)
    .where((eb) => eb.or([eb('status', '!=', 'Up'), eb('resource_state', '!=', 'Enabled')]))
    .$if(source.scoped, (q) => q.where('zone_id', '=', source.zoneId))
    .execute();
  const byCluster = new Map<number, TopologyProblemHost[]>();
  for (const h of rows) {
    if (listed.has(h.cluster_id)) continue;
    const list = byCluster.get(h.cluster_id) ?? [];
    // The table holds only the domain's values (the services write them); the column type is text.
    list.push({
      id: h.uuid,
      name: h.name,
      state: h.status as HostStatus,
      resourcestate: h.resource_state as HostResourceState,
    });
    byCluster.set(h.cluster_id, list);
  }
  for (const [id, list] of byCluster) {
    byCluster.set(id, list.sort((a, b) => byNameNumeric.compare(a.name, b.name)).slice(0, PROBLEM_HOSTS_PER_CLUSTER));
  }
  return byCluster;
}

function poolNode(p: PoolRow): TopologyStoragePool {
  return {
    id: p.uuid,
    name: p.name,
    // The table holds only the domain's values (the services write them); the column type is text.
    state: p.status as StoragePoolStatus,
    scope: p.scope,
    disksizetotal: n(p.capacity_bytes),
    disksizeused: n(p.used_bytes),
  };
}

/** Cluster-scope pools by cluster, the others (zone-wide) by zone. */
function groupPools(pools: PoolRow[]): {
  clusterPools: Map<number, TopologyStoragePool[]>;
  zonePools: Map<number, TopologyStoragePool[]>;
} {
  const clusterPools = new Map<number, TopologyStoragePool[]>();
  const zonePools = new Map<number, TopologyStoragePool[]>();
  for (const p of pools) {
    if (p.cluster_id !== null) clusterPools.set(p.cluster_id, [...(clusterPools.get(p.cluster_id) ?? []), poolNode(p)]);
    else zonePools.set(p.zone_id, [...(zonePools.get(p.zone_id) ?? []), poolNode(p)]);
  }
  return { clusterPools, zonePools };
}

function groupImageStores(stores: ImageStoreRow[]): Map<number, TopologyImageStore[]> {
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
  return zoneStores;
}

/** What the zone > pod > cluster tree is built from. */
interface TreeParts {
  snapshot: CapacitySnapshot;
  perCluster: Map<number, ClusterHosts>;
  hostsByCluster: Map<number, TopologyHost[]>;
  /** Problem hosts of the clusters whose hosts are not listed (aggregated answers). */
  problemHosts: Map<number, TopologyProblemHost[]>;
  aggregated: boolean;
  requested: Set<number>;
  pools: PoolRow[];
  stores: ImageStoreRow[];
}

// The inventory's network types, hypervisors and allocation states are the domain's values in
// text columns (the services write them).
class TopologyTree {
  private readonly figure = new Map<string, CapacityFigure>();
  private readonly clusterPools: Map<number, TopologyStoragePool[]>;
  private readonly zonePools: Map<number, TopologyStoragePool[]>;
  private readonly zoneStores: Map<number, TopologyImageStore[]>;
  private readonly podsOfZone = new Map<number, number[]>();
  private readonly clustersOfPod = new Map<number, number[]>();

  constructor(private readonly parts: TreeParts) {
    const { pods, clusters, figures } = parts.snapshot;
    for (const f of figures) {
      if (f.level === 'cluster') this.figure.set(`${f.clusterId}:${f.type}`, f);
    }
    const grouped = groupPools(parts.pools);
    this.clusterPools = grouped.clusterPools;
    this.zonePools = grouped.zonePools;
    this.zoneStores = groupImageStores(parts.stores);
    for (const p of pods.values()) this.podsOfZone.set(p.zoneId, [...(this.podsOfZone.get(p.zoneId) ?? []), p.id]);
    for (const c of clusters.values())
      this.clustersOfPod.set(c.podId, [...(this.clustersOfPod.get(c.podId) ?? []), c.id]);
  }

  zones(): TopologyZone[] {
    return [...this.parts.snapshot.zones.values()].map((zn) => ({
      id: zn.uuid,
      name: zn.name,
      networktype: zn.networkType as NetworkType,
      allocationstate: zn.allocationState as AllocationState,
      imagestores: this.zoneStores.get(zn.id) ?? [],
      storagepools: this.zonePools.get(zn.id) ?? [],
      pods: (this.podsOfZone.get(zn.id) ?? []).map((podId) => this.pod(podId)),
    }));
  }

  private pod(podId: number): TopologyPod {
    const p = this.parts.snapshot.pods.get(podId)!;
    return {
      id: p.uuid,
      name: p.name,
      allocationstate: p.allocationState as AllocationState,
      clusters: (this.clustersOfPod.get(podId) ?? []).map((clusterId) => this.cluster(clusterId)),
    };
  }

  private cluster(clusterId: number): TopologyCluster {
    const { snapshot, perCluster, hostsByCluster, aggregated, requested } = this.parts;
    const c = snapshot.clusters.get(clusterId)!;
    const h = perCluster.get(clusterId);
    const node: TopologyCluster = {
      id: c.uuid,
      name: c.name,
      hypervisortype: c.hypervisor as Hypervisor,
      allocationstate: c.allocationState as AllocationState,
      hostcount: h?.count ?? 0,
      hoststates: h?.states ?? {},
      resourcestates: h?.resourceStates ?? {},
      cpu: this.sums(clusterId, CAPACITY_TYPES.CPU),
      memory: this.sums(clusterId, CAPACITY_TYPES.MEMORY),
      storage: this.sums(clusterId, CAPACITY_TYPES.STORAGE),
      storagepools: this.clusterPools.get(clusterId) ?? [],
    };
    if (!aggregated || requested.has(clusterId)) node.hosts = hostsByCluster.get(clusterId) ?? [];
    else node.problemhosts = this.parts.problemHosts.get(clusterId) ?? [];
    return node;
  }

  private sums(clusterId: number, type: number): { total: number; used: number } {
    const f = this.figure.get(`${clusterId}:${type}`);
    return { total: f?.total ?? 0, used: f?.used ?? 0 };
  }
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
  if (hostLimit < 0) throw invalidParameter('TOPOLOGY.HOST_LIMIT', message('error.capacity.negativeHostLimit', {}));
  const zone = input.zoneid ? await requireZone(db, input.zoneid, 'zoneid') : undefined;
  const zoneId = zone?.id;
  const source: SourceScope = { db, scoped: zoneId !== undefined, zoneId: zoneId ?? -1 };

  const [snapshot, hostGroups, pools, stores] = await Promise.all([
    computeCapacity(services, { zoneId }),
    hostGroupRows(source),
    storagePoolRows(source),
    imageStoreRows(source),
  ]);
  const { zones, pods, clusters } = snapshot;
  const requested = requestedClusters(clusters, input.clusterids);
  const { perCluster, totalHosts } = countHosts(hostGroups);
  const aggregated = totalHosts > hostLimit;
  const withHosts = aggregated ? [...requested] : [...clusters.keys()];
  const hostsByCluster =
    withHosts.length > 0 && totalHosts > 0
      ? await loadHostNodes(source, snapshot, aggregated, withHosts)
      : new Map<number, TopologyHost[]>();
  const problemHosts =
    aggregated && totalHosts > 0 ? await loadProblemHosts(source, requested) : new Map<number, TopologyProblemHost[]>();

  const tree = new TopologyTree({
    snapshot,
    perCluster,
    hostsByCluster,
    problemHosts,
    aggregated,
    requested,
    pools,
    stores,
  });
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
    zones: tree.zones(),
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

/**
 * The infrastructure overview as command handlers read it (listInfrastructure,
 * listInfrastructureTopology, listInfrastructureHealth).
 */
export class InfrastructureQueries {
  constructor(private readonly deps: Pick<CoreServices, 'store' | 'config'>) {}

  counts(): Promise<Infrastructure> {
    return infrastructureCounts(this.deps);
  }

  topology(input: ListInfrastructureTopologyInput): Promise<Topology> {
    return infrastructureTopology(this.deps, input);
  }

  health(input: ListInfrastructureHealthInput): Promise<InfrastructureHealth> {
    return infrastructureHealth(this.deps, input);
  }
}
