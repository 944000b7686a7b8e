import { useMemo } from 'react';
import { THRESHOLD_COLORS, SERIES_COLORS, SERIES_FALLBACK } from '../../../components/chart/chart-style';
import {
  LINES_MARGIN,
  LINES_SVG_HEIGHT,
  PercentLines,
  type PercentPoint,
  type PercentSeries,
} from '../../../components/chart/percent-lines';
import { useT } from '../../../lib/i18n';
import { capacityNameKey, type Thresholds } from '../lib/capacity';
import { seriesKey, type HistoryPoint } from '../lib/history';

export const HISTORY_SVG_HEIGHT = LINES_SVG_HEIGHT;
export const HISTORY_MARGIN = LINES_MARGIN;

/**
 * The lines of CapacityHistoryChart: percent used per capacity type over time, with the
 * notification and disable thresholds as reference lines (the shared PercentLines chart).
 */
export function CapacityHistoryLines(props: {
  points: HistoryPoint[];
  /** The time axis, ms since the epoch. */
  start: number;
  end: number;
  types: number[];
  thresholds: Thresholds;
  timeFormat: Intl.DateTimeFormat;
  fullFormat: Intl.DateTimeFormat;
}) {
  const t = useT();
  const { types, thresholds } = props;
  const series = useMemo(
    () =>
      types.map((type): PercentSeries => ({
        key: seriesKey(type),
        id: String(type),
        name: t(capacityNameKey(type)),
        color: SERIES_COLORS[type] ?? SERIES_FALLBACK,
      })),
    [types, t],
  );
  const references = [
    {
      id: 'notify',
      value: thresholds.notify * 100,
      label: t('dashboard.threshold.notifyShort', { value: Math.round(thresholds.notify * 100) }),
      ...THRESHOLD_COLORS.notify,
    },
    {
      id: 'disable',
      value: thresholds.disable * 100,
      label: t('dashboard.threshold.disableShort', { value: Math.round(thresholds.disable * 100) }),
      ...THRESHOLD_COLORS.disable,
    },
  ];
  return (
    <PercentLines
      points={props.points as PercentPoint[]}
      series={series}
      start={props.start}
      end={props.end}
      label={`${t('dashboard.history.title')}: ${series.map((s) => s.name).join(', ')}`}
      references={references}
      timeFormat={props.timeFormat}
      fullFormat={props.fullFormat}
    />
  );
}
