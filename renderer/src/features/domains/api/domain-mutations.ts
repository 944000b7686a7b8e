import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import { useRunJob } from '../../../lib/jobs';
import { queryKeys } from '../../../lib/query-keys';
import type { Domain } from './get-domains';

export function useCreateDomain() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; parentdomainid: string; networkdomain?: string }) =>
      client.object<Domain>('createDomain', 'domain', {
        name: input.name,
        parentdomainid: input.parentdomainid,
        networkdomain: input.networkdomain || undefined,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.domains.all }),
  });
}

export function useUpdateDomain() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; name?: string; networkdomain?: string }) =>
      client.object<Domain>('updateDomain', 'domain', input),
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
