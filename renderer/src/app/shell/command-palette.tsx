import {
  Kbd,
  Modal,
  ScrollArea,
  Text,
  TextInput,
  UnstyledButton,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconArrowRight,
  IconLanguage,
  IconLogout,
  IconMoon,
  IconPlus,
  IconSearch,
  type Icon,
} from '@tabler/icons-react';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { useLogout } from '../../features/auth/api/login';
import { useApi } from '../../lib/api-context';
import { useLocaleStore, useT } from '../../lib/i18n';
import { useCan, type Area } from '../../lib/permissions';
import { navigate } from '../../lib/router';
import { useUiStore, type PendingAction } from '../../lib/ui-store';
import { ROUTES } from '../routes';
import classes from './command-palette.module.css';

interface PaletteItem {
  id: string;
  group: 'pages' | 'actions';
  label: string;
  icon: Icon;
  /** Extra words to match (the English name in Korean mode and the reverse). */
  keywords: string;
  run(): void;
}

/** Ctrl+K: go to any page or run an action ("Create account", theme, language, logout). */
export function CommandPalette({ areas }: { areas: Area[] }) {
  const t = useT();
  const can = useCan();
  const open = useUiStore((s) => s.paletteOpen);
  const setOpen = useUiStore((s) => s.setPaletteOpen);
  const requestAction = useUiStore((s) => s.requestAction);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const logout = useLogout();
  const client = useApi();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);

  useHotkeys([['mod+K', () => setOpen(!useUiStore.getState().paletteOpen)]], []);

  const items = useMemo<PaletteItem[]>(() => {
    const list: PaletteItem[] = [];
    for (const route of ROUTES) {
      if (!areas.includes(route.area)) continue;
      list.push({
        id: `go:${route.path}`,
        group: 'pages',
        label: t(route.titleKey),
        icon: route.icon,
        keywords: route.path,
        run: () => navigate(route.path),
      });
    }
    const action = (id: PendingAction, command: string, label: string, path: string, area: Area) => {
      if (!areas.includes(area) || !can(command)) return;
      list.push({
        id,
        group: 'actions',
        label,
        icon: IconPlus,
        keywords: `${command} new add`,
        run: () => {
          requestAction(id);
          navigate(path);
        },
      });
    };
    action('create-account', 'createAccount', t('palette.action.createAccount'), '/accounts', 'accounts');
    action('create-user', 'createUser', t('palette.action.createUser'), '/users', 'users');
    action('create-domain', 'createDomain', t('palette.action.createDomain'), '/domains', 'domains');
    action('create-role', 'createRole', t('palette.action.createRole'), '/roles', 'roles');
    list.push({
      id: 'theme',
      group: 'actions',
      label: t('palette.action.toggleTheme'),
      icon: IconMoon,
      keywords: 'theme dark light',
      run: () => setColorScheme(scheme === 'dark' ? 'light' : 'dark'),
    });
    list.push({
      id: 'language',
      group: 'actions',
      label: t('palette.action.switchLanguage'),
      icon: IconLanguage,
      keywords: 'language korean english 한국어 언어',
      run: () => setLocale(locale === 'ko' ? 'en' : 'ko'),
    });
    if (client.mode === 'http') {
      list.push({
        id: 'logout',
        group: 'actions',
        label: t('palette.action.logout'),
        icon: IconLogout,
        keywords: 'logout sign out',
        run: () => logout.mutate(),
      });
    }
    return list;
  }, [areas, can, t, requestAction, setColorScheme, scheme, locale, setLocale, logout, client.mode]);

  const needle = text.trim().toLowerCase();
  const filtered = needle ? items.filter((i) => `${i.label} ${i.keywords}`.toLowerCase().includes(needle)) : items;

  const close = () => {
    setOpen(false);
    setText('');
    setActive(0);
  };
  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    close();
    item.run();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(filtered.length - 1, a + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(filtered[active]);
    }
  };

  let lastGroup: string | null = null;
  return (
    <Modal
      opened={open}
      onClose={close}
      withCloseButton={false}
      size={560}
      padding={0}
      yOffset="12vh"
      centered={false}
      trapFocus
      // Instant, so the first keystrokes land in the search box.
      transitionProps={{ duration: 0 }}
    >
      <div data-testid="command-palette">
        <TextInput
          size="md"
          variant="unstyled"
          px="sm"
          className={classes.input}
          placeholder={t('palette.placeholder')}
          aria-label={t('palette.placeholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={<Kbd size="xs">Esc</Kbd>}
          rightSectionWidth={44}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-autofocus
        />
        <ScrollArea.Autosize mah={380}>
          <div role="listbox" aria-label={t('palette.placeholder')} className={classes.list}>
            {filtered.length === 0 && (
              <Text size="sm" c="dimmed" p="md">
                {t('palette.empty')}
              </Text>
            )}
            {filtered.map((item, index) => {
              const heading = item.group !== lastGroup ? item.group : null;
              lastGroup = item.group;
              const Icon = item.icon;
              return (
                <div key={item.id}>
                  {heading && (
                    <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt={8} pb={2}>
                      {t(heading === 'pages' ? 'palette.group.pages' : 'palette.group.actions')}
                    </Text>
                  )}
                  <UnstyledButton
                    role="option"
                    aria-selected={index === active}
                    className={classes.item}
                    data-active={index === active || undefined}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => choose(item)}
                  >
                    <Icon size={16} stroke={1.6} />
                    <Text size="sm" className={classes.label}>
                      {item.label}
                    </Text>
                    {index === active && <IconArrowRight size={14} />}
                  </UnstyledButton>
                </div>
              );
            })}
          </div>
        </ScrollArea.Autosize>
      </div>
    </Modal>
  );
}
