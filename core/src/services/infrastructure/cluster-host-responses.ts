import type {
  AllocationState,
  CLUSTER_TYPES,
  ClusterArch,
  HostResourceState,
  HostStatus,
  Hypervisor,
  ManagedState,
} from '../../domain/infrastructure';
import { toCloudStackDate } from '../../domain/time';
import type { ClusterRow, HostRow } from '../../db/schema';
import type { ScopedSettingsReader } from '../core-services';
import { compact } from '../../api/schemas/fields';
import type { Host } from '../../api/schemas/hosts';
import type { Cluster } from '../../api/schemas/clusters';

type Named = { uuid: string; name: string };

/** CloudStack's DecimalFormat("#.##"): at most two decimals, no trailing zeros. */
export function formatDecimal(n: number): string {
  if (!Number.isFinite(n)) return '0';
  return String(Math.round(n * 100) / 100);
}

/** Java's Float.toString for the ratios CloudStack returns as text ("1.0", "2.5"). */
export function formatRatio(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}

function percent(part: number, whole: number): string {
  return `${formatDecimal(whole > 0 ? (part / whole) * 100 : 0)}%`;
}

/**
 * The overprovisioning factors in effect on a cluster: its cluster-scoped cpu.overprovisioning.factor
 * and mem.overprovisioning.factor (its cpuovercommitratio and memoryovercommitratio, which CloudStack
 * keeps as the same cluster details), else the global values.
 */
export function overcommitFactors(
  cluster: Pick<ClusterRow, 'id' | 'zone_id'>,
  config: ScopedSettingsReader,
): { cpu: number; memory: number } {
  const here = config.in({ clusterId: cluster.id, zoneId: cluster.zone_id });
  return {
    cpu: here.get<number>('cpu.overprovisioning.factor'),
    memory: here.get<number>('mem.overprovisioning.factor'),
  };
}

/** CloudStack's ClusterResponse. */
export function clusterResponse(
  c: ClusterRow,
  zone: Named | undefined,
  pod: Named | undefined,
  config: ScopedSettingsReader,
): Cluster {
  const factors = overcommitFactors(c, config);
  return compact({
    id: c.uuid,
    name: c.name,
    podid: pod?.uuid,
    podname: pod?.name,
    zoneid: zone?.uuid,
    zonename: zone?.name,
    // The table holds only the values the cluster service validated and wrote; the columns are text.
    hypervisortype: c.hypervisor_type as Hypervisor,
    clustertype: c.cluster_type as (typeof CLUSTER_TYPES)[number],
    allocationstate: c.allocation_state as AllocationState,
    managedstate: c.managed_state as ManagedState,
    cpuovercommitratio: formatRatio(factors.cpu),
    memoryovercommitratio: formatRatio(factors.memory),
    arch: c.arch as ClusterArch,
  });
}

/** The host columns a response shows (never the password). */
export const HOST_VIEW_COLUMNS = [
  'id',
  'uuid',
  'name',
  'zone_id',
  'pod_id',
  'cluster_id',
  'type',
  'hypervisor_type',
  'hypervisor_version',
  'url',
  'private_ip',
  'status',
  'resource_state',
  'cpu_sockets',
  'cpu_number',
  'cpu_speed',
  'total_memory',
  'cpu_allocated',
  'memory_allocated',
  'cpu_used_percent',
  'memory_used',
  'capabilities',
  'arch',
  'last_ping',
  'status_changed',
  'owner_server',
  'created',
] as const;

export type HostView = Pick<HostRow, (typeof HOST_VIEW_COLUMNS)[number]>;

export interface HostResponseContext {
  zone?: Named;
  pod?: Named;
  cluster?: Named & Pick<ClusterRow, 'id' | 'zone_id' | 'cluster_type'>;
  tags: string[];
  config: ScopedSettingsReader;
}

/**
 * CloudStack's HostResponse (listHosts with details=all): allocated figures against capacity
 * with overprovisioning, usage from the last host stats.
 */
export function hostResponse(h: HostView, ctx: HostResponseContext): Host {
  const factors = ctx.cluster
    ? overcommitFactors(ctx.cluster, ctx.config)
    : {
        cpu: ctx.config.get<number>('cpu.overprovisioning.factor'),
        memory: ctx.config.get<number>('mem.overprovisioning.factor'),
      };
  const cpuAllocated = Number(h.cpu_allocated);
  const memAllocated = Number(h.memory_allocated);
  const totalMemory = Number(h.total_memory);
  const cpuWithOver = h.cpu_number * h.cpu_speed * factors.cpu;
  const memWithOver = totalMemory * factors.memory;
  const cpuAllocatedText = percent(cpuAllocated, cpuWithOver);
  return compact({
    id: h.uuid,
    name: h.name,
    // The table holds only the domain's values (the services write them); the column type is text.
    state: h.status as HostStatus,
    resourcestate: h.resource_state as HostResourceState,
    type: h.type,
    zoneid: ctx.zone?.uuid,
    zonename: ctx.zone?.name,
    podid: ctx.pod?.uuid,
    podname: ctx.pod?.name,
    clusterid: ctx.cluster?.uuid,
    clustername: ctx.cluster?.name,
    clustertype: ctx.cluster?.cluster_type,
    hypervisor: h.hypervisor_type as Hypervisor,
    hypervisorversion: h.hypervisor_version,
    ipaddress: h.private_ip,
    cpunumber: h.cpu_number,
    cpusockets: h.cpu_sockets,
    cpuspeed: h.cpu_speed,
    cpuallocated: cpuAllocatedText,
    cpuallocatedvalue: cpuAllocated,
    cpuallocatedpercentage: cpuAllocatedText,
    cpuallocatedwithoverprovisioning: cpuAllocatedText,
    cpuused: `${formatDecimal(Number(h.cpu_used_percent))}%`,
    cpuwithoverprovisioning: formatDecimal(cpuWithOver),
    memorytotal: totalMemory,
    memoryallocated: memAllocated,
    memoryallocatedbytes: memAllocated,
    memoryallocatedpercentage: percent(memAllocated, memWithOver),
    memoryused: Number(h.memory_used),
    memorywithoverprovisioning: formatDecimal(memWithOver),
    hosttags: ctx.tags.length > 0 ? ctx.tags.join(',') : undefined,
    capabilities: h.capabilities,
    arch: h.arch,
    lastpinged: toCloudStackDate(h.last_ping),
    created: toCloudStackDate(h.created),
    disconnected: h.status !== 'Up' ? toCloudStackDate(h.status_changed) : undefined,
    managementserverid: h.owner_server,
    islocalstorageactive: false,
  });
}
