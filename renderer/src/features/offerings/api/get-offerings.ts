import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { useCan } from '../../../lib/permissions';
import { queryKeys } from '../../../lib/query-keys';

/**
 * The filters both offering lists take. Offerings are few (tens, not thousands) and their list
 * commands have no sortby, so a list is read whole (pagesize -1), filtered by the server, and
 * sorted by the table over the whole result.
 */
export type OfferingFilters = Pick<
  Params<'listServiceOfferings'>,
  'keyword' | 'storagetype' | 'zoneid' | 'domainid'
> & {
  state?: 'Active' | 'Inactive' | 'all';
};

const listParams = (filters: OfferingFilters) => ({
  listall: true,
  isrecursive: filters.domainid ? true : undefined,
  pagesize: -1,
  keyword: filters.keyword || undefined,
  storagetype: filters.storagetype,
  zoneid: filters.zoneid,
  domainid: filters.domainid,
  state: filters.state,
});

export function getComputeOfferings(client: ApiClient, filters: OfferingFilters) {
  return client.list('listServiceOfferings', listParams(filters));
}

export function getDiskOfferings(client: ApiClient, filters: OfferingFilters) {
  return client.list('listDiskOfferings', listParams(filters));
}

export function useComputeOfferings(filters: OfferingFilters, enabled = true) {
  const client = useApi();
  return useQuery({
    enabled,
    queryKey: queryKeys.offerings.list('compute', filters),
    queryFn: () => getComputeOfferings(client, filters),
    placeholderData: keepPreviousData,
  });
}

export function useDiskOfferings(filters: OfferingFilters, enabled = true) {
  const client = useApi();
  return useQuery({
    enabled,
    queryKey: queryKeys.offerings.list('disk', filters),
    queryFn: () => getDiskOfferings(client, filters),
    placeholderData: keepPreviousData,
  });
}

/** One compute offering by id, for the detail drawer (it may be filtered out of the table). */
export function useComputeOffering(id: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.offerings.one('compute', id ?? ''),
    enabled: id !== undefined,
    queryFn: async () =>
      (await client.list('listServiceOfferings', { id, listall: true, state: 'all' })).items[0] ?? null,
  });
}

export function useDiskOffering(id: string | undefined) {
  const client = useApi();
  return useQuery({
    queryKey: queryKeys.offerings.one('disk', id ?? ''),
    enabled: id !== undefined,
    queryFn: async () => (await client.list('listDiskOfferings', { id, listall: true, state: 'all' })).items[0] ?? null,
  });
}

/** The zones an offering may be limited to (the scope step and the zone filter). */
export function useZoneOptions() {
  const client = useApi();
  return useQuery({
    queryKey: ['infrastructure', 'listZones', { options: true }],
    staleTime: 30_000,
    queryFn: async () => (await client.list('listZones', { pagesize: -1 })).items,
  });
}

/** The size range of a custom disk offering's volumes: the custom.diskoffering.size.min/max settings. */
export function useCustomDiskBounds() {
  const client = useApi();
  const can = useCan();
  return useQuery({
    queryKey: ['settings', 'custom.diskoffering.size'],
    enabled: can('listConfigurations'),
    staleTime: 60_000,
    queryFn: async () => {
      const { items } = await client.list('listConfigurations', { name: 'custom.diskoffering.size.', pagesize: 10 });
      const value = (name: string) => Number(items.find((s) => s.name === name)?.value ?? NaN);
      return { min: value('custom.diskoffering.size.min'), max: value('custom.diskoffering.size.max') };
    },
  });
}

/** storage.max.volume.size (GiB): the largest fixed disk offering; undefined when not readable. */
export function useMaxVolumeSize() {
  const client = useApi();
  const can = useCan();
  return useQuery({
    queryKey: ['settings', 'storage.max.volume.size'],
    enabled: can('listConfigurations'),
    staleTime: 60_000,
    queryFn: async () => {
      const { items } = await client.list('listConfigurations', { name: 'storage.max.volume.size', pagesize: 10 });
      const value = Number(items.find((s) => s.name === 'storage.max.volume.size')?.value);
      return Number.isFinite(value) && value > 0 ? value : undefined;
    },
  });
}
