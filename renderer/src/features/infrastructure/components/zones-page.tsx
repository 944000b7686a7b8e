import { Badge, Text } from '@mantine/core';
import { useMemo } from 'react';
import { columnHelper, type DataColumn } from '../../../components/data-table';
import type { Zone } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { navigate } from '../../../lib/router';
import { NETWORK_TYPES, oneOf } from '../lib/states';
import { useAllocationActions } from './allocation-actions';
import { actionsColumn, nameColumn, stateColumn } from './columns';
import { EnumFilter } from './list-frame';
import { InfraListView, useInfraListPage, type SortKey } from './list-page';
import { ZoneDrawer } from './zone-drawer';
import { enumLabel } from '../../../lib/enum-labels';

const FILTERS = ['networktype'] as const;
/** The columns the server sorts listZones by (column id -> sortby). */
const ZONE_SORT_KEYS = {
  name: 'name',
  allocationstate: 'allocationstate',
  networktype: 'networktype',
} satisfies Record<string, SortKey<'listZones'>>;

const col = columnHelper<Zone>();

/** Zones: network type, DNS, allocation state; the zone wizard adds new ones. */
export function ZonesPage() {
  const t = useT();
  const can = useCan();
  const page = useInfraListPage({
    command: 'listZones',
    sortKeys: ZONE_SORT_KEYS,
    filters: FILTERS,
    params: ({ networktype }) => ({ networktype: oneOf(NETWORK_TYPES, networktype) }),
  });
  const actions = useAllocationActions<Zone>({
    titles: { enable: t('infra.zones.enable'), disable: t('infra.zones.disable'), remove: t('infra.zones.delete') },
    path: '/zones',
    update: 'updateZone',
    remove: 'deleteZone',
    disableMessage: (z) => t('infra.zones.disableConfirm', { name: z.name }),
    deleteMessage: (z) => t('infra.zones.deleteConfirm', { name: z.name }),
    onDeleted: page.closeIfOpen,
  });

  const columns = useMemo<DataColumn<Zone>[]>(
    () => [
      nameColumn(t('common.name'), 200),
      stateColumn('allocationstate', t('infra.allocationState'), (z) => z.allocationstate, 120),
      col.accessor((z) => z.networktype ?? '', {
        id: 'networktype',
        header: t('infra.zones.networkType'),
        size: 134,
        meta: { priority: 1 },
        cell: (info) => <Badge variant="default">{enumLabel(t, 'networkType', info.getValue())}</Badge>,
      }),
      col.accessor((z) => [z.dns1, z.dns2].filter(Boolean).join(', '), {
        id: 'dns',
        header: t('infra.zones.dns'),
        size: 200,
        meta: { priority: 3 },
      }),
      col.accessor((z) => [z.internaldns1, z.internaldns2].filter(Boolean).join(', '), {
        id: 'internaldns',
        header: t('infra.zones.internalDns'),
        size: 200,
        meta: { priority: 4 },
      }),
      col.accessor((z) => z.guestcidraddress ?? '', {
        id: 'guestcidr',
        header: t('infra.zones.guestCidr'),
        size: 140,
        meta: { priority: 2 },
      }),
      col.accessor((z) => z.domainname ?? '', {
        id: 'domain',
        header: t('infra.zones.dedicatedDomain'),
        meta: { priority: 5 },
        cell: (info) =>
          info.getValue() || (
            <Text size="xs" c="dimmed" span>
              {t('infra.zones.public')}
            </Text>
          ),
      }),
      actionsColumn(),
    ],
    [t],
  );

  return (
    <InfraListView
      page={page}
      title={t('infra.zones.title')}
      searchPlaceholder={t('infra.zones.search')}
      tableTestId="zones-table"
      emptyText={t('infra.zones.empty')}
      columns={columns}
      rowActions={actions.forItem}
      bulkActions={actions.forMany(page.selected)}
      selectable={can('updateZone')}
      addLabel={can('createZone') && t('infra.zones.add')}
      onAdd={() => navigate('/zones/new')}
      filters={
        <EnumFilter
          label={t('infra.zones.networkType')}
          placeholder={t('infra.filter.anyNetworkType')}
          values={NETWORK_TYPES}
          value={page.filters.networktype}
          onChange={(networktype) => page.list.set({ networktype })}
          testId="filter-networktype"
        />
      }
      drawer={(id, fallback, close) => (
        <ZoneDrawer zoneId={id} fallback={fallback} actionsFor={actions.forItem} onClose={close} />
      )}
    />
  );
}
