import type { CSSProperties } from 'react';
import { LazyTooltip } from '../../../components/lazy-tooltip';
import { capacityColor } from '../../../lib/states';
import classes from './usage-bar.module.css';

const clamp = (percent: number) => Math.min(100, Math.max(0, percent));
const whole = (percent: number) => `${Math.round(percent)}%`;

/**
 * What is used now against what is allocated, on one small bar: the allocated share as a light
 * band ending in a mark, the used share as a solid fill inside it, each coloured by the capacity
 * thresholds (green, amber, red); then "34% · 61%" (used · allocated). `tooltip` says it in words.
 * Plain elements: a list draws two per row while it scrolls. The bar is decoration; the text and
 * the data attributes carry the figures.
 */
export function UsageBar({
  used,
  allocated,
  label,
  tooltip,
  testId,
  barWidth = 54,
}: {
  /** 0..100 */
  used: number | undefined;
  allocated: number | undefined;
  /** Replaces the "used · allocated" text. */
  label?: string;
  tooltip?: string;
  testId?: string;
  barWidth?: number;
}) {
  if (used === undefined && allocated === undefined) return <span className={classes.none}>—</span>;
  const usedColor = used === undefined ? undefined : capacityColor(Math.max(0, used) / 100);
  const allocatedColor = allocated === undefined ? undefined : capacityColor(Math.max(0, allocated) / 100);
  const text =
    label ?? `${used === undefined ? '—' : whole(used)} · ${allocated === undefined ? '—' : whole(allocated)}`;
  const band: CSSProperties | undefined =
    allocated === undefined
      ? undefined
      : { width: `${clamp(allocated)}%`, background: `var(--mantine-color-${allocatedColor}-light)` };
  const fill: CSSProperties | undefined =
    used === undefined
      ? undefined
      : { width: `${clamp(used)}%`, background: `var(--mantine-color-${usedColor}-filled)` };
  const bar = (
    <span
      className={classes.bar}
      data-testid={testId}
      data-capacity={allocatedColor}
      data-used-capacity={usedColor}
      data-used={used?.toFixed(1)}
      data-allocated={allocated?.toFixed(1)}
    >
      <span className={classes.track} style={{ width: barWidth }} aria-hidden>
        {band && <span className={classes.allocated} style={band} />}
        {fill && <span className={classes.used} style={fill} />}
        {allocated !== undefined && (
          <span
            className={classes.mark}
            style={{ left: `${clamp(allocated)}%`, background: `var(--mantine-color-${allocatedColor}-filled)` }}
          />
        )}
      </span>
      <span className={classes.text}>{text}</span>
    </span>
  );
  return tooltip ? <LazyTooltip label={tooltip}>{bar}</LazyTooltip> : bar;
}
