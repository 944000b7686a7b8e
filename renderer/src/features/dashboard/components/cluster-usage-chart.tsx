import { Center, Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';
import { useT } from '../../../lib/i18n';
import { useClusterUsage } from '../api/dashboard-queries';
import { CAPACITY, capacityNameKey, type Thresholds } from '../lib/capacity';
import { ClusterUsageBars } from './cluster-usage-bars';
import classes from './dashboard.module.css';

const TYPES = [CAPACITY.CPU, CAPACITY.MEMORY, CAPACITY.STORAGE];

/**
 * The most used clusters as horizontal bars coloured by the thresholds; clicking one shows its
 * history below.
 */
export function ClusterUsageChart(props: {
  zoneid: string | undefined;
  type: number;
  onType: (type: number) => void;
  thresholds: Thresholds;
  selected: string | undefined;
  onSelect: (cluster: { id: string; name: string }) => void;
}) {
  const t = useT();
  const usage = useClusterUsage(props.zoneid, props.type);
  const rows = usage.data;
  const height = Math.max(120, rows.length * 26 + 36);
  return (
    <Paper withBorder p="xs" className={classes.card} data-testid="cluster-usage" data-rows={rows.length}>
      <Group justify="space-between" mb={4} gap="xs" wrap="wrap">
        <Title order={3} size="sm">
          {t('dashboard.clusters.title')}
        </Title>
        <SegmentedControl
          value={String(props.type)}
          onChange={(v) => props.onType(Number(v))}
          data={TYPES.map((type) => ({ value: String(type), label: t(capacityNameKey(type)) }))}
          aria-label={t('dashboard.clusters.type')}
        />
      </Group>
      {usage.error ? (
        <ErrorAlert error={usage.error} />
      ) : rows.length === 0 ? (
        <Center h={120}>
          <Text size="xs" c="dimmed">
            {usage.isLoading ? t('common.loading') : t('dashboard.clusters.empty')}
          </Text>
        </Center>
      ) : (
        <ClusterUsageBars
          rows={rows}
          height={height}
          type={props.type}
          thresholds={props.thresholds}
          selected={props.selected}
          onSelect={props.onSelect}
        />
      )}
    </Paper>
  );
}
