import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { StateBadge } from '../../../components/state-badge';
import { formatBytes, formatRelative, useLocale, useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useInfraList } from '../api/queries';
import type { Host } from '../api/types';
import { HOST_RESOURCE_STATES, HOST_STATES, HYPERVISORS } from '../lib/states';
import { BulkBar, RowActionsCell, RowActionsContext } from './actions';
import { CapacityBar } from './capacity-bar';
import { hostCpuPercent, hostMemoryPercent } from '../lib/capacity';
import { EntityLink } from './detail-drawer';
import { AddHostDialog, EditHostTagsDialog } from './host-dialogs';
import { HostDrawer } from './host-drawer';
import { useHostActions } from './host-actions';
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

const FILTERS = ['zoneid', 'podid', 'clusterid', 'state', 'resourcestate', 'hypervisor'] as const;
const col = columnHelper<Host>();

/** Hosts: server-paged, virtualized (10k rows stay smooth), filtered by location, state and hypervisor. */
export function HostsPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const list = useListQuery(FILTERS);
  const { filters } = list;
  const controls = useListControls(list.signature);
  const [adding, setAdding] = useState(false);
  const [tagging, setTagging] = useState<Host | null>(null);
  const actions = useHostActions({
    onEditTags: setTagging,
    onDeleted: (host) => {
      if (list.id === host.id) list.set({ id: undefined });
    },
  });

  const hosts = useInfraList<Host>('listHosts', 'host', {
    type: 'Routing',
    page: controls.page,
    pagesize: controls.pagesize,
    keyword: controls.keyword,
    ...filters,
  });
  const items = useMemo(() => hosts.data?.items ?? [], [hosts.data]);
  const selected = items.filter((h) => controls.selection[h.id]);
  const bulkActions = actions.forMany(selected);

  const columns = useMemo<DataColumn<Host>[]>(
    () => [
      col.accessor('name', {
        header: t('common.name'),
        size: 150,
        cell: (info) => (
          <Text size="sm" fw={500} span>
            {info.getValue()}
          </Text>
        ),
      }),
      col.accessor((h) => `${h.state ?? ''} ${h.resourcestate ?? ''}`, {
        id: 'state',
        header: t('common.state'),
        size: 236,
        cell: (info) => (
          <Tooltip
            label={t('infra.hosts.lastPing', { when: formatRelative(info.row.original.lastpinged, locale) || '—' })}
            openDelay={500}
          >
            <Group gap={4} wrap="nowrap">
              <StateBadge state={info.row.original.state} />
              <StateBadge state={info.row.original.resourcestate} />
            </Group>
          </Tooltip>
        ),
      }),
      col.accessor((h) => h.ipaddress ?? '', { id: 'ipaddress', header: t('infra.ipAddress'), size: 112 }),
      col.accessor((h) => h.clustername ?? '', {
        id: 'cluster',
        header: t('infra.hosts.location'),
        cell: (info) => (
          <Tooltip
            label={[info.row.original.zonename, info.row.original.podname, info.getValue()].join(' / ')}
            openDelay={500}
          >
            <span>
              <EntityLink path="/clusters" id={info.row.original.clusterid} name={info.getValue()} />
              <Text size="xs" c="dimmed" span>
                {' '}
                · {info.row.original.zonename}
              </Text>
            </span>
          </Tooltip>
        ),
      }),
      col.accessor((h) => h.hypervisor ?? '', { id: 'hypervisor', header: t('infra.hypervisor'), size: 104 }),
      col.accessor((h) => hostCpuPercent(h) ?? -1, {
        id: 'cpu',
        header: t('infra.hosts.cpuColumn'),
        size: 116,
        cell: (info) => (
          <CapacityBar percent={hostCpuPercent(info.row.original)} testId={`cpu-${info.row.original.name}`} />
        ),
      }),
      col.accessor((h) => hostMemoryPercent(h) ?? -1, {
        id: 'memory',
        header: t('infra.hosts.memoryColumn'),
        size: 150,
        cell: (info) => {
          const h = info.row.original;
          return (
            <CapacityBar
              percent={hostMemoryPercent(h)}
              tooltip={
                h.memorytotal
                  ? `${formatBytes(h.memoryallocated ?? 0, locale)} / ${formatBytes(h.memorytotal, locale)}`
                  : undefined
              }
            />
          );
        },
      }),
      col.display({ id: 'actions', header: '', size: 44, cell: (info) => <RowActionsCell row={info.row.original} /> }),
    ],
    [t, locale],
  );

  return (
    <RowActionsContext.Provider value={actions.forHost as (row: never) => ReturnType<typeof actions.forHost>}>
      <ListFrame
        title={t('infra.hosts.title')}
        total={hosts.data?.count}
        keyword={controls.keyword}
        onKeyword={controls.setKeyword}
        searchPlaceholder={t('infra.hosts.search')}
        onRefresh={() => void hosts.refetch()}
        refreshing={hosts.isFetching}
        actions={
          can('addHost') && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('infra.hosts.add')}
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
              label={t('common.state')}
              placeholder={t('infra.filter.anyState')}
              values={HOST_STATES}
              value={filters.state}
              onChange={(state) => list.set({ state })}
              width={120}
              testId="filter-state"
            />
            <EnumFilter
              label={t('infra.resourceState')}
              placeholder={t('infra.filter.anyResourceState')}
              values={HOST_RESOURCE_STATES}
              value={filters.resourcestate}
              onChange={(resourcestate) => list.set({ resourcestate })}
              width={160}
              testId="filter-resourcestate"
            />
            <EnumFilter
              label={t('infra.hypervisor')}
              placeholder={t('infra.filter.anyHypervisor')}
              values={HYPERVISORS}
              value={filters.hypervisor}
              onChange={(hypervisor) => list.set({ hypervisor })}
              width={130}
              testId="filter-hypervisor"
            />
          </>
        }
        filtersActive={list.active}
        onClearFilters={() => list.set(clearFilters(FILTERS))}
        bulk={<BulkBar count={selected.length} actions={bulkActions} onClear={() => controls.setSelection({})} />}
        error={hosts.error}
        page={controls.page}
        pagesize={controls.pagesize}
        onPage={controls.setPage}
        onPageSize={controls.setPagesize}
      >
        <DataTable
          label={t('infra.hosts.title')}
          testId="hosts-table"
          data={items}
          columns={columns}
          getRowId={(h) => h.id}
          loading={hosts.isFetching}
          selection={controls.selection}
          onSelectionChange={can('updateHost') ? controls.setSelection : undefined}
          onRowClick={(h) => list.set({ id: h.id })}
          activeRowId={list.id}
          emptyText={list.active || controls.keyword ? t('infra.emptyFiltered') : t('infra.hosts.empty')}
        />
      </ListFrame>
      {list.id && (
        <HostDrawer
          hostId={list.id}
          fallback={items.find((h) => h.id === list.id)}
          actionsFor={actions.forHost}
          onEditTags={setTagging}
          onClose={() => list.set({ id: undefined })}
        />
      )}
      {adding && (
        <AddHostDialog
          initial={{ zoneid: filters.zoneid ?? '', podid: filters.podid ?? '', clusterid: filters.clusterid ?? '' }}
          onClose={() => setAdding(false)}
          onAdded={(host) => {
            setAdding(false);
            if (host?.id) list.set({ id: host.id });
          }}
        />
      )}
      {tagging && <EditHostTagsDialog host={tagging} onClose={() => setTagging(null)} />}
    </RowActionsContext.Provider>
  );
}
