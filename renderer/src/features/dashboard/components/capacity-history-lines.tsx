import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../../lib/i18n';
import { capacityNameKey, type Thresholds } from '../lib/capacity';
import { seriesKey, type HistoryPoint } from '../lib/history';
import { AXIS_TICK, GRID_STROKE, SERIES_COLORS, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from './chart-style';

/** The lines of CapacityHistoryChart: recharts loads with them, after the dashboard shows. */
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
  const { points, start, end, timeFormat, fullFormat } = props;
  return (
    <LineChart
      data={points}
      responsive
      style={{ width: '100%', height: 240 }}
      margin={{ top: 6, right: 16, bottom: 0, left: 0 }}
    >
      <CartesianGrid strokeDasharray="3 3" stroke={GRID_STROKE} />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[start, end]}
        tickFormatter={(v: number) => timeFormat.format(v)}
        tick={AXIS_TICK}
        minTickGap={24}
      />
      <YAxis domain={[0, 100]} unit="%" tick={AXIS_TICK} width={44} tickCount={6} />
      <Tooltip
        contentStyle={TOOLTIP_STYLE}
        labelStyle={TOOLTIP_LABEL_STYLE}
        labelFormatter={(v) => fullFormat.format(Number(v))}
        formatter={(value) => `${Number(value).toFixed(1)}%`}
      />
      <Legend wrapperStyle={{ fontSize: 11 }} iconSize={10} />
      <ReferenceLine
        y={props.thresholds.notify * 100}
        stroke="var(--mantine-color-yellow-6)"
        strokeDasharray="4 3"
        label={{
          value: t('dashboard.threshold.notifyShort', { value: Math.round(props.thresholds.notify * 100) }),
          position: 'insideTopRight',
          fontSize: 10,
          fill: 'var(--mantine-color-yellow-7)',
        }}
      />
      <ReferenceLine
        y={props.thresholds.disable * 100}
        stroke="var(--mantine-color-red-6)"
        strokeDasharray="4 3"
        label={{
          value: t('dashboard.threshold.disableShort', { value: Math.round(props.thresholds.disable * 100) }),
          position: 'insideTopRight',
          fontSize: 10,
          fill: 'var(--mantine-color-red-7)',
        }}
      />
      {props.types.map((type) => (
        <Line
          key={type}
          type="monotone"
          dataKey={seriesKey(type)}
          name={t(capacityNameKey(type))}
          stroke={SERIES_COLORS[type] ?? 'var(--mantine-color-gray-6)'}
          strokeWidth={1.75}
          dot={points.length <= 30 ? { r: 2 } : false}
          connectNulls
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
