import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApi } from '../../lib/api-context';
import type { SearchResult } from '../../lib/contract';

/** How long typing must pause before the palette asks the core. */
export const SEARCH_DEBOUNCE_MS = 150;
const PER_KIND = 5;

/** `value`, once it has stopped changing for `ms`. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The core's searchResources for what is typed (debounced): hosts, clusters, pods, zones, storage,
 * accounts, users and domains the caller may see, best match first. Empty while nothing is typed.
 */
export function usePaletteSearch(text: string, enabled: boolean): { results: SearchResult[]; searching: boolean } {
  const client = useApi();
  const needle = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const query = useQuery({
    queryKey: ['palette-search', needle],
    enabled: enabled && needle.length > 0,
    staleTime: 5_000,
    placeholderData: keepPreviousData,
    queryFn: async () => (await client.list('searchResources', { query: needle, limit: PER_KIND })).items,
  });
  const current = needle.length > 0 && enabled ? (query.data ?? []) : [];
  return { results: current, searching: query.isFetching || needle !== text.trim() };
}
