import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from './api-context';
import { stateTone, type ObjectItem, type Params } from './contract';
import { queryKeys } from './query-keys';

export type InfrastructureHealth = ObjectItem<'listInfrastructureHealth'>;
export type HealthScope = Pick<Params<'listInfrastructureHealth'>, 'zoneid' | 'podid' | 'clusterid'>;

/**
 * listInfrastructureHealth within a zone, pod or cluster (or everywhere). Its key lives under the
 * infrastructure root, so every host, storage or simulator event refreshes it.
 */
export function useInfrastructureHealth(scope: HealthScope = {}, enabled = true) {
  const client = useApi();
  const params: Params<'listInfrastructureHealth'> = {};
  for (const name of ['zoneid', 'podid', 'clusterid'] as const) if (scope[name]) params[name] = scope[name];
  return useQuery({
    queryKey: queryKeys.infrastructure.command('listInfrastructureHealth', params),
    enabled,
    placeholderData: keepPreviousData,
    queryFn: () => client.object('listInfrastructureHealth', params),
  });
}

/** A state an operator must look at: amber (Alert, Disconnected) or red (Down, Error, ErrorInMaintenance). */
export function isProblemState(state: string): boolean {
  const tone = stateTone(state);
  return tone === 'attention' || tone === 'failed';
}

/** How many of the counted things are in a problem state, and whether any of them is red. */
export function problemsIn(counts: Partial<Record<string, number>> | undefined): { count: number; failed: boolean } {
  let count = 0;
  let failed = false;
  for (const [state, n] of Object.entries(counts ?? {})) {
    if (!n || !isProblemState(state)) continue;
    count += n;
    if (stateTone(state) === 'failed') failed = true;
  }
  return { count, failed };
}
