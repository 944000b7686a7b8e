import { IconPencil } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { columnHelper, type DataColumn } from '../../../components/data-table';
import type { Pod } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { podRangeText } from '../lib/pods';
import { ALLOCATION_STATES, oneOf } from '../lib/states';
import type { ActionSpec } from './actions';
import { useAllocationActions } from './allocation-actions';
import { actionsColumn, linkColumn, nameColumn, stateColumn } from './columns';
import { LocationFilters, PresetFilter } from './list-frame';
import { InfraListView, useInfraListPage, type SortKey } from './list-page';
import { PodDialog } from './pod-dialog';
import { PodDrawer } from './pod-drawer';

const FILTERS = ['zoneid', 'allocationstate'] as const;
/** The columns the server sorts listPods by (column id -> sortby). */
const POD_SORT_KEYS = { name: 'name', allocationstate: 'allocationstate' } satisfies Record<
  string,
  SortKey<'listPods'>
>;

const col = columnHelper<Pod>();

export function usePodActions(onEdit: (pod: Pod) => void, onDeleted?: (pod: Pod) => void) {
  const t = useT();
  const can = useCan();
  return useAllocationActions<Pod>({
    titles: { enable: t('infra.pods.enable'), disable: t('infra.pods.disable'), remove: t('infra.pods.delete') },
    path: '/pods',
    update: 'updatePod',
    remove: 'deletePod',
    disableMessage: (pod) => t('infra.pods.disableConfirm', { name: pod.name }),
    deleteMessage: (pod) => t('infra.pods.deleteConfirm', { name: pod.name }),
    onDeleted,
    extra: (pod): ActionSpec[] =>
      can('updatePod')
        ? [{ key: 'edit', label: t('common.edit'), icon: <IconPencil size={14} />, run: () => onEdit(pod) }]
        : [],
  });
}

/** Pods: their zone, management range and allocation state. */
export function PodsPage() {
  const t = useT();
  const can = useCan();
  const page = useInfraListPage({
    command: 'listPods',
    sortKeys: POD_SORT_KEYS,
    filters: FILTERS,
    params: ({ zoneid, allocationstate }) => ({ zoneid, allocationstate: oneOf(ALLOCATION_STATES, allocationstate) }),
  });
  const [editing, setEditing] = useState<Pod | null>(null);
  const actions = usePodActions(setEditing, page.closeIfOpen);

  const columns = useMemo<DataColumn<Pod>[]>(
    () => [
      nameColumn(t('common.name'), 200),
      stateColumn('allocationstate', t('infra.allocationState'), (p) => p.allocationstate, 120),
      {
        ...linkColumn('zone', t('infra.zone'), '/zones', (p) => ({ id: p.zoneid, name: p.zonename }), 160),
        meta: { priority: 1 },
      },
      col.accessor((p) => p.gateway ?? '', {
        id: 'gateway',
        header: t('infra.ip.gateway'),
        size: 130,
        meta: { priority: 3 },
      }),
      col.accessor((p) => p.netmask ?? '', {
        id: 'netmask',
        header: t('infra.ip.netmask'),
        size: 130,
        meta: { priority: 4 },
      }),
      col.accessor((p) => podRangeText(p), { id: 'range', header: t('infra.pods.range'), meta: { priority: 2 } }),
      actionsColumn(),
    ],
    [t],
  );

  return (
    <InfraListView
      page={page}
      title={t('infra.pods.title')}
      searchPlaceholder={t('infra.pods.search')}
      tableTestId="pods-table"
      emptyText={t('infra.pods.empty')}
      columns={columns}
      rowActions={actions.forItem}
      bulkActions={actions.forMany(page.selected)}
      selectable={can('updatePod')}
      addLabel={can('createPod') && t('infra.pods.add')}
      filters={
        <>
          <LocationFilters depth="zone" filters={page.filters} onChange={page.list.set} />
          <PresetFilter
            name="allocationstate"
            value={page.filters.allocationstate}
            onChange={(allocationstate) => page.list.set({ allocationstate })}
          />
        </>
      }
      drawer={(id, fallback, close) => (
        <PodDrawer podId={id} fallback={fallback} actionsFor={actions.forItem} onClose={close} />
      )}
    >
      {page.adding && (
        <PodDialog zoneId={page.filters.zoneid} onClose={() => page.setAdding(false)} onSaved={page.added} />
      )}
      {editing && <PodDialog pod={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
    </InfraListView>
  );
}
