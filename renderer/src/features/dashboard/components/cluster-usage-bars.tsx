import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocale, useT } from '../../../lib/i18n';
import { capacityColor } from '../../../lib/states';
import type { ClusterUsage } from '../api/dashboard-queries';
import { capacityNameKey, formatCapacity, type Thresholds } from '../lib/capacity';
import { AXIS_TICK, GRID_STROKE, TOOLTIP_LABEL_STYLE, TOOLTIP_STYLE } from './chart-style';

/** The bars of ClusterUsageChart: recharts loads with them, after the dashboard shows. */
export function ClusterUsageBars(props: {
  rows: ClusterUsage[];
  height: number;
  type: number;
  thresholds: Thresholds;
  selected: string | undefined;
  onSelect: (cluster: { id: string; name: string }) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const { rows } = props;
  return (
    <BarChart
      data={rows}
      layout="vertical"
      responsive
      style={{ width: '100%', height: props.height }}
      margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
      accessibilityLayer
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" stroke={GRID_STROKE} />
      <XAxis type="number" domain={[0, 100]} unit="%" tick={AXIS_TICK} tickCount={6} />
      <YAxis type="category" dataKey="name" width={110} tick={AXIS_TICK} interval={0} />
      <Tooltip
        cursor={{ fill: 'var(--mantine-color-default-hover)' }}
        contentStyle={TOOLTIP_STYLE}
        labelStyle={TOOLTIP_LABEL_STYLE}
        formatter={(_value, _name, item) => {
          const row = item.payload as (typeof rows)[number];
          return [
            `${row.percent.toFixed(1)}% (${formatCapacity(props.type, row.used, locale)} / ${formatCapacity(props.type, row.total, locale)})`,
            t(capacityNameKey(props.type)),
          ];
        }}
      />
      <ReferenceLine x={props.thresholds.notify * 100} stroke="var(--mantine-color-yellow-6)" strokeDasharray="4 3" />
      <ReferenceLine x={props.thresholds.disable * 100} stroke="var(--mantine-color-red-6)" strokeDasharray="4 3" />
      <Bar
        dataKey="percent"
        barSize={14}
        isAnimationActive={false}
        cursor="pointer"
        onClick={(_data, index) => {
          const row = rows[index];
          if (row) props.onSelect({ id: row.id, name: row.name });
        }}
      >
        {rows.map((row) => (
          <Cell
            key={row.id}
            fill={`var(--mantine-color-${capacityColor(row.percent / 100, props.thresholds)}-6)`}
            stroke={row.id === props.selected ? 'var(--mantine-color-text)' : undefined}
            strokeWidth={row.id === props.selected ? 1.5 : 0}
          />
        ))}
      </Bar>
    </BarChart>
  );
}
