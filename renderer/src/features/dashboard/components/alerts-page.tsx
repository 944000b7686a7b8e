import { ActionIcon, Badge, Button, Chip, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useCallbackRef } from '@mantine/hooks';
import { IconArchive, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
import { ClearFiltersButton } from '../../../components/clear-filters-button';
import { useConfirm } from '../../../components/confirm-dialog';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { TablePager, usePageSize } from '../../../components/table-pager';
import type { Alert, Params } from '../../../lib/contract';
import { DATE_TIME_COLUMN_SIZE, formatTimestamp, useLocale, useT } from '../../../lib/i18n';
import { useServerMessage } from '../../../lib/server-message';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { sortAmong } from '../../../lib/list-sort';
import { useListQuery } from '../../../lib/list-query';
import { useCurrentUser } from '../../../lib/session';
import { useAlertBulk, useAlerts } from '../api/dashboard-queries';
import { ALERT_TYPE_CODES, alertTypeKey } from '../lib/alert-types';
import { AlertResourceLink, AlertRowMenu } from './alert-actions';
import { AlertDrawer } from './alert-drawer';

/** Every filter of the alerts list, each a URL query entry (`#/alerts?type=7&acknowledged=false`). */
const ALERT_FILTERS = ['type', 'keyword', 'acknowledged', 'assigneeid'] as const;

/** Acknowledged or new, and who owns the alert, at a glance. */
function HandlingBadges({ alert }: { alert: Alert }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap" data-testid="alert-handling">
      {alert.acknowledged ? (
        <Tooltip label={alert.acknowledgedby ?? ''} disabled={!alert.acknowledgedby}>
          <Badge color="gray" variant="light">
            {t('alerts.acknowledged')}
          </Badge>
        </Tooltip>
      ) : (
        <Badge color="yellow" variant="outline">
          {t('alerts.new')}
        </Badge>
      )}
      {alert.assignee && (
        <Badge color="blue" variant="light" tt="none">
          {t('alerts.assignedTo', { user: alert.assignee })}
        </Badge>
      )}
    </Group>
  );
}

const col = columnHelper<Alert>();
/** The columns the server sorts alerts by (column id -> sortby); without a sort, most recent first. */
const SORT_KEYS = { sent: 'sent', type: 'type' } satisfies Record<string, NonNullable<Params<'listAlerts'>['sortby']>>;
const EMPTY: Alert[] = [];

/**
 * Alerts (listAlerts): server-paged, filtered (in the URL) by type, keyword, acknowledgement and
 * assignee; each links to what it is about and opens in a drawer; archived or deleted in bulk too.
 */
