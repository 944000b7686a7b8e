import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Role, RolePermission } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

export type RoleType = Role['type'];
export type Permission = RolePermission['permission'];

export const ROLE_TYPES: readonly RoleType[] = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'];

export function rolesQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.roles.list(),
    queryFn: () => client.list('listRoles'),
  });
}

export function useRoles() {
  return useQuery(rolesQueryOptions(useApi()));
}

export function useRolePermissions(roleId: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.roles.permissions(roleId ?? ''),
    enabled: roleId !== undefined,
    queryFn: async () => (await client.list('listRolePermissions', { roleid: roleId })).items,
  });
}
