/** Colours and sizes of the SVG charts (dashboard, host usage); CSS variables follow the Mantine theme in light and dark. */
export const AXIS_FONT_SIZE = 11;
export const AXIS_TEXT = 'var(--mantine-color-dimmed)';
export const AXIS_LINE = 'var(--mantine-color-dimmed)';
export const GRID_STROKE = 'var(--mantine-color-default-border)';
export const GRID_DASH = '3 3';
export const THRESHOLD_DASH = '4 3';
/** The notification and disable thresholds: amber and red, as the state colours. */
export const THRESHOLD_COLORS = {
  notify: { line: 'var(--mantine-color-yellow-6)', text: 'var(--mantine-color-yellow-7)' },
  disable: { line: 'var(--mantine-color-red-6)', text: 'var(--mantine-color-red-7)' },
} as const;

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
export const SERIES_FALLBACK = 'var(--mantine-color-gray-6)';
