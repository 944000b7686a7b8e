import {
  IconBuildingFactory2,
  IconDatabase,
  IconHierarchy2,
  IconLayoutGrid,
  IconServer,
  IconStack2,
  IconUser,
  IconUsers,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import type { SearchResult } from '../../lib/contract';
import type { MessageKey } from '../../lib/i18n';
import type { Area } from '../../lib/permissions';
import { navigate } from '../../lib/router';
import type { RecentItem } from './command-palette-recent';

type Kind = SearchResult['kind'];

/** Where each kind of result opens, under which heading and icon. */
export const KINDS: Record<Kind, { area: Area; path: string; icon: Icon; titleKey: MessageKey }> = {
  host: { area: 'hosts', path: '/hosts', icon: IconServer, titleKey: 'palette.kind.host' },
  cluster: { area: 'clusters', path: '/clusters', icon: IconLayoutGrid, titleKey: 'palette.kind.cluster' },
  pod: { area: 'pods', path: '/pods', icon: IconBuildingFactory2, titleKey: 'palette.kind.pod' },
  zone: { area: 'zones', path: '/zones', icon: IconWorld, titleKey: 'palette.kind.zone' },
  storagepool: {
    area: 'primaryStorage',
    path: '/primary-storage',
    icon: IconDatabase,
    titleKey: 'palette.kind.storagepool',
  },
  imagestore: {
    area: 'secondaryStorage',
    path: '/secondary-storage',
    icon: IconStack2,
    titleKey: 'palette.kind.imagestore',
  },
  account: { area: 'accounts', path: '/accounts', icon: IconUsers, titleKey: 'palette.kind.account' },
  user: { area: 'users', path: '/users', icon: IconUser, titleKey: 'palette.kind.user' },
  domain: { area: 'domains', path: '/domains', icon: IconHierarchy2, titleKey: 'palette.kind.domain' },
};

/** Opens a result's page with its drawer (users: the users list of its account). */
export function openResult(item: RecentItem): void {
  const { path } = KINDS[item.kind];
  if (item.kind === 'user') navigate(path, { account: item.account, domainid: item.domainid });
  else navigate(path, { id: item.id });
}
