import { Anchor, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';
import { formatRelative, formatTimestamp, useLocale, useT } from '../../../lib/i18n';
import { useServerMessage } from '../../../lib/server-message';
import { href } from '../../../lib/router';
import { useAlerts } from '../api/dashboard-queries';
import { alertTypeKey } from '../lib/alert-types';
import { AlertResourceLink } from './alert-actions';
import classes from './dashboard.module.css';

/**
 * The five most recent alerts (listAlerts pagesize 5), each opening its drawer on the alerts page
 * and linking to what it is about, and a link to the alerts page. With no alert
 * open it says "all is quiet" only when no host is in a problem state (`problemHosts`).
 */
export function LatestAlerts({ problemHosts = 0 }: { problemHosts?: number }) {
  const t = useT();
  const describe = useServerMessage();
  const locale = useLocale();
  const alerts = useAlerts({ page: 1, pagesize: 5 });
  const items = alerts.data?.items ?? [];
  return (
    <Paper withBorder p="xs" className={classes.card} data-testid="latest-alerts">
      <Group justify="space-between" mb={6}>
        <Group gap={6}>
          <Title order={3} size="sm">
            {t('dashboard.alerts.title')}
          </Title>
          {alerts.data && alerts.data.count > 0 && (
            <Badge color="yellow" variant="light">
              {alerts.data.count}
            </Badge>
          )}
        </Group>
        <Anchor href={href('/alerts')} size="xs" data-testid="all-alerts-link">
          {t('dashboard.alerts.all')}
        </Anchor>
      </Group>
      {alerts.error ? (
        <ErrorAlert error={alerts.error} />
      ) : items.length === 0 && problemHosts > 0 && !alerts.isLoading ? (
        <Text size="xs" py="sm" fw={600} data-testid="alerts-problem-hosts">
          {t('health.noAlertsButHosts', { count: problemHosts })}
        </Text>
      ) : items.length === 0 ? (
        <Text size="xs" c="dimmed" py="sm">
          {alerts.isLoading ? t('common.loading') : t('dashboard.alerts.none')}
        </Text>
      ) : (
        <Stack gap={6}>
          {items.map((alert) => {
            const typeKey = alertTypeKey(alert.type);
            return (
              <div key={alert.id} data-testid="latest-alert">
                <Group gap={6} wrap="nowrap" justify="space-between">
                  <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>
                    {typeKey ? t(typeKey) : String(alert.type)}
                  </Badge>
                  <Tooltip label={formatTimestamp(alert.sent, locale)}>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatRelative(alert.sent, locale)}
                    </Text>
                  </Tooltip>
                </Group>
                <Anchor
                  href={href('/alerts', { id: alert.id })}
                  size="xs"
                  c="var(--mantine-color-text)"
                  lineClamp={2}
                  mt={2}
                  data-testid="latest-alert-link"
                >
                  {describe(alert.descriptionkey, alert.descriptionparams, alert.description)}
                </Anchor>
                {alert.resourcename && (
                  <Text size="xs" c="dimmed">
                    <AlertResourceLink alert={alert} />
                  </Text>
                )}
              </div>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
