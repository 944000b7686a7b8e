import { useMemo } from 'react';
import { columnHelper, type DataColumn } from '../../../components/data-table';
import type { Cluster } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { ALLOCATION_STATES, oneOf } from '../lib/states';
import { useAllocationActions } from './allocation-actions';
import { AddClusterDialog } from './cluster-dialog';
import { ClusterDrawer } from './cluster-drawer';
import { actionsColumn, linkColumn, nameColumn, stateColumn } from './columns';
import { LocationFilters, locationOf, PresetFilter } from './list-frame';
import { InfraListView, useInfraListPage, type SortKey } from './list-page';
import { stateLabel } from '../../../lib/enum-labels';

const FILTERS = ['zoneid', 'podid', 'hypervisor', 'allocationstate'] as const;
/** The columns the server sorts listClusters by (column id -> sortby). */
const CLUSTER_SORT_KEYS = {
  name: 'name',
  allocationstate: 'allocationstate',
  hypervisor: 'hypervisor',
  clustertype: 'clustertype',
  managedstate: 'managedstate',
} satisfies Record<string, SortKey<'listClusters'>>;

const col = columnHelper<Cluster>();

/** Clusters: hypervisor, location and allocation state; enable, disable, delete. */
export function ClustersPage() {
  const t = useT();
  const can = useCan();
  const page = useInfraListPage({
    command: 'listClusters',
    sortKeys: CLUSTER_SORT_KEYS,
    filters: FILTERS,
    params: ({ allocationstate, ...filters }) => ({
      ...filters,
      allocationstate: oneOf(ALLOCATION_STATES, allocationstate),
    }),
  });
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
    onDeleted: page.closeIfOpen,
  });

  const columns = useMemo<DataColumn<Cluster>[]>(
    () => [
      nameColumn(t('common.name'), 200),
      stateColumn('allocationstate', t('infra.allocationState'), (c) => c.allocationstate, 120),
      col.accessor((c) => c.hypervisortype ?? '', {
        id: 'hypervisor',
        header: t('infra.hypervisor'),
        size: 110,
        meta: { priority: 3 },
      }),
      col.accessor((c) => c.clustertype ?? '', {
        id: 'clustertype',
        header: t('infra.field.clusterType'),
        size: 130,
        meta: { priority: 4 },
      }),
      {
        ...linkColumn('pod', t('infra.pod'), '/pods', (c) => ({ id: c.podid, name: c.podname })),
        meta: { priority: 1 },
      },
      {
        ...linkColumn('zone', t('infra.zone'), '/zones', (c) => ({ id: c.zoneid, name: c.zonename }), 160),
        meta: { priority: 2 },
      },
      col.accessor((c) => (c.managedstate ? stateLabel(t, c.managedstate) : ''), {
        id: 'managedstate',
        header: t('infra.field.managedState'),
        size: 130,
        meta: { priority: 5 },
      }),
      actionsColumn(),
    ],
    [t],
  );

  return (
    <InfraListView
      page={page}
      title={t('infra.clusters.title')}
      searchPlaceholder={t('infra.clusters.search')}
      tableTestId="clusters-table"
      emptyText={t('infra.clusters.empty')}
      columns={columns}
      rowActions={actions.forItem}
      bulkActions={actions.forMany(page.selected)}
      selectable={can('updateCluster')}
      addLabel={can('addCluster') && t('infra.clusters.add')}
      filters={
        <>
          <LocationFilters depth="pod" filters={page.filters} onChange={page.list.set} />
          <PresetFilter
            name="hypervisor"
            value={page.filters.hypervisor}
            onChange={(hypervisor) => page.list.set({ hypervisor })}
          />
          <PresetFilter
            name="allocationstate"
            value={page.filters.allocationstate}
            onChange={(allocationstate) => page.list.set({ allocationstate })}
          />
        </>
      }
      drawer={(id, fallback, close) => (
        <ClusterDrawer clusterId={id} fallback={fallback} actionsFor={actions.forItem} onClose={close} />
      )}
    >
      {page.adding && (
        <AddClusterDialog
          initial={locationOf(page.filters)}
          onClose={() => page.setAdding(false)}
          onAdded={page.added}
        />
      )}
    </InfraListView>
  );
}
