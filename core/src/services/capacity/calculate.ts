import type { Kysely } from 'kysely';
import { CAPACITY_TYPES } from '../../domain/infrastructure';
import { ipToNumber } from '../../contract/ipv4';
import { countVlans, parseVlanRanges } from '../../domain/vlan-ranges';
import type { Database } from '../../db/schema';
import type { CoreServices, ScopedSettingsReader } from '../core-services';
import {
  hostCountsByPod,
  hostSumsByCluster,
  imageStoreSums,
  ipRangeSums,
  physicalNetworkVlans,
  poolSums,
  type SourceScope,
} from './capacity-sources';

/**
 * Capacity computed from the inventory with grouped queries (a handful of SUM ... GROUP BY over
 * hosts, pools, stores and ranges; no per-host loop), then rolled up cluster -> pod -> zone.
 *
 * Which resources count, following CloudStack's capacity checker (AlertManagerImpl and
 * CapacityManagerImpl): every hypervisor host (type Routing) that is not removed, whatever its
 * connection state, but only while its resource state is Enabled (CloudStack keeps a Disabled
 * capacity row for hosts that are disabled or in maintenance, and listCapacity only sums Enabled
 * rows). Zone, pod and cluster allocation states do not change the figures here (CloudStack only
 * flips its rows when such a state is edited; a zone built Disabled and then enabled counts its
 * hosts all along). Primary storage counts pools in state Up (CloudStack marks the capacity of
 * disabled pools and pools in maintenance Disabled).
 *
 *   MEMORY            total = total_memory x the cluster's mem.overprovisioning.factor; used = memory_allocated
 *   CPU               total = cores x MHz x the cluster's cpu.overprovisioning.factor;   used = cpu_allocated
 *   CPU_CORE          total = cores; used = 0 until VMs allocate cores
 *   STORAGE           total = pool capacity_bytes; used = used_bytes (cluster and zone-wide pools)
 *   STORAGE_ALLOCATED total = capacity_bytes x the pool's storage.overprovisioning.factor; used = allocated_bytes
 * (each factor as set on the cluster or pool, else the global value).
 *   LOCAL_STORAGE     the same for host-scope pools (only when there are any)
 *   SECONDARY_STORAGE image stores of the zone
 *   VIRTUAL_NETWORK_PUBLIC_IP  public ranges of an advanced zone; used = 0 until IPs are acquired
 *   DIRECT_ATTACHED_PUBLIC_IP  guest (direct) ranges, per pod in a basic zone; used = 0 until NICs take them
 *   PRIVATE_IP        each pod's reserved management range; used = hosts in the pod
 *   VLAN              guest VLANs of the zone's physical networks; used = 0 until networks take them
 */

export type CapacityLevel = 'zone' | 'pod' | 'cluster';

export interface CapacityFigure {
  type: number;
  level: CapacityLevel;
  zoneId: number;
  podId: number | null;
  clusterId: number | null;
  total: number;
  used: number;
  /** Allocated amount where CloudStack reports one apart from used (STORAGE: bytes promised to volumes). */
  allocated?: number;
}

export interface ZoneInfo {
  id: number;
  uuid: string;
  name: string;
  networkType: string;
  allocationState: string;
}

export interface PodInfo {
  id: number;
  uuid: string;
  name: string;
  zoneId: number;
  allocationState: string;
  startIp: string;
  endIp: string;
}

export interface ClusterInfo {
  id: number;
  uuid: string;
  name: string;
  zoneId: number;
  podId: number;
  hypervisor: string;
  allocationState: string;
  /** The overprovisioning factors in effect on the cluster (cluster-scoped, else global). */
  cpuFactor: number;
  memoryFactor: number;
}

export interface CapacitySnapshot {
  zones: Map<number, ZoneInfo>;
  pods: Map<number, PodInfo>;
  clusters: Map<number, ClusterInfo>;
  figures: CapacityFigure[];
  /** The global overprovisioning factors (clusters and pools may have their own). */
  factors: { cpu: number; memory: number; storage: number };
}

type Db = Kysely<Database>;

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Types reported for every cluster, pod and zone (the rest per level, below). */
const HOST_TYPES = [CAPACITY_TYPES.MEMORY, CAPACITY_TYPES.CPU, CAPACITY_TYPES.CPU_CORE] as const;
const POOL_TYPES = [CAPACITY_TYPES.STORAGE, CAPACITY_TYPES.STORAGE_ALLOCATED] as const;

