import { useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useLocale, useT } from '../../../lib/i18n';
import { capacityColor } from '../../../lib/states';
import type { ClusterUsage } from '../api/dashboard-queries';
import { capacityNameKey, formatCapacity, type Thresholds } from '../lib/capacity';
import { ChartTooltip, useElementWidth } from '../../../components/chart/chart-frame';
import {
  linearScale,
  percentMax,
  percentTicks,
  textWidth,
  truncateText,
} from '../../../components/chart/chart-geometry';
import {
  AXIS_FONT_SIZE,
  AXIS_LINE,
  AXIS_TEXT,
  GRID_DASH,
  GRID_STROKE,
  THRESHOLD_COLORS,
  THRESHOLD_DASH,
} from '../../../components/chart/chart-style';
import classes from '../../../components/chart/charts.module.css';

/** The cluster names' column at its narrowest, and the drawing's margins around the bars. */
export const NAME_WIDTH = 110;
/** The share of the chart's width the names may take before they are cut short. */
const NAME_MAX_SHARE = 0.45;
const NAME_GAP = 8;

/**
 * The names' column: as wide as the longest name needs, so that names differing only at their
 * end stay apart, but at least NAME_WIDTH and at most NAME_MAX_SHARE of the chart.
 */
export function nameColumnWidth(names: readonly string[], width: number): number {
  const longest = Math.max(0, ...names.map((name) => textWidth(name, AXIS_FONT_SIZE)));
  return Math.ceil(Math.max(NAME_WIDTH, Math.min(longest + NAME_GAP, width * NAME_MAX_SHARE)));
}
export const BARS_MARGIN = { top: 4, right: 16, bottom: 24 } as const;
const BAR_HEIGHT = 14;

