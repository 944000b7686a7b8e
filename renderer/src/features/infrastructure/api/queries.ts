import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { AsyncCommandName, ListCommandName, Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

/** The list commands the physical model reads (they answer at once). */
export type InfraListCommand = Exclude<ListCommandName, AsyncCommandName>;

/** Drops empty filters so `{zoneid: ''}` and `{}` share one cache entry and one request. */
export function cleanParams<P extends object>(params: P): P {
  const out = { ...params };
  for (const key in out) {
    const value: unknown = out[key];
    if (value === undefined || value === null || value === '') delete out[key];
  }
  return out;
}

/**
 * A server-paged list of the physical model. Every key sits under the infrastructure root, so a
 * live event or resource change refreshes what is on screen.
 */
export function useInfraList<C extends InfraListCommand>(
  command: C,
  params: Params<C>,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  const client = useApi();
  const clean = cleanParams(params);
  return useQuery({
    queryKey: queryKeys.infrastructure.command(command, clean),
    enabled: options.enabled ?? true,
    queryFn: () => client.list(command, clean),
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
  });
}

/** One entity by id, for the detail drawer (it may sit on another page of the table). */
export function useInfraOne<C extends InfraListCommand>(command: C, params: Params<C> & { id: string }) {
  const client = useApi();
  const clean = cleanParams(params);
  return useQuery({
    queryKey: queryKeys.infrastructure.command(command, { ...clean, one: true }),
    queryFn: async () => (await client.list(command, clean)).items[0] ?? null,
  });
}

/** Pickers: zones, the pods of a zone, the clusters of a pod (CloudStack's default page cap applies). */
export function useZoneOptions(enabled = true) {
  return useInfraList('listZones', {}, { enabled });
}

export function usePodOptions(zoneid: string | undefined, enabled = true) {
  return useInfraList('listPods', { zoneid }, { enabled, keepPrevious: false });
}

export function useClusterOptions(zoneid: string | undefined, podid: string | undefined, enabled = true) {
  return useInfraList('listClusters', { zoneid, podid }, { enabled, keepPrevious: false });
}

/** The events of one resource (listEvents by resourceid), newest first. */
export function useResourceEvents(resourceId: string | undefined, enabled: boolean) {
  return useInfraList(
    'listEvents',
    { resourceid: resourceId, listall: true, page: 1, pagesize: 50 },
    { enabled: enabled && resourceId !== undefined },
  );
}
