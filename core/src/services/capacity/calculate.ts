import { sql, type Kysely } from 'kysely';
import { CAPACITY_TYPES } from '../../domain/infrastructure';
import { ipToNumber } from '../../contract/ipv4';
import { countVlans, parseVlanRanges } from '../../domain/vlan-ranges';
import type { Database } from '../../db/schema';
import type { CoreServices } from '../core-services';

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
 *   MEMORY            total = total_memory x mem.overprovisioning.factor x cluster memory ratio; used = memory_allocated
 *   CPU               total = cores x MHz x cpu.overprovisioning.factor x cluster cpu ratio;   used = cpu_allocated
 *   CPU_CORE          total = cores; used = 0 until VMs allocate cores
 *   STORAGE           total = pool capacity_bytes; used = used_bytes (cluster and zone-wide pools)
 *   STORAGE_ALLOCATED total = capacity_bytes x storage.overprovisioning.factor; used = allocated_bytes
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
  cpuRatio: number;
  memoryRatio: number;
}

export interface CapacitySnapshot {
  zones: Map<number, ZoneInfo>;
  pods: Map<number, PodInfo>;
  clusters: Map<number, ClusterInfo>;
  figures: CapacityFigure[];
  /** The overprovisioning factors the figures were computed with. */
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
}

const key = (level: CapacityLevel, id: number, type: number) => `${level}:${id}:${type}`;

/** Loads zones, pods and clusters (not removed), optionally of one zone. */
export async function loadInventory(
  db: Db,
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
    .select([
      'id',
      'uuid',
      'name',
      'zone_id',
      'pod_id',
      'hypervisor_type',
      'allocation_state',
      'cpu_overcommit_ratio',
      'memory_overcommit_ratio',
    ])
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
  for (const c of clusterRows)
    clusters.set(c.id, {
      id: c.id,
      uuid: c.uuid,
      name: c.name,
      zoneId: c.zone_id,
      podId: c.pod_id,
      hypervisor: c.hypervisor_type,
      allocationState: c.allocation_state,
      cpuRatio: n(c.cpu_overcommit_ratio) || 1,
      memoryRatio: n(c.memory_overcommit_ratio) || 1,
    });
  return { zones, pods, clusters };
}

