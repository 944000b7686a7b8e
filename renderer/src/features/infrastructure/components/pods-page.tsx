import { Button, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { StateBadge } from '../../../components/state-badge';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useInfraList } from '../api/queries';
import type { Pod } from '../api/types';
import { podRangeText } from '../lib/pods';
import { ALLOCATION_STATES } from '../lib/states';
import { BulkBar, RowActionsCell, RowActionsContext, type ActionSpec } from './actions';
import { useAllocationActions } from './allocation-actions';
import { EntityLink } from './detail-drawer';
import { clearFilters, EnumFilter, ListFrame, useListControls, useListQuery, ZoneFilter } from './list-frame';
import { PodDialog } from './pod-dialog';
import { PodDrawer } from './pod-drawer';

const FILTERS = ['zoneid', 'allocationstate'] as const;
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
  const list = useListQuery(FILTERS);
  const { filters } = list;
  const controls = useListControls(list.signature);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Pod | null>(null);
  const actions = usePodActions(setEditing, (pod) => list.id === pod.id && list.set({ id: undefined }));

  const pods = useInfraList<Pod>('listPods', 'pod', {
    page: controls.page,
    pagesize: controls.pagesize,
    keyword: controls.keyword,
    ...filters,
  });
  const items = useMemo(() => pods.data?.items ?? [], [pods.data]);
  const selected = items.filter((p) => controls.selection[p.id]);

  const columns = useMemo<DataColumn<Pod>[]>(
    () => [
      col.accessor('name', {
        header: t('common.name'),
        size: 200,
        cell: (info) => (
          <Text size="sm" fw={500} span>
            {info.getValue()}
          </Text>
        ),
      }),
      col.accessor((p) => p.allocationstate ?? '', {
        id: 'allocationstate',
        header: t('infra.allocationState'),
        size: 120,
        cell: (info) => <StateBadge state={info.getValue()} />,
      }),
      col.accessor((p) => p.zonename ?? '', {
        id: 'zone',
        header: t('infra.zone'),
        size: 160,
        cell: (info) => <EntityLink path="/zones" id={info.row.original.zoneid} name={info.getValue()} />,
      }),
      col.accessor((p) => p.gateway ?? '', { id: 'gateway', header: t('infra.ip.gateway'), size: 130 }),
      col.accessor((p) => p.netmask ?? '', { id: 'netmask', header: t('infra.ip.netmask'), size: 130 }),
      col.accessor((p) => podRangeText(p), { id: 'range', header: t('infra.pods.range') }),
      col.display({ id: 'actions', header: '', size: 44, cell: (info) => <RowActionsCell row={info.row.original} /> }),
    ],
    [t],
  );

  return (
    <RowActionsContext.Provider value={actions.forItem as (row: never) => ActionSpec[]}>
      <ListFrame
        title={t('infra.pods.title')}
        total={pods.data?.count}
        keyword={controls.keyword}
        onKeyword={controls.setKeyword}
        searchPlaceholder={t('infra.pods.search')}
        onRefresh={() => void pods.refetch()}
        refreshing={pods.isFetching}
        actions={
          can('createPod') && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('infra.pods.add')}
            </Button>
          )
        }
        filters={
          <>
            <ZoneFilter value={filters.zoneid} onChange={(zoneid) => list.set({ zoneid })} />
            <EnumFilter
              label={t('infra.allocationState')}
              placeholder={t('infra.filter.anyAllocation')}
              values={ALLOCATION_STATES}
              value={filters.allocationstate}
              onChange={(allocationstate) => list.set({ allocationstate })}
              testId="filter-allocationstate"
            />
          </>
        }
        filtersActive={list.active}
        onClearFilters={() => list.set(clearFilters(FILTERS))}
        bulk={
          <BulkBar
            count={selected.length}
            actions={actions.forMany(selected)}
            onClear={() => controls.setSelection({})}
          />
        }
        error={pods.error}
        page={controls.page}
        pagesize={controls.pagesize}
        onPage={controls.setPage}
        onPageSize={controls.setPagesize}
      >
        <DataTable
          label={t('infra.pods.title')}
          testId="pods-table"
          data={items}
          columns={columns}
          getRowId={(p) => p.id}
          loading={pods.isFetching}
          selection={controls.selection}
          onSelectionChange={can('updatePod') ? controls.setSelection : undefined}
          onRowClick={(p) => list.set({ id: p.id })}
          activeRowId={list.id}
          emptyText={list.active || controls.keyword ? t('infra.emptyFiltered') : t('infra.pods.empty')}
        />
      </ListFrame>
      {list.id && (
        <PodDrawer
          podId={list.id}
          fallback={items.find((p) => p.id === list.id)}
          actionsFor={actions.forItem}
          onClose={() => list.set({ id: undefined })}
        />
      )}
      {adding && (
        <PodDialog
          zoneId={filters.zoneid}
          onClose={() => setAdding(false)}
          onSaved={(pod) => {
            setAdding(false);
            if (pod?.id) list.set({ id: pod.id });
          }}
        />
      )}
      {editing && <PodDialog pod={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
    </RowActionsContext.Provider>
  );
}