class Sums {
  private readonly map = new Map<string, { total: number; used: number; allocated: number }>();
  add(key: string, total: number, used: number, allocated = 0): void {
    const cur = this.map.get(key);
    if (cur) {
      cur.total += total;
      cur.used += used;
      cur.allocated += allocated;
    } else this.map.set(key, { total, used, allocated });
  }
  get(key: string): { total: number; used: number; allocated: number } {
    return this.map.get(key) ?? { total: 0, used: 0, allocated: 0 };
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
  /** Adds to the cluster and its pod (when there is one) and to the zone. */
  addRolledUp(
    cluster: ClusterInfo | undefined,
    zone: number,
    type: number,
    total: number,
    used: number,
    allocated = 0,
  ): void {
    if (cluster) {
      this.add(key('cluster', cluster.id, type), total, used, allocated);
      this.add(key('pod', cluster.podId, type), total, used, allocated);
    }
    this.add(key('zone', zone, type), total, used, allocated);
  }
}

const key = (level: CapacityLevel, id: number, type: number) => `${level}:${id}:${type}`;

/** Loads zones, pods and clusters (not removed), optionally of one zone. */
export async function loadInventory(
  db: Db,
  config: ScopedSettingsReader,
  zoneId?: number,
): Promise<Pick<CapacitySnapshot, 'zones' | 'pods' | 'clusters'>> {
  let zq = db
    .selectFrom('zones')
    .select(['id', 'uuid', 'name', 'network_type', 'allocation_state'])
    .where('removed', 'is', null);
  let pq = db
    .selectFrom('pods')
    .select(['id', 'uuid', 'name', 'zone_id', 'allocation_state', 'start_ip', 'end_ip'])
    .where('removed', 'is', null);
  let cq = db
    .selectFrom('clusters')
    .select(['id', 'uuid', 'name', 'zone_id', 'pod_id', 'hypervisor_type', 'allocation_state'])
    .where('removed', 'is', null);
  if (zoneId !== undefined) {
    zq = zq.where('id', '=', zoneId);
    pq = pq.where('zone_id', '=', zoneId);
    cq = cq.where('zone_id', '=', zoneId);
  }
  const [zoneRows, podRows, clusterRows] = await Promise.all([
    zq.orderBy('id').execute(),
    pq.orderBy('id').execute(),
    cq.orderBy('id').execute(),
  ]);
  const zones = new Map<number, ZoneInfo>();
  for (const z of zoneRows)
    zones.set(z.id, {
      id: z.id,
      uuid: z.uuid,
      name: z.name,
      networkType: z.network_type,
      allocationState: z.allocation_state,
    });
  const pods = new Map<number, PodInfo>();
  for (const p of podRows)
    pods.set(p.id, {
      id: p.id,
      uuid: p.uuid,
      name: p.name,
      zoneId: p.zone_id,
      allocationState: p.allocation_state,
      startIp: p.start_ip,
      endIp: p.end_ip,
    });
  const clusters = new Map<number, ClusterInfo>();
  for (const c of clusterRows) {
    const here = config.in({ clusterId: c.id, zoneId: c.zone_id });
    clusters.set(c.id, {
      id: c.id,
      uuid: c.uuid,
      name: c.name,
      zoneId: c.zone_id,
      podId: c.pod_id,
      hypervisor: c.hypervisor_type,
      allocationState: c.allocation_state,
      cpuFactor: here.get<number>('cpu.overprovisioning.factor'),
      memoryFactor: here.get<number>('mem.overprovisioning.factor'),
    });
  }
  return { zones, pods, clusters };
}

function rangeSize(start: string, end: string): number {
  const a = ipToNumber(start);
  const b = ipToNumber(end);
  if (a === undefined || b === undefined || b < a) return 0;
  return b - a + 1;
}

type RowsOf<Query extends (scope: SourceScope) => Promise<unknown>> = Awaited<ReturnType<Query>>;

function addHostSums(sums: Sums, rows: RowsOf<typeof hostSumsByCluster>, clusters: Map<number, ClusterInfo>): void {
  for (const h of rows) {
    const c = clusters.get(h.cluster_id);
    if (!c) continue;
    sums.addRolledUp(c, c.zoneId, CAPACITY_TYPES.MEMORY, n(h.memory) * c.memoryFactor, n(h.memory_allocated));
    sums.addRolledUp(c, c.zoneId, CAPACITY_TYPES.CPU, n(h.cpu) * c.cpuFactor, n(h.cpu_allocated));
    sums.addRolledUp(c, c.zoneId, CAPACITY_TYPES.CPU_CORE, n(h.cores), 0);
  }
}

function addPoolSums(
  sums: Sums,
  rows: RowsOf<typeof poolSums>,
  clusters: Map<number, ClusterInfo>,
  config: ScopedSettingsReader,
): void {
  for (const p of rows) {
    const factor = config
      .in({ storagePoolId: p.id, clusterId: p.cluster_id ?? undefined, zoneId: p.zone_id })
      .get<number>('storage.overprovisioning.factor');
    const c = p.cluster_id === null ? undefined : clusters.get(p.cluster_id);
    const capacity = n(p.capacity);
    if (p.scope === 'HOST') {
      sums.addRolledUp(c, p.zone_id, CAPACITY_TYPES.LOCAL_STORAGE, capacity, n(p.used));
      continue;
    }
    sums.addRolledUp(c, p.zone_id, CAPACITY_TYPES.STORAGE, capacity, n(p.used), n(p.allocated));
    sums.addRolledUp(c, p.zone_id, CAPACITY_TYPES.STORAGE_ALLOCATED, capacity * factor, n(p.allocated));
  }
}

function addImageStoreSums(sums: Sums, rows: RowsOf<typeof imageStoreSums>): void {
  for (const s of rows) {
    if (s.zone_id !== null) sums.add(key('zone', s.zone_id, CAPACITY_TYPES.SECONDARY_STORAGE), n(s.total), n(s.used));
  }
}

function addIpRangeSums(sums: Sums, rows: RowsOf<typeof ipRangeSums>): void {
  for (const r of rows) {
    if (n(r.for_virtual_network) === 1) {
      sums.add(key('zone', r.zone_id, CAPACITY_TYPES.VIRTUAL_NETWORK_PUBLIC_IP), n(r.size), 0);
    } else {
      sums.add(key('zone', r.zone_id, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP), n(r.size), 0);
      if (r.pod_id !== null) sums.add(key('pod', r.pod_id, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP), n(r.size), 0);
    }
  }
}

/** Each pod's management range, used by its hosts. */
function addPrivateIpSums(sums: Sums, pods: Map<number, PodInfo>, hostsPerPod: RowsOf<typeof hostCountsByPod>): void {
  const hostCount = new Map(hostsPerPod.map((r) => [r.pod_id, n(r.n)]));
  for (const p of pods.values()) {
    const size = rangeSize(p.startIp, p.endIp);
    const used = hostCount.get(p.id) ?? 0;
    sums.add(key('pod', p.id, CAPACITY_TYPES.PRIVATE_IP), size, used);
    sums.add(key('zone', p.zoneId, CAPACITY_TYPES.PRIVATE_IP), size, used);
  }
}

function addVlanSums(sums: Sums, rows: RowsOf<typeof physicalNetworkVlans>): void {
  for (const pn of rows) {
    const parsed = parseVlanRanges(pn.vlan ?? '');
    const count = parsed.ok ? countVlans(parsed.ranges) : 0;
    sums.add(key('zone', pn.zone_id, CAPACITY_TYPES.VLAN), count, 0);
  }
}

type FigureIds = { zoneId: number; podId: number | null; clusterId: number | null };

/** Turns the sums into figures: the types every level reports, and the optional ones where they apply. */
class FigureList {
  readonly figures: CapacityFigure[] = [];

