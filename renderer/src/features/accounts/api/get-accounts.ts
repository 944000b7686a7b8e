import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

/** The accounts table's query: one page of listAccounts, searched or limited to a domain. */
export type AccountsParams = Required<Pick<Params<'listAccounts'>, 'page' | 'pagesize'>> &
  Pick<Params<'listAccounts'>, 'keyword' | 'domainid' | 'sortby' | 'sortorder'>;

export function getAccounts(client: ApiClient, params: AccountsParams) {
  return client.list('listAccounts', {
    listall: true,
    page: params.page,
    pagesize: params.pagesize,
    keyword: params.keyword || undefined,
    domainid: params.domainid,
    sortby: params.sortby,
    sortorder: params.sortby ? params.sortorder : undefined,
  });
}

export function accountsQueryOptions(client: ApiClient, params: AccountsParams) {
  return queryOptions({
    queryKey: queryKeys.accounts.list(params),
    queryFn: () => getAccounts(client, params),
    placeholderData: keepPreviousData,
  });
}

export function useAccounts(params: AccountsParams) {
  return useQuery(accountsQueryOptions(useApi(), params));
}

/** One account by id, for the detail drawer (it may be on another page of the table). */
export function useAccount(id: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: [...queryKeys.accounts.all, 'one', id],
    enabled: id !== undefined,
    queryFn: async () => (await client.list('listAccounts', { id, listall: true })).items[0] ?? null,
  });
}
