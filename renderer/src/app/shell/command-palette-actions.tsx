import { IconPlus, IconServer } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useHostActions } from '../../features/infrastructure/components/host-actions';
import { useInfraList } from '../../features/infrastructure/api/queries';
import type { SearchResult } from '../../lib/contract';
import { useT } from '../../lib/i18n';
import { useCan } from '../../lib/permissions';
import type { PaletteDialog } from './command-palette-dialogs';
import { RESULT_ACTIONS, type PaletteItem } from './command-palette-items';

/** Kinds of results the palette has actions for. */
export function hasActions(result: SearchResult): boolean {
  return ['host', 'cluster', 'pod', 'zone'].includes(result.kind);
}

/**
 * What may be done to a result (the best one, or the one picked with Tab), with the infrastructure feature's own actions and dialogs:
 * a host's lifecycle (maintenance, enable / disable, reconnect, tags, delete), "Add host to" a
 * cluster, "Add cluster to" a pod, "Add pod to" a zone. Only actions the caller may run now.
 */
export function useResultActions(top: SearchResult | undefined, openDialog: (d: PaletteDialog) => void): PaletteItem[] {
  const t = useT();
  const can = useCan();
  const isHost = top?.kind === 'host';
  const host = useInfraList('listHosts', { id: top?.id ?? '' }, { enabled: isHost, keepPrevious: false });
  const hostActions = useHostActions({ onEditTags: (h) => openDialog({ kind: 'hostTags', host: h }) });
  if (!top) return [];
  const group = RESULT_ACTIONS;
  const groupLabel = t('palette.resultActions', { name: top.name });
  const item = (key: string, label: string, icon: ReactNode, run: () => void): PaletteItem => ({
    id: `act:${top.id}:${key}`,
    group,
    groupLabel,
    label,
    icon,
    keywords: '',
    run,
  });
  const location = { zoneid: top.zoneid ?? '', podid: top.podid ?? '', clusterid: top.clusterid ?? '' };
  switch (top.kind) {
    case 'host': {
      const full = host.data?.items[0];
      if (!full || full.id !== top.id) return [];
      return hostActions
        .forHost(full)
        .filter((a) => a.disabledReason === undefined)
        .map((a) =>
          item(a.key, t('palette.resourceAction', { action: a.label, name: top.name }), a.icon, () => void a.run()),
        );
    }
    case 'cluster': {
      const items: PaletteItem[] = [];
      if (can('addHost'))
        items.push(
          item('addHost', t('palette.action.addHostTo', { name: top.name }), <IconServer size={16} />, () =>
            openDialog({ kind: 'addHost', initial: location }),
          ),
        );
      if (can('createStoragePool'))
        items.push(
          item('addPool', t('palette.action.addPoolTo', { name: top.name }), <IconPlus size={16} />, () =>
            openDialog({ kind: 'addPool', initial: location }),
          ),
        );
      return items;
    }
    case 'pod':
      return can('addCluster')
        ? [
            item('addCluster', t('palette.action.addClusterTo', { name: top.name }), <IconPlus size={16} />, () =>
              openDialog({ kind: 'addCluster', initial: location }),
            ),
          ]
        : [];
    case 'zone':
      return can('createPod')
        ? [
            item('addPod', t('palette.action.addPodTo', { name: top.name }), <IconPlus size={16} />, () =>
              openDialog({ kind: 'addPod', zoneId: top.id }),
            ),
          ]
        : [];
    default:
      return [];
  }
}
