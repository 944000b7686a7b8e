/**
 * React Query keys, one factory per feature area. The first element is the area's root, which
 * live sync invalidates when an event about that area arrives.
 */
export const queryKeys = {
  apis: (userId: string) => ['apis', userId] as const,
  domains: {
    all: ['domains'] as const,
    list: () => ['domains', 'list'] as const,
  },
  accounts: {
    all: ['accounts'] as const,
    list: (params: object) => ['accounts', 'list', params] as const,
  },
  users: {
    all: ['users'] as const,
    list: (params: object) => ['users', 'list', params] as const,
    keys: (userId: string) => ['users', 'keys', userId] as const,
  },
  roles: {
    all: ['roles'] as const,
    list: () => ['roles', 'list'] as const,
    permissions: (roleId: string) => ['roles', 'permissions', roleId] as const,
  },
  events: {
    all: ['events'] as const,
    list: (params: object) => ['events', 'list', params] as const,
    types: () => ['events', 'types'] as const,
  },
  /** The job tray's history (listAsyncJobs); live job messages patch the job store, not this. */
  jobs: {
    history: (params: object) => ['jobs', 'history', params] as const,
  },
  /** Compute and disk offerings (and network offerings when they have a page). */
  offerings: {
    all: ['offerings'] as const,
    list: (kind: string, params: object) => ['offerings', kind, 'list', params] as const,
    one: (kind: string, id: string) => ['offerings', kind, 'one', id] as const,
  },
  settings: {
    all: ['settings'] as const,
    list: (params: object) => ['settings', 'list', params] as const,
  },
  /**
   * Everything of the physical model (zones ... hosts, storage, capacity, topology, alerts) shares
   * one root: an infrastructure event or a resource change refreshes whatever of it is on screen.
   */
  infrastructure: {
    all: ['infrastructure'] as const,
    command: (command: string, params: object = {}) => ['infrastructure', command, params] as const,
  },
} as const;

export type AreaRoot =
  'domains' | 'accounts' | 'users' | 'roles' | 'events' | 'settings' | 'offerings' | 'infrastructure';

/** Which cached areas an event type touches (by CloudStack event type prefix). */
const EVENT_AREAS: [prefix: string, areas: AreaRoot[]][] = [
  ['ACCOUNT.', ['accounts', 'users', 'domains']],
  ['USER.', ['users', 'accounts']],
  ['REGISTER.USER.KEY', ['users']],
  ['DOMAIN.', ['domains', 'accounts', 'users']],
  ['ROLE.', ['roles', 'accounts']],
  ['CONFIGURATION.', ['settings']],
  ['SERVICE.OFFERING.', ['offerings']],
  ['DISK.OFFERING.', ['offerings']],
  ['NETWORK.OFFERING.', ['offerings']],
  ...[
    'ZONE.',
    'POD.',
    'CLUSTER.',
    'HOST.',
    'MAINT.',
    'STORAGE.POOL.',
    'UPDATE.PS',
    'ENABLE.PS',
    'DISABLE.PS',
    'VLAN.IP.RANGE.',
    'PHYSICAL.NETWORK.',
    'TRAFFIC.TYPE.',
    'SERVICE.PROVIDER.',
    'NETWORK.ELEMENT.',
    'IMAGE.STORE.',
    'DATACENTER.IMPORT',
    'SIMULATOR.',
    // Alerts live with the infrastructure (acknowledged, assigned).
    'ALERT.',
  ].map((prefix): [string, AreaRoot[]] => [prefix, ['infrastructure']]),
];

/** Areas whose cached lists are stale after an event of `type`; events themselves always are. */
export function areasForEvent(type: string): AreaRoot[] {
  const upper = type.toUpperCase();
  const areas = new Set<AreaRoot>(['events']);
  for (const [prefix, touched] of EVENT_AREAS) if (upper.startsWith(prefix)) touched.forEach((a) => areas.add(a));
  return [...areas];
}

/** Areas a finished job may have changed, from its instance type or command name. */
export function areasForJob(instanceType: string | undefined, command: string | undefined): AreaRoot[] {
  const hint = `${instanceType ?? ''} ${command ?? ''}`.toLowerCase();
  const areas = new Set<AreaRoot>(['events']);
  const add = (...touched: AreaRoot[]) => touched.forEach((a) => areas.add(a));
  if (hint.includes('account')) add('accounts', 'users', 'domains');
  if (hint.includes('user')) add('users', 'accounts');
  if (hint.includes('domain')) add('domains', 'accounts', 'users');
  if (hint.includes('role')) areas.add('roles');
  if (
    /zone|pod|cluster|host|storage|physicalnetwork|traffic|provider|vlan|imagestore|datacenter|simulator|maintenance/.test(
      hint,
    )
  )
    areas.add('infrastructure');
  return [...areas];
}
