import {
  IconAlertTriangle,
  IconBuildingCommunity,
  IconBuildingFactory2,
  IconChartDonut,
  IconDatabase,
  IconLayoutGrid,
  IconServer,
  IconServer2,
  IconSitemap,
  IconStack2,
  IconWorld,
  IconHierarchy2,
  IconListDetails,
  IconSettings,
  IconShieldLock,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { lazy, type ComponentType } from 'react';
import type { MessageKey } from '../lib/i18n';
import type { Area } from '../lib/permissions';

export interface RouteDef {
  path: string;
  area: Area;
  titleKey: MessageKey;
  icon: Icon;
  component: ComponentType;
}

export interface NavGroup {
  /** Group heading; undefined for top-level entries. */
  titleKey?: MessageKey;
  routes: RouteDef[];
}

// Every page loads on demand (the shell shows a loader meanwhile): the first screen downloads only
// the page it shows, and the diagram and the charts bring large libraries.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const dashboard: RouteDef = {
  path: '/dashboard',
  area: 'dashboard',
  titleKey: 'nav.dashboard',
  icon: IconChartDonut,
  component: page(() => import('../features/dashboard/components/dashboard-page'), 'DashboardPage'),
};
const diagram: RouteDef = {
  path: '/infrastructure',
  area: 'diagram',
  titleKey: 'nav.diagram',
  icon: IconSitemap,
  component: page(() => import('../features/diagram/components/diagram-page'), 'DiagramPage'),
};
const zones: RouteDef = {
  path: '/zones',
  area: 'zones',
  titleKey: 'nav.zones',
  icon: IconWorld,
  component: page(() => import('../features/infrastructure/components/zones-page'), 'ZonesPage'),
};
const pods: RouteDef = {
  path: '/pods',
  area: 'pods',
  titleKey: 'nav.pods',
  icon: IconBuildingFactory2,
  component: page(() => import('../features/infrastructure/components/pods-page'), 'PodsPage'),
};
const clusters: RouteDef = {
  path: '/clusters',
  area: 'clusters',
  titleKey: 'nav.clusters',
  icon: IconLayoutGrid,
  component: page(() => import('../features/infrastructure/components/clusters-page'), 'ClustersPage'),
};
const hosts: RouteDef = {
  path: '/hosts',
  area: 'hosts',
  titleKey: 'nav.hosts',
  icon: IconServer,
  component: page(() => import('../features/infrastructure/components/hosts-page'), 'HostsPage'),
};
const primaryStorage: RouteDef = {
  path: '/primary-storage',
  area: 'primaryStorage',
  titleKey: 'nav.primaryStorage',
  icon: IconDatabase,
  component: page(() => import('../features/infrastructure/components/primary-storage-page'), 'PrimaryStoragePage'),
};
const secondaryStorage: RouteDef = {
  path: '/secondary-storage',
  area: 'secondaryStorage',
  titleKey: 'nav.secondaryStorage',
  icon: IconStack2,
  component: page(() => import('../features/infrastructure/components/secondary-storage-page'), 'SecondaryStoragePage'),
};
const alerts: RouteDef = {
  path: '/alerts',
  area: 'alerts',
  titleKey: 'nav.alerts',
  icon: IconAlertTriangle,
  component: page(() => import('../features/dashboard/components/alerts-page'), 'AlertsPage'),
};
/** Reached from the zones page and the first-run choices, not from the rail. */
const zoneWizard: RouteDef = {
  path: '/zones/new',
  area: 'zones',
  titleKey: 'nav.zoneWizard',
  icon: IconServer2,
  component: page(() => import('../features/zone-wizard/components/zone-wizard-page'), 'ZoneWizardPage'),
};

const domains: RouteDef = {
  path: '/domains',
  area: 'domains',
  titleKey: 'nav.domains',
  icon: IconHierarchy2,
  component: page(() => import('../features/domains/components/domains-page'), 'DomainsPage'),
};
const accounts: RouteDef = {
  path: '/accounts',
  area: 'accounts',
  titleKey: 'nav.accounts',
  icon: IconBuildingCommunity,
  component: page(() => import('../features/accounts/components/accounts-page'), 'AccountsPage'),
};
const users: RouteDef = {
  path: '/users',
  area: 'users',
  titleKey: 'nav.users',
  icon: IconUsers,
  component: page(() => import('../features/users/components/users-page'), 'UsersPage'),
};
const roles: RouteDef = {
  path: '/roles',
  area: 'roles',
  titleKey: 'nav.roles',
  icon: IconShieldLock,
  component: page(() => import('../features/roles/components/roles-page'), 'RolesPage'),
};
const events: RouteDef = {
  path: '/events',
  area: 'events',
  titleKey: 'nav.events',
  icon: IconListDetails,
  component: page(() => import('../features/events/components/events-page'), 'EventsPage'),
};
const settings: RouteDef = {
  path: '/settings',
  area: 'settings',
  titleKey: 'nav.settings',
  icon: IconSettings,
  component: page(() => import('../features/settings/components/settings-page'), 'SettingsPage'),
};

/**
 * The rail, grouped as operators think. Compute, Network, Storage, Images and Offerings
 * join here when they have pages; a group shows only when the caller's role can open at least one
 * of its pages.
 */
export const NAV_GROUPS: NavGroup[] = [
  { routes: [dashboard] },
  {
    titleKey: 'nav.infrastructure',
    routes: [diagram, zones, pods, clusters, hosts, primaryStorage, secondaryStorage],
  },
  { titleKey: 'nav.accounts', routes: [domains, accounts, users, roles] },
  { routes: [events, alerts] },
  { routes: [settings] },
];

export const ROUTES: RouteDef[] = NAV_GROUPS.flatMap((g) => g.routes);

/** Pages without a rail entry; matched before the rail's routes. */
const HIDDEN_ROUTES: RouteDef[] = [zoneWizard];

export function findRoute(path: string): RouteDef | undefined {
  return (
    HIDDEN_ROUTES.find((r) => path === r.path) ?? ROUTES.find((r) => path === r.path || path.startsWith(`${r.path}/`))
  );
}
