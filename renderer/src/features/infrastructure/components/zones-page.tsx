import { Badge, Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo } from 'react';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { StateBadge } from '../../../components/state-badge';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { navigate } from '../../../lib/router';
import { useInfraList } from '../api/queries';
import type { Zone } from '../api/types';
import { NETWORK_TYPES } from '../lib/states';
import { BulkBar, RowActionsCell, RowActionsContext, type ActionSpec } from './actions';
import { useAllocationActions } from './allocation-actions';
import { clearFilters, EnumFilter, ListFrame, useListControls, useListQuery } from './list-frame';
import { ZoneDrawer } from './zone-drawer';

const FILTERS = ['networktype'] as const;
const col = columnHelper<Zone>();

/** Zones: network type, DNS, allocation state; the zone wizard adds new ones. */
export function ZonesPage() {
  const t = useT();
  const can = useCan();
  const list = useListQuery(FILTERS);
  const { filters } = list;
  const controls = useListControls(list.signature);
  const actions = useAllocationActions<Zone>({
    titles: { enable: t('infra.zones.enable'), disable: t('infra.zones.disable'), remove: t('infra.zones.delete') },
    path: '/zones',
    update: 'updateZone',
    remove: 'deleteZone',
    disableMessage: (z) => t('infra.zones.disableConfirm', { name: z.name }),
    deleteMessage: (z) => t('infra.zones.deleteConfirm', { name: z.name }),
    onDeleted: (z) => list.id === z.id && list.set({ id: undefined }),
  });

  const zones = useInfraList<Zone>('listZones', 'zone', {
    page: controls.page,
    pagesize: controls.pagesize,
    keyword: controls.keyword,
    ...filters,
  });
  const items = useMemo(() => zones.data?.items ?? [], [zones.data]);
  const selected = items.filter((z) => controls.selection[z.id]);

  const columns = useMemo<DataColumn<Zone>[]>(
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
      col.accessor((z) => z.allocationstate ?? '', {
        id: 'allocationstate',
        header: t('infra.allocationState'),
        size: 120,
        cell: (info) => <StateBadge state={info.getValue()} />,
      }),
      col.accessor((z) => z.networktype ?? '', {
        id: 'networktype',
        header: t('infra.zones.networkType'),
        size: 134,
        cell: (info) => <Badge variant="default">{info.getValue()}</Badge>,
      }),
      col.accessor((z) => [z.dns1, z.dns2].filter(Boolean).join(', '), {
        id: 'dns',
        header: t('infra.zones.dns'),
        size: 200,
      }),
      col.accessor((z) => [z.internaldns1, z.internaldns2].filter(Boolean).join(', '), {
        id: 'internaldns',
        header: t('infra.zones.internalDns'),
        size: 200,
      }),
      col.accessor((z) => z.guestcidraddress ?? '', { id: 'guestcidr', header: t('infra.zones.guestCidr'), size: 140 }),
      col.accessor((z) => z.domainname ?? '', {
        id: 'domain',
        header: t('infra.zones.dedicatedDomain'),
        cell: (info) =>
          info.getValue() || (
            <Text size="xs" c="dimmed" span>
              {t('infra.zones.public')}
            </Text>
          ),
      }),
      col.display({ id: 'actions', header: '', size: 44, cell: (info) => <RowActionsCell row={info.row.original} /> }),
    ],
    [t],
  );

  return (
    <RowActionsContext.Provider value={actions.forItem as (row: never) => ActionSpec[]}>
      <ListFrame
        title={t('infra.zones.title')}
        total={zones.data?.count}
        keyword={controls.keyword}
        onKeyword={controls.setKeyword}
        searchPlaceholder={t('infra.zones.search')}
        onRefresh={() => void zones.refetch()}
        refreshing={zones.isFetching}
        actions={
          can('createZone') && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => navigate('/zones/new')}>
              {t('infra.zones.add')}
            </Button>
          )
        }
        filters={
          <EnumFilter
            label={t('infra.zones.networkType')}
            placeholder={t('infra.filter.anyNetworkType')}
            values={NETWORK_TYPES}
            value={filters.networktype}
            onChange={(networktype) => list.set({ networktype })}
            testId="filter-networktype"
          />
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
        error={zones.error}
        page={controls.page}
        pagesize={controls.pagesize}
        onPage={controls.setPage}
        onPageSize={controls.setPagesize}
      >
        <DataTable
          label={t('infra.zones.title')}
          testId="zones-table"
          data={items}
          columns={columns}
          getRowId={(z) => z.id}
          loading={zones.isFetching}
          selection={controls.selection}
          onSelectionChange={can('updateZone') ? controls.setSelection : undefined}
          onRowClick={(z) => list.set({ id: z.id })}
          activeRowId={list.id}
          emptyText={list.active || controls.keyword ? t('infra.emptyFiltered') : t('infra.zones.empty')}
        />
      </ListFrame>
      {list.id && (
        <ZoneDrawer
          zoneId={list.id}
          fallback={items.find((z) => z.id === list.id)}
          actionsFor={actions.forItem}
          onClose={() => list.set({ id: undefined })}
        />
      )}
    </RowActionsContext.Provider>
  );
}
