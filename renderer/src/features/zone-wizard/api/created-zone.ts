import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';

/**
 * The zone the wizard created, as the server has it now: its allocation state decides whether the
 * finish offers to enable it (zones are created Disabled, as CloudStack creates them).
 */
export function useCreatedZone(zoneId: string | undefined) {
  const client = useApi();
  const params: Params<'listZones'> = { id: zoneId };
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listZones', params),
    enabled: zoneId !== undefined,
    queryFn: async () => (await client.list('listZones', params)).items[0],
  });
}

/** Enables the zone (updateZone allocationstate=Enabled), as CloudStack's wizard does when asked at its end. */
export async function enableCreatedZone(client: ApiClient, queryClient: QueryClient, zoneId: string): Promise<void> {
  try {
    await client.call('updateZone', { id: zoneId, allocationstate: 'Enabled' });
  } finally {
    await queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all });
  }
}
