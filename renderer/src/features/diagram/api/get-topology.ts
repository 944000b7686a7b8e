import { useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Params, Topology, TopologyTotals } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';
import { useUiStore } from '../../../lib/ui-store';

/**
 * What the diagram asks for: one zone or all, the aggregation threshold, and the clusters whose
 * hosts it shows when the answer is aggregated (sorted, for a stable key).
 */
export type TopologyParams = Pick<Params<'listInfrastructureTopology'>, 'zoneid' | 'hostlimit'> & {
  clusterids?: string[];
};

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
  return normaliseTopology(await client.object('listInfrastructureTopology', topologyRequest(params)));
}

/** The zone a topology query asked for ('' for all zones): its key ends with the request. */
function zoneOf(query: { queryKey: readonly unknown[] } | undefined): string | undefined {
  const request = query?.queryKey.at(-1) as TopologyParams | undefined;
  return query ? (request?.zoneid ?? '') : undefined;
}

/**
 * The topology under the infrastructure root: host state changes, events and resource messages
 * refresh it live. Without a live stream it polls every 30 s. The previous answer stays on screen
 * while a cluster's hosts are fetched, not while another zone is: the canvas fits its first view
 * to what it first draws, and another zone's diagram would set that view.
 */
export function useTopology(params: TopologyParams) {
  const client = useApi();
  const live = useUiStore((s) => s.liveStatus === 'open');
  const request = topologyRequest(params);
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listInfrastructureTopology', request),
    queryFn: () => getTopology(client, request),
    placeholderData: (previous, previousQuery) =>
      zoneOf(previousQuery) === (request.zoneid ?? '') ? previous : undefined,
    refetchInterval: live ? false : 30_000,
  });
}

/** The host's listHosts entry: what the details panel shows beyond the topology's fields. */
export function useHostDetails(id: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listHosts', { id }),
    enabled: id !== undefined,
    queryFn: async () => (await client.list('listHosts', { id })).items[0] ?? null,
  });
}

/** Hosts matching a name, to find one inside an aggregated cluster. */
export function useHostSearch(keyword: string, enabled: boolean) {
  const client = useApi();
  const params: Params<'listHosts'> = { keyword, pagesize: 20, page: 1 };
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listHosts', params),
    enabled: enabled && keyword.length >= 2,
    staleTime: 30_000,
    queryFn: async () => (await client.list('listHosts', params)).items,
  });
}

/** Zones for the zone filter. */
export function useZoneOptions() {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listZones', { fields: 'options' }),
    staleTime: 30_000,
    queryFn: async () => (await client.list('listZones', {})).items,
  });
}
