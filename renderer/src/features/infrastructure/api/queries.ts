import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import type { ApiCommandName } from '../../../lib/api-commands.generated';
import { useApi } from '../../../lib/api-context';
import type { ApiParams, CloudEvent } from '../../../lib/api-types';
import { queryKeys } from '../../../lib/query-keys';
import type { Cluster, Pod, Zone } from './types';

/** The entity key of a list answer (`host`, `storagepool`, ...). */
export type ResponseName = Parameters<ApiClient['list']>[1];

/** Drops empty filters so `{zoneid: ''}` and `{}` share one cache entry and one request. */
export function cleanParams(params: ApiParams): ApiParams {
  const out: ApiParams = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    out[key] = value;
  }
  return out;
}

/**
 * A server-paged list of the physical model. Every key sits under the infrastructure root, so a
 * live event or resource change refreshes what is on screen.
 */
export function useInfraList<T>(
  command: ApiCommandName,
  name: ResponseName,
  params: ApiParams,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  const client = useApi();
  const clean = cleanParams(params);
  return useQuery({
    queryKey: queryKeys.infrastructure.command(command, clean),
    enabled: options.enabled ?? true,
    queryFn: () => client.list<T>(command, name, clean),
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
  });
}

/** One entity by id, for the detail drawer (it may sit on another page of the table). */
export function useInfraOne<T>(command: ApiCommandName, name: ResponseName, id: string | undefined, extra?: ApiParams) {
  const client = useApi();
  const params = cleanParams({ ...extra, id });
  return useQuery({
    queryKey: queryKeys.infrastructure.command(command, { ...params, one: true }),
    enabled: id !== undefined,
    queryFn: async () => (await client.list<T>(command, name, params)).items[0] ?? null,
  });
}

/** Pickers: zones, the pods of a zone, the clusters of a pod (CloudStack's default page cap applies). */
export function useZoneOptions(enabled = true) {
  return useInfraList<Zone>('listZones', 'zone', {}, { enabled });
}

export function usePodOptions(zoneid: string | undefined, enabled = true) {
  return useInfraList<Pod>('listPods', 'pod', { zoneid }, { enabled, keepPrevious: false });
}

export function useClusterOptions(zoneid: string | undefined, podid: string | undefined, enabled = true) {
  return useInfraList<Cluster>('listClusters', 'cluster', { zoneid, podid }, { enabled, keepPrevious: false });
}

/** The events of one resource (listEvents by resourceid), newest first. */
export function useResourceEvents(resourceId: string | undefined, enabled: boolean) {
  return useInfraList<CloudEvent>(
    'listEvents',
    'event',
    { resourceid: resourceId, listall: true, page: 1, pagesize: 50 },
    { enabled: enabled && resourceId !== undefined },
  );
}
