// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import type { ClusterUsage } from '../api/dashboard-queries';
import { BARS_MARGIN, ClusterUsageBars, nameColumnWidth, NAME_WIDTH } from './cluster-usage-bars';
import { truncateText } from '../../../components/chart/chart-geometry';
import { AXIS_FONT_SIZE } from '../../../components/chart/chart-style';

const GiB = 1024 ** 3;
// The test DOM gives every element a width of 1200 px (installDomPolyfills).
const RIGHT = 1200 - BARS_MARGIN.right;

function row(id: string, name: string, used: number, total: number): ClusterUsage {
  return { id, name, used, total, percent: (used / total) * 100 };
}

// Longer than 45% of the 1200 px chart: cut even in the widest names' column.
const LONG = 'a-cluster-with-a-rather-long-name'.repeat(3);
const ROWS = [
  row('c-1', 'yard-adv-c1', 7 * GiB, 8 * GiB),
  row('c-2', 'yard-adv-c2', 6.4 * GiB, 8 * GiB),
  row('c-3', LONG, 2 * GiB, 8 * GiB),
];
// The names' column fits the longest name (within 45% of the chart).
const LEFT = nameColumnWidth(
  ROWS.map((r) => r.name),
  1200,
);
const xAt = (percent: number) => LEFT + (percent / 100) * (RIGHT - LEFT);

function draw(options: { selected?: string; locale?: 'en' | 'ko' } = {}) {
  const onSelect = vi.fn();
  const { client } = fakeClient({});
  renderWithProviders(
    <ClusterUsageBars
      rows={ROWS}
      height={ROWS.length * 26 + 36}
      type={0}
      thresholds={{ notify: 0.75, disable: 0.85 }}
      selected={options.selected}
      onSelect={onSelect}
    />,
    { client, locale: options.locale },
  );
  return onSelect;
}

const bars = () => screen.getAllByTestId('cluster-bar');
const fill = (bar: Element) => bar.querySelector('[data-testid="cluster-bar-fill"]')!;
const tooltip = () => screen.queryByTestId('chart-tooltip');

describe('nameColumnWidth', () => {
  it('fits the longest name, so names differing only at the end stay apart, within 45% of the chart', () => {
    const similar = ['cluster-mxdde8an', 'cluster-mxdde8anb'];
    // In the narrowest column the two would read the same.
    const cut = (width: number) => similar.map((name) => truncateText(name, width - 8, AXIS_FONT_SIZE));
    expect(cut(NAME_WIDTH)[1]).not.toBe(similar[1]);
    const fitted = nameColumnWidth(similar, 320);
    expect(cut(fitted)).toEqual(similar);
    expect(nameColumnWidth(['c1'], 320)).toBe(NAME_WIDTH);
    expect(nameColumnWidth(['a-cluster-with-a-rather-long-name-indeed'], 300)).toBe(135);
  });
});

