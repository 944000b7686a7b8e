import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import { queryKeys } from '../../../lib/query-keys';

/** registerUserKeys: new keys, answered once. The secret is never cached. */
export function useRegisterUserKeys() {
  const client = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => client.object('registerUserKeys', { id: userId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
  });
}

/** getUserKeys: the caller's keys (or, for admins, any user's). Not kept after the dialog closes. */
export function useUserKeys(userId: string, enabled: boolean) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.users.keys(userId),
    enabled,
    gcTime: 0,
    staleTime: 0,
    retry: false,
    queryFn: () => client.object('getUserKeys', { id: userId }),
  });
}
