import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ApiClient } from '../../../lib/api-client';
import { useApi } from '../../../lib/api-context';
import type { Params } from '../../../lib/contract';
import { queryKeys } from '../../../lib/query-keys';
import type { FieldError } from '../model/validators';

/** The Simulator's host name for a URL: http://sim/c0/h0 -> "sim-c0-h0" (as the core names it). */
export function simulatorHostName(url: string): string | undefined {
  const m = /^http:\/\/sim(\/[^?#]*)/i.exec(url.trim());
  if (!m) return undefined;
  const segments = (m[1] ?? '').split('/').filter(Boolean);
  return segments.length ? ['sim', ...segments].join('-') : undefined;
}

/**
 * Zone name not taken (listZones name=...). `ownId` is the zone this wizard already created, which
 * of course carries the name.
 */
export function useZoneNameCheck(name: string, ownId: string | undefined, enabled: boolean): FieldError | undefined {
  const client = useApi();
  const [debounced] = useDebouncedValue(name.trim(), 350);
  const params: Params<'listZones'> = { name: debounced };
  const query = useQuery({
    queryKey: queryKeys.infrastructure.command('listZones', params),
    enabled: enabled && debounced !== '',
    staleTime: 5_000,
    queryFn: () => client.list('listZones', params),
  });
  if (!enabled || debounced === '' || debounced !== name.trim()) return undefined;
  const taken = query.data?.items.some((z) => z.name.toLowerCase() === debounced.toLowerCase() && z.id !== ownId);
  return taken ? { key: 'wizard.error.zoneNameTaken', vars: { name: debounced } } : undefined;
}

/**
 * Host URL not used by a host already in the cloud. Simulator hosts are named after their URL
 * (listHosts name=sim-c0-h0); other hosts are matched by name or address.
 */
export function useHostUrlCheck(url: string, ownIds: readonly string[], enabled: boolean): FieldError | undefined {
  const client = useApi();
  const [debounced] = useDebouncedValue(url.trim(), 350);
  const simName = simulatorHostName(debounced);
  let host = '';
  try {
    host = new URL(debounced).hostname;
  } catch {
    host = '';
  }
  const params: Params<'listHosts'> = simName ? { name: simName } : { keyword: host };
  const active = enabled && (simName !== undefined || host !== '');
  const query = useQuery({
    queryKey: queryKeys.infrastructure.command('listHosts', params),
    enabled: active,
    staleTime: 5_000,
    queryFn: () => client.list('listHosts', params),
  });
  if (!active || debounced !== url.trim()) return undefined;
  const clash = query.data?.items.find(
    (h) =>
      !ownIds.includes(h.id) &&
      (simName ? h.name.toLowerCase() === simName.toLowerCase() : h.name === host || h.ipaddress === host),
  );
  return clash ? { key: 'wizard.error.hostUrlTaken', vars: { name: clash.name } } : undefined;
}

/** A free zone name for a preset: "Lab", else "Lab 2", "Lab 3" ... */
export async function freeZoneName(client: ApiClient, base: string): Promise<string> {
  try {
    const zones = await client.list('listZones', { keyword: base });
    const taken = new Set(zones.items.map((z) => z.name.toLowerCase()));
    if (!taken.has(base.toLowerCase())) return base;
    for (let i = 2; ; i++) if (!taken.has(`${base} ${i}`.toLowerCase())) return `${base} ${i}`;
  } catch {
    return base;
  }
}
