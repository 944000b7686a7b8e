import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

/** Offering commands are synchronous in CloudStack: no job, the answer is the offering. */
function useInvalidateOfferings() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.offerings.all });
}

export function useCreateComputeOffering() {
  const client = useApi();
  const invalidate = useInvalidateOfferings();
  return useMutation({
    mutationFn: (input: Params<'createServiceOffering'>) => client.object('createServiceOffering', input),
    onSuccess: invalidate,
  });
}

export function useCreateDiskOffering() {
  const client = useApi();
  const invalidate = useInvalidateOfferings();
  return useMutation({
    mutationFn: (input: Params<'createDiskOffering'>) => client.object('createDiskOffering', input),
    onSuccess: invalidate,
  });
}

export function useUpdateOffering() {
  const client = useApi();
  const invalidate = useInvalidateOfferings();
  return useMutation({
    mutationFn: async ({
      kind,
      input,
    }: {
      kind: 'compute' | 'disk';
      input: Params<'updateServiceOffering'>;
    }): Promise<{ name: string }> =>
      kind === 'compute' ? client.object('updateServiceOffering', input) : client.object('updateDiskOffering', input),
    onSuccess: invalidate,
  });
}

export function useDeleteOffering() {
  const client = useApi();
  const invalidate = useInvalidateOfferings();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: 'compute' | 'disk'; id: string }) =>
      kind === 'compute' ? client.call('deleteServiceOffering', { id }) : client.call('deleteDiskOffering', { id }),
    onSuccess: invalidate,
  });
}
