import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Params, Role, RolePermission } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

function useInvalidateRoles() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.roles.all });
}

export function useCreateRole() {
  const client = useApi();
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (input: Params<'createRole'>) =>
      client.object('createRole', { ...input, description: input.description || undefined }),
    onSuccess: invalidate,
  });
}

export function useUpdateRole() {
  const client = useApi();
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (input: Params<'updateRole'>) => client.object('updateRole', input),
    onSuccess: invalidate,
  });
}

export function useDeleteRole() {
  const client = useApi();
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: (role: Role) => client.call('deleteRole', { id: role.id }),
    onSuccess: invalidate,
  });
}

/** Rule edits update the cached list at once (optimistic), then re-read the server's order. */
export function useRuleMutations(roleId: string) {
  const client = useApi();
  const queryClient = useQueryClient();
  const key = queryKeys.roles.permissions(roleId);
  const settle = () => queryClient.invalidateQueries({ queryKey: key });
  const optimistic = async (update: (rules: RolePermission[]) => RolePermission[]) => {
    await queryClient.cancelQueries({ queryKey: key });
    const previous = queryClient.getQueryData<RolePermission[]>(key);
    if (previous) queryClient.setQueryData(key, update(previous));
    return { previous };
  };
  const rollback = (_e: unknown, _v: unknown, context: { previous?: RolePermission[] } | undefined) => {
    if (context?.previous) queryClient.setQueryData(key, context.previous);
  };

  const create = useMutation({
    mutationFn: (input: Omit<Params<'createRolePermission'>, 'roleid'>) =>
      client.object('createRolePermission', {
        roleid: roleId,
        rule: input.rule,
        permission: input.permission,
        description: input.description || undefined,
      }),
    onSettled: settle,
  });

  const setPermission = useMutation({
    mutationFn: (input: Required<Pick<Params<'updateRolePermission'>, 'ruleid' | 'permission'>>) =>
      client.call('updateRolePermission', { roleid: roleId, ruleid: input.ruleid, permission: input.permission }),
    onMutate: (input) =>
      optimistic((rules) => rules.map((r) => (r.id === input.ruleid ? { ...r, permission: input.permission } : r))),
    onError: rollback,
    onSettled: settle,
  });

  const reorder = useMutation({
    mutationFn: (ordered: RolePermission[]) =>
      client.call('updateRolePermission', { roleid: roleId, ruleorder: ordered.map((r) => r.id) }),
    onMutate: (ordered) => optimistic(() => ordered),
    onError: rollback,
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (rule: RolePermission) => client.call('deleteRolePermission', { id: rule.id }),
    onMutate: (rule) => optimistic((rules) => rules.filter((r) => r.id !== rule.id)),
    onError: rollback,
    onSettled: settle,
  });

  return { create, setPermission, reorder, remove };
}
