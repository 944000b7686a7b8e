import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query-keys';

/** One open alert by id, for its drawer (null once archived or deleted). */
export function useAlert(id: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listAlerts', { id }),
    enabled: id !== undefined,
    queryFn: async () => (await client.list('listAlerts', { id })).items[0] ?? null,
  });
}

/** The users an alert can be assigned to: enabled root and resource admins (those who see alerts). */
export function useAlertKeepers(enabled: boolean) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.users.list({ alertKeepers: true }),
    enabled,
    staleTime: 60_000,
    queryFn: async () =>
      (await client.list('listUsers', { listall: true, pagesize: -1 })).items
        .filter((u) => (u.roletype === 'Admin' || u.roletype === 'ResourceAdmin') && u.state === 'enabled')
        .map((u) => ({ value: u.id, label: u.username })),
  });
}

/** acknowledgeAlerts, assignAlert and archiveAlerts for one alert (all synchronous). */
export function useAlertChange() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      change:
        | { action: 'acknowledge'; id: string }
        | { action: 'archive'; id: string }
        | { action: 'assign'; id: string; userid?: string },
    ) => {
      if (change.action === 'acknowledge') await client.call('acknowledgeAlerts', { ids: [change.id] });
      else if (change.action === 'archive') await client.call('archiveAlerts', { ids: [change.id] });
      else await client.call('assignAlert', { id: change.id, userid: change.userid });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all }),
  });
}
