import {
  ActionIcon,
  Avatar,
  Badge,
  Group,
  Kbd,
  Menu,
  Text,
  Tooltip,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import {
  IconEye,
  IconKey,
  IconLanguage,
  IconLogout,
  IconMoon,
  IconSearch,
  IconStack2,
  IconSun,
} from '@tabler/icons-react';
import { useState } from 'react';
import { JobTray } from '../../features/jobs/components/job-tray';
import { useLogout } from '../../features/auth/api/login';
import { KeysDialog } from '../../features/users/components/keys-dialog';
import { useApi } from '../../lib/api-context';
import { LOCALES, useLocaleStore, useT, type MessageKey } from '../../lib/i18n';
import { useCan } from '../../lib/permissions';
import { useCurrentUser } from '../../lib/session';
import { profileColor } from '../../lib/theme';
import type { ConnectionState } from '../../lib/connection-monitor';
import { useUiStore } from '../../lib/ui-store';
import { serverName } from './connection-banner';
import classes from './top-bar.module.css';

export function TopBar() {
  const t = useT();
  const openPalette = useUiStore((s) => s.setPaletteOpen);
  return (
    <Group h="100%" px="sm" justify="space-between" wrap="nowrap" className={classes.bar}>
      <Group gap="sm" wrap="nowrap">
        <Group gap={6} wrap="nowrap" className={classes.brand}>
          <IconStack2 size={20} color="var(--mantine-color-indigo-6)" />
          <Text fw={700} size="sm">
            Stackyard
          </Text>
        </Group>
        <ConnectionChip />
      </Group>
      <UnstyledButton
        className={classes.search}
        onClick={() => openPalette(true)}
        aria-keyshortcuts="Control+K"
        data-testid="palette-trigger"
      >
        <IconSearch size={14} />
        <Text size="xs" c="dimmed" className={classes.searchText}>
          {t('topbar.search')}
        </Text>
        <Kbd size="xs">Ctrl K</Kbd>
      </UnstyledButton>
      <Group gap={4} wrap="nowrap">
        <JobTray />
        <LanguageMenu />
        <ThemeToggle />
        <UserMenu />
      </Group>
    </Group>
  );
}

const STATE_COLOR: Record<ConnectionState, string> = { connected: 'green', connecting: 'blue', lost: 'red' };

/**
 * Which cloud this window acts on and whether it is reachable: the chip's colour is the state
 * (connected, connecting, lost), and a swatch in the profile's own colour tells servers apart so
 * nobody acts on the wrong cloud.
 */
function ConnectionChip() {
  const t = useT();
  const client = useApi();
  const connection = useUiStore((s) => s.connection);
  const target = client.transport.target;
  const embedded = client.mode === 'ipc';
  const name = embedded ? t('topbar.connection.embedded') : t('topbar.connection.server', { host: serverName(target) });
  return (
    <Tooltip label={`${t('connection.profile', { server: name })} · ${t(`connection.state.${connection}`)}`}>
      <Badge
        size="lg"
        variant="light"
        color={STATE_COLOR[connection]}
        leftSection={
          <span className={classes.profile} style={{ background: `var(--mantine-color-${profileColor(target)}-6)` }} />
        }
        rightSection={<span className={classes.liveDot} data-state={connection} />}
        className={classes.chip}
        data-testid="connection-chip"
        data-state={connection}
        data-profile={profileColor(target)}
      >
        {name}
      </Badge>
    </Tooltip>
  );
}

function ThemeToggle() {
  const t = useT();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const dark = scheme === 'dark';
  return (
    <Tooltip label={dark ? t('topbar.theme.light') : t('topbar.theme.dark')}>
      <ActionIcon
        size="lg"
        onClick={() => setColorScheme(dark ? 'light' : 'dark')}
        aria-label={dark ? t('topbar.theme.light') : t('topbar.theme.dark')}
        data-testid="theme-toggle"
      >
        {dark ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}

function LanguageMenu() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Tooltip label={t('topbar.language')}>
          <ActionIcon size="lg" aria-label={t('topbar.language')} data-testid="language-menu">
            <IconLanguage size={18} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('topbar.language')}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l.value}
            onClick={() => setLocale(l.value)}
            fw={l.value === locale ? 700 : undefined}
            data-testid={`language-${l.value}`}
          >
            {l.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function UserMenu() {
  const t = useT();
  const user = useCurrentUser();
  const can = useCan();
  const logout = useLogout();
  const client = useApi();
  const [keys, setKeys] = useState<'register' | 'show' | null>(null);
  const initials = (user.firstname?.[0] ?? user.username[0] ?? '?') + (user.lastname?.[0] ?? '');
  return (
    <>
      <Menu position="bottom-end" width={240}>
        <Menu.Target>
          <UnstyledButton className={classes.user} data-testid="user-menu">
            <Avatar size={26} radius="xl" color="indigo" aria-hidden>
              {initials.toUpperCase()}
            </Avatar>
            <div className={classes.userText}>
              <Text size="xs" fw={600} lh={1.2}>
                {user.username}
              </Text>
              <Text size="10px" c="dimmed" lh={1.2}>
                {user.account}
              </Text>
            </div>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('topbar.user.menu', { user: user.username })}</Menu.Label>
          <Menu.Item disabled>
            <Text size="xs" c="dimmed">
              {t('topbar.user.role', { role: t(`accountType.${user.type}` as MessageKey) })}
            </Text>
          </Menu.Item>
          <Menu.Divider />
          {can('registerUserKeys') && (
            <Menu.Item leftSection={<IconKey size={14} />} onClick={() => setKeys('register')}>
              {t('topbar.user.registerKeys')}
            </Menu.Item>
          )}
          {can('getUserKeys') && (
            <Menu.Item leftSection={<IconEye size={14} />} onClick={() => setKeys('show')}>
              {t('topbar.user.showKeys')}
            </Menu.Item>
          )}
          {/* The desktop app signs the local operator in by itself: nothing to log out of. */}
          {client.mode === 'http' && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconLogout size={14} />} color="red" onClick={() => logout.mutate()}>
                {t('topbar.user.logout')}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      {keys && (
        <KeysDialog user={{ id: user.userid, username: user.username }} mode={keys} onClose={() => setKeys(null)} />
      )}
    </>
  );
}
