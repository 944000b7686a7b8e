import { Badge, Center, Chip, CloseButton, Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { dateTimeFormat, useLocale, useT } from '../../../lib/i18n';
import { useCapacityHistory, type HistoryScope } from '../api/dashboard-queries';
import { capacityNameKey, type Thresholds } from '../lib/capacity';
import { HISTORY_RANGES, historyPoints, type HistoryRange } from '../lib/history';
import { CapacityHistoryLines } from './capacity-history-lines';
import classes from './dashboard.module.css';

const BCP47 = { en: 'en-US', ko: 'ko-KR' } as const;
const MIN_WINDOW_MS = 5 * 60_000;

/**
 * Percent used over time per capacity type (listCapacityHistory) for the chosen zone, all zones
 * or one cluster, with the notification and disable thresholds as reference lines.
 */
export function CapacityHistoryChart(props: {
  scope: HistoryScope;
  clusterName?: string;
  onClearCluster: () => void;
  range: HistoryRange;
  onRange: (range: HistoryRange) => void;
  available: number[];
  types: number[];
  onTypes: (types: number[]) => void;
  thresholds: Thresholds;
}) {
  const t = useT();
  const locale = useLocale();
  const results = useCapacityHistory(props.scope, props.range, props.types);
  const stamp = results.map((r) => r.dataUpdatedAt).join(',');
  const points = useMemo(
    () => historyPoints(results.flatMap((r) => r.data?.items ?? [])),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the data changes exactly when a query updates
    [stamp, props.types.join(',')],
  );
  const error = results.find((r) => r.error)?.error;
  const loading = results.some((r) => r.isLoading);
  const end = Date.now();
  // The axis starts at the first sample when the history is younger than the range, so a fresh
  // cloud's few samples draw a line rather than a dot at the right edge.
  const first = points[0]?.t ?? end;
  const start = Math.max(end - HISTORY_RANGES[props.range], Math.min(first, end - MIN_WINDOW_MS));
  // Ticks in seconds for a fresh history of a few minutes, hours within two days, else days.
  const span = end - start;
  const tickStyle = span <= 15 * 60_000 ? 'seconds' : span <= 2 * 24 * 3600_000 ? 'minutes' : 'days';
  const timeFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(
        BCP47[locale],
        tickStyle === 'days'
          ? { month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }
          : tickStyle === 'seconds'
            ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
            : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
      ),
    [locale, tickStyle],
  );
  const fullFormat = dateTimeFormat(locale);

  return (
    <Paper withBorder p="xs" className={classes.card} data-testid="capacity-history" data-points={points.length}>
      <Group justify="space-between" mb={4} wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Title order={3} size="sm">
            {t('dashboard.history.title')}
          </Title>
          {props.scope.clusterid && (
            <Badge
              variant="light"
              rightSection={
                <CloseButton
                  size="xs"
                  onClick={props.onClearCluster}
                  aria-label={t('dashboard.history.clearCluster')}
                />
              }
              data-testid="history-cluster"
            >
              {t('dashboard.history.cluster', { name: props.clusterName ?? props.scope.clusterid })}
            </Badge>
          )}
        </Group>
        <SegmentedControl
          value={props.range}
          onChange={(v) => props.onRange(v as HistoryRange)}
          data={(Object.keys(HISTORY_RANGES) as HistoryRange[]).map((r) => ({
            value: r,
            label: t(`dashboard.range.${r}`),
          }))}
          aria-label={t('dashboard.history.range')}
          data-testid="history-range"
        />
      </Group>
      <Chip.Group
        multiple
        value={props.types.map(String)}
        onChange={(values) => values.length > 0 && props.onTypes(values.map(Number))}
      >
        <Group gap={4} mb={6}>
          {props.available.map((type) => (
            <Chip key={type} value={String(type)} size="xs" variant="light" color="gray">
              {t(capacityNameKey(type))}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error ? (
        <ErrorAlert error={error} />
      ) : points.length === 0 ? (
        <Center h={220}>
          <Text size="xs" c="dimmed" ta="center" maw={420}>
            {loading ? t('common.loading') : t('dashboard.history.empty')}
          </Text>
        </Center>
      ) : (
        <CapacityHistoryLines
          points={points}
          start={start}
          end={end}
          types={props.types}
          thresholds={props.thresholds}
          timeFormat={timeFormat}
          fullFormat={fullFormat}
        />
      )}
    </Paper>
  );
}
