import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

/** The users table's query: one page of listUsers, searched or limited to an account. */
export type UsersParams = Required<Pick<Params<'listUsers'>, 'page' | 'pagesize'>> &
  Pick<Params<'listUsers'>, 'keyword' | 'account' | 'domainid' | 'sortby' | 'sortorder'>;

export function getUsers(client: ApiClient, params: UsersParams) {
  return client.list('listUsers', {
    listall: true,
    page: params.page,
    pagesize: params.pagesize,
    keyword: params.keyword || undefined,
    // CloudStack needs domainid together with account.
    account: params.account && params.domainid ? params.account : undefined,
    domainid: params.domainid,
    sortby: params.sortby,
    sortorder: params.sortby ? params.sortorder : undefined,
  });
}

export function usersQueryOptions(client: ApiClient, params: UsersParams) {
  return queryOptions({
    queryKey: queryKeys.users.list(params),
    queryFn: () => getUsers(client, params),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(params: UsersParams) {
  return useQuery(usersQueryOptions(useApi(), params));
}
