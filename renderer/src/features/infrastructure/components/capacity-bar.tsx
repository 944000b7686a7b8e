import type { CSSProperties } from 'react';
import { LazyTooltip } from '../../../components/lazy-tooltip';
import { capacityColor } from '../../../lib/states';
import classes from './capacity-bar.module.css';

/**
 * A small bar coloured by the capacity thresholds (green, amber, red) and its text. `percent` is
 * 0..100; `label` replaces the percentage text (e.g. "1.2 TiB / 4 TiB"). Plain elements: lists
 * draw two per row while they scroll. The bar itself is decoration; the text says the figure.
 */
export function CapacityBar({
  percent,
  label,
  tooltip,
  testId,
  barWidth = 54,
}: {
  barWidth?: number;
  percent: number | undefined;
  label?: string;
  tooltip?: string;
  testId?: string;
}) {
  if (percent === undefined) return <span className={classes.none}>—</span>;
  const fraction = Math.max(0, percent) / 100;
  const color = capacityColor(fraction);
  const text = label ?? `${percent.toFixed(1)}%`;
  const fill: CSSProperties = {
    width: `${Math.min(100, Math.max(0, percent))}%`,
    background: `var(--mantine-color-${color}-filled)`,
  };
  const bar = (
    <span className={classes.bar} data-testid={testId} data-capacity={color} data-percent={percent.toFixed(1)}>
      <span className={classes.track} style={{ width: barWidth }} aria-hidden>
        <span className={classes.fill} style={fill} />
      </span>
      <span className={classes.text}>{text}</span>
    </span>
  );
  return tooltip ? <LazyTooltip label={tooltip}>{bar}</LazyTooltip> : bar;
}
