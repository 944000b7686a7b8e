import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../../lib/api-context';
import { domainLabel, useAccountOptions, useDomainOptions } from '../../../lib/lookups';
import { queryKeys } from '../../../lib/query-keys';

/**
 * The scopes the settings page offers besides Global (CloudStack's listConfigurations scope ids).
 * Image stores are left out while no setting can be set on one.
 */
export const PAGE_SCOPES = ['zone', 'cluster', 'storagepool', 'domain', 'account'] as const;
export type PageScope = (typeof PAGE_SCOPES)[number];

export interface ScopeOption {
  value: string;
  label: string;
}

/** A whole infrastructure list for a picker, fetched only while its scope is chosen. */
function useInfraOptions<C extends 'listZones' | 'listClusters' | 'listStoragePools'>(command: C, enabled: boolean) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.infrastructure.command(command, { options: true }),
    enabled,
    staleTime: 30_000,
    queryFn: async () => (await client.list(command, {})).items,
  });
}

/** The resources of a scope, as picker options (name, with the zone or domain where it helps). */
export function useScopeOptions(kind: PageScope | 'global'): { options: ScopeOption[]; loading: boolean } {
  const zones = useInfraOptions('listZones', kind === 'zone');
  const clusters = useInfraOptions('listClusters', kind === 'cluster');
  const pools = useInfraOptions('listStoragePools', kind === 'storagepool');
  const domains = useDomainOptions(kind === 'domain');
  const accounts = useAccountOptions(undefined, kind === 'account');
  switch (kind) {
    case 'zone':
      return { options: (zones.data ?? []).map((z) => ({ value: z.id, label: z.name })), loading: zones.isLoading };
    case 'cluster':
      return {
        options: (clusters.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.zonename ?? ''})` })),
        loading: clusters.isLoading,
      };
    case 'storagepool':
      return {
        options: (pools.data ?? []).map((p) => ({
          value: p.id,
          label: `${p.name} (${p.clustername ?? p.zonename ?? ''})`,
        })),
        loading: pools.isLoading,
      };
    case 'domain':
      return {
        options: (domains.data ?? []).map((d) => ({ value: d.id, label: domainLabel(d) })),
        loading: domains.isLoading,
      };
    case 'account':
      return {
        options: (accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.domainpath ?? a.domain})` })),
        loading: accounts.isLoading,
      };
    default:
      return { options: [], loading: false };
  }
}
