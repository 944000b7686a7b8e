import { useId, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { VisuallyHidden } from '@mantine/core';
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
import { AXIS_FONT_SIZE, AXIS_LINE, AXIS_TEXT, GRID_DASH, GRID_STROKE, THRESHOLD_DASH } from './chart-style';
import classes from './charts.module.css';

/** The drawing's height; the legend below it brings the chart to about 240 px. */
export const LINES_SVG_HEIGHT = 214;
export const LINES_MARGIN = { top: 10, right: 16, bottom: 22, left: 44 } as const;
/** Dots on the lines up to this many samples. */
const MAX_DOTTED = 30;

/** A moment of the chart: its time (ms since the epoch) and a percentage per series key. */
export type PercentPoint = { t: number } & { [key: string]: number | undefined };

export interface PercentSeries {
  /** The point key holding this series' values. */
  key: string;
  /** The line's data-series; the key by default. */
  id?: string;
  name: string;
  color: string;
  /** How a value reads in the tooltip and to assistive technology; "42.5%" by default. */
  format?: (value: number, point: PercentPoint) => string;
}

/** A dashed horizontal line at a percentage, labelled at its right end (e.g. a threshold). */
export interface PercentReference {
  /** data-threshold of the line. */
  id: string;
  value: number;
  label: string;
  line: string;
  text: string;
}

const percent = (v: number) => `${v.toFixed(1)}%`;

/** Label heights: a reference's label goes under its line when it would touch the one above. */
const LABEL_CLEARANCE = 13;

/** Each reference's line and label heights, in the given order; labels are placed from the highest line down. */
function referenceLabels(references: readonly PercentReference[], y: (v: number) => number) {
  const labelY = new Map<string, number>();
  let previous: number | undefined;
  for (const r of [...references].sort((a, b) => b.value - a.value)) {
    const at = y(r.value);
    const crowded = previous !== undefined && Math.abs(at - previous) < LABEL_CLEARANCE;
    labelY.set(r.id, crowded ? at + 11 : at - 4);
    previous = at;
  }
  return references.map((r) => ({ ...r, y: y(r.value), labelY: labelY.get(r.id) ?? y(r.value) - 4 }));
}

/**
 * Percentages over time as lines, drawn as SVG at the container's width: the dashboard's capacity
 * history and a host's CPU and memory use. Hover or the arrow keys (the chart is focusable)
 * inspect one sample; the chart names itself (`label`) and describes its range and last sample.
 */
export function PercentLines(props: {
  points: PercentPoint[];
  series: PercentSeries[];
  /** The time axis, ms since the epoch. */
  start: number;
  end: number;
  label: string;
  references?: PercentReference[];
  timeFormat: Intl.DateTimeFormat;
  fullFormat: Intl.DateTimeFormat;
  /** Prefix of the test ids (`<prefix>-chart`, `-cursor`, `-live`). */
  testId?: string;
}) {
  const { points, start, end, timeFormat, fullFormat, references = [], testId = 'history' } = props;
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const clipId = useId();
  const descriptionId = useId();
  /** The inspected sample (its time) and what inspects it: the pointer (at y) or the keyboard. */
  const [active, setActive] = useState<{ t: number; by: 'pointer' | 'key'; y?: number } | null>(null);

  const left = LINES_MARGIN.left;
  const right = Math.max(left + 1, width - LINES_MARGIN.right);
  const top = LINES_MARGIN.top;
  const bottom = LINES_SVG_HEIGHT - LINES_MARGIN.bottom;

  const times = useMemo(() => points.map((p) => p.t), [points]);
  const series = useMemo(
    () =>
      props.series.map((s) => ({
        ...s,
        values: points.map((p): number | undefined => p[s.key]),
        format: s.format ?? percent,
      })),
    [points, props.series],
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
        // connectNulls: a sample without this series is bridged by the line.
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
  const lines = referenceLabels(references, y);

  const index = active ? nearestIndex(times, active.t) : -1;
  const sample = index >= 0 ? points[index] : undefined;
  const rows = sample
    ? drawn.flatMap((s) => {
        const v = s.values[index];
        return typeof v === 'number' ? [{ key: s.key, color: s.color, label: s.name, value: s.format(v, sample) }] : [];
      })
    : [];
  const sampleText = (i: number) => {
    const p = points[i];
    if (!p) return '';
    const values = series.flatMap((s) => {
      const v = s.values[i];
      return typeof v === 'number' ? [`${s.name} ${s.format(v, p)}`] : [];
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
      ? Math.max(0, Math.min(LINES_SVG_HEIGHT - tooltipHeight, active.y - tooltipHeight / 2))
      : top;
  const last = points.length - 1;
  const referencesText = references.length > 0 ? ` ${references.map((r) => r.label).join(', ')}.` : '';
  const description = `${fullFormat.format(start)} – ${fullFormat.format(end)}. ${sampleText(last)}.${referencesText}`;

  return (
    <div className={classes.chart} style={{ minHeight: 240 }}>
      <div
        ref={ref}
        className={classes.surface}
        style={{ height: LINES_SVG_HEIGHT }}
        tabIndex={0}
        role="group"
        aria-label={props.label}
        aria-describedby={descriptionId}
        aria-keyshortcuts="ArrowLeft ArrowRight Home End Escape"
        data-testid={`${testId}-chart`}
        data-points={points.length}
        onMouseMove={onMouseMove}
        onMouseLeave={() => active?.by === 'pointer' && setActive(null)}
        onKeyDown={onKeyDown}
        onBlur={() => active?.by === 'key' && setActive(null)}
      >
        <svg width={width} height={LINES_SVG_HEIGHT} aria-hidden="true" focusable="false">
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
                {lines.map((r) => (
                  <line
                    key={r.id}
                    x1={left}
                    x2={right}
                    y1={r.y}
                    y2={r.y}
                    stroke={r.line}
                    strokeDasharray={THRESHOLD_DASH}
                    data-threshold={r.id}
                  />
                ))}
                {lines.map((r) => (
                  <text key={r.id} x={right - 4} y={r.labelY} fill={r.text}>
                    {r.label}
                  </text>
                ))}
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
                    data-testid={`${testId}-cursor`}
                  />
                )}
                {drawn.map((s) => (
                  <path
                    key={s.key}
                    className="history-line"
                    data-series={s.id ?? s.key}
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
      <VisuallyHidden aria-live="polite" data-testid={`${testId}-live`}>
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