export function AlertsPage() {
  const t = useT();
  const describe = useServerMessage();
  const locale = useLocale();
  const can = useCan();
  const confirm = useConfirm();
  const me = useCurrentUser();
  const list = useListQuery(ALERT_FILTERS);
  const { filters, sort } = list;
  const [page, setPage] = useState(1);
  const [pagesize, setPagesize] = usePageSize('alerts');
  const [selection, setSelection] = useState<RowSelectionState>({});
  // A new filter or sort starts again at page 1 with nothing selected.
  const [signature, setSignature] = useState(list.signature);
  if (signature !== list.signature) {
    setSignature(list.signature);
    setPage(1);
    setSelection({});
  }
  const alerts = useAlerts({
    page,
    pagesize,
    type: filters.type,
    keyword: filters.keyword,
    acknowledged: filters.acknowledged === undefined ? undefined : filters.acknowledged === 'true',
    assigneeid: filters.assigneeid,
    ...sortAmong(sort, SORT_KEYS),
  });
  const bulk = useAlertBulk();
  // Stable for the memoized columns: the row menu's "Assign" opens the alert's drawer.
  const open = useCallbackRef((id: string) => list.show(id));
  const reset = () => {
    setPage(1);
    setSelection({});
  };

  const typeName = useCallback(
    (code: number) => {
      const key = alertTypeKey(code);
      return key ? t(key) : String(code);
    },
    [t],
  );

  const columns = useMemo<DataColumn<Alert>[]>(
    () => [
      col.accessor('sent', {
        header: t('alerts.sent'),
        size: DATE_TIME_COLUMN_SIZE,
        cell: (info) => formatTimestamp(info.getValue(), locale),
      }),
      col.accessor((a) => Number(a.type), {
        id: 'type',
        header: t('alerts.type'),
        size: 200,
        cell: (info) => (
          <Tooltip label={`${info.row.original.name ?? ''} (${info.getValue()})`} openDelay={500}>
            <Badge color="yellow" variant="light" data-alert-type={info.getValue()}>
              {typeName(info.getValue())}
            </Badge>
          </Tooltip>
        ),
      }),
      col.display({
        id: 'resource',
        header: t('alerts.resource'),
        size: 150,
        cell: (info) => <AlertResourceLink alert={info.row.original} inText />,
      }),
      col.accessor((a) => describe(a.descriptionkey, a.descriptionparams, a.description), {
        id: 'description',
        header: t('common.description'),
        cell: (info) => (
          <Tooltip label={info.getValue()} openDelay={600} multiline maw={520}>
            <span>{info.getValue()}</span>
          </Tooltip>
        ),
      }),
      col.display({
        id: 'handling',
        header: t('alerts.status'),
        size: 190,
        cell: (info) => <HandlingBadges alert={info.row.original} />,
      }),
      col.display({
        id: 'actions',
        header: '',
        size: 48,
        cell: (info) => <AlertRowMenu alert={info.row.original} onAssign={() => open(info.row.original.id)} />,
      }),
    ],
    [t, locale, typeName, open, describe],
  );

  const ids = Object.keys(selection).filter((id) => selection[id]);
  const runBulk = async (action: 'archive' | 'delete') => {
    const ok = await confirm({
      title: t(action === 'archive' ? 'alerts.archive' : 'alerts.delete'),
      message: t(action === 'archive' ? 'alerts.archiveConfirm' : 'alerts.deleteConfirm', { count: ids.length }),
      confirmLabel: t(action === 'archive' ? 'alerts.archive' : 'alerts.delete'),
      danger: action === 'delete',
    });
    if (!ok.confirmed) return;
    try {
      await bulk.mutateAsync({ action, ids });
      notifySuccess(t(action === 'archive' ? 'alerts.archived' : 'alerts.deleted', { count: ids.length }));
      setSelection({});
    } catch (error) {
      notifyError(error);
    }
  };

  const canChange = can('archiveAlerts') || can('deleteAlerts');

  return (
    <Stack gap={0} h="100%">
      <PageHeader title={t('alerts.title')} count={alerts.data?.count}>
        <ActionIcon onClick={() => void alerts.refetch()} aria-label={t('common.refresh')} loading={alerts.isFetching}>
          <IconRefresh size={16} />
        </ActionIcon>
      </PageHeader>
      <Group gap="xs" mb={6} wrap="wrap">
        <SearchInput
          value={filters.keyword ?? ''}
          placeholder={t('alerts.searchPlaceholder')}
          onChange={(v) => list.set({ keyword: v || undefined })}
          width={240}
        />
        <Select
          placeholder={t('alerts.anyType')}
          aria-label={t('alerts.type')}
          data={ALERT_TYPE_CODES.map((code) => ({ value: String(code), label: typeName(code) }))}
          value={filters.type ?? null}
          onChange={(v) => list.set({ type: v ?? undefined })}
          searchable
          clearable
          w={240}
          data-testid="alert-type-filter"
        />
        <Select
          placeholder={t('alerts.filter.ack')}
          aria-label={t('alerts.filter.ack')}
          data={[
            { value: 'false', label: t('alerts.filter.ack.false') },
            { value: 'true', label: t('alerts.filter.ack.true') },
          ]}
          value={filters.acknowledged ?? null}
          onChange={(v) => list.set({ acknowledged: v ?? undefined })}
          clearable
          w={170}
          data-testid="alert-ack-filter"
        />
        <Chip
          size="xs"
          checked={filters.assigneeid === me.userid}
          onChange={(on) => list.set({ assigneeid: on ? me.userid : undefined })}
          data-testid="alert-mine-filter"
        >
          {t('alerts.filter.mine')}
        </Chip>
        <ClearFiltersButton active={list.active} onClear={list.clear} />
        {ids.length > 0 && (
          <Group gap={6} ml="auto" data-testid="bulk-bar">
            <Text size="xs" c="dimmed">
              {t('common.selected', { count: ids.length })}
            </Text>
            {can('archiveAlerts') && (
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconArchive size={12} />}
                onClick={() => void runBulk('archive')}
              >
                {t('alerts.archive')}
              </Button>
            )}
            {can('deleteAlerts') && (
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                leftSection={<IconTrash size={12} />}
                onClick={() => void runBulk('delete')}
              >
                {t('alerts.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {alerts.error && <ErrorAlert error={alerts.error} />}
      <DataTable
        label={t('alerts.title')}
        testId="alerts-table"
        data={alerts.data?.items ?? EMPTY}
        columns={columns}
        sorting={{
          mode: 'server',
          keys: SORT_KEYS,
          sort,
          onSort: list.setSort,
        }}
        getRowId={(a) => a.id}
        onRowClick={(a) => list.show(a.id)}
        activeRowId={list.id}
        loading={alerts.isFetching}
        emptyText={t('alerts.empty')}
        selection={selection}
        onSelectionChange={canChange ? setSelection : undefined}
      />
      {list.id && <AlertDrawer id={list.id} onClose={() => list.show(undefined)} />}
      <TablePager
        page={page}
        pageSize={pagesize}
        total={alerts.data?.count ?? 0}
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