function rangeSize(start: string, end: string): number {
  const a = ipToNumber(start);
  const b = ipToNumber(end);
  if (a === undefined || b === undefined || b < a) return 0;
  return b - a + 1;
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
  const z = zoneId ?? -1;
  const scoped = zoneId !== undefined;

  const [inventory, hostSums, hostsPerPod, poolSums, storeSums, rangeSums, physicalNetworks] = await Promise.all([
    loadInventory(db, zoneId),

    db
      .selectFrom('hosts')
      .select([
        'cluster_id',
        sql<number>`sum(cpu_number * cpu_speed)`.as('cpu'),
        sql<number>`sum(total_memory)`.as('memory'),
        sql<number>`sum(cpu_allocated)`.as('cpu_allocated'),
        sql<number>`sum(memory_allocated)`.as('memory_allocated'),
        sql<number>`sum(cpu_number)`.as('cores'),
      ])
      .where('removed', 'is', null)
      .where('type', '=', 'Routing')
      .where('resource_state', '=', 'Enabled')
      .groupBy('cluster_id')
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .execute(),

    db
      .selectFrom('hosts')
      .select(['pod_id', sql<number>`count(*)`.as('n')])
      .where('removed', 'is', null)
      .groupBy('pod_id')
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .execute(),

    db
      .selectFrom('storage_pools')
      .select([
        'zone_id',
        'cluster_id',
        'scope',
        sql<number>`sum(capacity_bytes)`.as('capacity'),
        sql<number>`sum(used_bytes)`.as('used'),
        sql<number>`sum(allocated_bytes)`.as('allocated'),
      ])
      .where('removed', 'is', null)
      .where('status', '=', 'Up')
      .groupBy(['zone_id', 'cluster_id', 'scope'])
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .execute(),

    db
      .selectFrom('image_stores')
      .select(['zone_id', sql<number>`sum(total_bytes)`.as('total'), sql<number>`sum(used_bytes)`.as('used')])
      .where('removed', 'is', null)
      .groupBy('zone_id')
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .execute(),

    db
      .selectFrom('vlan_ip_ranges')
      .select(['zone_id', 'pod_id', 'for_virtual_network', sql<number>`sum(end_num - start_num + 1)`.as('size')])
      .where('removed', 'is', null)
      .groupBy(['zone_id', 'pod_id', 'for_virtual_network'])
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .execute(),

    db
      .selectFrom('physical_networks')
      .select(['zone_id', 'vlan'])
      .where('removed', 'is', null)
      .where('vlan', 'is not', null)
      .$if(scoped, (q) => q.where('zone_id', '=', z))
      .execute(),
  ]);
  const { zones, pods, clusters } = inventory;
  const sums = new Sums();
  const addUp = (
    cluster: ClusterInfo | undefined,
    zone: number,
    type: number,
    total: number,
    used: number,
    allocated = 0,
  ) => {
    if (cluster) {
      sums.add(key('cluster', cluster.id, type), total, used, allocated);
      sums.add(key('pod', cluster.podId, type), total, used, allocated);
    }
    sums.add(key('zone', zone, type), total, used, allocated);
  };

  for (const h of hostSums) {
    const c = clusters.get(h.cluster_id);
    if (!c) continue;
    addUp(c, c.zoneId, CAPACITY_TYPES.MEMORY, n(h.memory) * factors.memory * c.memoryRatio, n(h.memory_allocated));
    addUp(c, c.zoneId, CAPACITY_TYPES.CPU, n(h.cpu) * factors.cpu * c.cpuRatio, n(h.cpu_allocated));
    addUp(c, c.zoneId, CAPACITY_TYPES.CPU_CORE, n(h.cores), 0);
  }
  for (const p of poolSums) {
    const c = p.cluster_id === null ? undefined : clusters.get(p.cluster_id);
    const capacity = n(p.capacity);
    if (p.scope === 'HOST') {
      addUp(c, p.zone_id, CAPACITY_TYPES.LOCAL_STORAGE, capacity, n(p.used));
      continue;
    }
    addUp(c, p.zone_id, CAPACITY_TYPES.STORAGE, capacity, n(p.used), n(p.allocated));
    addUp(c, p.zone_id, CAPACITY_TYPES.STORAGE_ALLOCATED, capacity * factors.storage, n(p.allocated));
  }
  for (const s of storeSums) {
    if (s.zone_id !== null) sums.add(key('zone', s.zone_id, CAPACITY_TYPES.SECONDARY_STORAGE), n(s.total), n(s.used));
  }
  for (const r of rangeSums) {
    if (n(r.for_virtual_network) === 1) {
      sums.add(key('zone', r.zone_id, CAPACITY_TYPES.VIRTUAL_NETWORK_PUBLIC_IP), n(r.size), 0);
    } else {
      sums.add(key('zone', r.zone_id, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP), n(r.size), 0);
      if (r.pod_id !== null) sums.add(key('pod', r.pod_id, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP), n(r.size), 0);
    }
  }
  const hostCount = new Map(hostsPerPod.map((r) => [r.pod_id, n(r.n)]));
  for (const p of pods.values()) {
    const size = rangeSize(p.startIp, p.endIp);
    const used = hostCount.get(p.id) ?? 0;
    sums.add(key('pod', p.id, CAPACITY_TYPES.PRIVATE_IP), size, used);
    sums.add(key('zone', p.zoneId, CAPACITY_TYPES.PRIVATE_IP), size, used);
  }
  for (const pn of physicalNetworks) {
    const parsed = parseVlanRanges(pn.vlan ?? '');
    const count = parsed.ok ? countVlans(parsed.ranges) : 0;
    sums.add(key('zone', pn.zone_id, CAPACITY_TYPES.VLAN), count, 0);
  }

  const figures: CapacityFigure[] = [];
  const emit = (
    level: CapacityLevel,
    ids: { zoneId: number; podId: number | null; clusterId: number | null },
    type: number,
  ) => {
    const id = level === 'cluster' ? ids.clusterId : level === 'pod' ? ids.podId : ids.zoneId;
    const s = sums.get(key(level, id as number, type));
    const figure: CapacityFigure = {
      type,
      level,
      ...ids,
      total: Math.round(s.total),
      used: Math.round(s.used),
    };
    if (type === CAPACITY_TYPES.STORAGE) figure.allocated = Math.round(s.allocated);
    figures.push(figure);
  };
  const optional = (level: CapacityLevel, id: number, type: number) => sums.has(key(level, id, type));

  for (const c of clusters.values()) {
    const ids = { zoneId: c.zoneId, podId: c.podId, clusterId: c.id };
    for (const t of [...HOST_TYPES, ...POOL_TYPES]) emit('cluster', ids, t);
    if (optional('cluster', c.id, CAPACITY_TYPES.LOCAL_STORAGE)) emit('cluster', ids, CAPACITY_TYPES.LOCAL_STORAGE);
  }
  for (const p of pods.values()) {
    const ids = { zoneId: p.zoneId, podId: p.id, clusterId: null };
    const basic = zones.get(p.zoneId)?.networkType === 'Basic';
    for (const t of [...HOST_TYPES, ...POOL_TYPES, CAPACITY_TYPES.PRIVATE_IP]) emit('pod', ids, t);
    if (optional('pod', p.id, CAPACITY_TYPES.LOCAL_STORAGE)) emit('pod', ids, CAPACITY_TYPES.LOCAL_STORAGE);
    if (basic || optional('pod', p.id, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP))
      emit('pod', ids, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP);
  }
  for (const z of zones.values()) {
    const ids = { zoneId: z.id, podId: null, clusterId: null };
    const basic = z.networkType === 'Basic';
    for (const t of [
      ...HOST_TYPES,
      ...POOL_TYPES,
      CAPACITY_TYPES.SECONDARY_STORAGE,
      CAPACITY_TYPES.PRIVATE_IP,
      CAPACITY_TYPES.VLAN,
    ])
      emit('zone', ids, t);
    if (!basic || optional('zone', z.id, CAPACITY_TYPES.VIRTUAL_NETWORK_PUBLIC_IP))
      emit('zone', ids, CAPACITY_TYPES.VIRTUAL_NETWORK_PUBLIC_IP);
    if (basic || optional('zone', z.id, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP))
      emit('zone', ids, CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP);
    if (optional('zone', z.id, CAPACITY_TYPES.LOCAL_STORAGE)) emit('zone', ids, CAPACITY_TYPES.LOCAL_STORAGE);
  }
  return { zones, pods, clusters, figures, factors };
}

/** used / total as a percentage (0 when there is no capacity). */
export function percentOf(used: number, total: number): number {
  return total > 0 ? (used / total) * 100 : 0;
}

/** listCapacity's percentused: a string with two decimals, "12.34". */
export function percentText(used: number, total: number): string {
  return percentOf(used, total).toFixed(2);
}
