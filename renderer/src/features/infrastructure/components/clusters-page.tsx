import { Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { StateBadge } from '../../../components/state-badge';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useInfraList } from '../api/queries';
import type { Cluster } from '../api/types';
import { ALLOCATION_STATES, HYPERVISORS } from '../lib/states';
import { BulkBar, RowActionsCell, RowActionsContext, type ActionSpec } from './actions';
import { useAllocationActions } from './allocation-actions';
import { AddClusterDialog } from './cluster-dialog';
import { ClusterDrawer } from './cluster-drawer';
import { EntityLink } from './detail-drawer';
import {
  clearFilters,
  EnumFilter,
  ListFrame,
  PodFilter,
  useListControls,
  useListQuery,
  ZoneFilter,
} from './list-frame';

const FILTERS = ['zoneid', 'podid', 'hypervisor', 'allocationstate'] as const;
const col = columnHelper<Cluster>();

/** Clusters: hypervisor, location and allocation state; enable, disable, delete. */
export function ClustersPage() {
  const t = useT();
  const can = useCan();
  const list = useListQuery(FILTERS);
  const { filters } = list;
  const controls = useListControls(list.signature);
  const [adding, setAdding] = useState(false);
  const actions = useAllocationActions<Cluster>({
    titles: {
      enable: t('infra.clusters.enable'),
      disable: t('infra.clusters.disable'),
      remove: t('infra.clusters.delete'),
    },
    path: '/clusters',
    update: 'updateCluster',
    remove: 'deleteCluster',
    disableMessage: (c) => t('infra.clusters.disableConfirm', { name: c.name }),
    deleteMessage: (c) => t('infra.clusters.deleteConfirm', { name: c.name }),
    onDeleted: (c) => list.id === c.id && list.set({ id: undefined }),
  });

  const clusters = useInfraList<Cluster>('listClusters', 'cluster', {
    page: controls.page,
    pagesize: controls.pagesize,
    keyword: controls.keyword,
    ...filters,
  });
  const items = useMemo(() => clusters.data?.items ?? [], [clusters.data]);
  const selected = items.filter((c) => controls.selection[c.id]);

  const columns = useMemo<DataColumn<Cluster>[]>(
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
      col.accessor((c) => c.allocationstate ?? '', {
        id: 'allocationstate',
        header: t('infra.allocationState'),
        size: 120,
        cell: (info) => <StateBadge state={info.getValue()} />,
      }),
      col.accessor((c) => c.hypervisortype ?? '', { id: 'hypervisor', header: t('infra.hypervisor'), size: 110 }),
      col.accessor((c) => c.clustertype ?? '', { id: 'clustertype', header: t('infra.field.clusterType'), size: 130 }),
      col.accessor((c) => c.podname ?? '', {
        id: 'pod',
        header: t('infra.pod'),
        cell: (info) => <EntityLink path="/pods" id={info.row.original.podid} name={info.getValue()} />,
      }),
      col.accessor((c) => c.zonename ?? '', {
        id: 'zone',
        header: t('infra.zone'),
        size: 160,
        cell: (info) => <EntityLink path="/zones" id={info.row.original.zoneid} name={info.getValue()} />,
      }),
      col.accessor((c) => c.managedstate ?? '', {
        id: 'managedstate',
        header: t('infra.field.managedState'),
        size: 130,
      }),
      col.display({ id: 'actions', header: '', size: 44, cell: (info) => <RowActionsCell row={info.row.original} /> }),
    ],
    [t],
  );

  return (
    <RowActionsContext.Provider value={actions.forItem as (row: never) => ActionSpec[]}>
      <ListFrame
        title={t('infra.clusters.title')}
        total={clusters.data?.count}
        keyword={controls.keyword}
        onKeyword={controls.setKeyword}
        searchPlaceholder={t('infra.clusters.search')}
        onRefresh={() => void clusters.refetch()}
        refreshing={clusters.isFetching}
        actions={
          can('addCluster') && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('infra.clusters.add')}
            </Button>
          )
        }
        filters={
          <>
            <ZoneFilter value={filters.zoneid} onChange={(zoneid) => list.set({ zoneid, podid: undefined })} />
            <PodFilter zoneid={filters.zoneid} value={filters.podid} onChange={(podid) => list.set({ podid })} />
            <EnumFilter
              label={t('infra.hypervisor')}
              placeholder={t('infra.filter.anyHypervisor')}
              values={HYPERVISORS}
              value={filters.hypervisor}
              onChange={(hypervisor) => list.set({ hypervisor })}
              testId="filter-hypervisor"
            />
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
        error={clusters.error}
        page={controls.page}
        pagesize={controls.pagesize}
        onPage={controls.setPage}
        onPageSize={controls.setPagesize}
      >
        <DataTable
          label={t('infra.clusters.title')}
          testId="clusters-table"
          data={items}
          columns={columns}
          getRowId={(c) => c.id}
          loading={clusters.isFetching}
          selection={controls.selection}
          onSelectionChange={can('updateCluster') ? controls.setSelection : undefined}
          onRowClick={(c) => list.set({ id: c.id })}
          activeRowId={list.id}
          emptyText={list.active || controls.keyword ? t('infra.emptyFiltered') : t('infra.clusters.empty')}
        />
      </ListFrame>
      {list.id && (
        <ClusterDrawer
          clusterId={list.id}
          fallback={items.find((c) => c.id === list.id)}
          actionsFor={actions.forItem}
          onClose={() => list.set({ id: undefined })}
        />
      )}
      {adding && (
        <AddClusterDialog
          initial={{ zoneid: filters.zoneid ?? '', podid: filters.podid ?? '', clusterid: '' }}
          onClose={() => setAdding(false)}
          onAdded={(cluster) => {
            setAdding(false);
            if (cluster?.id) list.set({ id: cluster.id });
          }}
        />
      )}
    </RowActionsContext.Provider>
  );
}
