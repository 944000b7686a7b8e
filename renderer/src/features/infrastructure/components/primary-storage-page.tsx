import { Badge, Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { StateBadge } from '../../../components/state-badge';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useInfraList } from '../api/queries';
import type { StoragePool } from '../api/types';
import { ratioPercent } from '../lib/capacity';
import { POOL_SCOPES, STORAGE_POOL_STATES } from '../lib/states';
import { BulkBar, RowActionsCell, RowActionsContext, type ActionSpec } from './actions';
import { PoolBar, poolUrl } from './pool-bar';
import { EntityLink } from './detail-drawer';
import {
  clearFilters,
  ClusterFilter,
  EnumFilter,
  ListFrame,
  PodFilter,
  useListControls,
  useListQuery,
  ZoneFilter,
} from './list-frame';
import { PoolDrawer } from './pool-drawer';
import { usePoolActions } from './storage-actions';
import { AddPoolDialog, EditPoolTagsDialog } from './storage-dialogs';

const FILTERS = ['zoneid', 'podid', 'clusterid', 'scope', 'status'] as const;
const col = columnHelper<StoragePool>();

/** Primary storage pools: state, scope, location, used and allocated capacity, tags. */
export function PrimaryStoragePage() {
  const t = useT();
  const can = useCan();
  const list = useListQuery(FILTERS);
  const { filters } = list;
  const controls = useListControls(list.signature);
  const [adding, setAdding] = useState(false);
  const [tagging, setTagging] = useState<StoragePool | null>(null);
  const actions = usePoolActions({
    onEditTags: setTagging,
    onDeleted: (p) => list.id === p.id && list.set({ id: undefined }),
  });

  const pools = useInfraList<StoragePool>('listStoragePools', 'storagepool', {
    page: controls.page,
    pagesize: controls.pagesize,
    keyword: controls.keyword,
    ...filters,
  });
  const items = useMemo(() => pools.data?.items ?? [], [pools.data]);
  const selected = items.filter((p) => controls.selection[p.id]);

  const columns = useMemo<DataColumn<StoragePool>[]>(
    () => [
      col.accessor('name', {
        header: t('common.name'),
        size: 160,
        cell: (info) => (
          <Text size="sm" fw={500} span>
            {info.getValue()}
          </Text>
        ),
      }),
      col.accessor((p) => p.state ?? '', {
        id: 'state',
        header: t('common.state'),
        size: 124,
        cell: (info) => <StateBadge state={info.getValue()} />,
      }),
      col.accessor((p) => p.clustername ?? p.zonename ?? '', {
        id: 'location',
        header: t('infra.storage.location'),
        size: 150,
        cell: (info) => {
          const p = info.row.original;
          return p.clusterid ? (
            <EntityLink path="/clusters" id={p.clusterid} name={p.clustername} />
          ) : (
            <Group gap={4} wrap="nowrap">
              <Badge size="xs" variant="default">
                {p.scope}
              </Badge>
              <EntityLink path="/zones" id={p.zoneid} name={p.zonename} />
            </Group>
          );
        },
      }),
      col.accessor((p) => poolUrl(p), {
        id: 'url',
        header: t('infra.storage.url'),
        cell: (info) => (
          <Text size="xs" ff="monospace" span>
            {info.getValue()}
          </Text>
        ),
      }),
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
        cell: (info) => (
          <PoolBar compact used={info.row.original.disksizeallocated} total={info.row.original.disksizetotal} />
        ),
      }),
      col.accessor((p) => p.tags ?? '', { id: 'tags', header: t('infra.storage.tags'), size: 90 }),
      col.display({ id: 'actions', header: '', size: 44, cell: (info) => <RowActionsCell row={info.row.original} /> }),
    ],
    [t],
  );

  return (
    <RowActionsContext.Provider value={actions.forPool as (row: never) => ActionSpec[]}>
      <ListFrame
        title={t('infra.storage.title')}
        total={pools.data?.count}
        keyword={controls.keyword}
        onKeyword={controls.setKeyword}
        searchPlaceholder={t('infra.storage.search')}
        onRefresh={() => void pools.refetch()}
        refreshing={pools.isFetching}
        actions={
          can('createStoragePool') && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('infra.storage.add')}
            </Button>
          )
        }
        filters={
          <>
            <ZoneFilter
              value={filters.zoneid}
              onChange={(zoneid) => list.set({ zoneid, podid: undefined, clusterid: undefined })}
            />
            <PodFilter
              zoneid={filters.zoneid}
              value={filters.podid}
              onChange={(podid) => list.set({ podid, clusterid: undefined })}
            />
            <ClusterFilter
              zoneid={filters.zoneid}
              podid={filters.podid}
              value={filters.clusterid}
              onChange={(clusterid) => list.set({ clusterid })}
            />
            <EnumFilter
              label={t('infra.storage.scope')}
              placeholder={t('infra.filter.anyScope')}
              values={POOL_SCOPES}
              value={filters.scope}
              onChange={(scope) => list.set({ scope })}
              width={130}
              testId="filter-scope"
            />
            <EnumFilter
              label={t('common.state')}
              placeholder={t('infra.filter.anyState')}
              values={STORAGE_POOL_STATES}
              value={filters.status}
              onChange={(status) => list.set({ status })}
              width={170}
              testId="filter-state"
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
        error={pools.error}
        page={controls.page}
        pagesize={controls.pagesize}
        onPage={controls.setPage}
        onPageSize={controls.setPagesize}
      >
        <DataTable
          label={t('infra.storage.title')}
          testId="pools-table"
          data={items}
          columns={columns}
          getRowId={(p) => p.id}
          loading={pools.isFetching}
          selection={controls.selection}
          onSelectionChange={can('updateStoragePool') ? controls.setSelection : undefined}
          onRowClick={(p) => list.set({ id: p.id })}
          activeRowId={list.id}
          emptyText={list.active || controls.keyword ? t('infra.emptyFiltered') : t('infra.storage.empty')}
        />
      </ListFrame>
      {list.id && (
        <PoolDrawer
          poolId={list.id}
          fallback={items.find((p) => p.id === list.id)}
          actionsFor={actions.forPool}
          onClose={() => list.set({ id: undefined })}
        />
      )}
      {adding && (
        <AddPoolDialog
          initial={{ zoneid: filters.zoneid ?? '', podid: filters.podid ?? '', clusterid: filters.clusterid ?? '' }}
          onClose={() => setAdding(false)}
          onAdded={(pool) => {
            setAdding(false);
            if (pool?.id) list.set({ id: pool.id });
          }}
        />
      )}
      {tagging && <EditPoolTagsDialog pool={tagging} onClose={() => setTagging(null)} />}
    </RowActionsContext.Provider>
  );
}