  constructor(private readonly sums: Sums) {}

  private emit(level: CapacityLevel, ids: FigureIds, type: number): void {
    const id = level === 'cluster' ? ids.clusterId : level === 'pod' ? ids.podId : ids.zoneId;
    const s = this.sums.get(key(level, id as number, type));
    const figure: CapacityFigure = {
      type,
      level,
      ...ids,
      total: Math.round(s.total),
      used: Math.round(s.used),
    };
    if (type === CAPACITY_TYPES.STORAGE) figure.allocated = Math.round(s.allocated);
    this.figures.push(figure);
  }

  private optional(level: CapacityLevel, id: number, type: number): boolean {
    return this.sums.has(key(level, id, type));
  }

  addCluster(c: ClusterInfo): void {
    const ids = { zoneId: c.zoneId, podId: c.podId, clusterId: c.id };
    for (const t of [...HOST_TYPES, ...POOL_TYPES]) this.emit('cluster', ids, t);
    if (this.optional('cluster', c.id, CAPACITY_TYPES.LOCAL_STORAGE))
      this.emit('cluster', ids, CAPACITY_TYPES.LOCAL_STORAGE);
  }

  addPod(p: PodInfo, basic: boolean): void {
    const ids = { zoneId: p.zoneId, podId: p.id, clusterId: null };
    for (const t of [...HOST_TYPES, ...POOL_TYPES, CAPACITY_TYPES.PRIVATE_IP]) this.emit('pod', ids, t);
    if (this.optional('pod', p.id, CAPACITY_TYPES.LOCAL_STORAGE)) this.emit('pod', ids, CAPACITY_TYPES.LOCAL_STORAGE);
    if (basic || this.optional('pod', p.id, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP))
      this.emit('pod', ids, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP);
  }

