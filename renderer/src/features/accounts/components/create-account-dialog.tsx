import { Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useT } from '../../../lib/i18n';
import { domainLabel, useDomainOptions, useRoleOptions } from '../../../lib/lookups';
import { notifySuccess } from '../../../lib/notify';
import { useCurrentUser } from '../../../lib/session';
import type { Account, Params } from '../../../lib/contract';
import { useCreateAccount } from '../api/account-mutations';
import { FormFooter } from '../../../components/form-footer';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The form's draft: the createAccount parameters this dialog sends, each as the text typed. */
type AccountDraft = Required<
  Pick<
    Params<'createAccount'>,
    'username' | 'password' | 'firstname' | 'lastname' | 'email' | 'account' | 'roleid' | 'domainid' | 'networkdomain'
  >
>;

/** createAccount: the account and its first user in one form. */
export function CreateAccountDialog({
  onClose,
  onCreated,
  domainId,
}: {
  onClose(): void;
  onCreated(account: Account): void;
  domainId?: string;
}) {
  const t = useT();
  const me = useCurrentUser();
  const roles = useRoleOptions();
  const domains = useDomainOptions();
  const create = useCreateAccount();
  const [form, setForm] = useState<AccountDraft>({
    username: '',
    password: '',
    firstname: '',
    lastname: '',
    email: '',
    account: '',
    roleid: '',
    domainid: domainId ?? me.domainid,
    networkdomain: '',
  });
  const [touched, setTouched] = useState(false);

  const roleData = useMemo(
    () =>
      (roles.data ?? []).map((r) => ({
        value: r.id,
        label: `${r.name} (${r.type})`,
      })),
    [roles.data],
  );
  const domainData = useMemo(
    () =>
      [...(domains.data ?? [])]
        .map((d) => ({ value: d.id, label: domainLabel(d) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [domains.data],
  );

  // Default to the built-in "User" role once roles are known.
  useEffect(() => {
    if (form.roleid || !roles.data) return;
    const user =
      roles.data.find((r) => r.type === 'User' && r.name === 'User') ?? roles.data.find((r) => r.type === 'User');
    if (user) setForm((f) => ({ ...f, roleid: user.id }));
  }, [roles.data, form.roleid]);

  const set = (field: keyof AccountDraft) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const errors = {
    username: !form.username.trim() ? t('common.required') : undefined,
    password: !form.password ? t('common.required') : undefined,
    firstname: !form.firstname.trim() ? t('common.required') : undefined,
    lastname: !form.lastname.trim() ? t('common.required') : undefined,
    email: !form.email.trim()
      ? t('common.required')
      : !EMAIL.test(form.email.trim())
        ? t('common.invalidEmail')
        : undefined,
    roleid: !form.roleid ? t('common.required') : undefined,
    domainid: !form.domainid ? t('common.required') : undefined,
  };
  const valid = Object.values(errors).every((e) => e === undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    create.mutate(
      {
        ...form,
        username: form.username.trim(),
        firstname: form.firstname.trim(),
        lastname: form.lastname.trim(),
        email: form.email.trim(),
        account: form.account.trim(),
      },
      {
        onSuccess: (account) => {
          notifySuccess(t('accounts.created', { name: account.name ?? form.account ?? form.username }));
          onCreated(account);
        },
      },
    );
  };
  const show = (error: string | undefined) => (touched ? error : undefined);

  return (
    <Modal opened onClose={onClose} title={t('accounts.create')} size="lg">
      <form onSubmit={submit} noValidate aria-label={t('accounts.create')}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('accounts.name')}
              description={t('accounts.nameHint')}
              value={form.account}
              onChange={(e) => set('account')(e.currentTarget.value)}
              data-autofocus
            />
            <Select
              label={t('common.domain')}
              data={domainData}
              value={form.domainid}
              onChange={(v) => set('domainid')(v ?? '')}
              searchable
              error={show(errors.domainid)}
              required
            />
            <Select
              label={t('common.role')}
              data={roleData}
              value={form.roleid || null}
              onChange={(v) => set('roleid')(v ?? '')}
              error={show(errors.roleid)}
              required
            />
            <TextInput
              label={t('domains.networkDomain')}
              value={form.networkdomain}
              onChange={(e) => set('networkdomain')(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt={4}>
            {t('accounts.firstUser')}
          </Text>
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('users.username')}
              value={form.username}
              onChange={(e) => set('username')(e.currentTarget.value)}
              error={show(errors.username)}
              required
              autoComplete="off"
            />
            <PasswordInput
              label={t('users.password')}
              value={form.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
              error={show(errors.password)}
              required
              autoComplete="new-password"
            />
            <TextInput
              label={t('users.firstname')}
              value={form.firstname}
              onChange={(e) => set('firstname')(e.currentTarget.value)}
              error={show(errors.firstname)}
              required
            />
            <TextInput
              label={t('users.lastname')}
              value={form.lastname}
              onChange={(e) => set('lastname')(e.currentTarget.value)}
              error={show(errors.lastname)}
              required
            />
            <TextInput
              label={t('common.email')}
              type="email"
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              error={show(errors.email)}
              required
            />
          </SimpleGrid>
          <FormFooter
            error={create.error}
            pending={create.isPending}
            onCancel={onClose}
            submitLabel={t('common.create')}
          />
        </Stack>
      </form>
    </Modal>
  );
}
