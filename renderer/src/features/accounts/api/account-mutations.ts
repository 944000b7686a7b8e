import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Account, Params } from '../../../lib/contract';
import { useRunJob } from '../../../lib/jobs';
import { queryKeys } from '../../../lib/query-keys';

/** createAccount; optional text left empty in a form is not sent. */
export function useCreateAccount() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Params<'createAccount'>) =>
      client.object('createAccount', {
        ...input,
        account: input.account || undefined,
        networkdomain: input.networkdomain || undefined,
        timezone: input.timezone || undefined,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
    },
  });
}

export function useUpdateAccount() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Params<'updateAccount'>) => client.object('updateAccount', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all }),
  });
}

/** enableAccount is synchronous in CloudStack. */
export function useEnableAccount() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: Account) => client.object('enableAccount', { id: account.id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts.all }),
  });
}

/** disableAccount (lock=false disables, lock=true locks) and deleteAccount are async jobs. */
export function useAccountJobs() {
  const runJob = useRunJob();
  return {
    disable: (account: Account, lock: boolean, title: string) =>
      runJob({
        command: 'disableAccount',
        params: { id: account.id, lock },
        title,
        link: `#/accounts?id=${account.id}`,
        invalidate: ['accounts', 'users'],
      }),
    remove: (account: Account, title: string) =>
      runJob({
        command: 'deleteAccount',
        params: { id: account.id },
        title,
        link: '#/accounts',
        invalidate: ['accounts', 'users', 'domains'],
      }),
  };
}
