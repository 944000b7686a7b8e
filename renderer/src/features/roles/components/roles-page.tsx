import {
  ActionIcon,
  Badge,
  Button,
  CloseButton,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useConfirm } from '../../../components/confirm-dialog';
import { columnHelper, DataTable, type DataColumn, CLIENT_SORTING } from '../../../components/data-table';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import type { Role } from '../../../lib/contract';
import { enumLabel } from '../../../lib/enum-labels';
import { useT } from '../../../lib/i18n';
import { roleText } from '../lib/built-in-roles';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { replaceQuery, useLocation } from '../../../lib/router';
import { useUiStore } from '../../../lib/ui-store';
import { ROLE_TYPES, useRoles, type RoleType } from '../api/get-roles';
import { useCreateRole, useDeleteRole, useUpdateRole } from '../api/role-mutations';
import { RulesEditor } from './rules-editor';
import classes from './roles-page.module.css';
import { FormFooter } from '../../../components/form-footer';

const col = columnHelper<Role>();

export function RolesPage() {
  const t = useT();
  const can = useCan();
  const confirm = useConfirm();
  const { query } = useLocation();
  const roles = useRoles();
  const [dialog, setDialog] = useState<'create' | 'edit' | null>(null);
  const deleteRole = useDeleteRole();
  const items = useMemo(() => roles.data?.items ?? [], [roles.data]);
  const selectedId = query.get('id') ?? undefined;
  const selected = items.find((r) => r.id === selectedId);

  const pending = useUiStore((s) => s.pendingAction);
  const consume = useUiStore((s) => s.consumeAction);
  useEffect(() => {
    if (pending === 'create-role' && consume('create-role')) setDialog('create');
  }, [pending, consume]);

  const columns = useMemo<DataColumn<Role>[]>(
    () => [
      // Flexible: the name and its "Default" badge take what the type and description leave.
      col.accessor((r) => roleText(t, r).name, {
        id: 'name',
        header: t('common.name'),
        cell: (info) => (
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={500} span>
              {info.getValue()}
            </Text>
            {info.row.original.isdefault && (
              <Badge size="xs" variant="outline" color="gray">
                {t('roles.default')}
              </Badge>
            )}
          </Group>
        ),
      }),
      col.accessor((r) => enumLabel(t, 'roleType', r.type), {
        id: 'type',
        header: t('common.type'),
        size: 130,
        meta: { priority: 1 },
      }),
      col.accessor((r) => roleText(t, r).description, {
        id: 'description',
        header: t('common.description'),
        meta: { priority: 2 },
      }),
    ],
    [t],
  );

  const onDelete = async (role: Role) => {
    const ok = await confirm({
      title: t('roles.delete'),
      message: t('roles.deleteConfirm', { name: role.name }),
      confirmLabel: t('common.delete'),
      danger: true,
    });
    if (!ok.confirmed) return;
    try {
      await deleteRole.mutateAsync(role);
      replaceQuery({});
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <Stack gap={0} h="100%">
      <PageHeader title={t('roles.title')} count={roles.data?.count}>
        <ActionIcon onClick={() => void roles.refetch()} aria-label={t('common.refresh')} loading={roles.isFetching}>
          <IconRefresh size={16} />
        </ActionIcon>
        {can('createRole') && (
          <Button leftSection={<IconPlus size={14} />} onClick={() => setDialog('create')}>
            {t('roles.create')}
          </Button>
        )}
      </PageHeader>
      {roles.error && <ErrorAlert error={roles.error} />}
      {/* The whole width for the list until a role is chosen; then its rules beside it. */}
      <div className={classes.split} data-detail={selected ? 'open' : undefined}>
        <DataTable
          label={t('roles.title')}
          testId="roles-table"
          data={items}
          columns={columns}
          sorting={CLIENT_SORTING}
          getRowId={(r) => r.id}
          loading={roles.isFetching}
          onRowClick={(r) => replaceQuery({ id: r.id })}
          activeRowId={selectedId}
        />
        {selected && (
          <Paper withBorder p="sm" className={classes.detail} data-testid="role-detail">
            <Stack gap="xs" h="100%">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs">
                  <Title order={2}>{roleText(t, selected).name}</Title>
                  <Badge variant="default">{enumLabel(t, 'roleType', selected.type)}</Badge>
                </Group>
                <Group gap={6} wrap="nowrap">
                  {!selected.isdefault && (
                    <>
                      {can('updateRole') && (
                        <Button
                          variant="default"
                          leftSection={<IconPencil size={14} />}
                          onClick={() => setDialog('edit')}
                        >
                          {t('common.edit')}
                        </Button>
                      )}
                      {can('deleteRole') && (
                        <Button
                          variant="light"
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          onClick={() => void onDelete(selected)}
                        >
                          {t('common.delete')}
                        </Button>
                      )}
                    </>
                  )}
                  <CloseButton aria-label={t('common.close')} onClick={() => replaceQuery({})} />
                </Group>
              </Group>
              {selected.description && (
                <Text size="sm" c="dimmed">
                  {roleText(t, selected).description}
                </Text>
              )}
              {selected.isdefault && (
                <Text size="xs" c="dimmed">
                  {t('roles.readOnly')}
                </Text>
              )}
              <RulesEditor role={selected} editable={can('createRolePermission')} />
            </Stack>
          </Paper>
        )}
      </div>
      {dialog === 'create' && (
        <RoleDialog
          onClose={() => setDialog(null)}
          onSaved={(role) => {
            setDialog(null);
            if (role.id) replaceQuery({ id: role.id });
          }}
        />
      )}
      {dialog === 'edit' && selected && (
        <RoleDialog role={selected} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />
      )}
    </Stack>
  );
}

function RoleDialog({ role, onClose, onSaved }: { role?: Role; onClose(): void; onSaved(role: Role): void }) {
  const t = useT();
  const create = useCreateRole();
  const update = useUpdateRole();
  const mutation = role ? update : create;
  const [name, setName] = useState(role?.name ?? '');
  const [type, setType] = useState<RoleType>(role?.type ?? 'User');
  const [description, setDescription] = useState(role?.description ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = (saved: Role) => {
      notifySuccess(t('roles.created', { name: saved.name ?? name }));
      onSaved(saved);
    };
    if (role) update.mutate({ id: role.id, name: name.trim(), description }, { onSuccess: done });
    else create.mutate({ name: name.trim(), type, description }, { onSuccess: done });
  };
  return (
    <Modal opened onClose={onClose} title={role ? t('roles.edit') : t('roles.create')}>
      <form onSubmit={submit} aria-label={role ? t('roles.edit') : t('roles.create')}>
        <Stack gap="sm">
          <TextInput
            label={t('common.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Select<RoleType>
            label={t('common.type')}
            data={ROLE_TYPES}
            value={type}
            onChange={(v) => setType(v ?? 'User')}
            disabled={role !== undefined}
            allowDeselect={false}
          />
          <Textarea
            label={t('common.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <FormFooter
            error={mutation.error}
            pending={mutation.isPending}
            onCancel={onClose}
            submitLabel={role ? t('common.save') : t('common.create')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
