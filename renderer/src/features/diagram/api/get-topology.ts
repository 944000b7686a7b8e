import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query-keys';
import { useUiStore } from '../../../lib/ui-store';

/** listInfrastructureTopology's answer (COMMON.md wire contract). */
export interface UsedTotal {
  total: number;
  used: number;
}

export interface TopologyHost {
  id: string;
  name: string;
  state: string;
  resourcestate?: string;
  /** CloudStack sends these as "12.5%"; numbers are read as percents too. */
  cpuallocatedpercentage?: string | number;
  memoryallocatedpercentage?: string | number;
}

export interface TopologyStoragePool {
  id: string;
  name: string;
  state: string;
  scope?: string;
  disksizetotal?: number;
  disksizeused?: number;
}

export interface TopologyImageStore {
  id: string;
  name: string;
  protocol?: string;
  providername?: string;
  url?: string;
  scope?: string;
  readonly?: boolean;
  disksizetotal?: number;
  disksizeused?: number;
}

export interface TopologyCluster {
  id: string;
  name: string;
  hypervisortype?: string;
  allocationstate?: string;
  hostcount: number;
  hoststates?: Record<string, number>;
  resourcestates?: Record<string, number>;
  cpu?: UsedTotal;
  memory?: UsedTotal;
  storage?: UsedTotal;
  storagepools?: TopologyStoragePool[];
  /** Present for every cluster when not aggregated, else only for the clusters asked for. */
  hosts?: TopologyHost[];
}

export interface TopologyPod {
  id: string;
  name: string;
  allocationstate?: string;
  clusters?: TopologyCluster[];
}

export interface TopologyZone {
  id: string;
  name: string;
  networktype?: string;
  allocationstate?: string;
  imagestores?: TopologyImageStore[];
  storagepools?: TopologyStoragePool[];
  pods?: TopologyPod[];
}

export interface TopologyTotals {
  zones: number;
  pods: number;
  clusters: number;
  hosts: number;
  storagepools: number;
  imagestores: number;
}

export interface Topology {
  aggregated: boolean;
  totals: TopologyTotals;
  zones: TopologyZone[];
}

export interface TopologyParams {
  zoneid?: string;
  /** Clusters whose hosts the diagram shows when the answer is aggregated (sorted, for a stable key). */
  clusterids?: string[];
  hostlimit?: number;
}

const EMPTY_TOTALS: TopologyTotals = { zones: 0, pods: 0, clusters: 0, hosts: 0, storagepools: 0, imagestores: 0 };

/** Reads the answer defensively: a missing list is an empty one. */
export function normaliseTopology(raw: Partial<Topology> | undefined | null): Topology {
  return {
    aggregated: raw?.aggregated === true,
    totals: { ...EMPTY_TOTALS, ...(raw?.totals ?? {}) },
    zones: Array.isArray(raw?.zones) ? raw.zones : [],
  };
}

/** The request parameters: only what is set, clusterids only when there are some. */
export function topologyRequest(params: TopologyParams): TopologyParams {
  const request: TopologyParams = {};
  if (params.zoneid) request.zoneid = params.zoneid;
  if (params.clusterids && params.clusterids.length > 0) request.clusterids = [...params.clusterids].sort();
  if (params.hostlimit !== undefined && Number.isFinite(params.hostlimit)) request.hostlimit = params.hostlimit;
  return request;
}

export async function getTopology(client: ApiClient, params: TopologyParams): Promise<Topology> {
  const raw = await client.object<Partial<Topology>>('listInfrastructureTopology', 'topology', {
    ...topologyRequest(params),
  });
  return normaliseTopology(raw);
}

/**
 * The topology under the infrastructure root: host state changes, events and resource messages
 * refresh it live. Without a live stream it polls every 30 s. The previous answer stays on screen
 * while a cluster's hosts are fetched.
 */
export function useTopology(params: TopologyParams) {
  const client = useApi();
  const live = useUiStore((s) => s.liveStatus === 'open');
  const request = topologyRequest(params);
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listInfrastructureTopology', request),
    queryFn: () => getTopology(client, request),
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : 30_000,
  });
}

/** Fields of listHosts the details panel shows beyond the topology's. */
export interface HostDetails {
  id: string;
  name: string;
  state?: string;
  resourcestate?: string;
  ipaddress?: string;
  hypervisor?: string;
  hypervisorversion?: string;
  cpunumber?: number;
  cpuspeed?: number;
  memorytotal?: number;
  lastpinged?: string;
  disconnected?: string;
  clustername?: string;
  podname?: string;
  zonename?: string;
}

export function useHostDetails(id: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listHosts', { id }),
    enabled: id !== undefined,
    queryFn: async () => (await client.list<HostDetails>('listHosts', 'host', { id })).items[0] ?? null,
  });
}

/** Hosts matching a name, to find one inside an aggregated cluster. */
export interface HostMatch {
  id: string;
  name: string;
  clusterid?: string;
  clustername?: string;
  zoneid?: string;
}

export function useHostSearch(keyword: string, enabled: boolean) {
  const client = useApi();
  const params = { keyword, pagesize: 20, page: 1 };
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listHosts', params),
    enabled: enabled && keyword.length >= 2,
    staleTime: 30_000,
    queryFn: async () => (await client.list<HostMatch>('listHosts', 'host', params)).items,
  });
}

/** Zones for the zone filter. */
export function useZoneOptions() {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listZones', { fields: 'options' }),
    staleTime: 30_000,
    queryFn: async () => (await client.list<{ id: string; name: string }>('listZones', 'zone', {})).items,
  });
}
