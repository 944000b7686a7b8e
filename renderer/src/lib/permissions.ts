import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useApi } from './api-context';
import { queryKeys } from './query-keys';
import { useSession } from './session';

/** Account types as CloudStack sends them in the login response. */
export const ACCOUNT_TYPES = { User: 0, Admin: 1, DomainAdmin: 2, ResourceAdmin: 3 } as const;

export type Area =
  | 'dashboard'
  | 'diagram'
  | 'zones'
  | 'pods'
  | 'clusters'
  | 'hosts'
  | 'primaryStorage'
  | 'secondaryStorage'
  | 'domains'
  | 'accounts'
  | 'users'
  | 'roles'
  | 'events'
  | 'alerts'
  | 'offerings'
  | 'settings';

const INFRASTRUCTURE_AREAS: Area[] = [
  'dashboard',
  'diagram',
  'zones',
  'pods',
  'clusters',
  'hosts',
  'primaryStorage',
  'secondaryStorage',
  'alerts',
];

/** What each account type may see at all; listApis refines it (custom roles can allow less). */
const AREAS_BY_TYPE: Record<number, Area[]> = {
  0: ['accounts', 'users', 'events'],
  1: [...INFRASTRUCTURE_AREAS, 'offerings', 'domains', 'accounts', 'users', 'roles', 'events', 'settings'],
  2: ['offerings', 'domains', 'accounts', 'users', 'events'],
  3: [...INFRASTRUCTURE_AREAS, 'accounts', 'users', 'events'],
};

/** The list command behind each area: the area shows when the role may call it. */
export const AREA_COMMAND: Record<Area, string> = {
  dashboard: 'listCapacity',
  diagram: 'listInfrastructure',
  zones: 'createZone',
  pods: 'listPods',
  clusters: 'listClusters',
  hosts: 'listHosts',
  primaryStorage: 'listStoragePools',
  secondaryStorage: 'listImageStores',
  alerts: 'listAlerts',
  domains: 'listDomains',
  accounts: 'listAccounts',
  users: 'listUsers',
  roles: 'listRoles',
  events: 'listEvents',
  // Offerings are managed by root and domain admins (createServiceOffering's roles).
  offerings: 'createServiceOffering',
  settings: 'listConfigurations',
};

/** Commands each account type may run when listApis is not available. */
const ADMIN_ONLY =
  /^(createRole|updateRole|deleteRole|createRolePermission|updateRolePermission|deleteRolePermission|listConfigurations|updateConfiguration)$/;
const USER_COMMANDS = new Set([
  'listAccounts',
  'listUsers',
  'updateUser',
  'registerUserKeys',
  'getUserKeys',
  'listEvents',
  'listEventTypes',
  'archiveEvents',
  'deleteEvents',
  'queryAsyncJobResult',
]);

function fallbackAllows(type: number, command: string): boolean {
  if (type === ACCOUNT_TYPES.Admin) return true;
  if (type === ACCOUNT_TYPES.DomainAdmin) return !ADMIN_ONLY.test(command);
  return USER_COMMANDS.has(command);
}

/** The commands this session may call (lowercased), from listApis; undefined while unknown. */
export function useAllowedApis(): Set<string> | undefined {
  const client = useApi();
  const user = useSession((s) => s.user);
  const query = useQuery({
    queryKey: queryKeys.apis(user?.userid ?? ''),
    enabled: user !== null,
    staleTime: Infinity,
    retry: false,
    queryFn: async () => {
      const result = await client.list('listApis');
      return new Set(result.items.map((a) => a.name.toLowerCase()));
    },
  });
  return query.data && query.data.size > 0 ? query.data : undefined;
}

/** `can('createAccount')`: the role's account type allows it, and listApis (when known) agrees. */
export function useCan(): (command: string) => boolean {
  const user = useSession((s) => s.user);
  const apis = useAllowedApis();
  const type = user?.type ?? ACCOUNT_TYPES.User;
  return useCallback(
    (command: string) => {
      if (!user) return false;
      return apis ? apis.has(command.toLowerCase()) : fallbackAllows(type, command);
    },
    [user, apis, type],
  );
}

/** The areas the navigation shows for this session. */
export function useVisibleAreas(): Area[] {
  const user = useSession((s) => s.user);
  const can = useCan();
  if (!user) return [];
  const allowed = AREAS_BY_TYPE[user.type] ?? AREAS_BY_TYPE[0] ?? [];
  return allowed.filter((area) => can(AREA_COMMAND[area]));
}
