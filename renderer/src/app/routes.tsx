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
  IconPackages,
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
  /** Downloads the page's code (and CSS) without showing it; resolves when it is in. */
  prefetch(): Promise<unknown>;
}

export interface NavGroup {
  /** Group heading; undefined for top-level entries. */
  titleKey?: MessageKey;
  routes: RouteDef[];
}

interface LazyPage {
  component: ComponentType;
  prefetch(): Promise<unknown>;
}

/** Pages whose download failed, each with how to make a fresh attempt. */
const failedPages = new Set<() => void>();

/** Lets the pages whose download failed ask again when next rendered (the retry button, the server's return). */
export function retryFailedPages(): void {
  for (const renew of [...failedPages]) renew();
  failedPages.clear();
}

// Every page loads on demand (the shell shows a loader meanwhile): the first screen downloads only
// the page it shows, and the diagram and the charts bring large libraries. After sign-in the
// other pages are fetched in idle time (prefetchRoutes), so a lost server does not stop navigation.
// React.lazy remembers a failure for good, so a failed page gets a fresh lazy component, but only
// on an explicit retry: React renders a failed tree again before it shows the error, and a fresh
// attempt then would start over and over.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyPage {
  let loading: Promise<ComponentType> | undefined;
  const prefetch = () =>
    (loading ??= load().then(
      (module) => module[name],
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const renew = () => {
    Lazy = fresh();
  };
  const fresh = () =>
    lazy(() =>
      prefetch().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          failedPages.add(renew);
          throw error;
        },
      ),
    );
  let Lazy = fresh();
  const RoutePage = () => <Lazy />;
  return { component: RoutePage, prefetch };
}

const dashboard: RouteDef = {
  path: '/dashboard',
  area: 'dashboard',
  titleKey: 'nav.dashboard',
  icon: IconChartDonut,
  ...page(() => import('../features/dashboard/components/dashboard-page'), 'DashboardPage'),
};
const diagram: RouteDef = {
  path: '/infrastructure',
  area: 'diagram',
  titleKey: 'nav.diagram',
  icon: IconSitemap,
  ...page(() => import('../features/diagram/components/diagram-page'), 'DiagramPage'),
};
const zones: RouteDef = {
  path: '/zones',
  area: 'zones',
  titleKey: 'nav.zones',
  icon: IconWorld,
  ...page(() => import('../features/infrastructure/components/zones-page'), 'ZonesPage'),
};
const pods: RouteDef = {
  path: '/pods',
  area: 'pods',
  titleKey: 'nav.pods',
  icon: IconBuildingFactory2,
  ...page(() => import('../features/infrastructure/components/pods-page'), 'PodsPage'),
};
const clusters: RouteDef = {
  path: '/clusters',
  area: 'clusters',
  titleKey: 'nav.clusters',
  icon: IconLayoutGrid,
  ...page(() => import('../features/infrastructure/components/clusters-page'), 'ClustersPage'),
};
const hosts: RouteDef = {
  path: '/hosts',
  area: 'hosts',
  titleKey: 'nav.hosts',
  icon: IconServer,
  ...page(() => import('../features/infrastructure/components/hosts-page'), 'HostsPage'),
};
const primaryStorage: RouteDef = {
  path: '/primary-storage',
  area: 'primaryStorage',
  titleKey: 'nav.primaryStorage',
  icon: IconDatabase,
  ...page(() => import('../features/infrastructure/components/primary-storage-page'), 'PrimaryStoragePage'),
};
const secondaryStorage: RouteDef = {
  path: '/secondary-storage',
  area: 'secondaryStorage',
  titleKey: 'nav.secondaryStorage',
  icon: IconStack2,
  ...page(() => import('../features/infrastructure/components/secondary-storage-page'), 'SecondaryStoragePage'),
};
const alerts: RouteDef = {
  path: '/alerts',
  area: 'alerts',
  titleKey: 'nav.alerts',
  icon: IconAlertTriangle,
  ...page(() => import('../features/dashboard/components/alerts-page'), 'AlertsPage'),
};
/** Reached from the zones page and the first-run choices, not from the rail. */
const zoneWizard: RouteDef = {
  path: '/zones/new',
  area: 'zones',
  titleKey: 'nav.zoneWizard',
  icon: IconServer2,
  ...page(() => import('../features/zone-wizard/components/zone-wizard-page'), 'ZoneWizardPage'),
};

