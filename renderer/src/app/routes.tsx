import {
  IconBuildingCommunity,
  IconHierarchy2,
  IconListDetails,
  IconSettings,
  IconShieldLock,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { AccountsPage } from '../features/accounts/components/accounts-page';
import { DomainsPage } from '../features/domains/components/domains-page';
import { EventsPage } from '../features/events/components/events-page';
import { RolesPage } from '../features/roles/components/roles-page';
import { SettingsPage } from '../features/settings/components/settings-page';
import { UsersPage } from '../features/users/components/users-page';
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

const domains: RouteDef = {
  path: '/domains',
  area: 'domains',
  titleKey: 'nav.domains',
  icon: IconHierarchy2,
  component: DomainsPage,
};
const accounts: RouteDef = {
  path: '/accounts',
  area: 'accounts',
  titleKey: 'nav.accounts',
  icon: IconBuildingCommunity,
  component: AccountsPage,
};
const users: RouteDef = { path: '/users', area: 'users', titleKey: 'nav.users', icon: IconUsers, component: UsersPage };
const roles: RouteDef = {
  path: '/roles',
  area: 'roles',
  titleKey: 'nav.roles',
  icon: IconShieldLock,
  component: RolesPage,
};
const events: RouteDef = {
  path: '/events',
  area: 'events',
  titleKey: 'nav.events',
  icon: IconListDetails,
  component: EventsPage,
};
const settings: RouteDef = {
  path: '/settings',
  area: 'settings',
  titleKey: 'nav.settings',
  icon: IconSettings,
  component: SettingsPage,
};

/**
 * The rail, grouped as operators think (UI.md). Dashboard, Infrastructure, Compute, Network,
 * Storage, Images and Offerings join here when they have pages; a group shows only when the
 * caller's role can open at least one of its pages.
 */
export const NAV_GROUPS: NavGroup[] = [
  { titleKey: 'nav.accounts', routes: [domains, accounts, users, roles] },
  { routes: [events] },
  { routes: [settings] },
];

export const ROUTES: RouteDef[] = NAV_GROUPS.flatMap((g) => g.routes);

export function findRoute(path: string): RouteDef | undefined {
  return ROUTES.find((r) => path === r.path || path.startsWith(`${r.path}/`));
}
