import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';
import { HISTORY_RANGES, toWireDate, type HistoryRange } from '../lib/history';

/** Drops empty filters so `{zoneid: ''}` and `{}` share one cache entry and one request. */
function clean<P extends object>(params: P): P {
  const out = { ...params };
  for (const key in out) {
    const value: unknown = out[key];
    if (value === undefined || value === null || value === '') delete out[key];
  }
  return out;
}

export function useInfrastructureCounts(enabled = true) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listInfrastructure'),
    enabled,
    queryFn: () => client.object('listInfrastructure'),
  });
}

/** Every zone the caller sees (the zone selector and the first-run check). */
export function useZones() {
  const client = useApi();
  const params: Params<'listZones'> = { pagesize: -1 };
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listZones', params),
    queryFn: () => client.list('listZones', params),
  });
}

/** listCapacity of one zone, or of all zones (one row per type per zone). */
export function useCapacity(zoneid: string | undefined, enabled = true) {
  const client = useApi();
  const params = clean<Params<'listCapacity'>>({ zoneid, pagesize: -1 });
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listCapacity', params),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => client.list('listCapacity', params),
  });
}

/**
 * The capacity thresholds in force (listConfigurations, name contains "threshold"), as a map of
 * setting name to value; undefined when the role cannot read settings (the defaults apply).
 */
export function useThresholdSettings(enabled: boolean) {
  const client = useApi();
  const params: Params<'listConfigurations'> = { name: 'threshold', pagesize: 200 };
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listConfigurations', params),
    enabled,
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      const result = await client.list('listConfigurations', params);
      return new Map(result.items.map((c) => [c.name, c.value]));
    },
  });
}

export interface ClusterUsage {
  id: string;
  name: string;
  used: number;
  total: number;
  /** 0..100 */
  percent: number;
}

const TOPOLOGY_FIGURE: Readonly<Record<number, 'cpu' | 'memory' | 'storage'>> = { 0: 'memory', 1: 'cpu', 2: 'storage' };

function usage(id: string, name: string, used: number, total: number): ClusterUsage {
  return { id, name, used, total, percent: total > 0 ? (used / total) * 100 : 0 };
}

/**
 * The most used clusters for one capacity type. CloudStack answers listCapacity with sortby=usage
 * by cluster (and pod) rows ranked by use; when the core answers with zone rows only, the per-cluster
 * sums of listInfrastructureTopology (without hosts) are ranked instead.
 */
export function useClusterUsage(zoneid: string | undefined, type: number, limit = 10, enabled = true) {
  const client = useApi();
  const ranked = clean<Params<'listCapacity'>>({ zoneid, type, sortby: 'usage', pagesize: 200 });
  const byUsage = useQuery({
    queryKey: queryKeys.infrastructure.command('listCapacity', ranked),
    enabled,
    queryFn: () => client.list('listCapacity', ranked),
  });
  const fromCapacity = (byUsage.data?.items ?? [])
    .filter((r) => r.clusterid && Number(r.type) === type)
    .map((r) =>
      usage(r.clusterid!, r.clustername ?? r.clusterid!, Number(r.capacityused) || 0, Number(r.capacitytotal) || 0),
    );
  const figure = TOPOLOGY_FIGURE[type];
  const topologyParams = clean<Params<'listInfrastructureTopology'>>({ zoneid, hostlimit: 0 });
  const needTopology = enabled && byUsage.isSuccess && fromCapacity.length === 0 && figure !== undefined;
  const topology = useQuery({
    queryKey: queryKeys.infrastructure.command('listInfrastructureTopology', topologyParams),
    enabled: needTopology,
    queryFn: () => client.object('listInfrastructureTopology', topologyParams),
  });
  let rows = fromCapacity;
  if (fromCapacity.length === 0 && figure && topology.data) {
    rows = (topology.data.zones ?? []).flatMap((z) =>
      (z.pods ?? []).flatMap((p) =>
        (p.clusters ?? []).map((c) => usage(c.id, c.name, Number(c[figure]?.used ?? 0), Number(c[figure]?.total ?? 0))),
      ),
    );
  }
  const data = rows
    .filter((r) => r.total > 0)
    .sort((a, b) => b.percent - a.percent || a.name.localeCompare(b.name))
    .slice(0, limit);
  return {
    data,
    isLoading: byUsage.isLoading || (needTopology && topology.isLoading),
    error: byUsage.error ?? topology.error,
  };
}

/** Whose history: all zones, one zone or one cluster. */
export type HistoryScope = Pick<Params<'listCapacityHistory'>, 'zoneid' | 'clusterid'>;

/**
 * listCapacityHistory for each type over the range ending now. The key holds the range, not the
 * dates, so a refresh (or a live update) asks again for the window ending at that moment.
 */
export function useCapacityHistory(scope: HistoryScope, range: HistoryRange, types: readonly number[]) {
  const client = useApi();
  return useQueries({
    queries: types.map((type) => {
      const keyParams = clean({ ...scope, type, range });
      return {
        queryKey: queryKeys.infrastructure.command('listCapacityHistory', keyParams),
        placeholderData: keepPreviousData,
        refetchInterval: 60_000,
        queryFn: () => {
          const now = Date.now();
          return client.list(
            'listCapacityHistory',
            clean<Params<'listCapacityHistory'>>({
              ...scope,
              type,
              startdate: toWireDate(now - HISTORY_RANGES[range]),
              enddate: toWireDate(now),
            }),
          );
        },
      };
    }),
  });
}

export function useAlerts(params: Params<'listAlerts'>, enabled = true) {
  const client = useApi();
  const p = clean(params);
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listAlerts', p),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => client.list('listAlerts', p),
  });
}

/** archiveAlerts / deleteAlerts by ids (synchronous). */
export function useAlertBulk() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ids }: { action: 'archive' | 'delete'; ids: string[] }) =>
      client.call(action === 'archive' ? 'archiveAlerts' : 'deleteAlerts', { ids }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all }),
  });
}

/** Datacenter imports a crash interrupted or a step failed: they can be resumed or removed. */
export function useUnfinishedImports(enabled: boolean) {
  const client = useApi();
  const params: Params<'listDataCenterImports'> = { pagesize: -1 };
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listDataCenterImports', params),
    enabled,
    queryFn: async () => {
      const all = await client.list('listDataCenterImports', params);
      return all.items.filter((i) => i.state === 'Interrupted' || i.state === 'Failed');
    },
  });
}
