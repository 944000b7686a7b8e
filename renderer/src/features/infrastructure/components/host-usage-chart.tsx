import { Center, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { SERIES_COLORS } from '../../../components/chart/chart-style';
import { PercentLines, type PercentPoint, type PercentSeries } from '../../../components/chart/percent-lines';
import { ErrorAlert } from '../../../components/error-alert';
import { formatBytes, useLocale, useT } from '../../../lib/i18n';
import { useHostUsageHistory } from '../api/host-details';
import { USAGE_RANGES, hostUsagePoints, type UsageRange } from '../lib/host-usage';

const BCP47 = { en: 'en-US', ko: 'ko-KR' } as const;
/** A fresh history still spans at least this much, so a few samples draw a line, not a dot at the edge. */
const MIN_WINDOW_MS = 5 * 60_000;
/** The dashboard's colours of the CPU (1) and memory (0) capacity types. */
const CPU_COLOR = SERIES_COLORS[1]!;
const MEMORY_COLOR = SERIES_COLORS[0]!;

/** Axis labels: seconds for a few minutes, times within two days, else dates with hours. */
function axisFormat(locale: 'en' | 'ko', span: number): Intl.DateTimeFormat {
  const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  if (span <= 15 * 60_000) return new Intl.DateTimeFormat(BCP47[locale], { ...time, second: '2-digit' });
  if (span <= 2 * 24 * 3600_000) return new Intl.DateTimeFormat(BCP47[locale], time);
  return new Intl.DateTimeFormat(BCP47[locale], {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  });
}

/**
 * A host's CPU and memory use over the last hour, day or week (listHostsUsageHistory), as
 * percentages: CPU of its cores, memory of its memory (the tooltip adds the bytes).
 */
export function HostUsageChart({ hostId }: { hostId: string }) {
  const t = useT();
  const locale = useLocale();
  const [range, setRange] = useState<UsageRange>('1h');
  const query = useHostUsageHistory(hostId, range);
  const points = useMemo(() => hostUsagePoints(query.data ?? []), [query.data]);
  const series = useMemo<PercentSeries[]>(
    () => [
      { key: 'cpu', name: t('hostDetails.chart.cpu'), color: CPU_COLOR },
      {
        key: 'memory',
        name: t('hostDetails.chart.memory'),
        color: MEMORY_COLOR,
        format: (v, p) =>
          t('hostDetails.chart.memoryValue', {
            percent: `${v.toFixed(1)}%`,
            bytes: formatBytes(p['memoryBytes'] ?? 0, locale),
          }),
      },
    ],
    [t, locale],
  );
  const end = query.dataUpdatedAt || Date.now();
  const first = points[0]?.t ?? end;
  const start = Math.max(end - USAGE_RANGES[range], Math.min(first, end - MIN_WINDOW_MS));
  const timeFormat = useMemo(() => axisFormat(locale, end - start), [locale, end, start]);
  const fullFormat = useMemo(
    () => new Intl.DateTimeFormat(BCP47[locale], { dateStyle: 'medium', timeStyle: 'medium' }),
    [locale],
  );
  return (
    <Stack gap={4} data-testid="host-usage" data-points={points.length}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          {t('hostDetails.chart.title')}
        </Text>
        <SegmentedControl
          size="xs"
          value={range}
          onChange={(v) => setRange(v as UsageRange)}
          data={(Object.keys(USAGE_RANGES) as UsageRange[]).map((r) => ({
            value: r,
            label: t(`hostDetails.range.${r}`),
          }))}
          aria-label={t('hostDetails.chart.range')}
          data-testid="host-usage-range"
        />
      </Group>
      {query.error ? (
        <ErrorAlert error={query.error} />
      ) : points.length === 0 ? (
        <Center h={180}>
          <Text size="xs" c="dimmed" ta="center" maw={360}>
            {query.isLoading ? t('common.loading') : t('hostDetails.chart.empty')}
          </Text>
        </Center>
      ) : (
        <PercentLines
          points={points as PercentPoint[]}
          series={series}
          start={start}
          end={end}
          label={`${t('hostDetails.chart.title')}: ${series.map((s) => s.name).join(', ')}`}
          timeFormat={timeFormat}
          fullFormat={fullFormat}
          testId="host-usage"
        />
      )}
    </Stack>
  );
}
