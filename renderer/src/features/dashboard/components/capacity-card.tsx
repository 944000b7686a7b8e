import { Group, Paper, Text, Tooltip } from '@mantine/core';
import { useLocale, useT } from '../../../lib/i18n';
import { capacityColor } from '../../../lib/states';
import { capacityNameKey, formatCapacity, formatPercent, type CapacitySum, type Thresholds } from '../lib/capacity';
import classes from './dashboard.module.css';

/**
 * A bar filled to the used fraction, coloured green / amber / red by the thresholds, with the
 * notification and disable thresholds drawn as markers.
 */
export function CapacityGauge({
  fraction,
  thresholds,
  label,
}: {
  fraction: number;
  thresholds: Thresholds;
  /** What the gauge measures, for screen readers. */
  label: string;
}) {
  const t = useT();
  const color = capacityColor(fraction, thresholds);
  const width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  return (
    <div
      className={classes.gauge}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(fraction * 1000) / 10}
    >
      <div className={classes.gaugeFill} style={{ width, background: `var(--mantine-color-${color}-6)` }} />
      <Tooltip label={t('dashboard.threshold.notify', { value: Math.round(thresholds.notify * 100) })}>
        <div
          className={`${classes.marker} ${classes.markerNotify}`}
          style={{ left: `${thresholds.notify * 100}%` }}
          data-testid="marker-notify"
        />
      </Tooltip>
      <Tooltip label={t('dashboard.threshold.disable', { value: Math.round(thresholds.disable * 100) })}>
        <div
          className={`${classes.marker} ${classes.markerDisable}`}
          style={{ left: `${thresholds.disable * 100}%` }}
          data-testid="marker-disable"
        />
      </Tooltip>
    </div>
  );
}

/** One capacity type: its name, the percentage used, used / total in readable units and the gauge. */
export function CapacityCard({ sum, thresholds }: { sum: CapacitySum; thresholds: Thresholds }) {
  const t = useT();
  const locale = useLocale();
  const color = capacityColor(sum.fraction, thresholds);
  return (
    <Paper
      withBorder
      p="xs"
      className={classes.card}
      data-testid="capacity-card"
      data-type={sum.type}
      data-capacity={color}
      data-tile
      aria-label={t(capacityNameKey(sum.type))}
    >
      {/* A long name wraps beside the percentage; the gauges of a row stay level at the bottom. */}
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4} mb={4}>
        <Text size="xs" fw={600} c="dimmed" className={classes.cardTitle}>
          {t(capacityNameKey(sum.type))}
        </Text>
        <Text
          className={classes.percent}
          c={color === 'green' ? undefined : `${color}.7`}
          data-testid="capacity-percent"
          span
        >
          {formatPercent(sum.fraction, locale)}
        </Text>
      </Group>
      <div className={classes.cardFoot}>
        <CapacityGauge fraction={sum.fraction} thresholds={thresholds} label={t(capacityNameKey(sum.type))} />
        <Text size="xs" mt={6} className={classes.numbers} data-testid="capacity-numbers">
          {t('dashboard.usedOfTotal', {
            used: formatCapacity(sum.type, sum.used, locale),
            total: formatCapacity(sum.type, sum.total, locale),
          })}
        </Text>
      </div>
    </Paper>
  );
}
