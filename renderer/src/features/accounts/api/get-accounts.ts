import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query-keys';

export interface AccountUser {
  id: string;
  username: string;
  firstname?: string;
  lastname?: string;
  email?: string;
  state?: string;
}

export interface Account {
  id: string;
  name: string;
  accounttype: number;
  roleid?: string;
  rolename?: string;
  roletype?: string;
  domainid: string;
  domain?: string;
  domainpath?: string;
  state: string;
  networkdomain?: string;
  created?: string;
  isdefault?: boolean;
  user?: AccountUser[];
}

export interface AccountsParams {
  page: number;
  pagesize: number;
  keyword?: string;
  domainid?: string;
}

export function getAccounts(client: ApiClient, params: AccountsParams) {
  return client.list<Account>('listAccounts', 'account', {
    listall: true,
    page: params.page,
    pagesize: params.pagesize,
    keyword: params.keyword || undefined,
    domainid: params.domainid,
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
    queryFn: async () =>
      (await client.list<Account>('listAccounts', 'account', { id, listall: true })).items[0] ?? null,
  });
}
