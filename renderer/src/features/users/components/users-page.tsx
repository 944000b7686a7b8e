import { ActionIcon, Badge, Button, CloseButton, Group, Menu, Stack, Text } from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleOff,
  IconDots,
  IconEye,
  IconKey,
  IconLock,
  IconPencil,
  IconPlus,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { useConfirm } from '../../../components/confirm-dialog';
import { columnHelper, DataTable, type DataColumn } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { SearchInput } from '../../../components/search-input';
import { StateBadge } from '../../../components/state-badge';
import { TablePager, usePageSize } from '../../../components/table-pager';
import type { Params, User } from '../../../lib/contract';
import { DATE_TIME_COLUMN_SIZE, formatTimestamp, useLocale, useT } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { ACCOUNT_TYPES, useCan } from '../../../lib/permissions';
import { sortAmong, sortQuery, useUrlSort } from '../../../lib/list-sort';
import { replaceQuery, useLocation } from '../../../lib/router';
import { useCurrentUser } from '../../../lib/session';
import { useUiStore } from '../../../lib/ui-store';
import { useUsers } from '../api/get-users';
import { useDisableUser, useUserStateChange } from '../api/user-mutations';
import { KeysDialog } from './keys-dialog';
import { CreateUserDialog, EditUserDialog } from './user-dialogs';

const col = columnHelper<User>();
/** The columns the server sorts users by (column id -> sortby); the name column sorts by first name. */
const SORT_KEYS = { username: 'username', name: 'firstname', state: 'state', created: 'created' } satisfies Record<
  string,
  NonNullable<Params<'listUsers'>['sortby']>
>;

interface UserActions {
  edit(user: User): void;
  keys(user: User, mode: 'register' | 'show'): void;
  enable(user: User): void;
  disable(user: User): void;
  lock(user: User): void;
  remove(user: User): void;
  can: {
    edit: boolean;
    enable: boolean;
    disable: boolean;
    lock: boolean;
    remove: boolean;
    register: boolean;
    show(user: User): boolean;
  };
}

const UserActionsContext = createContext<UserActions | null>(null);