describe('ClusterUsageBars', () => {
  afterEach(cleanup);

  it('draws a bar per cluster as long as its percent, coloured by the thresholds', () => {
    draw();
    expect(bars()).toHaveLength(3);
    const [c1, c2, c3] = bars().map(fill);
    expect(LEFT).toBeGreaterThan(NAME_WIDTH);
    expect(Number(c1!.getAttribute('x'))).toBe(LEFT);
    expect(Number(c1!.getAttribute('width'))).toBeCloseTo(xAt(87.5) - LEFT);
    expect(Number(c3!.getAttribute('width'))).toBeCloseTo(xAt(25) - LEFT);
    expect(c1!.getAttribute('fill')).toBe('var(--mantine-color-red-6)');
    expect(c2!.getAttribute('fill')).toBe('var(--mantine-color-yellow-6)');
    expect(c3!.getAttribute('fill')).toBe('var(--mantine-color-green-6)');
    // The rows stack down the chart, each bar centred in its row.
    const ys = bars().map((b) => Number(fill(b).getAttribute('y')));
    expect(ys[1]! - ys[0]!).toBeCloseTo(ys[2]! - ys[1]!);
    expect(ys[1]! - ys[0]!).toBeGreaterThan(14);

    const notify = document.querySelector('[data-threshold="notify"]')!;
    const disable = document.querySelector('[data-threshold="disable"]')!;
    expect(Number(notify.getAttribute('x1'))).toBeCloseTo(xAt(75));
    expect(Number(disable.getAttribute('x1'))).toBeCloseTo(xAt(85));
    expect(disable.closest('g')!.getAttribute('stroke-dasharray')).toBeTruthy();
    const labels = [...document.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['0%', '20%', '40%', '60%', '80%', '100%']));
  });

  it('names each bar with its cluster and figures, and cuts long names with the full name as title', () => {
    draw();
    expect(screen.getByRole('button', { name: 'yard-adv-c1: 87.5% (7 GiB / 8 GiB)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'yard-adv-c2: 80.0% (6.4 GiB / 8 GiB)' })).toBeTruthy();
    const long = bars()[2]!.querySelector('text')!;
    expect(long.lastChild!.textContent).toMatch(/^a-cluster-with.*…$/);
    expect(long.querySelector('title')!.textContent).toBe(LONG);
    expect(bars()[0]!.querySelector('title')).toBeNull();
  });

  it('selects a cluster by click, Enter or Space and outlines the selected one', () => {
    const onSelect = draw({ selected: 'c-2' });
    expect(bars().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
    expect(fill(bars()[1]!).getAttribute('stroke')).toBe('var(--mantine-color-text)');
    expect(fill(bars()[0]!).getAttribute('stroke')).toBeNull();

    fireEvent.click(bars()[0]!);
    expect(onSelect).toHaveBeenLastCalledWith({ id: 'c-1', name: 'yard-adv-c1' });
    fireEvent.keyDown(bars()[2]!, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith({ id: 'c-3', name: LONG });
    fireEvent.keyDown(bars()[1]!, { key: ' ' });
    expect(onSelect).toHaveBeenLastCalledWith({ id: 'c-2', name: 'yard-adv-c2' });
    fireEvent.keyDown(bars()[1]!, { key: 'a' });
    expect(onSelect).toHaveBeenCalledTimes(3);
  });

  it('shows the cluster and its figures in a tooltip on hover and on focus', () => {
    draw();
    fireEvent.mouseEnter(bars()[0]!, { clientX: 300 });
    expect(tooltip()!.textContent).toBe('yard-adv-c1Memory87.5% (7 GiB / 8 GiB)');
    expect(bars()[0]!.hasAttribute('data-active')).toBe(true);
    fireEvent.mouseLeave(bars()[0]!);
    expect(tooltip()).toBeNull();

    fireEvent.focus(bars()[1]!);
    expect(within(tooltip()!).getByText('yard-adv-c2')).toBeTruthy();
    expect(tooltip()!.textContent).toContain('80.0% (6.4 GiB / 8 GiB)');
    fireEvent.keyDown(bars()[1]!, { key: 'Escape' });
    expect(tooltip()).toBeNull();
    fireEvent.focus(bars()[2]!);
    fireEvent.blur(bars()[2]!);
    expect(tooltip()).toBeNull();

    // A click focuses the bar as well, but its tooltip leaves with the pointer.
    fireEvent.mouseEnter(bars()[0]!, { clientX: 300 });
    fireEvent.mouseDown(bars()[0]!);
    fireEvent.focus(bars()[0]!);
    fireEvent.mouseUp(bars()[0]!);
    fireEvent.click(bars()[0]!);
    fireEvent.mouseLeave(bars()[0]!);
    expect(tooltip()).toBeNull();
    // The keyboard's next focus shows it again.
    fireEvent.focus(bars()[1]!);
    expect(tooltip()!.textContent).toContain('yard-adv-c2');
  });

  it('speaks Korean', () => {
    draw({ locale: 'ko' });
    fireEvent.focus(bars()[0]!);
    expect(tooltip()!.textContent).toContain('메모리');
    expect(screen.getByRole('group', { name: '사용률 상위 클러스터: 메모리' })).toBeTruthy();
  });
});
