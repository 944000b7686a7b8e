import { useQuery } from '@tanstack/react-query';
import { useApi } from './api-context';
import type { ListItem } from './contract';

/**
 * Small shared look-ups for pickers (domains, roles, accounts). Their keys sit under the area
 * roots, so live events about domains/roles/accounts refresh them too.
 */
/** Picker entries are the listed entities themselves. */
export type DomainOption = ListItem<'listDomains'>;
export type RoleOption = ListItem<'listRoles'>;
export type AccountOption = ListItem<'listAccounts'>;

export function useDomainOptions(enabled = true) {
  const client = useApi();
  return useQuery({
    queryKey: ['domains', 'options'],
    enabled,
    staleTime: 30_000,
    queryFn: async () => (await client.list('listDomains', { listall: true })).items,
  });
}

export function useRoleOptions(enabled = true) {
  const client = useApi();
  return useQuery({
    queryKey: ['roles', 'options'],
    enabled,
    staleTime: 30_000,
    queryFn: async () => (await client.list('listRoles')).items,
  });
}

export function useAccountOptions(domainid: string | undefined, enabled = true) {
  const client = useApi();
  return useQuery({
    queryKey: ['accounts', 'options', domainid ?? 'all'],
    enabled,
    staleTime: 30_000,
    queryFn: async () => (await client.list('listAccounts', { listall: true, domainid })).items,
  });
}

/** "ROOT/Sales" from a domain's CloudStack path ("/Sales/" or "ROOT/Sales"). */
export function domainLabel(domain: { path?: string; name: string }): string {
  const path = domain.path ?? '';
  if (path === '' || path === '/') return domain.name === '' ? 'ROOT' : domain.name;
  if (path.startsWith('ROOT')) return path;
  return `ROOT${path.replace(/\/$/, '')}`;
}
