import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query-keys';

export const ROLE_TYPES = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;
export type RoleType = (typeof ROLE_TYPES)[number];

export interface Role {
  id: string;
  name: string;
  type: RoleType | string;
  description?: string;
  isdefault?: boolean;
}

export interface RolePermission {
  id: string;
  roleid: string;
  rolename?: string;
  rule: string;
  permission: 'allow' | 'deny' | string;
  description?: string;
}

export function rolesQueryOptions(client: ApiClient) {
  return queryOptions({
    queryKey: queryKeys.roles.list(),
    queryFn: () => client.list<Role>('listRoles', 'role'),
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
    queryFn: async () =>
      (await client.list<RolePermission>('listRolePermissions', 'rolepermission', { roleid: roleId })).items,
  });
}
