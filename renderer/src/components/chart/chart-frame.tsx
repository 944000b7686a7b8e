import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import classes from './charts.module.css';

/**
 * The width of an element in whole pixels, kept current with a ResizeObserver: the charts draw
 * in pixels at that width, so their text keeps its size whatever the card's width.
 */
export function useElementWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) setWidth(Math.floor(box.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export interface TooltipRow {
  key: string;
  /** The series colour, shown as a swatch before the label. */
  color?: string;
  label: string;
  value: string;
}

/**
 * A chart's tooltip near (x, y) of the chart's box: right of the point, or left of it when it
 * would leave the box on the right, and never past the box's left edge. Decorative for assistive
 * technology: the charts announce the same text themselves.
 */
export function ChartTooltip(props: { x: number; y: number; width: number; title: string; rows: TooltipRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(0);
  const content = `${props.title}\n${props.rows.map((r) => `${r.label}\t${r.value}`).join('\n')}`;
  // Measured before the browser paints (again when the text changes), so it shows where it fits at once.
  useLayoutEffect(() => {
    const measured = ref.current?.offsetWidth ?? 0;
    if (measured !== size) setSize(measured);
  }, [content, size]);
  const gap = 12;
  const fits = props.x + gap + size <= props.width;
  const left = Math.max(0, fits ? props.x + gap : Math.min(props.x - gap - size, props.width - size));
  return (
    <div
      ref={ref}
      className={classes.tooltip}
      style={{ left, top: props.y }}
      aria-hidden="true"
      data-testid="chart-tooltip"
    >
      <div className={classes.tooltipTitle}>{props.title}</div>
      {props.rows.map((row) => (
        <div key={row.key} className={classes.tooltipRow}>
          {row.color && <span className={classes.swatch} style={{ background: row.color }} />}
          <span>{row.label}</span>
          <span className={classes.tooltipValue}>{row.value}</span>
        </div>
      ))}
    </div>
  );
}

/** A legend entry: the series' line and dot, then its name. */
export function LegendItem(props: { color: string; children: ReactNode }) {
  return (
    <span className={classes.legendItem}>
      <svg width="14" height="8" aria-hidden="true" focusable="false">
        <line x1="0" y1="4" x2="14" y2="4" stroke={props.color} strokeWidth="2" />
        <circle cx="7" cy="4" r="2.5" fill="var(--mantine-color-body)" stroke={props.color} strokeWidth="1.5" />
      </svg>
      {props.children}
    </span>
  );
}
