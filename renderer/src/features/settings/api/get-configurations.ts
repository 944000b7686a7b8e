import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

/** The settings table's filters. */
export type ConfigurationsParams = Pick<Params<'listConfigurations'>, 'keyword' | 'category'>;

export function getConfigurations(client: ApiClient, params: ConfigurationsParams) {
  return client.list('listConfigurations', {
    keyword: params.keyword || undefined,
    category: params.category || undefined,
  });
}

export function configurationsQueryOptions(client: ApiClient, params: ConfigurationsParams) {
  return queryOptions({
    queryKey: queryKeys.settings.list(params),
    queryFn: () => getConfigurations(client, params),
    placeholderData: keepPreviousData,
  });
}

export function useConfigurations(params: ConfigurationsParams) {
  return useQuery(configurationsQueryOptions(useApi(), params));
}

/** Categories come from the unfiltered list (shared cache entry with the page's first load). */
export function useConfigurationCategories() {
  const query = useQuery(configurationsQueryOptions(useApi(), {}));
  const categories = new Set<string>();
  for (const c of query.data?.items ?? []) if (c.category) categories.add(c.category);
  return [...categories].sort();
}
