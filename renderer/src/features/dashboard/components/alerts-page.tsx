import { ActionIcon, Badge, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { RowSelectionState } from '@tanstack/react-table';
import { useCallback, useMemo, useState } from 'react';
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
import { sortAmong, sortQuery, useUrlSort } from '../../../lib/list-sort';
import { replaceQuery, useLocation } from '../../../lib/router';
import { useAlertBulk, useAlerts } from '../api/dashboard-queries';
import { ALERT_TYPE_CODES, alertTypeKey } from '../lib/alert-types';

const col = columnHelper<Alert>();
/** The columns the server sorts alerts by (column id -> sortby); without a sort, most recent first. */
const SORT_KEYS = { sent: 'sent', type: 'type' } satisfies Record<string, NonNullable<Params<'listAlerts'>['sortby']>>;
const EMPTY: Alert[] = [];

/** Alerts (listAlerts): server-paged, filtered by type and keyword, archived or deleted in bulk. */
export function AlertsPage() {
  const t = useT();
  const describe = useServerMessage();
  const locale = useLocale();
  const can = useCan();
  const confirm = useConfirm();
  const { query } = useLocation();
  const type = query.get('type') || null;
  const [page, setPage] = useState(1);
  const [pagesize, setPagesize] = usePageSize('alerts');
  const [keyword, setKeyword] = useState('');
  const [selection, setSelection] = useState<RowSelectionState>({});
  const { sort, setSort } = useUrlSort();
  const alerts = useAlerts({ page, pagesize, type: type ?? undefined, keyword, ...sortAmong(sort, SORT_KEYS) });
  const bulk = useAlertBulk();
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
      col.accessor((a) => describe(a.descriptionkey, a.descriptionparams, a.description), {
        id: 'description',
        header: t('common.description'),
        cell: (info) => (
          <Tooltip label={info.getValue()} openDelay={600} multiline maw={520}>
            <span>{info.getValue()}</span>
          </Tooltip>
        ),
      }),
    ],
    [t, locale, typeName, describe],
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
          value={keyword}
          placeholder={t('alerts.searchPlaceholder')}
          onChange={(v) => {
            setKeyword(v);
            reset();
          }}
          width={240}
        />
        <Select
          placeholder={t('alerts.anyType')}
          aria-label={t('alerts.type')}
          data={ALERT_TYPE_CODES.map((code) => ({ value: String(code), label: typeName(code) }))}
          value={type}
          onChange={(v) => {
            replaceQuery({ type: v ?? undefined, ...sortQuery(sort) });
            reset();
          }}
          searchable
          clearable
          w={240}
          data-testid="alert-type-filter"
        />
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
          onSort: (next) => {
            setSort(next);
            reset();
          },
        }}
        getRowId={(a) => a.id}
        loading={alerts.isFetching}
        emptyText={t('alerts.empty')}
        selection={selection}
        onSelectionChange={canChange ? setSelection : undefined}
      />
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
