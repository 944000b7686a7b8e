import {
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { useApi } from '../../../lib/api-context';
import { ApiError } from '../../../lib/api-error';
import { LOCALES, useLocaleStore, useT, type Locale } from '../../../lib/i18n';
import { useLogin } from '../api/login';

/** Browser mode sign-in: username, password and domain path (ROOT by default). */
export function LoginPage() {
  const t = useT();
  const client = useApi();
  const login = useLogin();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [domain, setDomain] = useState('ROOT');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password, domain });
  };

  return (
    <Center mih="100vh" bg="light-dark(var(--mantine-color-gray-1), var(--mantine-color-dark-8))">
      <Box w={360}>
        <Group gap={8} mb="md" justify="center">
          <IconStack2 size={28} color="var(--mantine-color-indigo-6)" />
          <Title order={2}>Stackyard</Title>
        </Group>
        <Paper withBorder p="lg" radius="md" shadow="xs">
          <form onSubmit={submit} aria-label={t('login.title')}>
            <Stack gap="sm">
              <div>
                <Title order={3}>{t('login.title')}</Title>
                <Text size="xs" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </div>
              <TextInput
                size="sm"
                label={t('login.username')}
                name="username"
                autoComplete="username"
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                required
                data-autofocus
                autoFocus
              />
              <PasswordInput
                size="sm"
                label={t('login.password')}
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                required
              />
              <TextInput
                size="sm"
                label={t('login.domain')}
                name="domain"
                description={t('login.domainHint')}
                value={domain}
                onChange={(e) => setDomain(e.currentTarget.value)}
              />
              {login.error && (
                <ErrorAlert
                  error={login.error}
                  title={t('login.failed')}
                  hint={
                    login.error instanceof ApiError && login.error.errorcode === 429 ? 'login.throttled' : 'login.hint'
                  }
                />
              )}
              <Button type="submit" size="sm" loading={login.isPending} fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            {t('login.server', { host: client.transport.target })}
          </Text>
          <SegmentedControl<Locale>
            size="xs"
            value={locale}
            onChange={setLocale}
            data={LOCALES}
            aria-label={t('topbar.language')}
          />
        </Group>
      </Box>
    </Center>
  );
}
