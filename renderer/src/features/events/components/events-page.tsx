import { ActionIcon, Badge, Button, Group, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useConfirm } from '../../../components/confirm-dialog';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { TablePager, usePageSize } from '../../../components/table-pager';
import type { Event as CloudEvent, Params } from '../../../lib/contract';
import { DATE_TIME_COLUMN_SIZE, formatTimestamp, useLocale, useT } from '../../../lib/i18n';
import { enumLabel, stateLabel } from '../../../lib/enum-labels';
import { useServerMessage } from '../../../lib/server-message';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { sortAmong } from '../../../lib/list-sort';
import { useListQuery } from '../../../lib/list-query';
import { useCan } from '../../../lib/permissions';
import { useUiStore } from '../../../lib/ui-store';
import { useEventBulk } from '../api/event-mutations';
import { EVENT_LEVELS, useEvents } from '../api/get-events';
import { EventDrawer, levelColor } from './event-drawer';
import { EVENT_FILTERS, EventFilters } from './event-filters';

const col = columnHelper<CloudEvent>();
/** The columns the server sorts events by (column id -> sortby); without a sort, newest first. */
const SORT_KEYS = { level: 'level', type: 'type', created: 'created' } satisfies Record<
  string,
  NonNullable<Params<'listEvents'>['sortby']>
>;
const EMPTY: CloudEvent[] = [];

export function EventsPage() {
  const t = useT();
  const describe = useServerMessage();
  const locale = useLocale();
  const can = useCan();
  const confirm = useConfirm();
  const list = useListQuery(EVENT_FILTERS);
  const { filters, sort } = list;
  const [page, setPage] = useState(1);
  const [pagesize, setPagesize] = usePageSize('events');
  const [selection, setSelection] = useState<RowSelectionState>({});
  // A new filter or sort starts again at page 1 with nothing selected.
  const [signature, setSignature] = useState(list.signature);
  if (signature !== list.signature) {
    setSignature(list.signature);
    setPage(1);
    setSelection({});
  }
  const live = useUiStore((s) => s.eventsLive);
  const setLive = useUiStore((s) => s.setEventsLive);
  const liveStatus = useUiStore((s) => s.liveStatus);
  const events = useEvents({
    page,
    pagesize,
    type: filters.type,
    level: EVENT_LEVELS.find((l) => l === filters.level),
    keyword: filters.keyword,
    startdate: filters.startdate,
    enddate: filters.enddate,
    resourcetype: filters.resourcetype,
    resourceid: filters.resourceid,
    ...sortAmong(sort, SORT_KEYS),
  });
  const bulk = useEventBulk();
  const reset = () => {
    setPage(1);
    setSelection({});
  };

  const columns = useMemo<DataColumn<CloudEvent>[]>(
    () => [
      col.accessor('level', {
        header: t('events.level'),
        size: 80,
        cell: (info) => (
          <Badge color={levelColor(info.getValue())} variant="light">
            {enumLabel(t, 'eventLevel', info.getValue())}
          </Badge>
        ),
      }),
      col.accessor('type', {
        header: t('events.type'),
        size: 170,
        cell: (info) => (
          <Text size="xs" ff="monospace" span>
            {info.getValue()}
          </Text>
        ),
      }),
      col.accessor((e) => describe(e.descriptionkey, e.descriptionparams, e.description), {
        id: 'description',
        header: t('common.description'),
        cell: (info) => (
          <Tooltip label={info.getValue()} openDelay={600} multiline maw={480}>
            <span>{info.getValue()}</span>
          </Tooltip>
        ),
      }),
      col.accessor((e) => (e.state ? stateLabel(t, e.state) : ''), {
        id: 'state',
        header: t('common.state'),
        size: 90,
      }),
      col.accessor((e) => e.username ?? '', { id: 'user', header: t('events.user'), size: 110, meta: { priority: 1 } }),
      col.accessor((e) => e.account ?? '', {
        id: 'account',
        header: t('common.account'),
        size: 110,
        meta: { priority: 2 },
      }),
      col.accessor((e) => e.domain ?? '', {
        id: 'domain',
        header: t('common.domain'),
        size: 100,
        meta: { priority: 3 },
      }),
      col.accessor('created', {
        header: t('common.created'),
        size: DATE_TIME_COLUMN_SIZE,
        cell: (info) => formatTimestamp(info.getValue(), locale),
      }),
    ],
    [t, locale, describe],
  );

  const ids = Object.keys(selection).filter((id) => selection[id]);
  const runBulk = async (action: 'archive' | 'delete') => {
    const ok = await confirm({
      title: action === 'archive' ? t('events.archive') : t('events.delete'),
      message: t(action === 'archive' ? 'events.archiveConfirm' : 'events.deleteConfirm', { count: ids.length }),
      confirmLabel: action === 'archive' ? t('events.archive') : t('events.delete'),
      danger: action === 'delete',
    });
    if (!ok.confirmed) return;
    try {
      await bulk.mutateAsync({ action, ids });
      notifySuccess(t(action === 'archive' ? 'events.archived' : 'events.deleted', { count: ids.length }));
      setSelection({});
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack gap={0} h="100%">
      <PageHeader title={t('events.title')} count={events.data?.count}>
        <Switch
          label={liveStatus === 'open' && live ? t('events.live') : t('events.livePaused')}
          checked={live}
          onChange={(e) => {
            setLive(e.currentTarget.checked);
            if (e.currentTarget.checked) void events.refetch();
          }}
          color="green"
        />
        <ActionIcon onClick={() => void events.refetch()} aria-label={t('common.refresh')} loading={events.isFetching}>
          <IconRefresh size={16} />
        </ActionIcon>
      </PageHeader>
      <Group gap="xs" mb={6} wrap="wrap">
        <EventFilters list={list} />
        {ids.length > 0 && (
          <Group gap={6} ml="auto" data-testid="bulk-bar">
            <Text size="xs" c="dimmed">
              {t('common.selected', { count: ids.length })}
            </Text>
            {can('archiveEvents') && (
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconArchive size={12} />}
                onClick={() => void runBulk('archive')}
              >
                {t('events.archive')}
              </Button>
            )}
            {can('deleteEvents') && (
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                leftSection={<IconTrash size={12} />}
                onClick={() => void runBulk('delete')}
              >
                {t('events.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {events.error && <ErrorAlert error={events.error} />}
      <DataTable
        label={t('events.title')}
        testId="events-table"
        data={events.data?.items ?? EMPTY}
        columns={columns}
        sorting={{
          mode: 'server',
          keys: SORT_KEYS,
          sort,
          onSort: list.setSort,
        }}
        getRowId={(e) => e.id}
        onRowClick={(e) => list.show(e.id)}
        activeRowId={list.id}
        loading={events.isFetching}
        selection={selection}
        onSelectionChange={can('archiveEvents') || can('deleteEvents') ? setSelection : undefined}
      />
      {list.id && (
        <EventDrawer
          id={list.id}
          onClose={() => list.show(undefined)}
          onFilterResource={(e) => list.set({ resourcetype: e.resourcetype, resourceid: e.resourceid, id: undefined })}
        />
      )}
      <TablePager
        page={page}
        pageSize={pagesize}
        total={events.data?.count ?? 0}
        onPage={(p) => {
          setPage(p);
          setSelection({});
        }}
        onPageSize={(s) => {
          setPagesize(s);
          reset();
        }}
      />
    </Stack>
  );
}