  addZone(z: ZoneInfo): void {
    const ids = { zoneId: z.id, podId: null, clusterId: null };
    const basic = z.networkType === 'Basic';
    for (const t of [
      ...HOST_TYPES,
      ...POOL_TYPES,
      CAPACITY_TYPES.SECONDARY_STORAGE,
      CAPACITY_TYPES.PRIVATE_IP,
      CAPACITY_TYPES.VLAN,
    ])
      this.emit('zone', ids, t);
    if (!basic || this.optional('zone', z.id, CAPACITY_TYPES.VIRTUAL_NETWORK_PUBLIC_IP))
      this.emit('zone', ids, CAPACITY_TYPES.VIRTUAL_NETWORK_PUBLIC_IP);
    if (basic || this.optional('zone', z.id, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP))
      this.emit('zone', ids, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP);
    if (this.optional('zone', z.id, CAPACITY_TYPES.LOCAL_STORAGE)) this.emit('zone', ids, CAPACITY_TYPES.LOCAL_STORAGE);
  }
}

/** Computes every capacity figure at cluster, pod and zone level (optionally for one zone). */
export async function computeCapacity(
  services: Pick<CoreServices, 'store' | 'config'>,
  scope: { zoneId?: number } = {},
): Promise<CapacitySnapshot> {
  const { db } = services.store;
  const factors = {
    cpu: services.config.get<number>('cpu.overprovisioning.factor'),
    memory: services.config.get<number>('mem.overprovisioning.factor'),
    storage: services.config.get<number>('storage.overprovisioning.factor'),
  };
  const zoneId = scope.zoneId;
  const source: SourceScope = { db, scoped: zoneId !== undefined, zoneId: zoneId ?? -1 };

  const [inventory, hostSums, hostsPerPod, pools, stores, ranges, physicalNetworks] = await Promise.all([
    loadInventory(db, services.config, zoneId),
    hostSumsByCluster(source),
    hostCountsByPod(source),
    poolSums(source),
    imageStoreSums(source),
    ipRangeSums(source),
    physicalNetworkVlans(source),
  ]);
  const { zones, pods, clusters } = inventory;
  const sums = new Sums();
  addHostSums(sums, hostSums, clusters);
  addPoolSums(sums, pools, clusters, services.config);
  addImageStoreSums(sums, stores);
  addIpRangeSums(sums, ranges);
  addPrivateIpSums(sums, pods, hostsPerPod);
  addVlanSums(sums, physicalNetworks);

  const list = new FigureList(sums);
  for (const c of clusters.values()) list.addCluster(c);
  for (const p of pods.values()) list.addPod(p, zones.get(p.zoneId)?.networkType === 'Basic');
  for (const z of zones.values()) list.addZone(z);
  return { zones, pods, clusters, figures: list.figures, factors };
}

/** used / total as a percentage (0 when there is no capacity). */
export function percentOf(used: number, total: number): number {
  return total > 0 ? (used / total) * 100 : 0;
}

/** listCapacity's percentused: a string with two decimals, "12.34". */
export function percentText(used: number, total: number): string {
  return percentOf(used, total).toFixed(2);
}
