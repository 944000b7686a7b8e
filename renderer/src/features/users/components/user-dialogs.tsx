import { Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import type { Params, User } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useAccountOptions } from '../../../lib/lookups';
import { notifySuccess } from '../../../lib/notify';
import { useCurrentUser } from '../../../lib/session';
import { useCreateUser, useUpdateUser } from '../api/user-mutations';
import { FormFooter } from '../../../components/form-footer';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** createUser in an existing account. */
export function CreateUserDialog(props: {
  account?: string;
  domainid?: string;
  onClose(): void;
  onCreated(user: User): void;
}) {
  const t = useT();
  const create = useCreateUser();
  const accounts = useAccountOptions(undefined);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [form, setForm] = useState({ username: '', password: '', firstname: '', lastname: '', email: '' });
  const [touched, setTouched] = useState(false);

  const accountData = useMemo(
    () => (accounts.data ?? []).map((a) => ({ value: a.id, label: `${a.name}  ·  ${a.domain ?? ''}` })),
    [accounts.data],
  );
  const preset = (accounts.data ?? []).find((a) => a.name === props.account && a.domainid === props.domainid);
  const chosen = (accounts.data ?? []).find((a) => a.id === (accountId ?? preset?.id));

  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const errors = {
    account: !chosen ? t('common.required') : undefined,
    username: !form.username.trim() ? t('common.required') : undefined,
    password: !form.password ? t('common.required') : undefined,
    firstname: !form.firstname.trim() ? t('common.required') : undefined,
    lastname: !form.lastname.trim() ? t('common.required') : undefined,
    email: !form.email.trim()
      ? t('common.required')
      : !EMAIL.test(form.email.trim())
        ? t('common.invalidEmail')
        : undefined,
  };
  const show = (e: string | undefined) => (touched ? e : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!chosen || Object.values(errors).some(Boolean)) return;
    const input: Params<'createUser'> = {
      account: chosen.name,
      domainid: chosen.domainid,
      username: form.username.trim(),
      password: form.password,
      firstname: form.firstname.trim(),
      lastname: form.lastname.trim(),
      email: form.email.trim(),
    };
    create.mutate(input, {
      onSuccess: (user) => {
        notifySuccess(t('users.created', { name: user.username ?? input.username }));
        props.onCreated(user);
      },
    });
  };

  return (
    <Modal opened onClose={props.onClose} title={t('users.create')} size="lg">
      <form onSubmit={submit} noValidate aria-label={t('users.create')}>
        <Stack gap="sm">
          <Select
            label={t('common.account')}
            data={accountData}
            value={accountId ?? preset?.id ?? null}
            onChange={setAccountId}
            searchable
            required
            error={show(errors.account)}
          />
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('users.username')}
              value={form.username}
              onChange={(e) => set('username')(e.currentTarget.value)}
              required
              error={show(errors.username)}
              autoComplete="off"
              data-autofocus
            />
            <PasswordInput
              label={t('users.password')}
              value={form.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
              required
              error={show(errors.password)}
              autoComplete="new-password"
            />
            <TextInput
              label={t('users.firstname')}
              value={form.firstname}
              onChange={(e) => set('firstname')(e.currentTarget.value)}
              required
              error={show(errors.firstname)}
            />
            <TextInput
              label={t('users.lastname')}
              value={form.lastname}
              onChange={(e) => set('lastname')(e.currentTarget.value)}
              required
              error={show(errors.lastname)}
            />
            <TextInput
              label={t('common.email')}
              type="email"
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
              required
              error={show(errors.email)}
            />
          </SimpleGrid>
          <FormFooter
            error={create.error}
            pending={create.isPending}
            onCancel={props.onClose}
            submitLabel={t('common.create')}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** updateUser: names, email, username, and the password (users changing their own give the current one). */
export function EditUserDialog({ user, onClose }: { user: User; onClose(): void }) {
  const t = useT();
  const me = useCurrentUser();
  const update = useUpdateUser();
  const self = me.userid === user.id;
  const [form, setForm] = useState({
    username: user.username,
    firstname: user.firstname ?? '',
    lastname: user.lastname ?? '',
    email: user.email ?? '',
    password: '',
    currentpassword: '',
  });
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changed = <K extends 'username' | 'firstname' | 'lastname' | 'email'>(k: K) =>
      form[k].trim() !== (user[k] ?? '') ? form[k].trim() : undefined;
    update.mutate(
      {
        id: user.id,
        username: changed('username'),
        firstname: changed('firstname'),
        lastname: changed('lastname'),
        email: changed('email'),
        password: form.password || undefined,
        currentpassword: form.password && self ? form.currentpassword : undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t('users.updated', { name: form.username }));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('users.edit')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <TextInput
              label={t('users.username')}
              value={form.username}
              onChange={(e) => set('username')(e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('common.email')}
              value={form.email}
              onChange={(e) => set('email')(e.currentTarget.value)}
            />
            <TextInput
              label={t('users.firstname')}
              value={form.firstname}
              onChange={(e) => set('firstname')(e.currentTarget.value)}
            />
            <TextInput
              label={t('users.lastname')}
              value={form.lastname}
              onChange={(e) => set('lastname')(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('users.newPassword')}
              value={form.password}
              onChange={(e) => set('password')(e.currentTarget.value)}
              autoComplete="new-password"
            />
            {self && form.password && (
              <PasswordInput
                label={t('users.currentPassword')}
                value={form.currentpassword}
                onChange={(e) => set('currentpassword')(e.currentTarget.value)}
                required
                autoComplete="current-password"
              />
            )}
          </SimpleGrid>
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
