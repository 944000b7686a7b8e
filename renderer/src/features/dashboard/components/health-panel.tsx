import { Group, Paper, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { HostHealthStrip, PoolHealthStrip } from '../../../components/infrastructure-health';
import { problemsIn, type InfrastructureHealth } from '../../../lib/health';
import { formatNumber, useLocale, useT } from '../../../lib/i18n';
import classes from './dashboard.module.css';

/**
 * Problems first: hosts and primary storage by state at the top of the dashboard, each part a link
 * to the list filtered to it. A host that stops answering turns the panel amber (red when Down)
 * from the heartbeat that notices it, whatever the alerts say.
 */
export function HealthPanel({ zoneid, health }: { zoneid?: string; health: InfrastructureHealth | undefined }) {
  const t = useT();
  const locale = useLocale();
  const problems = problemsIn(health?.hosts.health);
  const tone = problems.count === 0 ? 'ok' : problems.failed ? 'failed' : 'attention';
  const scope = { zoneid };
  return (
    <Paper withBorder px="sm" py={6} className={classes.health} data-tone={tone} data-testid="health-panel">
      <Group gap="lg" wrap="wrap" align="center">
        <Title order={2} size="sm" className={classes.healthTitle} data-testid="health-summary">
          {problems.count > 0 ? (
            <IconAlertTriangle size={16} aria-hidden className={classes.healthIcon} />
          ) : (
            <IconCircleCheck size={16} aria-hidden className={classes.healthIcon} />
          )}
          {health === undefined
            ? t('common.loading')
            : problems.count > 0
              ? t('health.hosts.problems', { count: formatNumber(problems.count, locale) })
              : t('health.hosts.allUp')}
        </Title>
        <HostHealthStrip scope={scope} health={health} title={t('health.hosts')} />
        {health && health.storagepools.count > 0 && (
          <PoolHealthStrip scope={scope} health={health} title={t('health.pools')} />
        )}
      </Group>
    </Paper>
  );
}
