import { Group, Loader, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useApi } from '../../lib/api-context';
import { formatClock, useLocale, useT } from '../../lib/i18n';
import { useUiStore } from '../../lib/ui-store';
import classes from './connection-banner.module.css';

/** The server's name as the top bar shows it: its host and port, or the embedded core. */
export function serverName(target: string): string {
  return target.replace(/^https?:\/\//, '');
}

/**
 * Under the top bar while the server cannot be reached: which server, that it is being retried,
 * and how old the data on screen is (the page itself is dimmed meanwhile).
 */
export function ConnectionBanner() {
  const t = useT();
  const locale = useLocale();
  const client = useApi();
  const connection = useUiStore((s) => s.connection);
  const dataAsOf = useUiStore((s) => s.dataAsOf);
  if (connection !== 'lost' || client.mode !== 'http') return null;
  const server = serverName(client.transport.target);
  return (
    <div className={classes.banner} role="status" aria-live="polite" data-testid="connection-banner">
      <Group gap="xs" wrap="nowrap">
        <IconPlugConnectedX size={16} className={classes.icon} aria-hidden />
        <Text size="sm" fw={500} className={classes.text}>
          {dataAsOf === null
            ? t('connection.lostNoTime', { server })
            : t('connection.lost', { server, time: formatClock(dataAsOf, locale) })}
        </Text>
        <Loader size={12} color="currentColor" aria-hidden />
      </Group>
    </div>
  );
}
