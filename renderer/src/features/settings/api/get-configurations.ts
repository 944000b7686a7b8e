import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query-keys';

export interface Configuration {
  name: string;
  value?: string | null;
  defaultvalue?: string;
  category?: string;
  description?: string;
  displaytext?: string;
  type?: string;
  isdynamic?: boolean;
  component?: string;
  scope?: string;
}

export interface ConfigurationsParams {
  keyword?: string;
  category?: string;
}

export function getConfigurations(client: ApiClient, params: ConfigurationsParams) {
  return client.list<Configuration>('listConfigurations', 'configuration', {
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
