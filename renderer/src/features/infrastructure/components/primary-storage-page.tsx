import { Badge, Group } from '@mantine/core';
import { useMemo, useState } from 'react';
import { columnHelper, type DataColumn } from '../../../components/data-table';
import { PoolHealthStrip } from '../../../components/infrastructure-health';
import type { StoragePool } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { ratioPercent } from '../lib/capacity';
import { oneOf, POOL_SCOPE_PARAMS, POOL_SCOPES, STORAGE_POOL_STATES } from '../lib/states';
import { actionsColumn, nameColumn, stateColumn, urlColumn } from './columns';
import { PoolBar, poolUrl } from './pool-bar';
import { EntityLink } from './detail-drawer';
import { EnumFilter, LocationFilters, locationOf } from './list-frame';
import { InfraListView, useInfraListPage, type SortKey } from './list-page';
import { PoolDrawer } from './pool-drawer';
import { usePoolActions } from './storage-actions';
import { AddPoolDialog, EditPoolTagsDialog } from './storage-dialogs';
import { enumLabel } from '../../../lib/enum-labels';

const FILTERS = ['zoneid', 'podid', 'clusterid', 'scope', 'status'] as const;
/** The columns the server sorts listStoragePools by (column id -> sortby); the used and allocated columns show ratios the server does not sort by. */
const POOL_SORT_KEYS = { name: 'name', state: 'state' } satisfies Record<string, SortKey<'listStoragePools'>>;

const col = columnHelper<StoragePool>();

/** Primary storage pools: state, scope, location, used and allocated capacity, tags. */
export function PrimaryStoragePage() {
  const t = useT();
  const can = useCan();
  const page = useInfraListPage({
    command: 'listStoragePools',
    sortKeys: POOL_SORT_KEYS,
    filters: FILTERS,
    params: ({ scope, ...filters }) => ({ ...filters, scope: oneOf(POOL_SCOPE_PARAMS, scope) }),
  });
  const [tagging, setTagging] = useState<StoragePool | null>(null);
  const actions = usePoolActions({ onEditTags: setTagging, onDeleted: page.closeIfOpen });

  const columns = useMemo<DataColumn<StoragePool>[]>(
    () => [
      nameColumn(t('common.name'), 160),
      stateColumn('state', t('common.state'), (p) => p.state, 124),
      col.accessor((p) => p.clustername ?? p.zonename ?? '', {
        id: 'location',
        header: t('infra.storage.location'),
        size: 150,
        meta: { priority: 1 },
        cell: (info) => {
          const p = info.row.original;
          return p.clusterid ? (
            <EntityLink path="/clusters" id={p.clusterid} name={p.clustername} />
          ) : (
            <Group gap={4} wrap="nowrap">
              <Badge size="xs" variant="default">
                {enumLabel(t, 'storageScope', p.scope)}
              </Badge>
              <EntityLink path="/zones" id={p.zoneid} name={p.zonename} />
            </Group>
          );
        },
      }),
      { ...urlColumn(t('infra.storage.url'), (p) => poolUrl(p)), meta: { priority: 3 } },
      col.accessor((p) => ratioPercent(p.disksizeused, p.disksizetotal) ?? -1, {
        id: 'used',
        header: t('infra.storage.used'),
        size: 172,
        cell: (info) => (
          <PoolBar compact used={info.row.original.disksizeused} total={info.row.original.disksizetotal} />
        ),
      }),
      col.accessor((p) => ratioPercent(p.disksizeallocated, p.disksizetotal) ?? -1, {
        id: 'allocated',
        header: t('infra.storage.allocated'),
        size: 172,
        // The bar shows allocated / total: the same percentage on every row is not the same cell.
        meta: { priority: 2, keepWhenUniform: true },
        cell: (info) => (
          <PoolBar compact used={info.row.original.disksizeallocated} total={info.row.original.disksizetotal} />
        ),
      }),
      col.accessor((p) => p.tags ?? '', {
        id: 'tags',
        header: t('infra.storage.tags'),
        size: 90,
        meta: { priority: 4 },
      }),
      actionsColumn(),
    ],
    [t],
  );

  return (
    <InfraListView
      page={page}
      title={t('infra.storage.title')}
      searchPlaceholder={t('infra.storage.search')}
      tableTestId="pools-table"
      emptyText={t('infra.storage.empty')}
      columns={columns}
      rowActions={actions.forPool}
      bulkActions={actions.forMany(page.selected)}
      selectable={can('updateStoragePool')}
      addLabel={can('createStoragePool') && t('infra.storage.add')}
      health={
        <PoolHealthStrip
          scope={{ zoneid: page.filters.zoneid, podid: page.filters.podid, clusterid: page.filters.clusterid }}
          filter={{ status: page.filters.status, onChange: (status) => page.list.set({ status }) }}
        />
      }
      filters={
        <>
          <LocationFilters depth="cluster" filters={page.filters} onChange={page.list.set} />
          <EnumFilter
            label={t('infra.storage.scope')}
            placeholder={t('infra.filter.anyScope')}
            values={POOL_SCOPES}
            value={page.filters.scope}
            onChange={(scope) => page.list.set({ scope })}
            width={130}
            testId="filter-scope"
          />
          <EnumFilter
            label={t('common.state')}
            placeholder={t('infra.filter.anyState')}
            values={STORAGE_POOL_STATES}
            value={page.filters.status}
            onChange={(status) => page.list.set({ status })}
            width={170}
            testId="filter-state"
          />
        </>
      }
      drawer={(id, fallback, close) => (
        <PoolDrawer poolId={id} fallback={fallback} actionsFor={actions.forPool} onClose={close} />
      )}
    >
      {page.adding && (
        <AddPoolDialog initial={locationOf(page.filters)} onClose={() => page.setAdding(false)} onAdded={page.added} />
      )}
      {tagging && <EditPoolTagsDialog pool={tagging} onClose={() => setTagging(null)} />}
    </InfraListView>
  );
}
