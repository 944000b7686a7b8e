import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconFileImport, IconLanguage, IconLogout, IconMoon, IconPlus, IconWand, type Icon } from '@tabler/icons-react';
import { useMemo, type ReactNode } from 'react';
import { useLogout } from '../../features/auth/api/login';
import { useApi } from '../../lib/api-context';
import { useLocaleStore, useT, type MessageKey } from '../../lib/i18n';
import { useCan, type Area } from '../../lib/permissions';
import { navigate } from '../../lib/router';
import { useUiStore, type PendingAction } from '../../lib/ui-store';
import { ROUTES } from '../routes';
import type { SearchResult } from '../../lib/contract';
import { NO_LOCATION, type PaletteDialog } from './command-palette-dialogs';

const iconNode = (Glyph: Icon) => <Glyph size={16} stroke={1.6} />;

/** The group of the actions listed for one search result. */
export const RESULT_ACTIONS = 'result-actions';

export interface PaletteItem {
  id: string;
  /** Items of one group are listed together under its heading. */
  group: string;
  groupLabel: string;
  label: string;
  /** A dimmed second line: where a result is. */
  detail?: string;
  /** A short tag at the end (how a result matched). */
  badge?: string;
  icon: ReactNode;
  /** Extra words to match (the English name in Korean mode and the reverse). */
  keywords: string;
  /** The search result this option opens (its actions can be shown with Tab). */
  result?: SearchResult;
  run(): void;
}

/** Pages, create and import actions the caller may run, theme, language and logout. */
export function useStaticItems(areas: Area[], openDialog: (dialog: PaletteDialog) => void): PaletteItem[] {
  const t = useT();
  const can = useCan();
  const requestAction = useUiStore((s) => s.requestAction);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const logout = useLogout();
  const client = useApi();

  return useMemo<PaletteItem[]>(() => {
    const pages: PaletteItem[] = ROUTES.filter((route) => areas.includes(route.area)).map((route) => ({
      id: `go:${route.path}`,
      group: 'pages',
      groupLabel: t('palette.group.pages'),
      label: t(route.titleKey),
      icon: <route.icon size={16} stroke={1.6} />,
      keywords: route.path,
      run: () => navigate(route.path),
    }));
    const actions: PaletteItem[] = [];
    const add = (id: string, command: string, area: Area, labelKey: MessageKey, icon: Icon, run: () => void) => {
      if (!areas.includes(area) || !can(command)) return;
      actions.push({
        id,
        group: 'actions',
        groupLabel: t('palette.group.actions'),
        label: t(labelKey),
        icon: iconNode(icon),
        keywords: `${command} new add create`,
        run,
      });
    };
    const pending = (action: PendingAction, path: string) => () => {
      requestAction(action);
      navigate(path);
    };
    add('add-zone', 'createZone', 'zones', 'palette.action.addZone', IconWand, () => navigate('/zones/new'));
    add('import-dc', 'importDataCenter', 'dashboard', 'palette.action.importDatacenter', IconFileImport, () =>
      openDialog({ kind: 'import' }),
    );
    add('add-pod', 'createPod', 'pods', 'palette.action.addPod', IconPlus, () => openDialog({ kind: 'addPod' }));
    add('add-cluster', 'addCluster', 'clusters', 'palette.action.addCluster', IconPlus, () =>
      openDialog({ kind: 'addCluster', initial: NO_LOCATION }),
    );
    add('add-host', 'addHost', 'hosts', 'palette.action.addHost', IconPlus, () =>
      openDialog({ kind: 'addHost', initial: NO_LOCATION }),
    );
    add('add-pool', 'createStoragePool', 'primaryStorage', 'palette.action.addPrimaryStorage', IconPlus, () =>
      openDialog({ kind: 'addPool', initial: NO_LOCATION }),
    );
    add('add-store', 'addImageStore', 'secondaryStorage', 'palette.action.addSecondaryStorage', IconPlus, () =>
      openDialog({ kind: 'addImageStore' }),
    );
    add(
      'create-account',
      'createAccount',
      'accounts',
      'palette.action.createAccount',
      IconPlus,
      pending('create-account', '/accounts'),
    );
    add('create-user', 'createUser', 'users', 'palette.action.createUser', IconPlus, pending('create-user', '/users'));
    add(
      'create-domain',
      'createDomain',
      'domains',
      'palette.action.createDomain',
      IconPlus,
      pending('create-domain', '/domains'),
    );
    add(
      'create-compute-offering',
      'createServiceOffering',
      'offerings',
      'palette.action.createComputeOffering',
      IconPlus,
      pending('create-compute-offering', '/offerings'),
    );
    add(
      'create-disk-offering',
      'createDiskOffering',
      'offerings',
      'palette.action.createDiskOffering',
      IconPlus,
      pending('create-disk-offering', '/offerings'),
    );
    add('create-role', 'createRole', 'roles', 'palette.action.createRole', IconPlus, pending('create-role', '/roles'));
    const general = (id: string, label: string, icon: Icon, keywords: string, run: () => void): PaletteItem => ({
      id,
      group: 'actions',
      groupLabel: t('palette.group.actions'),
      label,
      icon: iconNode(icon),
      keywords,
      run,
    });
    actions.push(
      general('theme', t('palette.action.toggleTheme'), IconMoon, 'theme dark light', () =>
        setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
      ),
      general('language', t('palette.action.switchLanguage'), IconLanguage, 'language korean english 한국어 언어', () =>
        setLocale(locale === 'ko' ? 'en' : 'ko'),
      ),
    );
    if (client.mode === 'http')
      actions.push(general('logout', t('palette.action.logout'), IconLogout, 'logout sign out', () => logout.mutate()));
    return [...pages, ...actions];
  }, [areas, can, t, requestAction, openDialog, setColorScheme, scheme, locale, setLocale, logout, client.mode]);
}
