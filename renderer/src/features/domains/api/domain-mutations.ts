import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Domain, Params } from '../../../lib/contract';
import { useRunJob } from '../../../lib/jobs';
import { queryKeys } from '../../../lib/query-keys';

export function useCreateDomain() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Params<'createDomain'>) =>
      client.object('createDomain', { ...input, networkdomain: input.networkdomain || undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.domains.all }),
  });
}

export function useUpdateDomain() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Params<'updateDomain'>) => client.object('updateDomain', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.domains.all }),
  });
}

/** deleteDomain is async: the job goes to the tray. */
export function useDeleteDomain() {
  const runJob = useRunJob();
  return (domain: Domain, cleanup: boolean, title: string) =>
    runJob({
      command: 'deleteDomain',
      params: { id: domain.id, cleanup },
      title,
      link: '#/domains',
      invalidate: ['domains', 'accounts', 'users'],
    });
}
