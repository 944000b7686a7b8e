import { Badge, Button, Stack, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useInfraList, useInfraOne } from '../api/queries';
import type { ImageStore } from '../api/types';
import { BulkBar, RowActionsCell, RowActionsContext, useRunAction, type ActionSpec } from './actions';
import { DetailDrawer, EntityLink } from './detail-drawer';
import { useFieldRows, type FieldSpec } from './fields';
import { clearFilters, EnumFilter, ListFrame, useListControls, useListQuery, ZoneFilter } from './list-frame';
import { PoolBar } from './pool-bar';
import { PropertyTable } from './property-table';
import { AddImageStoreDialog } from './storage-dialogs';
import classes from './infra.module.css';

const FILTERS = ['zoneid', 'protocol', 'provider'] as const;
const col = columnHelper<ImageStore>();

const FIELDS: FieldSpec<ImageStore>[] = [
  ['id', 'common.id', 'id'],
  ['name', 'common.name'],
  ['zonename', 'infra.zone', (s) => <EntityLink path="/zones" id={s.zoneid} name={s.zonename} />],
  ['zoneid', 'infra.field.zoneId', 'id'],
  ['url', 'infra.storage.url'],
  ['protocol', 'infra.imageStores.protocol'],
  ['providername', 'infra.storage.provider'],
  ['scope', 'infra.storage.scope'],
  ['readonly', 'infra.imageStores.readonly', 'bool'],
  ['disksizetotal', 'infra.storage.total', 'bytes'],
  ['disksizeused', 'infra.storage.used', 'bytes'],
];

function useImageStoreActions(onDeleted: (store: ImageStore) => void) {
  const t = useT();
  const can = useCan();
  const run = useRunAction();
  const removeRun = (s: ImageStore) => ({
    command: 'deleteImageStore' as const,
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
  const list = useListQuery(FILTERS);
  const { filters } = list;
  const controls = useListControls(list.signature);
  const [adding, setAdding] = useState(false);
  const actions = useImageStoreActions((s) => list.id === s.id && list.set({ id: undefined }));

  const stores = useInfraList<ImageStore>('listImageStores', 'imagestore', {
    page: controls.page,
    pagesize: controls.pagesize,
    keyword: controls.keyword,
    ...filters,
  });
  const items = useMemo(() => stores.data?.items ?? [], [stores.data]);
  const selected = items.filter((s) => controls.selection[s.id]);

  const columns = useMemo<DataColumn<ImageStore>[]>(
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
      col.accessor((s) => s.zonename ?? '', {
        id: 'zone',
        header: t('infra.zone'),
        size: 150,
        cell: (info) => <EntityLink path="/zones" id={info.row.original.zoneid} name={info.getValue()} />,
      }),
      col.accessor((s) => s.url ?? '', {
        id: 'url',
        header: t('infra.storage.url'),
        cell: (info) => (
          <Text size="xs" ff="monospace" span>
            {info.getValue()}
          </Text>
        ),
      }),
      col.accessor((s) => s.protocol ?? '', { id: 'protocol', header: t('infra.imageStores.protocol'), size: 90 }),
      col.accessor((s) => s.providername ?? '', { id: 'provider', header: t('infra.storage.provider'), size: 100 }),
      col.accessor((s) => s.scope ?? '', { id: 'scope', header: t('infra.storage.scope'), size: 80 }),
      col.accessor((s) => (s.readonly ? 1 : 0), {
        id: 'readonly',
        header: t('infra.imageStores.readonly'),
        size: 100,
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
      col.display({ id: 'actions', header: '', size: 44, cell: (info) => <RowActionsCell row={info.row.original} /> }),
    ],
    [t],
  );

  return (
    <RowActionsContext.Provider value={actions.forStore as (row: never) => ActionSpec[]}>
      <ListFrame
        title={t('infra.imageStores.title')}
        total={stores.data?.count}
        keyword={controls.keyword}
        onKeyword={controls.setKeyword}
        searchPlaceholder={t('infra.imageStores.search')}
        onRefresh={() => void stores.refetch()}
        refreshing={stores.isFetching}
        actions={
          can('addImageStore') && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
              {t('infra.imageStores.add')}
            </Button>
          )
        }
        filters={
          <>
            <ZoneFilter value={filters.zoneid} onChange={(zoneid) => list.set({ zoneid })} />
            <EnumFilter
              label={t('infra.imageStores.protocol')}
              placeholder={t('infra.filter.anyProtocol')}
              values={['nfs', 'file']}
              value={filters.protocol}
              onChange={(protocol) => list.set({ protocol })}
              width={130}
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
        error={stores.error}
        page={controls.page}
        pagesize={controls.pagesize}
        onPage={controls.setPage}
        onPageSize={controls.setPagesize}
      >
        <DataTable
          label={t('infra.imageStores.title')}
          testId="image-stores-table"
          data={items}
          columns={columns}
          getRowId={(s) => s.id}
          loading={stores.isFetching}
          selection={controls.selection}
          onSelectionChange={can('deleteImageStore') ? controls.setSelection : undefined}
          onRowClick={(s) => list.set({ id: s.id })}
          activeRowId={list.id}
          emptyText={list.active || controls.keyword ? t('infra.emptyFiltered') : t('infra.imageStores.empty')}
        />
      </ListFrame>
      {list.id && (
        <ImageStoreDrawer
          storeId={list.id}
          fallback={items.find((s) => s.id === list.id)}
          actionsFor={actions.forStore}
          onClose={() => list.set({ id: undefined })}
        />
      )}
      {adding && (
        <AddImageStoreDialog
          zoneId={filters.zoneid}
          onClose={() => setAdding(false)}
          onAdded={(store) => {
            setAdding(false);
            if (store?.id) list.set({ id: store.id });
          }}
        />
      )}
    </RowActionsContext.Provider>
  );
}

function ImageStoreDrawer(props: {
  storeId: string;
  fallback?: ImageStore;
  actionsFor(store: ImageStore): ActionSpec[];
  onClose(): void;
}) {
  const t = useT();
  const query = useInfraOne<ImageStore>('listImageStores', 'imagestore', props.storeId);
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
