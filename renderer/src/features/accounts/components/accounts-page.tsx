import { ActionIcon, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { RowSelectionState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { StateBadge } from '../../../components/state-badge';
import { TablePager, usePageSize } from '../../../components/table-pager';
import type { Account, Params } from '../../../lib/contract';
import { DATE_TIME_COLUMN_SIZE, formatTimestamp, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { sortAmong, sortQuery, useUrlSort } from '../../../lib/list-sort';
import { replaceQuery, useLocation } from '../../../lib/router';
import { useUiStore } from '../../../lib/ui-store';
import { useAccounts } from '../api/get-accounts';
import { AccountDrawer } from './account-drawer';
import { CreateAccountDialog } from './create-account-dialog';
import { EditAccountDialog } from './edit-account-dialog';
import { AccountActionsContext, AccountRowMenu, useAccountActions } from './use-account-actions';

const col = columnHelper<Account>();
/** The columns the server sorts accounts by (column id -> sortby). */
const SORT_KEYS = { name: 'name', accounttype: 'accounttype', state: 'state', created: 'created' } satisfies Record<
  string,
  NonNullable<Params<'listAccounts'>['sortby']>
>;

export function AccountsPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const { query } = useLocation();
  const [page, setPage] = useState(1);
  const [pagesize, setPagesize] = usePageSize('accounts');
  const [keyword, setKeyword] = useState('');
  const domainid = query.get('domainid') ?? undefined;
  const { sort, setSort } = useUrlSort();
  const accounts = useAccounts({ page, pagesize, keyword, domainid, ...sortAmong(sort, SORT_KEYS) });
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Account | null>(null);
  const actions = useAccountActions(setEditing);
  const openId = query.get('id') ?? undefined;

  const pending = useUiStore((s) => s.pendingAction);
  const consume = useUiStore((s) => s.consumeAction);
  useEffect(() => {
    if (pending === 'create-account' && consume('create-account')) setCreating(true);
  }, [pending, consume]);

  const items = useMemo(() => accounts.data?.items ?? [], [accounts.data]);
  const total = accounts.data?.count ?? 0;

  const columns = useMemo<DataColumn<Account>[]>(
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
      col.accessor((a) => a.rolename ?? '', { id: 'role', header: t('common.role'), size: 150, meta: { priority: 2 } }),
      col.accessor('accounttype', {
        header: t('accounts.type'),
        size: 130,
        meta: { priority: 3 },
        cell: (info) => t(`accountType.${info.getValue()}` as MessageKey),
      }),
      col.accessor((a) => a.domainpath ?? a.domain ?? '', {
        id: 'domain',
        header: t('common.domain'),
        meta: { priority: 1 },
      }),
      col.accessor('state', {
        header: t('common.state'),
        size: 110,
        cell: (info) => <StateBadge state={info.getValue()} />,
      }),
      col.accessor((a) => a.user?.length ?? 0, {
        id: 'users',
        header: t('accounts.users'),
        size: 80,
        meta: { priority: 4 },
        cell: (info) => <Badge variant="default">{info.getValue()}</Badge>,
      }),
      col.accessor((a) => a.created ?? '', {
        id: 'created',
        header: t('common.created'),
        size: DATE_TIME_COLUMN_SIZE,
        meta: { priority: 5 },
        cell: (info) => formatTimestamp(info.getValue(), locale),
      }),
      col.display({
        id: 'actions',
        header: '',
        size: 48,
        cell: (info) => <AccountRowMenu account={info.row.original} />,
      }),
    ],
    [t, locale],
  );

  const selected = items.filter((a) => selection[a.id]);
  const removeSelected = async () => {
    if (await actions.removeMany(selected)) setSelection({});
  };

  return (
    <AccountActionsContext.Provider value={actions}>
      <Stack gap={0} h="100%">
        <PageHeader title={t('accounts.title')} count={accounts.data ? total : undefined}>
          <SearchInput
            value={keyword}
            placeholder={t('accounts.searchPlaceholder')}
            onChange={(value) => {
              setKeyword(value);
              setPage(1);
            }}
          />
          <ActionIcon
            onClick={() => void accounts.refetch()}
            aria-label={t('common.refresh')}
            loading={accounts.isFetching}
          >
            <IconRefresh size={16} />
          </ActionIcon>
          {can('createAccount') && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
              {t('accounts.create')}
            </Button>
          )}
        </PageHeader>
        {selected.length > 0 && (
          <Group gap="xs" mb={6} data-testid="bulk-bar">
            <Text size="xs" c="dimmed">
              {t('common.selected', { count: selected.length })}
            </Text>
            {actions.can.remove && (
              <Button
                size="compact-xs"
                variant="light"
                color="red"
                leftSection={<IconTrash size={12} />}
                onClick={() => void removeSelected()}
              >
                {t('common.delete')}
              </Button>
            )}
          </Group>
        )}
        {accounts.error && <ErrorAlert error={accounts.error} />}
        <DataTable
          label={t('accounts.title')}
          testId="accounts-table"
          data={items}
          columns={columns}
          sorting={{
            mode: 'server',
            keys: SORT_KEYS,
            sort,
            onSort: (next) => {
              setSort(next);
              setPage(1);
            },
          }}
          getRowId={(a) => a.id}
          loading={accounts.isFetching}
          selection={selection}
          onSelectionChange={actions.can.remove ? setSelection : undefined}
          onRowClick={(a) => replaceQuery({ id: a.id, domainid, ...sortQuery(sort) })}
          activeRowId={openId}
        />
        <TablePager
          page={page}
          pageSize={pagesize}
          total={total}
          onPage={setPage}
          onPageSize={(size) => {
            setPagesize(size);
            setPage(1);
          }}
        />
        {openId && (
          <AccountDrawer
            accountId={openId}
            fallback={items.find((a) => a.id === openId)}
            actions={actions}
            onClose={() => replaceQuery({ domainid, ...sortQuery(sort) })}
          />
        )}
        {creating && (
          <CreateAccountDialog
            domainId={domainid}
            onClose={() => setCreating(false)}
            onCreated={(account) => {
              setCreating(false);
              if (account.id) replaceQuery({ id: account.id, domainid, ...sortQuery(sort) });
            }}
          />
        )}
        {editing && (
          <EditAccountDialog
            account={editing}
            onClose={() => setEditing(null)}
            canChangeRole={can('updateAccount') && can('listRoles')}
          />
        )}
      </Stack>
    </AccountActionsContext.Provider>
  );
}