export function UsersPage() {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const me = useCurrentUser();
  const confirm = useConfirm();
  const { query } = useLocation();
  const account = query.get('account') ?? undefined;
  const domainid = query.get('domainid') ?? undefined;
  const [page, setPage] = useState(1);
  const [pagesize, setPagesize] = usePageSize('users');
  const [keyword, setKeyword] = useState('');
  const { sort, setSort } = useUrlSort();
  const users = useUsers({ page, pagesize, keyword, account, domainid, ...sortAmong(sort, SORT_KEYS) });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [keysFor, setKeysFor] = useState<{ user: User; mode: 'register' | 'show' } | null>(null);
  const stateChange = useUserStateChange();
  const disableUser = useDisableUser();

  const pending = useUiStore((s) => s.pendingAction);
  const consume = useUiStore((s) => s.consumeAction);
  useEffect(() => {
    if (pending === 'create-user' && consume('create-user')) setCreating(true);
  }, [pending, consume]);

  const run = async (fn: () => Promise<unknown>, success?: string) => {
    try {
      await fn();
      if (success) notifySuccess(success);
    } catch (error) {
      notifyError(error);
    }
  };
  /** Asks first (a danger confirmation), then runs the action. */
  const confirmThen = async (
    question: { title: string; message: string; confirmLabel: string },
    fn: () => Promise<unknown>,
    success?: string,
  ) => {
    if ((await confirm({ ...question, danger: true })).confirmed) await run(fn, success);
  };

  const actions: UserActions = {
    edit: setEditing,
    keys: (user, mode) => setKeysFor({ user, mode }),
    enable: (user) =>
      void run(() => stateChange.mutateAsync({ user, action: 'enable' }), t('users.updated', { name: user.username })),
    disable: (user) =>
      void confirmThen(
        {
          title: t('common.disable'),
          message: t('users.disableConfirm', { name: user.username }),
          confirmLabel: t('common.disable'),
        },
        () => disableUser(user, `${t('common.disable')}: ${user.username}`),
      ),
    lock: (user) =>
      void confirmThen(
        {
          title: t('common.lock'),
          message: t('users.lockConfirm', { name: user.username }),
          confirmLabel: t('common.lock'),
        },
        () => stateChange.mutateAsync({ user, action: 'lock' }),
        t('users.updated', { name: user.username }),
      ),
    remove: (user) =>
      void confirmThen(
        {
          title: t('users.delete'),
          message: t('users.deleteConfirm', { name: user.username }),
          confirmLabel: t('common.delete'),
        },
        () => stateChange.mutateAsync({ user, action: 'delete' }),
        t('users.deleted', { name: user.username }),
      ),
    can: {
      edit: can('updateUser'),
      enable: can('enableUser'),
      disable: can('disableUser'),
      lock: can('lockUser'),
      remove: can('deleteUser'),
      register: can('registerUserKeys'),
      show: (user) => can('getUserKeys') && (user.id === me.userid || me.type === ACCOUNT_TYPES.Admin),
    },
  };

  const columns = useMemo<DataColumn<User>[]>(
    () => [
      col.accessor('username', {
        header: t('users.username'),
        size: 160,
        cell: (info) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={500} span>
              {info.getValue()}
            </Text>
            {info.row.original.id === me.userid && (
              <Badge size="xs" variant="outline">
                {t('users.you')}
              </Badge>
            )}
          </Group>
        ),
      }),
      col.accessor((u) => [u.firstname, u.lastname].filter(Boolean).join(' '), {
        id: 'name',
        header: t('common.name'),
        size: 150,
        meta: { priority: 2 },
      }),
      col.accessor((u) => u.email ?? '', { id: 'email', header: t('common.email'), meta: { priority: 4 } }),
      col.accessor('account', { header: t('common.account'), size: 120, meta: { priority: 1 } }),
      col.accessor((u) => u.rolename ?? '', { id: 'role', header: t('common.role'), size: 120, meta: { priority: 3 } }),
      col.accessor((u) => u.domain ?? '', {
        id: 'domain',
        header: t('common.domain'),
        size: 120,
        meta: { priority: 5 },
      }),
      col.accessor('state', {
        header: t('common.state'),
        size: 100,
        cell: (info) => <StateBadge state={info.getValue()} />,
      }),
      col.accessor((u) => u.created ?? '', {
        id: 'created',
        header: t('common.created'),
        size: DATE_TIME_COLUMN_SIZE,
        meta: { priority: 6 },
        cell: (info) => formatTimestamp(info.getValue(), locale),
      }),
      col.display({ id: 'actions', header: '', size: 48, cell: (info) => <UserRowMenu user={info.row.original} /> }),
    ],
    [t, locale, me.userid],
  );

  return (
    <UserActionsContext.Provider value={actions}>
      <Stack gap={0} h="100%">
        <PageHeader title={t('users.title')} count={users.data?.count}>
          {account && (
            <Badge
              variant="light"
              size="lg"
              tt="none"
              rightSection={<CloseButton size="xs" onClick={() => replaceQuery(sortQuery(sort))} aria-label="clear" />}
            >
              {t('common.account')}: {account}
            </Badge>
          )}
          <SearchInput
            value={keyword}
            placeholder={t('users.searchPlaceholder')}
            onChange={(v) => {
              setKeyword(v);
              setPage(1);
            }}
          />
          <ActionIcon onClick={() => void users.refetch()} aria-label={t('common.refresh')} loading={users.isFetching}>
            <IconRefresh size={16} />
          </ActionIcon>
          {can('createUser') && (
            <Button leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
              {t('users.create')}
            </Button>
          )}
        </PageHeader>
        {users.error && <ErrorAlert error={users.error} />}
        <DataTable
          label={t('users.title')}
          testId="users-table"
          data={users.data?.items ?? EMPTY}
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
          getRowId={(u) => u.id}
          loading={users.isFetching}
        />
        <TablePager
          page={page}
          pageSize={pagesize}
          total={users.data?.count ?? 0}
          onPage={setPage}
          onPageSize={(s) => {
            setPagesize(s);
            setPage(1);
          }}
        />
        {creating && (
          <CreateUserDialog
            account={account}
            domainid={domainid}
            onClose={() => setCreating(false)}
            onCreated={() => setCreating(false)}
          />
        )}
        {editing && <EditUserDialog user={editing} onClose={() => setEditing(null)} />}
        {keysFor && <KeysDialog user={keysFor.user} mode={keysFor.mode} onClose={() => setKeysFor(null)} />}
      </Stack>
    </UserActionsContext.Provider>
  );
}

const EMPTY: User[] = [];

function UserRowMenu({ user }: { user: User }) {
  const t = useT();
  const actions = useContext(UserActionsContext);
  if (!actions) return null;
  const state = user.state.toLowerCase();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon size="sm" aria-label={`${t('common.actions')} ${user.username}`}>
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.can.edit && (
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.edit(user)}>
            {t('common.edit')}
          </Menu.Item>
        )}
        {actions.can.register && (
          <Menu.Item leftSection={<IconKey size={14} />} onClick={() => actions.keys(user, 'register')}>
            {t('users.registerKeys')}
          </Menu.Item>
        )}
        {actions.can.show(user) && (
          <Menu.Item leftSection={<IconEye size={14} />} onClick={() => actions.keys(user, 'show')}>
            {t('users.showKeys')}
          </Menu.Item>
        )}
        {actions.can.enable && state !== 'enabled' && (
          <Menu.Item leftSection={<IconCircleCheck size={14} />} onClick={() => actions.enable(user)}>
            {t('common.enable')}
          </Menu.Item>
        )}
        {actions.can.disable && state === 'enabled' && (
          <Menu.Item leftSection={<IconCircleOff size={14} />} onClick={() => actions.disable(user)}>
            {t('common.disable')}
          </Menu.Item>
        )}
        {actions.can.lock && state !== 'locked' && (
          <Menu.Item leftSection={<IconLock size={14} />} onClick={() => actions.lock(user)}>
            {t('common.lock')}
          </Menu.Item>
        )}
        {actions.can.remove && (
          <>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.remove(user)}>
              {t('common.delete')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
