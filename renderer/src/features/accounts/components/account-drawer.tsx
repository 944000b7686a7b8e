import { Anchor, Button, Drawer, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleOff, IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { ErrorAlert } from '../../../components/error-alert';
import { ScopedSettingsTab } from '../../../components/settings/scoped-settings-tab';
import { StateBadge } from '../../../components/state-badge';
import type { Account } from '../../../lib/contract';
import { formatDateTime, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { href } from '../../../lib/router';
import { useAccount } from '../api/get-accounts';
import type { AccountActions } from './use-account-actions';
import classes from './account-drawer.module.css';

/** Detail drawer: a header of state and actions, then the account's properties and users. */
export function AccountDrawer(props: {
  accountId: string;
  fallback?: Account;
  actions: AccountActions;
  onClose(): void;
}) {
  const t = useT();
  const can = useCan();
  const locale = useLocale();
  const query = useAccount(props.accountId);
  const account = query.data ?? props.fallback;
  const { actions } = props;
  const state = account?.state.toLowerCase();
  const remove = async (target: Account) => {
    if (await actions.remove(target)) props.onClose();
  };

  return (
    <Drawer
      opened
      onClose={props.onClose}
      position="right"
      size={520}
      title={t('common.details')}
      data-testid="account-drawer"
    >
      {query.error && <ErrorAlert error={query.error} />}
      {account ? (
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Title order={2}>{account.name}</Title>
              <StateBadge state={account.state} />
            </Group>
          </Group>
          <Group gap={6}>
            {actions.can.edit && (
              <Button variant="default" leftSection={<IconPencil size={14} />} onClick={() => actions.edit(account)}>
                {t('common.edit')}
              </Button>
            )}
            {actions.can.enable && state !== 'enabled' && (
              <Button
                variant="default"
                leftSection={<IconCircleCheck size={14} />}
                onClick={() => void actions.enable(account)}
              >
                {t('common.enable')}
              </Button>
            )}
            {actions.can.disable && state === 'enabled' && (
              <Button
                variant="default"
                leftSection={<IconCircleOff size={14} />}
                onClick={() => void actions.disable(account, false)}
              >
                {t('common.disable')}
              </Button>
            )}
            {actions.can.disable && state !== 'locked' && (
              <Button
                variant="default"
                leftSection={<IconLock size={14} />}
                onClick={() => void actions.disable(account, true)}
              >
                {t('common.lock')}
              </Button>
            )}
            {actions.can.remove && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={() => void remove(account)}
              >
                {t('common.delete')}
              </Button>
            )}
          </Group>
          <Table withRowBorders={false} verticalSpacing={3} fz="sm" className={classes.props}>
            <Table.Tbody>
              <Row
                label={t('common.id')}
                value={
                  <Text ff="monospace" size="xs">
                    {account.id}
                  </Text>
                }
              />
              <Row label={t('common.role')} value={account.rolename ?? '—'} />
              <Row label={t('accounts.type')} value={t(`accountType.${account.accounttype}` as MessageKey)} />
              <Row
                label={t('common.domain')}
                value={
                  <Anchor href={href('/domains', { id: account.domainid })} size="sm">
                    {account.domainpath ?? account.domain}
                  </Anchor>
                }
              />
              <Row label={t('domains.networkDomain')} value={account.networkdomain ?? '—'} />
              {account.created && <Row label={t('common.created')} value={formatDateTime(account.created, locale)} />}
            </Table.Tbody>
          </Table>
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('accounts.users')}
            </Text>
            <Anchor size="xs" href={href('/users', { account: account.name, domainid: account.domainid })}>
              {t('nav.users')} →
            </Anchor>
          </Group>
          <Table verticalSpacing={4} fz="sm" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.username')}</Table.Th>
                <Table.Th>{t('common.name')}</Table.Th>
                <Table.Th>{t('common.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(account.user ?? []).map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>{[u.firstname, u.lastname].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>
                    <StateBadge state={u.state} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {can('listConfigurations') && (
            <>
              <Text fw={600} size="sm">
                {t('settings.tab')}
              </Text>
              <ScopedSettingsTab scope={{ kind: 'account', id: account.id }} />
            </>
          )}
        </Stack>
      ) : (
        <Text c="dimmed" size="sm">
          {query.isLoading ? t('common.loading') : t('common.empty')}
        </Text>
      )}
    </Drawer>
  );
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
}
