import { Group, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { columnHelper, type DataColumn } from '../../../components/data-table';
import { LazyTooltip } from '../../../components/lazy-tooltip';
import { HostHealthStrip } from '../../../components/infrastructure-health';
import { StateBadge } from '../../../components/state-badge';
import type { Host } from '../../../lib/contract';
import { formatBytes, formatRelative, useLocale, useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { HOST_RESOURCE_STATES, HOST_STATES } from '../lib/states';
import { useHeartbeatWindow } from '../api/host-details';
import { hostCpuPercent, hostMemoryPercent, parsePercent, ratioPercent } from '../lib/capacity';
import { actionsColumn, nameColumn } from './columns';
import { EntityLink } from './detail-drawer';
import { AddHostDialog, EditHostTagsDialog } from './host-dialogs';
import { HostDrawer } from './host-drawer';
import { HostHeartbeat } from './host-heartbeat';
import { useHostActions } from './host-actions';
import { EnumFilter, LocationFilters, locationOf, PresetFilter } from './list-frame';
import { InfraListView, useInfraListPage, type SortKey } from './list-page';
import { UsageBar } from './usage-bar';

const FILTERS = ['zoneid', 'podid', 'clusterid', 'health', 'state', 'resourcestate', 'hypervisor'] as const;
/** The columns the server sorts listHosts by (column id -> sortby); CPU and memory sort by what is used now. */
const HOST_SORT_KEYS = {
  name: 'name',
  state: 'state',
  heartbeat: 'lastpinged',
  ipaddress: 'ipaddress',
  hypervisor: 'hypervisor',
  cpu: 'cpuused',
  memory: 'memoryused',
} satisfies Record<string, SortKey<'listHosts'>>;

const pct = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value * 10) / 10}%`);

const col = columnHelper<Host>();

/** Hosts: server-paged, virtualized (10k rows stay smooth), filtered by location, state and hypervisor. */
export function HostsPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const page = useInfraListPage({
    command: 'listHosts',
    sortKeys: HOST_SORT_KEYS,
    filters: FILTERS,
    params: (filters) => ({ type: 'Routing', ...filters }),
  });
  const [tagging, setTagging] = useState<Host | null>(null);
  const actions = useHostActions({ onEditTags: setTagging, onDeleted: page.closeIfOpen });
  const heartbeatWindow = useHeartbeatWindow();
  const readAt = page.query.dataUpdatedAt;

  const columns = useMemo<DataColumn<Host>[]>(
    () => [
      nameColumn(t('common.name'), 150),
      col.accessor((h) => `${h.state ?? ''} ${h.resourcestate ?? ''}`, {
        id: 'state',
        header: t('common.state'),
        size: 236,
        cell: (info) => (
          <LazyTooltip
            label={() =>
              t('infra.hosts.lastPing', { when: formatRelative(info.row.original.lastpinged, locale) || '—' })
            }
            openDelay={500}
          >
            <Group gap={4} wrap="nowrap">
              <StateBadge state={info.row.original.state} />
              <StateBadge state={info.row.original.resourcestate} />
            </Group>
          </LazyTooltip>
        ),
      }),
      col.accessor((h) => h.lastpinged ?? '', {
        id: 'heartbeat',
        header: t('hostDetails.column.heartbeat'),
        size: 112,
        // Gives way after the hypervisor, before the location and the address. Hosts that answered
        // in the same second still each need their own age: one of them may be late by the next read.
        meta: { priority: 2.5, keepWhenUniform: true },
        cell: (info) => (
          <HostHeartbeat
            host={info.row.original}
            windowMs={heartbeatWindow}
            asOf={readAt}
            testId={`heartbeat-${info.row.original.name}`}
            compact
          />
        ),
      }),
      col.accessor((h) => h.ipaddress ?? '', {
        id: 'ipaddress',
        header: t('infra.ipAddress'),
        size: 124,
        meta: { priority: 1 },
      }),
      col.accessor((h) => h.clustername ?? '', {
        id: 'cluster',
        header: t('infra.hosts.location'),
        meta: { priority: 2 },
        cell: (info) => (
          <LazyTooltip
            label={() => [info.row.original.zonename, info.row.original.podname, info.getValue()].join(' / ')}
            openDelay={500}
          >
            <span>
              <EntityLink path="/clusters" id={info.row.original.clusterid} name={info.getValue()} />
              <Text size="xs" c="dimmed" span>
                {' '}
                · {info.row.original.zonename}
              </Text>
            </span>
          </LazyTooltip>
        ),
      }),
      col.accessor((h) => h.hypervisor ?? '', {
        id: 'hypervisor',
        header: t('infra.hypervisor'),
        size: 104,
        meta: { priority: 3 },
      }),
      col.accessor((h) => parsePercent(h.cpuused) ?? -1, {
        id: 'cpu',
        header: t('hostDetails.column.cpu'),
        size: 150,
        cell: (info) => {
          const h = info.row.original;
          const used = parsePercent(h.cpuused);
          const allocated = hostCpuPercent(h);
          return (
            <UsageBar
              used={used}
              allocated={allocated}
              tooltip={t('hostDetails.usage.cpu', { used: pct(used), allocated: pct(allocated) })}
              testId={`cpu-${h.name}`}
            />
          );
        },
      }),
      col.accessor((h) => h.memoryused ?? -1, {
        id: 'memory',
        header: t('hostDetails.column.memory'),
        size: 164,
        cell: (info) => {
          const h = info.row.original;
          const used = ratioPercent(h.memoryused, h.memorytotal);
          const allocated = hostMemoryPercent(h);
          const total = h.memorytotal ? ` / ${formatBytes(h.memorytotal, locale)}` : '';
          return (
            <UsageBar
              used={used}
              allocated={allocated}
              tooltip={t('hostDetails.usage.memory', {
                used: `${formatBytes(h.memoryused ?? 0, locale)} (${pct(used)})`,
                allocated: `${formatBytes(h.memoryallocated ?? 0, locale)} (${pct(allocated)})${total}`,
              })}
              testId={`memory-${h.name}`}
            />
          );
        },
      }),
      actionsColumn(),
    ],
    [t, locale, heartbeatWindow, readAt],
  );

  return (
    <InfraListView
      page={page}
      title={t('infra.hosts.title')}
      searchPlaceholder={t('infra.hosts.search')}
      tableTestId="hosts-table"
      emptyText={t('infra.hosts.empty')}
      columns={columns}
      rowActions={actions.forHost}
      bulkActions={actions.forMany(page.selected)}
      selectable={can('updateHost')}
      addLabel={can('addHost') && t('infra.hosts.add')}
      health={
        <HostHealthStrip
          scope={{ zoneid: page.filters.zoneid, podid: page.filters.podid, clusterid: page.filters.clusterid }}
          filter={{ health: page.filters.health, onChange: page.list.set }}
        />
      }
      filters={
        <>
          <LocationFilters depth="cluster" filters={page.filters} onChange={page.list.set} />
          <EnumFilter
            label={t('common.state')}
            placeholder={t('infra.filter.anyState')}
            values={HOST_STATES}
            value={page.filters.state}
            onChange={(state) => page.list.set({ state })}
            width={120}
            testId="filter-state"
          />
          <EnumFilter
            label={t('infra.resourceState')}
            placeholder={t('infra.filter.anyResourceState')}
            values={HOST_RESOURCE_STATES}
            value={page.filters.resourcestate}
            onChange={(resourcestate) => page.list.set({ resourcestate })}
            width={160}
            testId="filter-resourcestate"
          />
          <PresetFilter
            name="hypervisor"
            value={page.filters.hypervisor}
            onChange={(hypervisor) => page.list.set({ hypervisor })}
            width={130}
          />
        </>
      }
      drawer={(id, fallback, close) => (
        <HostDrawer
          hostId={id}
          fallback={fallback}
          actionsFor={actions.forHost}
          onEditTags={setTagging}
          onClose={close}
        />
      )}
    >
      {page.adding && (
        <AddHostDialog initial={locationOf(page.filters)} onClose={() => page.setAdding(false)} onAdded={page.added} />
      )}
      {tagging && <EditHostTagsDialog host={tagging} onClose={() => setTagging(null)} />}
    </InfraListView>
  );
}
