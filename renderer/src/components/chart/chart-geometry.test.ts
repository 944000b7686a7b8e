import { describe, expect, it } from 'vitest';
import {
  monotonePath,
  nearestIndex,
  percentMax,
  percentTicks,
  textWidth,
  timeTicks,
  truncateText,
} from './chart-geometry';

describe('chart geometry', () => {
  it('draws a monotone curve through every point without overshooting', () => {
    expect(monotonePath([])).toBe('');
    expect(monotonePath([[1, 2]])).toBe('M1,2');
    expect(
      monotonePath([
        [0, 0],
        [10, 5],
      ]),
    ).toBe('M0,0L10,5');
    const d = monotonePath([
      [0, 10],
      [10, 0],
      [20, 0],
      [30, 10],
    ]);
    const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    // Segment ends are the points.
    expect(d.startsWith('M0,10C')).toBe(true);
    expect(d.endsWith(',30,10')).toBe(true);
    // The flat middle stays flat: no control point below 0 or above 10.
    for (let i = 1; i < numbers.length; i += 2) {
      expect(numbers[i]).toBeGreaterThanOrEqual(0);
      expect(numbers[i]).toBeLessThanOrEqual(10);
    }
    expect(d).toContain('C13.33,0,16.67,0,20,0');
  });

  it('finds the nearest sample', () => {
    const times = [0, 10, 20, 40];
    expect(nearestIndex([], 5)).toBe(-1);
    expect(nearestIndex(times, -5)).toBe(0);
    expect(nearestIndex(times, 14)).toBe(1);
    expect(nearestIndex(times, 16)).toBe(2);
    expect(nearestIndex(times, 31)).toBe(3);
    expect(nearestIndex(times, 99)).toBe(3);
  });

  it('picks round time steps that keep labels apart', () => {
    const start = Date.UTC(2026, 10, 22, 10, 0, 7);
    // 15 minutes over 600 px with 60 px per label: 1-minute steps fit at 40 px, 2-minute at 80 px.
    const ticks = timeTicks(start, start + 15 * 60_000, 600, 60);
    expect(ticks[1]! - ticks[0]!).toBe(2 * 60_000);
    expect(ticks[0]! % 60_000).toBe(0);
    expect(ticks.every((t) => t >= start && t <= start + 15 * 60_000)).toBe(true);
    // A week over 700 px: one tick a day.
    const week = timeTicks(start, start + 7 * 86_400_000, 700, 80);
    expect(week[1]! - week[0]!).toBe(86_400_000);
    expect(timeTicks(start, start, 700, 80)).toEqual([]);
  });

  it('extends the percent axis for values over 100', () => {
    expect(percentMax([10, 99])).toBe(100);
    expect(percentMax([10, 101])).toBe(120);
    expect(percentTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
  });

  it('estimates text widths and truncates with an ellipsis', () => {
    expect(textWidth('클러스터', 10)).toBe(40);
    expect(textWidth('0000', 10)).toBeCloseTo(25.6);
    // As Chromium draws it here at 11 px (DejaVu Sans): 95.4 px.
    expect(textWidth('cluster-mxckt569', 11)).toBeGreaterThanOrEqual(95.4);
    expect(truncateText('c1', 100, 11)).toBe('c1');
    const cut = truncateText('a-cluster-with-a-rather-long-name', 100, 11);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(100);
    expect(textWidth(truncateText('아주 긴 클러스터 이름입니다', 60, 11), 11)).toBeLessThanOrEqual(60);
  });
});
