import type { CSSProperties } from 'react';

/** Recharts styling that follows the Mantine theme in light and dark. */
export const AXIS_TICK = { fontSize: 11, fill: 'var(--mantine-color-dimmed)' } as const;
export const GRID_STROKE = 'var(--mantine-color-default-border)';
export const TOOLTIP_STYLE: CSSProperties = {
  background: 'var(--mantine-color-body)',
  border: '1px solid var(--mantine-color-default-border)',
  borderRadius: 4,
  fontSize: 12,
  padding: '4px 8px',
};
export const TOOLTIP_LABEL_STYLE: CSSProperties = { color: 'var(--mantine-color-text)', fontWeight: 600 };

/** Series colours of the capacity types in charts (not the state colours). */
export const SERIES_COLORS: Readonly<Record<number, string>> = {
  0: 'var(--mantine-color-indigo-5)',
  1: 'var(--mantine-color-cyan-5)',
  2: 'var(--mantine-color-grape-5)',
  3: 'var(--mantine-color-teal-5)',
  4: 'var(--mantine-color-orange-5)',
  5: 'var(--mantine-color-pink-5)',
  6: 'var(--mantine-color-lime-6)',
  7: 'var(--mantine-color-blue-4)',
  8: 'var(--mantine-color-orange-7)',
  9: 'var(--mantine-color-violet-4)',
  90: 'var(--mantine-color-cyan-8)',
};
