import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { useCan } from '../../../lib/permissions';
import { queryKeys } from '../../../lib/query-keys';
import { heartbeatWindowMs } from '../lib/heartbeat';
import { USAGE_RANGES, type UsageRange } from '../lib/host-usage';

/** CloudStack's wire date for a time: 2026-11-22T10:00:00+0000. */
const wireDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

/**
 * The heartbeat window in force (ping.interval × ping.timeout) from listConfigurations when the
 * caller may read settings; CloudStack's defaults (150 s) otherwise or until it is known.
 */
export function useHeartbeatWindow(): number {
  const client = useApi();
  const can = useCan();
  const params: Params<'listConfigurations'> = { name: 'ping.', pagesize: 50 };
  const query = useQuery({
    queryKey: queryKeys.infrastructure.command('listConfigurations', params),
    enabled: can('listConfigurations'),
    staleTime: 60_000,
    retry: false,
    queryFn: async () => {
      const result = await client.list('listConfigurations', params);
      return new Map(result.items.map((c) => [c.name, c.value ?? '']));
    },
  });
  return heartbeatWindowMs(query.data);
}

/**
 * A host's CPU and memory samples over the last hour, day or week (listHostsUsageHistory). New
 * samples arrive with a live HostStats change, which refreshes the infrastructure queries on screen.
 */
export function useHostUsageHistory(hostId: string, range: UsageRange) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listHostsUsageHistory', { id: hostId, range }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    queryFn: async () => {
      const now = Date.now();
      const result = await client.list('listHostsUsageHistory', {
        id: hostId,
        startdate: wireDate(now - USAGE_RANGES[range]),
        enddate: wireDate(now),
      });
      return result.items[0]?.stats ?? [];
    },
  });
}
