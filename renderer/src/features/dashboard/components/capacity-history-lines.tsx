import { useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { VisuallyHidden } from '@mantine/core';
import { useT } from '../../../lib/i18n';
import { capacityNameKey, type Thresholds } from '../lib/capacity';
import { seriesKey, type HistoryPoint } from '../lib/history';
import { ChartTooltip, LegendItem, useElementWidth } from './chart-frame';
import {
  linearScale,
  monotonePath,
  nearestIndex,
  percentMax,
  percentTicks,
  textWidth,
  timeTicks,
} from './chart-geometry';
import {
  AXIS_FONT_SIZE,
  AXIS_LINE,
  AXIS_TEXT,
  GRID_DASH,
  GRID_STROKE,
  SERIES_COLORS,
  SERIES_FALLBACK,
  THRESHOLD_COLORS,
  THRESHOLD_DASH,
} from './chart-style';
import classes from './charts.module.css';

/** The drawing's height; the legend below it brings the chart to about 240 px. */
export const HISTORY_SVG_HEIGHT = 214;
export const HISTORY_MARGIN = { top: 10, right: 16, bottom: 22, left: 44 } as const;
/** Dots on the lines up to this many samples. */
const MAX_DOTTED = 30;

const percent = (v: number) => `${v.toFixed(1)}%`;

/**
 * The lines of CapacityHistoryChart: percent used per capacity type over time, drawn as SVG at the
 * card's width. Hover or the arrow keys (the chart is focusable) inspect one sample.
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
  const { points, start, end, types, thresholds, timeFormat, fullFormat } = props;
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const clipId = useId();
  const descriptionId = useId();
  /** The inspected sample (its time) and what inspects it: the pointer (at y) or the keyboard. */
  const [active, setActive] = useState<{ t: number; by: 'pointer' | 'key'; y?: number } | null>(null);

  const left = HISTORY_MARGIN.left;
  const right = Math.max(left + 1, width - HISTORY_MARGIN.right);
  const top = HISTORY_MARGIN.top;
  const bottom = HISTORY_SVG_HEIGHT - HISTORY_MARGIN.bottom;

  const times = useMemo(() => points.map((p) => p.t), [points]);
  const series = useMemo(
    () =>
      types.map((type) => {
        const key = seriesKey(type);
        return {
          type,
          key,
          name: t(capacityNameKey(type)),
          color: SERIES_COLORS[type] ?? SERIES_FALLBACK,
          values: points.map((p): number | undefined => p[key]),
        };
      }),
    [points, types, t],
  );
  const yMax = useMemo(
    () => percentMax(series.flatMap((s) => s.values.filter((v): v is number => typeof v === 'number'))),
    [series],
  );
  const x = useMemo(() => linearScale(start, end, left, right), [start, end, left, right]);
  const y = useMemo(() => linearScale(0, yMax, bottom, top), [yMax, bottom, top]);

  const drawn = useMemo(
    () =>
      series.map((s) => {
        // connectNulls: a sample without this type is bridged by the line.
        const xy: [number, number][] = [];
        s.values.forEach((v, i) => {
          if (typeof v === 'number') xy.push([x(times[i]!), y(v)]);
        });
        return { ...s, xy, d: monotonePath(xy) };
      }),
    [series, times, x, y],
  );

  const labelWidth = textWidth(timeFormat.format(end), AXIS_FONT_SIZE);
  const xTicks = timeTicks(start, end, right - left, labelWidth + 20);
  const yTicks = percentTicks(yMax);
  const notifyY = y(thresholds.notify * 100);
  const disableY = y(thresholds.disable * 100);
  // Each threshold's label sits on its line; the lower one goes under its line when they would touch.
  const crowded = Math.abs(notifyY - disableY) < 13;
  const notifyLabel = t('dashboard.threshold.notifyShort', { value: Math.round(thresholds.notify * 100) });
  const disableLabel = t('dashboard.threshold.disableShort', { value: Math.round(thresholds.disable * 100) });

  const index = active ? nearestIndex(times, active.t) : -1;
  const sample = index >= 0 ? points[index] : undefined;
  const rows = sample
    ? drawn.flatMap((s) => {
        const v = s.values[index];
        return typeof v === 'number' ? [{ key: s.key, color: s.color, label: s.name, value: percent(v) }] : [];
      })
    : [];
  const sampleText = (i: number) => {
    const p = points[i];
    if (!p) return '';
    const values = series.flatMap((s) => {
      const v = s.values[i];
      return typeof v === 'number' ? [`${s.name} ${percent(v)}`] : [];
    });
    return `${fullFormat.format(p.t)}: ${values.join(', ')}`;
  };

  const inspect = (i: number, by: 'pointer' | 'key', atY?: number) => {
    const p = points[i];
    if (p) setActive({ t: p.t, by, y: atY });
  };
  const onMouseMove = (e: MouseEvent<HTMLDivElement>) => {
    if (points.length === 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - box.left;
    const at = start + ((px - left) / (right - left)) * (end - start);
    inspect(nearestIndex(times, at), 'pointer', e.clientY - box.top);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = points.length - 1;
    if (last < 0) return;
    let next: number;
    switch (e.key) {
      case 'ArrowLeft':
        next = index < 0 ? last : Math.max(0, index - 1);
        break;
      case 'ArrowRight':
        next = index < 0 ? 0 : Math.min(last, index + 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Escape':
        if (active) {
          e.preventDefault();
          setActive(null);
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    inspect(next, 'key');
  };

  const tooltipHeight = 26 + rows.length * 18;
  const tooltipY =
    active?.by === 'pointer' && active.y !== undefined
      ? Math.max(0, Math.min(HISTORY_SVG_HEIGHT - tooltipHeight, active.y - tooltipHeight / 2))
      : top;
  const last = points.length - 1;
  const label = `${t('dashboard.history.title')}: ${series.map((s) => s.name).join(', ')}`;
  const description = `${fullFormat.format(start)} – ${fullFormat.format(end)}. ${sampleText(last)}. ${notifyLabel}, ${disableLabel}.`;

  return (
    <div className={classes.chart} style={{ minHeight: 240 }}>
      <div
        ref={ref}
        className={classes.surface}
        style={{ height: HISTORY_SVG_HEIGHT }}
        tabIndex={0}
        role="group"
        aria-label={label}
        aria-describedby={descriptionId}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End Escape"
        data-testid="history-chart"
        onMouseMove={onMouseMove}
        onMouseLeave={() => active?.by === 'pointer' && setActive(null)}
        onKeyDown={onKeyDown}
        onBlur={() => active?.by === 'key' && setActive(null)}
      >
        <svg width={width} height={HISTORY_SVG_HEIGHT} aria-hidden="true" focusable="false">
          {width > 0 && (
            <>
              <defs>
                <clipPath id={clipId}>
                  <rect x={left - 4} y={top - 4} width={right - left + 8} height={bottom - top + 8} />
                </clipPath>
              </defs>
              <g stroke={GRID_STROKE} strokeDasharray={GRID_DASH}>
                {yTicks.map((v) => (
                  <line key={`y${v}`} x1={left} x2={right} y1={y(v)} y2={y(v)} />
                ))}
                {xTicks.map((tick) => (
                  <line key={`x${tick}`} x1={x(tick)} x2={x(tick)} y1={top} y2={bottom} />
                ))}
              </g>
              <g fontSize={AXIS_FONT_SIZE} fill={AXIS_TEXT}>
                {yTicks.map((v) => (
                  <text key={v} x={left - 8} y={y(v)} dy="0.32em" textAnchor="end">
                    {`${v}%`}
                  </text>
                ))}
                {xTicks.map((tick) => {
                  const text = timeFormat.format(tick);
                  const half = textWidth(text, AXIS_FONT_SIZE) / 2;
                  // Inside the card: the first and last labels do not run off its edges.
                  const at = Math.max(half, Math.min(width - half, x(tick)));
                  return (
                    <text key={tick} x={at} y={bottom + 8} dy="0.71em" textAnchor="middle">
                      {text}
                    </text>
                  );
                })}
              </g>
              <g stroke={AXIS_LINE} strokeOpacity={0.6}>
                <line x1={left} x2={left} y1={top} y2={bottom} />
                <line x1={left} x2={right} y1={bottom} y2={bottom} />
                {yTicks.map((v) => (
                  <line key={v} x1={left - 5} x2={left} y1={y(v)} y2={y(v)} />
                ))}
                {xTicks.map((tick) => (
                  <line key={tick} x1={x(tick)} x2={x(tick)} y1={bottom} y2={bottom + 5} />
                ))}
              </g>
              <g fontSize={10} textAnchor="end">
                <line
                  x1={left}
                  x2={right}
                  y1={notifyY}
                  y2={notifyY}
                  stroke={THRESHOLD_COLORS.notify.line}
                  strokeDasharray={THRESHOLD_DASH}
                  data-threshold="notify"
                />
                <line
                  x1={left}
                  x2={right}
                  y1={disableY}
                  y2={disableY}
                  stroke={THRESHOLD_COLORS.disable.line}
                  strokeDasharray={THRESHOLD_DASH}
                  data-threshold="disable"
                />
                <text
                  x={right - 4}
                  y={crowded && notifyY >= disableY ? notifyY + 11 : notifyY - 4}
                  fill={THRESHOLD_COLORS.notify.text}
                >
                  {notifyLabel}
                </text>
                <text
                  x={right - 4}
                  y={crowded && disableY > notifyY ? disableY + 11 : disableY - 4}
                  fill={THRESHOLD_COLORS.disable.text}
                >
                  {disableLabel}
                </text>
              </g>
              <g clipPath={`url(#${clipId})`}>
                {sample && (
                  <line
                    x1={x(sample.t)}
                    x2={x(sample.t)}
                    y1={top}
                    y2={bottom}
                    stroke={AXIS_LINE}
                    strokeOpacity={0.6}
                    data-testid="history-cursor"
                  />
                )}
                {drawn.map((s) => (
                  <path
                    key={s.key}
                    className="history-line"
                    data-series={s.type}
                    d={s.d}
                    fill="none"
                    stroke={s.color}
                    strokeWidth={1.75}
                    strokeLinejoin="round"
                    strokeLinecap="round"
                  />
                ))}
                {points.length <= MAX_DOTTED &&
                  drawn.map((s) => (
                    <g key={s.key} fill="var(--mantine-color-body)" stroke={s.color} strokeWidth={1.5}>
                      {s.xy.map(([cx, cy]) => (
                        <circle key={cx} cx={cx} cy={cy} r={2} />
                      ))}
                    </g>
                  ))}
                {sample &&
                  drawn.map((s) => {
                    const v = s.values[index];
                    return typeof v === 'number' ? (
                      <circle
                        key={s.key}
                        cx={x(sample.t)}
                        cy={y(v)}
                        r={4}
                        fill={s.color}
                        stroke="var(--mantine-color-body)"
                        strokeWidth={2}
                      />
                    ) : null;
                  })}
              </g>
            </>
          )}
        </svg>
        {sample && width > 0 && (
          <ChartTooltip x={x(sample.t)} y={tooltipY} width={width} title={fullFormat.format(sample.t)} rows={rows} />
        )}
      </div>
      <VisuallyHidden id={descriptionId}>{description}</VisuallyHidden>
      <VisuallyHidden aria-live="polite" data-testid="history-live">
        {active?.by === 'key' && index >= 0 ? sampleText(index) : ''}
      </VisuallyHidden>
      <div className={classes.legend}>
        {series.map((s) => (
          <LegendItem key={s.key} color={s.color}>
            {s.name}
          </LegendItem>
        ))}
      </div>
    </div>
  );
}
