import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../../lib/i18n';
import type { Account } from '../../../lib/contract';
import { useRoleOptions } from '../../../lib/lookups';
import { notifySuccess } from '../../../lib/notify';
import { useUpdateAccount } from '../api/account-mutations';
import { FormFooter } from '../../../components/form-footer';

/** updateAccount: name, network domain and role. */
export function EditAccountDialog({
  account,
  onClose,
  canChangeRole,
}: {
  account: Account;
  onClose(): void;
  canChangeRole: boolean;
}) {
  const t = useT();
  const update = useUpdateAccount();
  const roles = useRoleOptions(canChangeRole);
  const [name, setName] = useState(account.name);
  const [networkdomain, setNetworkdomain] = useState(account.networkdomain ?? '');
  const [roleid, setRoleid] = useState(account.roleid ?? '');
  const roleData = useMemo(
    () => (roles.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${r.type})` })),
    [roles.data],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        id: account.id,
        newname: name.trim() !== account.name ? name.trim() : undefined,
        networkdomain: networkdomain !== (account.networkdomain ?? '') ? networkdomain : undefined,
        roleid: canChangeRole && roleid && roleid !== account.roleid ? roleid : undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t('accounts.updated', { name: name.trim() }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('accounts.edit')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('accounts.newName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <TextInput
            label={t('domains.networkDomain')}
            value={networkdomain}
            onChange={(e) => setNetworkdomain(e.currentTarget.value)}
          />
          {canChangeRole && (
            <Select
              label={t('common.role')}
              data={roleData}
              value={roleid || null}
              onChange={(v) => setRoleid(v ?? '')}
            />
          )}
          <FormFooter
            error={update.error}
            pending={update.isPending}
            onCancel={onClose}
            submitLabel={t('common.save')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
