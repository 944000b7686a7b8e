import { ActionIcon, Badge, Button, Group, Select, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArchive, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { RowSelectionState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useConfirm } from '../../../components/confirm-dialog';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { TablePager, usePageSize } from '../../../components/table-pager';
import type { Event as CloudEvent, Params } from '../../../lib/contract';
import { DATE_TIME_COLUMN_SIZE, formatTimestamp, useLocale, useT } from '../../../lib/i18n';
import { enumLabel, stateLabel } from '../../../lib/enum-labels';
import { useServerMessage } from '../../../lib/server-message';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { sortAmong, useUrlSort } from '../../../lib/list-sort';
import { useCan } from '../../../lib/permissions';
import { stateStyle } from '../../../lib/states';
import { useUiStore } from '../../../lib/ui-store';
import { useEventBulk } from '../api/event-mutations';
import { EVENT_LEVELS, useEvents, useEventTypes, type EventLevel } from '../api/get-events';

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
  const [page, setPage] = useState(1);
  const [pagesize, setPagesize] = usePageSize('events');
  const [type, setType] = useState<string | null>(null);
  const [level, setLevel] = useState<EventLevel | null>(null);
  const [keyword, setKeyword] = useState('');
  const [startdate, setStartdate] = useState('');
  const [enddate, setEnddate] = useState('');
  const [selection, setSelection] = useState<RowSelectionState>({});
  const { sort, setSort } = useUrlSort();
  const live = useUiStore((s) => s.eventsLive);
  const setLive = useUiStore((s) => s.setEventsLive);
  const liveStatus = useUiStore((s) => s.liveStatus);
  const events = useEvents({
    page,
    pagesize,
    type: type ?? undefined,
    level: level ?? undefined,
    keyword,
    startdate,
    enddate,
    ...sortAmong(sort, SORT_KEYS),
  });
  const types = useEventTypes();
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
          <Badge
            color={
              stateStyle(info.getValue() === 'ERROR' ? 'error' : info.getValue() === 'WARN' ? 'warn' : 'inactive').color
            }
            variant="light"
          >
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
      col.accessor((e) => e.username ?? '', { id: 'user', header: t('events.user'), size: 110 }),
      col.accessor((e) => e.account ?? '', { id: 'account', header: t('common.account'), size: 110 }),
      col.accessor((e) => e.domain ?? '', { id: 'domain', header: t('common.domain'), size: 100 }),
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
        <SearchInput
          value={keyword}
          placeholder={t('events.searchPlaceholder')}
          onChange={(v) => {
            setKeyword(v);
            reset();
          }}
          width={220}
        />
        <Select
          placeholder={t('events.anyType')}
          aria-label={t('events.type')}
          data={types.data ?? []}
          value={type}
          onChange={(v) => {
            setType(v);
            reset();
          }}
          searchable
          clearable
          w={220}
        />
        <Select<EventLevel>
          placeholder={t('events.anyLevel')}
          aria-label={t('events.level')}
          data={EVENT_LEVELS.map((value) => ({ value, label: enumLabel(t, 'eventLevel', value) }))}
          value={level}
          onChange={(v) => {
            setLevel(v);
            reset();
          }}
          clearable
          w={120}
        />
        <TextInput
          type="date"
          aria-label={t('events.from')}
          leftSection={
            <Text size="xs" c="dimmed">
              {t('events.from')}
            </Text>
          }
          leftSectionWidth={56}
          value={startdate}
          onChange={(e) => {
            setStartdate(e.currentTarget.value);
            reset();
          }}
          w={190}
        />
        <TextInput
          type="date"
          aria-label={t('events.to')}
          leftSection={
            <Text size="xs" c="dimmed">
              {t('events.to')}
            </Text>
          }
          leftSectionWidth={56}
          value={enddate}
          onChange={(e) => {
            setEnddate(e.currentTarget.value);
            reset();
          }}
          w={190}
        />
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
          onSort: (next) => {
            setSort(next);
            reset();
          },
        }}
        getRowId={(e) => e.id}
        loading={events.isFetching}
        selection={selection}
        onSelectionChange={can('archiveEvents') || can('deleteEvents') ? setSelection : undefined}
      />
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
