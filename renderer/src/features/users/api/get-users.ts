import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query-keys';

export interface User {
  id: string;
  username: string;
  firstname?: string;
  lastname?: string;
  email?: string;
  state: string;
  account: string;
  accountid?: string;
  accounttype?: number;
  roleid?: string;
  rolename?: string;
  roletype?: string;
  domainid: string;
  domain?: string;
  timezone?: string;
  created?: string;
  apikey?: string;
  isdefault?: boolean;
}

export interface UsersParams {
  page: number;
  pagesize: number;
  keyword?: string;
  account?: string;
  domainid?: string;
}

export function getUsers(client: ApiClient, params: UsersParams) {
  return client.list<User>('listUsers', 'user', {
    listall: true,
    page: params.page,
    pagesize: params.pagesize,
    keyword: params.keyword || undefined,
    // CloudStack needs domainid together with account.
    account: params.account && params.domainid ? params.account : undefined,
    domainid: params.domainid,
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
