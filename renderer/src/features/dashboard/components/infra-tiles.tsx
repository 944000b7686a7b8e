import { VisuallyHidden, Group, Paper, SimpleGrid, Skeleton, Text, UnstyledButton } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBuildingFactory2,
  IconDatabase,
  IconLayoutGrid,
  IconServer,
  IconStack2,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';
import type { Infrastructure } from '../../../lib/contract';
import { formatNumber, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { href } from '../../../lib/router';
import classes from './dashboard.module.css';

interface Tile {
  field: keyof Infrastructure;
  label: MessageKey;
  path: string;
  icon: Icon;
}

const TILES: Tile[] = [
  { field: 'zones', label: 'dashboard.tile.zones', path: '/zones', icon: IconWorld },
  { field: 'pods', label: 'dashboard.tile.pods', path: '/pods', icon: IconBuildingFactory2 },
  { field: 'clusters', label: 'dashboard.tile.clusters', path: '/clusters', icon: IconLayoutGrid },
  { field: 'hosts', label: 'dashboard.tile.hosts', path: '/hosts', icon: IconServer },
  { field: 'storagepools', label: 'dashboard.tile.primaryStorage', path: '/primary-storage', icon: IconDatabase },
  { field: 'imagestores', label: 'dashboard.tile.secondaryStorage', path: '/secondary-storage', icon: IconStack2 },
  { field: 'alerts', label: 'dashboard.tile.alerts', path: '/alerts', icon: IconAlertTriangle },
];

/** The listInfrastructure counts, each a link to its page; the hosts tile is amber while hosts need attention. */
export function InfraTiles({
  counts,
  loading,
  problemHosts = 0,
}: {
  counts: Infrastructure | undefined;
  loading: boolean;
  problemHosts?: number;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <SimpleGrid cols={{ base: 4, lg: 7 }} spacing="xs" data-testid="infra-tiles">
      {TILES.map((tile) => {
        const value = counts?.[tile.field];
        const hostProblems = tile.field === 'hosts' && problemHosts > 0;
        const alerting = (tile.field === 'alerts' && (value ?? 0) > 0) || hostProblems;
        const problemText = hostProblems ? ` (${t('health.hosts.problems', { count: problemHosts })})` : '';
        return (
          <UnstyledButton
            key={tile.field}
            component="a"
            href={href(tile.path)}
            data-problems={hostProblems || undefined}
            data-testid={`tile-${tile.field}`}
            className={classes.tileLink}
          >
            {/* A label too long for a narrow tile wraps (the value stays at the bottom), never cut. */}
            <Paper withBorder px="sm" py={8} className={classes.tile} data-tile>
              <Group gap={6} wrap="nowrap" align="flex-start" mb={2}>
                <tile.icon
                  size={14}
                  className={classes.tileIcon}
                  color={alerting ? 'var(--mantine-color-yellow-6)' : 'var(--mantine-color-dimmed)'}
                />
                <Text size="xs" c="dimmed" className={classes.tileLabel}>
                  {t(tile.label)}
                </Text>
              </Group>
              {loading && value === undefined ? (
                <Skeleton h={24} w={40} />
              ) : (
                <Text className={classes.tileValue} c={alerting ? 'yellow.7' : undefined} data-testid="tile-value">
                  {value === undefined ? '—' : formatNumber(value, locale)}
                </Text>
              )}
              {problemText && <VisuallyHidden>{problemText}</VisuallyHidden>}
            </Paper>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}
