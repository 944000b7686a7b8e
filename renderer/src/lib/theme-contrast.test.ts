import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrast, readableOn, readableVariables } from './theme-contrast';

describe('readable theme colours', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#868e96', '#ffffff')).toBeCloseTo(3.32, 1);
  });

  it('keeps a colour that already reads and darkens one that does not, just enough', () => {
    expect(readableOn('#212529', ['#ffffff'], 'black')).toBe('#212529');
    const darker = readableOn('#2b8a3e', ['#d3f9d8'], 'black');
    expect(contrast('#2b8a3e', '#d3f9d8')).toBeLessThan(4.5);
    expect(contrast(darker, '#d3f9d8')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(darker, '#d3f9d8')).toBeLessThan(7);
  });

  it('gives every light-variant colour and the dimmed text at least 4.5:1 on their backgrounds', () => {
    const vars = readableVariables(DEFAULT_THEME);
    for (const [name, shades] of Object.entries(DEFAULT_THEME.colors)) {
      const text = vars.light[`--mantine-color-${name}-light-color`];
      expect(text, name).toBeDefined();
      expect(contrast(text!, shades[1]), name).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(vars.light['--mantine-color-dimmed']!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(vars.dark['--mantine-color-dimmed']!, DEFAULT_THEME.colors.dark[7])).toBeGreaterThanOrEqual(4.5);
  });
});
