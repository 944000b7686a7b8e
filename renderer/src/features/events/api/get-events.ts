import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { CloudEvent } from '../../../lib/api-types';
import { queryKeys } from '../../../lib/query-keys';

export type { CloudEvent } from '../../../lib/api-types';

export const EVENT_LEVELS = ['INFO', 'WARN', 'ERROR'] as const;

export interface EventsParams {
  page: number;
  pagesize: number;
  type?: string;
  level?: string;
  keyword?: string;
  /** yyyy-MM-dd from a date input */
  startdate?: string;
  enddate?: string;
}

export function getEvents(client: ApiClient, params: EventsParams) {
  return client.list<CloudEvent>('listEvents', 'event', {
    listall: true,
    page: params.page,
    pagesize: params.pagesize,
    type: params.type || undefined,
    level: params.level || undefined,
    keyword: params.keyword || undefined,
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
    queryFn: async () =>
      (await client.list<{ name: string }>('listEventTypes', 'eventtype')).items.map((e) => e.name).sort(),
  });
}
