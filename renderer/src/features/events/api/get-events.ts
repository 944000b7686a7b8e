import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Event, Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

export type EventLevel = Event['level'];

export const EVENT_LEVELS: readonly EventLevel[] = ['INFO', 'WARN', 'ERROR'];

/** The events table's filters: listEvents' own, but dates are whole days (yyyy-MM-dd from a date input). */
export type EventsParams = Required<Pick<Params<'listEvents'>, 'page' | 'pagesize'>> &
  Pick<Params<'listEvents'>, 'type' | 'level' | 'keyword' | 'sortby' | 'sortorder'> & {
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

export function useEventTypes() {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.events.types(),
    staleTime: Infinity,
    queryFn: async () => (await client.list('listEventTypes')).items.map((e) => e.name).sort(),
  });
}
