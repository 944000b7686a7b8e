import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Params, User } from '../../../lib/contract';
import { useRunJob } from '../../../lib/jobs';
import { queryKeys } from '../../../lib/query-keys';

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
    void queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all });
  };
}

export function useCreateUser() {
  const client = useApi();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: Params<'createUser'>) =>
      client.object('createUser', { ...input, timezone: input.timezone || undefined }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const client = useApi();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: Params<'updateUser'>) => client.object('updateUser', input),
    onSuccess: invalidate,
  });
}

/** enableUser, lockUser and deleteUser are synchronous; disableUser is async (CloudStack). */
export function useUserStateChange() {
  const client = useApi();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: async ({ user, action }: { user: User; action: 'enable' | 'lock' | 'delete' }) => {
      if (action === 'delete') return client.call('deleteUser', { id: user.id });
      if (action === 'enable') return client.object('enableUser', { id: user.id });
      return client.object('lockUser', { id: user.id });
    },
    onSuccess: invalidate,
  });
}

export function useDisableUser() {
  const runJob = useRunJob();
  return (user: User, title: string) =>
    runJob({
      command: 'disableUser',
      params: { id: user.id },
      title,
      link: `#/users?id=${user.id}`,
      invalidate: ['users', 'accounts'],
    });
}
