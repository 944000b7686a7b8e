import { Badge, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { columnHelper, type DataColumn } from '../../../components/data-table';
import type { ImageStore } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import type { CommandRun } from '../api/commands';
import { useInfraOne } from '../api/queries';
import { useRunAction, type ActionSpec } from './actions';
import { actionsColumn, linkColumn, nameColumn, urlColumn } from './columns';
import { DetailDrawer, EntityLink } from './detail-drawer';
import { useFieldRows, type FieldSpec } from './fields';
import { EnumFilter, LocationFilters } from './list-frame';
import { InfraListView, useInfraListPage, type SortKey } from './list-page';
import { PoolBar } from './pool-bar';
import { PropertyTable } from './property-table';
import { AddImageStoreDialog } from './storage-dialogs';
import classes from './infra.module.css';
import { enumLabel } from '../../../lib/enum-labels';

const FILTERS = ['zoneid', 'protocol', 'provider'] as const;
/** The columns the server sorts listImageStores by (column id -> sortby). */
const STORE_SORT_KEYS = { name: 'name', protocol: 'protocol', provider: 'provider', scope: 'scope' } satisfies Record<
  string,
  SortKey<'listImageStores'>
>;

const col = columnHelper<ImageStore>();

const FIELDS: FieldSpec<ImageStore>[] = [
  ['id', 'common.id', 'id'],
  ['name', 'common.name'],
  ['zonename', 'infra.zone', (s) => <EntityLink path="/zones" id={s.zoneid} name={s.zonename} />],
  ['zoneid', 'infra.field.zoneId', 'id'],
  ['url', 'infra.storage.url'],
  ['protocol', 'infra.imageStores.protocol'],
  ['providername', 'infra.storage.provider'],
  ['scope', 'infra.storage.scope', 'storageScope'],
  ['readonly', 'infra.imageStores.readonly', 'bool'],
  ['disksizetotal', 'infra.storage.total', 'bytes'],
  ['disksizeused', 'infra.storage.used', 'bytes'],
];

function useImageStoreActions(onDeleted: (store: ImageStore) => void) {
  const t = useT();
  const can = useCan();
  const run = useRunAction();
  const removeRun = (s: ImageStore): CommandRun<'deleteImageStore'> => ({
    command: 'deleteImageStore',
    params: { id: s.id },
    title: `${t('infra.imageStores.delete')}: ${s.name}`,
    link: '#/secondary-storage',
  });
  const forStore = (store: ImageStore): ActionSpec[] =>
    can('deleteImageStore')
      ? [
          {
            key: 'delete',
            label: t('common.delete'),
            icon: <IconTrash size={14} />,
            danger: true,
            run: async () => {
              const outcomes = await run([removeRun(store)], {
                title: t('infra.imageStores.delete'),
                message: t('infra.imageStores.deleteConfirm', { name: store.name }),
                confirmLabel: t('common.delete'),
                danger: true,
              });
              if (outcomes && outcomes.length > 0) onDeleted(store);
            },
          },
        ]
      : [];
  const forMany = (stores: ImageStore[]): ActionSpec[] =>
    can('deleteImageStore')
      ? [
          {
            key: 'delete',
            label: t('common.delete'),
            icon: <IconTrash size={12} />,
            danger: true,
            run: () =>
              run(stores.map(removeRun), {
                title: t('infra.imageStores.delete'),
                message: t('infra.imageStores.deleteMany', { count: stores.length }),
                confirmLabel: t('common.delete'),
                danger: true,
              }),
          },
        ]
      : [];
  return { forStore, forMany };
}

/** Secondary storage (image stores): zone, URL, provider and capacity; add and delete. */
export function SecondaryStoragePage() {
  const t = useT();
  const can = useCan();
  const page = useInfraListPage({
    command: 'listImageStores',
    sortKeys: STORE_SORT_KEYS,
    filters: FILTERS,
    params: (filters) => ({ ...filters }),
  });
  const actions = useImageStoreActions(page.closeIfOpen);

  const columns = useMemo<DataColumn<ImageStore>[]>(
    () => [
      nameColumn(t('common.name'), 200),
      {
        ...linkColumn('zone', t('infra.zone'), '/zones', (s) => ({ id: s.zoneid, name: s.zonename }), 150),
        meta: { priority: 1 },
      },
      { ...urlColumn(t('infra.storage.url'), (s) => s.url ?? ''), meta: { priority: 2 } },
      col.accessor((s) => s.protocol ?? '', {
        id: 'protocol',
        header: t('infra.imageStores.protocol'),
        size: 90,
        meta: { priority: 4 },
      }),
      col.accessor((s) => s.providername ?? '', {
        id: 'provider',
        header: t('infra.storage.provider'),
        size: 100,
        meta: { priority: 5 },
      }),
      col.accessor((s) => enumLabel(t, 'storageScope', s.scope), {
        id: 'scope',
        header: t('infra.storage.scope'),
        size: 96,
        meta: { priority: 6 },
      }),
      col.accessor((s) => (s.readonly ? 1 : 0), {
        id: 'readonly',
        header: t('infra.imageStores.readonly'),
        size: 100,
        meta: { priority: 3 },
        cell: (info) =>
          info.getValue() ? (
            <Badge color="yellow">{t('infra.imageStores.readonly')}</Badge>
          ) : (
            <Text size="xs" c="dimmed" span>
              {t('common.no')}
            </Text>
          ),
      }),
      col.accessor((s) => s.disksizeused ?? 0, {
        id: 'used',
        header: t('infra.storage.used'),
        size: 190,
        cell: (info) => (
          <PoolBar compact used={info.row.original.disksizeused} total={info.row.original.disksizetotal} />
        ),
      }),
      actionsColumn(),
    ],
    [t],
  );

  return (
    <InfraListView
      page={page}
      title={t('infra.imageStores.title')}
      searchPlaceholder={t('infra.imageStores.search')}
      tableTestId="image-stores-table"
      emptyText={t('infra.imageStores.empty')}
      columns={columns}
      rowActions={actions.forStore}
      bulkActions={actions.forMany(page.selected)}
      selectable={can('deleteImageStore')}
      addLabel={can('addImageStore') && t('infra.imageStores.add')}
      filters={
        <>
          <LocationFilters depth="zone" filters={page.filters} onChange={page.list.set} />
          <EnumFilter
            label={t('infra.imageStores.protocol')}
            placeholder={t('infra.filter.anyProtocol')}
            values={['nfs', 'file']}
            value={page.filters.protocol}
            onChange={(protocol) => page.list.set({ protocol })}
            width={130}
          />
        </>
      }
      drawer={(id, fallback, close) => (
        <ImageStoreDrawer storeId={id} fallback={fallback} actionsFor={actions.forStore} onClose={close} />
      )}
    >
      {page.adding && (
        <AddImageStoreDialog zoneId={page.filters.zoneid} onClose={() => page.setAdding(false)} onAdded={page.added} />
      )}
    </InfraListView>
  );
}

function ImageStoreDrawer(props: {
  storeId: string;
  fallback?: ImageStore;
  actionsFor(store: ImageStore): ActionSpec[];
  onClose(): void;
}) {
  const t = useT();
  const query = useInfraOne('listImageStores', { id: props.storeId });
  const store = query.data ?? props.fallback;
  const rows = useFieldRows(store, FIELDS);
  return (
    <DetailDrawer
      kind={t('infra.imageStores.kind')}
      testId="image-store-drawer"
      resourceId={props.storeId}
      name={store?.name}
      loading={query.isLoading}
      error={query.error}
      onClose={props.onClose}
      badges={store?.readonly ? <Badge color="yellow">{t('infra.imageStores.readonly')}</Badge> : undefined}
      subtitle={
        store && (
          <Text size="xs" ff="monospace" span>
            {store.url}
          </Text>
        )
      }
      actions={store ? props.actionsFor(store) : []}
      tabs={[
        {
          value: 'details',
          label: t('common.details'),
          content: store && (
            <Stack gap="sm">
              <div className={classes.section}>
                <Text size="xs" c="dimmed" mb={4}>
                  {t('infra.storage.used')}
                </Text>
                <PoolBar used={store.disksizeused} total={store.disksizetotal} />
              </div>
              <PropertyTable rows={rows} />
            </Stack>
          ),
        },
      ]}
    />
  );
}
