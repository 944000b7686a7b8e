import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import { useRunJob } from '../../../lib/jobs';
import { queryKeys } from '../../../lib/query-keys';
import type { User } from './get-users';

export interface CreateUserInput {
  account: string;
  domainid: string;
  username: string;
  password: string;
  firstname: string;
  lastname: string;
  email: string;
  timezone?: string;
}

export interface UpdateUserInput {
  id: string;
  username?: string;
  firstname?: string;
  lastname?: string;
  email?: string;
  timezone?: string;
  password?: string;
  currentpassword?: string;
}

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
    mutationFn: (input: CreateUserInput) =>
      client.object<User>('createUser', 'user', { ...input, timezone: input.timezone || undefined }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const client = useApi();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => client.object<User>('updateUser', 'user', { ...input }),
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
      return client.object<User>(action === 'enable' ? 'enableUser' : 'lockUser', 'user', { id: user.id });
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