/**
 * The bars of ClusterUsageChart: one row per cluster, percent used as a bar coloured by the
 * thresholds. Each row is a button (click, Enter or Space selects the cluster) with a tooltip on
 * hover and keyboard focus.
 */
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
  const { rows, height, thresholds } = props;
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const [hovered, setHovered] = useState<{ index: number; x: number } | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  /** A press of the pointer focuses the row too: its tooltip then follows the pointer only. */
  const pressed = useRef(false);

  const left = nameColumnWidth(
    rows.map((r) => r.name),
    width,
  );
  const right = Math.max(left + 1, width - BARS_MARGIN.right);
  const top = BARS_MARGIN.top;
  const bottom = Math.max(top + 1, height - BARS_MARGIN.bottom);
  const band = (bottom - top) / Math.max(1, rows.length);
  const barHeight = Math.min(BAR_HEIGHT, band * 0.7);
  const max = useMemo(() => percentMax(rows.map((r) => r.percent)), [rows]);
  const x = linearScale(0, max, left, right);
  const ticks = percentTicks(max);
  const typeName = t(capacityNameKey(props.type));
  const valueText = (row: ClusterUsage) =>
    `${row.percent.toFixed(1)}% (${formatCapacity(props.type, row.used, locale)} / ${formatCapacity(props.type, row.total, locale)})`;

  const active = hovered?.index ?? focused;
  const activeRow = active !== null ? rows[active] : undefined;
  const select = (row: ClusterUsage) => props.onSelect({ id: row.id, name: row.name });
  const onKeyDown = (e: KeyboardEvent<SVGGElement>, row: ClusterUsage) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(row);
    } else if (e.key === 'Escape' && active !== null) {
      e.preventDefault();
      setHovered(null);
      setFocused(null);
    }
  };
  const onFocus = (index: number) => {
    setFocused(pressed.current ? null : index);
    pressed.current = false;
  };
  const onPointer = (e: MouseEvent<SVGGElement>, index: number) => {
    const box = ref.current?.getBoundingClientRect();
    setHovered({ index, x: box ? e.clientX - box.left : x(rows[index]?.percent ?? 0) });
  };

  let tooltip = null;
  if (activeRow && active !== null && width > 0) {
    const barEnd = Math.max(left, x(activeRow.percent));
    const at = hovered ? hovered.x : barEnd;
    const tooltipHeight = 46;
    const rowTop = top + active * band;
    // Below the row, or above it when the row is in the lower half.
    const y = rowTop + band / 2 > height / 2 ? rowTop - tooltipHeight : rowTop + band;
    tooltip = (
      <ChartTooltip
        x={at}
        y={Math.max(-tooltipHeight, y)}
        width={width}
        title={activeRow.name}
        rows={[{ key: 'value', label: typeName, value: valueText(activeRow) }]}
      />
    );
  }

  return (
    <div ref={ref} className={classes.chart} style={{ height }}>
      <svg width={width} height={height} role="group" aria-label={`${t('dashboard.clusters.title')}: ${typeName}`}>
        {width > 0 && (
          <>
            <g aria-hidden="true">
              <g stroke={GRID_STROKE} strokeDasharray={GRID_DASH}>
                {ticks.map((v) => (
                  <line key={v} x1={x(v)} x2={x(v)} y1={top} y2={bottom} />
                ))}
              </g>
              <g stroke={AXIS_LINE} strokeOpacity={0.6}>
                <line x1={left} x2={left} y1={top} y2={bottom} />
                <line x1={left} x2={right} y1={bottom} y2={bottom} />
                {ticks.map((v) => (
                  <line key={v} x1={x(v)} x2={x(v)} y1={bottom} y2={bottom + 5} />
                ))}
              </g>
              <g fontSize={AXIS_FONT_SIZE} fill={AXIS_TEXT} textAnchor="middle">
                {ticks.map((v) => (
                  <text key={v} x={x(v)} y={bottom + 8} dy="0.71em">
                    {`${v}%`}
                  </text>
                ))}
              </g>
            </g>
            {rows.map((row, i) => {
              const rowTop = top + i * band;
              const selected = row.id === props.selected;
              const name = truncateText(row.name, left - NAME_GAP, AXIS_FONT_SIZE);
              return (
                <g
                  key={row.id}
                  role="button"
                  tabIndex={0}
                  aria-label={`${row.name}: ${valueText(row)}`}
                  aria-pressed={selected}
                  className={classes.barRow}
                  data-active={active === i || undefined}
                  data-testid="cluster-bar"
                  data-cluster={row.id}
                  onClick={() => select(row)}
                  onKeyDown={(e) => onKeyDown(e, row)}
                  onMouseDown={() => (pressed.current = true)}
                  onFocus={() => onFocus(i)}
                  onBlur={() => setFocused(null)}
                  onMouseEnter={(e) => onPointer(e, i)}
                  onMouseMove={(e) => onPointer(e, i)}
                  onMouseUp={() => (pressed.current = false)}
                  onMouseLeave={() => {
                    pressed.current = false;
                    setHovered(null);
                  }}
                >
                  <rect className={classes.band} x={left} y={rowTop} width={right - left} height={band} />
                  <rect x={0} y={rowTop} width={left} height={band} fill="transparent" />
                  <text
                    x={left - 6}
                    y={rowTop + band / 2}
                    dy="0.32em"
                    textAnchor="end"
                    fontSize={AXIS_FONT_SIZE}
                    fontWeight={selected ? 600 : undefined}
                    fill="var(--mantine-color-text)"
                  >
                    {name !== row.name && <title>{row.name}</title>}
                    {name}
                  </text>
                  <rect
                    x={left}
                    y={rowTop + (band - barHeight) / 2}
                    width={Math.max(0, x(row.percent) - left)}
                    height={barHeight}
                    fill={`var(--mantine-color-${capacityColor(row.percent / 100, thresholds)}-6)`}
                    stroke={selected ? 'var(--mantine-color-text)' : undefined}
                    strokeWidth={selected ? 1.5 : 0}
                    data-testid="cluster-bar-fill"
                  />
                  <rect className={classes.ring} x={1} y={rowTop + 1} width={right - 1} height={band - 2} rx={3} />
                </g>
              );
            })}
            <g aria-hidden="true" strokeDasharray={THRESHOLD_DASH} pointerEvents="none">
              <line
                x1={x(thresholds.notify * 100)}
                x2={x(thresholds.notify * 100)}
                y1={top}
                y2={bottom}
                stroke={THRESHOLD_COLORS.notify.line}
                data-threshold="notify"
              />
              <line
                x1={x(thresholds.disable * 100)}
                x2={x(thresholds.disable * 100)}
                y1={top}
                y2={bottom}
                stroke={THRESHOLD_COLORS.disable.line}
                data-threshold="disable"
              />
            </g>
          </>
        )}
      </svg>
      {tooltip}
    </div>
  );
}
