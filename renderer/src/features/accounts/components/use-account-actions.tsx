import { createContext, useContext } from 'react';
import { ActionIcon, Menu } from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleOff,
  IconDots,
  IconLock,
  IconPencil,
  IconTrash,
  IconUsers,
} from '@tabler/icons-react';
import { useConfirm } from '../../../components/confirm-dialog';
import { useApi } from '../../../lib/api-context';
import type { Account } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { navigate } from '../../../lib/router';
import { useRunBatch } from '../../../lib/run-batch';
import { useAccountJobs, useEnableAccount } from '../api/account-mutations';

/** The lifecycle actions of an account, shared by the row menu, the drawer and bulk actions. */
export function useAccountActions(onEdit: (account: Account) => void) {
  const t = useT();
  const can = useCan();
  const confirm = useConfirm();
  const enable = useEnableAccount();
  const jobs = useAccountJobs();
  const client = useApi();
  const runBatch = useRunBatch();

  const guard = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      notifyError(error);
    }
  };

  return {
    can: {
      edit: can('updateAccount'),
      enable: can('enableAccount'),
      disable: can('disableAccount'),
      remove: can('deleteAccount'),
    },
    edit: onEdit,
    enable: (account: Account) =>
      guard(async () => {
        await enable.mutateAsync(account);
        notifySuccess(t('accounts.enabled', { name: account.name }));
      }),
    disable: async (account: Account, lock: boolean) => {
      const ok = await confirm({
        title: lock ? t('common.lock') : t('common.disable'),
        message: t(lock ? 'accounts.lockConfirm' : 'accounts.disableConfirm', { name: account.name }),
        confirmLabel: lock ? t('common.lock') : t('common.disable'),
        danger: true,
      });
      if (ok.confirmed)
        await guard(() =>
          jobs.disable(account, lock, `${lock ? t('common.lock') : t('common.disable')}: ${account.name}`),
        );
    },
    remove: async (account: Account) => {
      const ok = await confirm({
        title: t('accounts.delete'),
        message: t('accounts.deleteConfirm', { name: account.name }),
        confirmLabel: t('common.delete'),
        danger: true,
      });
      if (ok.confirmed) await guard(() => jobs.remove(account, `${t('accounts.delete')}: ${account.name}`));
      return ok.confirmed;
    },
    removeMany: async (accounts: Account[]) => {
      const ok = await confirm({
        title: t('accounts.delete'),
        message: t('accounts.deleteSelected', { count: accounts.length }),
        confirmLabel: t('common.delete'),
        danger: true,
      });
      if (!ok.confirmed) return false;
      if (accounts.length === 1) {
        await guard(() => jobs.remove(accounts[0]!, `${t('accounts.delete')}: ${accounts[0]!.name}`));
        return true;
      }
      const vars = { count: accounts.length };
      const nouns = { noun: 'batch.noun.accounts' as const };
      await runBatch({
        title: { key: 'batch.run.delete', vars, nouns },
        doneTitle: { key: 'batch.done.delete', vars, nouns },
        items: accounts,
        label: (account) => `${t('accounts.delete')}: ${account.name}`,
        link: () => '#/accounts',
        invalidate: ['accounts', 'users', 'domains', 'events'],
        run: (account) => client.startAsync('deleteAccount', { id: account.id }),
      });
      return true;
    },
  };
}

export type AccountActions = ReturnType<typeof useAccountActions>;

/** Lets table cells reach the page's actions without making the column definitions unstable. */
export const AccountActionsContext = createContext<AccountActions | null>(null);

export function AccountRowMenu({ account }: { account: Account }) {
  const t = useT();
  const actions = useContext(AccountActionsContext);
  if (!actions) return null;
  const state = account.state.toLowerCase();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <ActionIcon
          size="sm"
          aria-label={`${t('common.actions')} ${account.name}`}
          onClick={(e) => e.stopPropagation()}
        >
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
        <Menu.Item
          leftSection={<IconUsers size={14} />}
          onClick={() => navigate('/users', { account: account.name, domainid: account.domainid })}
        >
          {t('nav.users')}
        </Menu.Item>
        {actions.can.edit && (
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => actions.edit(account)}>
            {t('common.edit')}
          </Menu.Item>
        )}
        {actions.can.enable && state !== 'enabled' && (
          <Menu.Item leftSection={<IconCircleCheck size={14} />} onClick={() => void actions.enable(account)}>
            {t('common.enable')}
          </Menu.Item>
        )}
        {actions.can.disable && state === 'enabled' && (
          <Menu.Item leftSection={<IconCircleOff size={14} />} onClick={() => void actions.disable(account, false)}>
            {t('common.disable')}
          </Menu.Item>
        )}
        {actions.can.disable && state !== 'locked' && (
          <Menu.Item leftSection={<IconLock size={14} />} onClick={() => void actions.disable(account, true)}>
            {t('common.lock')}
          </Menu.Item>
        )}
        {actions.can.remove && (
          <>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void actions.remove(account)}>
              {t('common.delete')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
