import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query-keys';

/** archiveEvents / deleteEvents by ids (synchronous, answer success). */
export function useEventBulk() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ids }: { action: 'archive' | 'delete'; ids: string[] }) =>
      client.call(action === 'archive' ? 'archiveEvents' : 'deleteEvents', { ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.events.all }),
  });
}