/** Compute and disk offerings, one page with a tab each (network offerings join as a third tab). */
const offerings: RouteDef = {
  path: '/offerings',
  area: 'offerings',
  titleKey: 'nav.offerings',
  icon: IconPackages,
  ...page(() => import('../features/offerings/components/offerings-page'), 'OfferingsPage'),
};

const domains: RouteDef = {
  path: '/domains',
  area: 'domains',
  titleKey: 'nav.domains',
  icon: IconHierarchy2,
  ...page(() => import('../features/domains/components/domains-page'), 'DomainsPage'),
};
const accounts: RouteDef = {
  path: '/accounts',
  area: 'accounts',
  titleKey: 'nav.accounts',
  icon: IconBuildingCommunity,
  ...page(() => import('../features/accounts/components/accounts-page'), 'AccountsPage'),
};
const users: RouteDef = {
  path: '/users',
  area: 'users',
  titleKey: 'nav.users',
  icon: IconUsers,
  ...page(() => import('../features/users/components/users-page'), 'UsersPage'),
};
const roles: RouteDef = {
  path: '/roles',
  area: 'roles',
  titleKey: 'nav.roles',
  icon: IconShieldLock,
  ...page(() => import('../features/roles/components/roles-page'), 'RolesPage'),
};
const events: RouteDef = {
  path: '/events',
  area: 'events',
  titleKey: 'nav.events',
  icon: IconListDetails,
  ...page(() => import('../features/events/components/events-page'), 'EventsPage'),
};
const settings: RouteDef = {
  path: '/settings',
  area: 'settings',
  titleKey: 'nav.settings',
  icon: IconSettings,
  ...page(() => import('../features/settings/components/settings-page'), 'SettingsPage'),
};

/**
 * The rail, grouped as operators think. Compute, Network, Storage and Images join here when
 * they have pages; a group shows only when the caller's role can open at least one
 * of its pages.
 */
export const NAV_GROUPS: NavGroup[] = [
  { routes: [dashboard] },
  {
    titleKey: 'nav.infrastructure',
    routes: [diagram, zones, pods, clusters, hosts, primaryStorage, secondaryStorage],
  },
  { routes: [offerings] },
  { titleKey: 'nav.accounts', routes: [domains, accounts, users, roles] },
  { routes: [events, alerts] },
  { routes: [settings] },
];

export const ROUTES: RouteDef[] = NAV_GROUPS.flatMap((g) => g.routes);

/** Pages without a rail entry; matched before the rail's routes. */
const HIDDEN_ROUTES: RouteDef[] = [zoneWizard];

/** Performance mark set when the pages' prefetch starts (benchmarks tell first-screen code from it). */
export const PREFETCH_MARK = 'stackyard:prefetch-routes';

/**
 * Downloads the code of every page the caller may open, one at a time, when the browser is idle
 * and `busy()` (the first page's own requests) is over; returns a canceller. A failure is left
 * for navigation to retry.
 */
export function prefetchRoutes(areas: readonly Area[], busy: () => boolean = () => false): () => void {
  const queue = [...ROUTES, ...HIDDEN_ROUTES].filter((r) => areas.includes(r.area));
  let cancelled = false;
  const idle = (next: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(next, { timeout: 2000 }) : setTimeout(next, 200);
  const step = () => {
    const route = queue.shift();
    if (cancelled || !route) return;
    route.prefetch().then(
      () => idle(step),
      () => idle(step),
    );
  };
  const start = () => {
    if (cancelled) return;
    if (busy()) {
      setTimeout(() => idle(start), 250);
      return;
    }
    performance.mark(PREFETCH_MARK);
    step();
  };
  idle(start);
  return () => {
    cancelled = true;
  };
}

export function findRoute(path: string): RouteDef | undefined {
  return (
    HIDDEN_ROUTES.find((r) => path === r.path) ?? ROUTES.find((r) => path === r.path || path.startsWith(`${r.path}/`))
  );
}
