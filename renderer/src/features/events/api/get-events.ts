import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Event, Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

export type EventLevel = Event['level'];

export const EVENT_LEVELS: readonly EventLevel[] = ['INFO', 'WARN', 'ERROR'];

/** The events table's filters: listEvents' own, but dates are whole days (yyyy-MM-dd from a date input). */
export type EventsParams = Required<Pick<Params<'listEvents'>, 'page' | 'pagesize'>> &
  Pick<Params<'listEvents'>, 'type' | 'level' | 'keyword' | 'sortby' | 'sortorder' | 'resourcetype' | 'resourceid'> & {
    startdate?: string;
    enddate?: string;
  };

export function getEvents(client: ApiClient, params: EventsParams) {
  return client.list('listEvents', {
    listall: true,
    page: params.page,
    pagesize: params.pagesize,
    type: params.type || undefined,
    level: params.level || undefined,
    keyword: params.keyword || undefined,
    resourcetype: params.resourcetype || undefined,
    resourceid: params.resourceid || undefined,
    sortby: params.sortby,
    sortorder: params.sortby ? params.sortorder : undefined,
    // CloudStack takes "yyyy-MM-dd HH:mm:ss"; a whole end day is included.
    startdate: params.startdate ? `${params.startdate} 00:00:00` : undefined,
    enddate: params.enddate ? `${params.enddate} 23:59:59` : undefined,
  });
}

export function eventsQueryOptions(client: ApiClient, params: EventsParams) {
  return queryOptions({
    queryKey: queryKeys.events.list(params),
    queryFn: () => getEvents(client, params),
    placeholderData: keepPreviousData,
  });
}

export function useEvents(params: EventsParams) {
  return useQuery(eventsQueryOptions(useApi(), params));
}

/** One event by id, for its detail drawer (archived ones too: a link may name either). */
export function useEvent(id: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.events.list({ id }),
    enabled: id !== undefined,
    queryFn: async () => {
      const live = await client.list('listEvents', { listall: true, id });
      if (live.items[0]) return live.items[0];
      const archived = await client.list('listEvents', { listall: true, id, archived: true });
      return archived.items[0] ?? null;
    },
  });
}

export interface EventTypeGroup {
  group: string;
  types: string[];
}

/**
 * The event types recorded so far that matter to the caller (listEventTypes occurring=true),
 * grouped by area (the page orders the groups by their translated names), names sorted within.
 */
export function useEventTypes() {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.events.types(),
    // A cheap query (one index step per type); new types arrive with the events that bring them.
    staleTime: 10_000,
    queryFn: async (): Promise<EventTypeGroup[]> => {
      const { items } = await client.list('listEventTypes', { occurring: true });
      const groups = new Map<string, string[]>();
      for (const { name, group } of items) groups.set(group, [...(groups.get(group) ?? []), name]);
      return [...groups.entries()].map(([group, types]) => ({ group, types: types.sort() }));
    },
  });
}

/** The job an event was recorded in, as queryAsyncJobResult reports it (null once it has expired). */
export function useEventJob(jobid: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.events.list({ jobid }),
    enabled: jobid !== undefined,
    retry: false,
    queryFn: async () => {
      try {
        return await client.queryJob(jobid as string);
      } catch {
        return null;
      }
    },
  });
}
