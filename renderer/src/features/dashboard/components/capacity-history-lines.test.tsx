// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeClient } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import type { HistoryPoint } from '../lib/history';
import { CapacityHistoryLines, HISTORY_MARGIN, HISTORY_SVG_HEIGHT } from './capacity-history-lines';

// The test DOM gives every element a width of 1200 px (installDomPolyfills).
const WIDTH = 1200;
const LEFT = HISTORY_MARGIN.left;
const RIGHT = WIDTH - HISTORY_MARGIN.right;
const TOP = HISTORY_MARGIN.top;
const BOTTOM = HISTORY_SVG_HEIGHT - HISTORY_MARGIN.bottom;
const xAt = (t: number) => LEFT + ((t - START) / (END - START)) * (RIGHT - LEFT);
const yAt = (percent: number, max = 100) => BOTTOM - (percent / max) * (BOTTOM - TOP);
const r2 = (v: number) => Math.round(v * 100) / 100;

const START = Date.UTC(2026, 10, 22, 10, 0, 0);
const END = START + 3600_000;
const MIN = 60_000;
const timeFormat = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const fullFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

function point(t: number, values: Record<number, number>): HistoryPoint {
  const p = { t } as HistoryPoint;
  for (const [type, v] of Object.entries(values)) p[`t${Number(type)}`] = v;
  return p;
}

const POINTS = [
  point(START, { 0: 50, 1: 20 }),
  point(START + 20 * MIN, { 0: 60 }),
  point(START + 40 * MIN, { 0: 55, 1: 30 }),
  point(END, { 0: 100, 1: 40 }),
];

function draw(options: { points?: HistoryPoint[]; types?: number[]; locale?: 'en' | 'ko' } = {}) {
  const { client } = fakeClient({});
  return renderWithProviders(
    <CapacityHistoryLines
      points={options.points ?? POINTS}
      start={START}
      end={END}
      types={options.types ?? [0, 1]}
      thresholds={{ notify: 0.75, disable: 0.85 }}
      timeFormat={timeFormat}
      fullFormat={fullFormat}
    />,
    { client, locale: options.locale },
  );
}

const line = (type: number) => document.querySelector(`path.history-line[data-series="${type}"]`)!;
/** The points a path passes through: its M and the end of each segment. */
function pathPoints(d: string): [number, number][] {
  return d
    .split(/(?=[MCL])/)
    .map((segment) => segment.slice(1).split(',').map(Number))
    .map((numbers) => [numbers[numbers.length - 2]!, numbers[numbers.length - 1]!]);
}
const tooltip = () => screen.queryByTestId('chart-tooltip');

describe('CapacityHistoryLines', () => {
  afterEach(cleanup);

  it('maps each sample to its time and percent, one line per type, bridging missing samples', () => {
    draw();
    expect(document.querySelectorAll('path.history-line')).toHaveLength(2);
    expect(pathPoints(line(0).getAttribute('d')!)).toEqual(POINTS.map((p) => [r2(xAt(p.t)), r2(yAt(p.t0!))]));
    // Type 1 has no sample at 10:20: the line goes from 10:00 to 10:40 directly.
    expect(pathPoints(line(1).getAttribute('d')!)).toEqual([
      [r2(xAt(START)), r2(yAt(20))],
      [r2(xAt(START + 40 * MIN)), r2(yAt(30))],
      [r2(xAt(END)), r2(yAt(40))],
    ]);
    expect(
      line(0)
        .getAttribute('d')!
        .startsWith(`M${LEFT},${yAt(50)}`),
    ).toBe(true);
    expect(line(0).getAttribute('stroke')).toBe('var(--mantine-color-indigo-5)');
    expect(line(1).getAttribute('stroke')).toBe('var(--mantine-color-cyan-5)');
    // Few samples: each one is a dot too.
    expect(screen.getByTestId('history-chart').querySelectorAll('circle')).toHaveLength(7);
  });

  it('draws the thresholds as dashed lines at their height with short labels', () => {
    draw();
    const notify = document.querySelector('[data-threshold="notify"]')!;
    const disable = document.querySelector('[data-threshold="disable"]')!;
    expect(Number(notify.getAttribute('y1'))).toBeCloseTo(yAt(75));
    expect(Number(notify.getAttribute('y2'))).toBeCloseTo(yAt(75));
    expect(Number(disable.getAttribute('y1'))).toBeCloseTo(yAt(85));
    expect(notify.getAttribute('stroke')).toBe('var(--mantine-color-yellow-6)');
    expect(disable.getAttribute('stroke')).toBe('var(--mantine-color-red-6)');
    expect(notify.getAttribute('stroke-dasharray')).toBeTruthy();
    const texts = [...document.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Notify 75%', 'Disable 85%']));
    // The percent axis: every 20 %.
    expect(texts).toEqual(expect.arrayContaining(['0%', '20%', '40%', '60%', '80%', '100%']));
    expect(texts).not.toContain('120%');
  });

  it('labels the time axis with round moments that do not overlap', () => {
    draw();
    const labels = [...document.querySelectorAll('svg text[text-anchor="middle"]')];
    expect(labels.map((l) => l.textContent)).toEqual([
      '10:00',
      '10:05',
      '10:10',
      '10:15',
      '10:20',
      '10:25',
      '10:30',
      '10:35',
      '10:40',
      '10:45',
      '10:50',
      '10:55',
      '11:00',
    ]);
    const xs = labels.map((l) => Number(l.getAttribute('x')));
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(40);
  });

  it('raises the percent axis above 100 % for overcommitted capacity', () => {
    draw({ points: [point(START, { 3: 50 }), point(END, { 3: 130 })], types: [3] });
    const texts = [...document.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts).toContain('140%');
    expect(pathPoints(line(3).getAttribute('d')!)[1]).toEqual([r2(xAt(END)), r2(yAt(130, 140))]);
  });

  it('drops the dots above 30 samples', () => {
    const many = Array.from({ length: 31 }, (_, i) => point(START + i * 2 * MIN, { 0: i }));
    draw({ points: many, types: [0] });
    expect(screen.getByTestId('history-chart').querySelectorAll('circle')).toHaveLength(0);
  });

  it('is a named, described chart whose samples the arrow keys inspect', () => {
    draw();
    const chart = screen.getByRole('group', { name: 'Capacity history: Memory, CPU' });
    expect(chart.getAttribute('tabindex')).toBe('0');
    const description = document.getElementById(chart.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toContain('Memory 100.0%, CPU 40.0%');
    expect(description.textContent).toContain('Notify 75%, Disable 85%');
    expect(tooltip()).toBeNull();

    // Left starts at the latest sample.
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(tooltip()!.textContent).toBe(`${fullFormat.format(END)}Memory100.0%CPU40.0%`);
    expect(screen.getByTestId('history-cursor').getAttribute('x1')).toBe(String(xAt(END)));
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    // 10:20 has no CPU sample: only Memory is listed.
    expect(tooltip()!.textContent).toBe(`${fullFormat.format(START + 20 * MIN)}Memory60.0%`);
    expect(screen.getByTestId('history-live').textContent).toBe(`${fullFormat.format(START + 20 * MIN)}: Memory 60.0%`);
    fireEvent.keyDown(chart, { key: 'Home' });
    fireEvent.keyDown(chart, { key: 'ArrowLeft' });
    expect(tooltip()!.textContent).toBe(`${fullFormat.format(START)}Memory50.0%CPU20.0%`);
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(tooltip()!.textContent).toContain(fullFormat.format(START + 20 * MIN));
    fireEvent.keyDown(chart, { key: 'End' });
    fireEvent.keyDown(chart, { key: 'ArrowRight' });
    expect(tooltip()!.textContent).toContain(fullFormat.format(END));

    fireEvent.keyDown(chart, { key: 'Escape' });
    expect(tooltip()).toBeNull();
    expect(screen.getByTestId('history-live').textContent).toBe('');
  });

  it('shows the sample nearest to the pointer', () => {
    draw();
    const chart = screen.getByTestId('history-chart');
    // 10:33 is nearer to 10:40 than to 10:20.
    fireEvent.mouseMove(chart, { clientX: xAt(START + 33 * MIN), clientY: 100 });
    expect(tooltip()!.textContent).toBe(`${fullFormat.format(START + 40 * MIN)}Memory55.0%CPU30.0%`);
    fireEvent.mouseMove(chart, { clientX: xAt(START + 29 * MIN), clientY: 100 });
    expect(tooltip()!.textContent).toContain(fullFormat.format(START + 20 * MIN));
    fireEvent.mouseLeave(chart);
    expect(tooltip()).toBeNull();
  });

  it('has a legend with each series colour and name, in Korean too', () => {
    draw({ locale: 'ko' });
    const texts = [...document.querySelectorAll('svg text')].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['알림 75%', '비활성화 85%']));
    expect(screen.getByText('메모리')).toBeTruthy();
    expect(screen.getByText('CPU')).toBeTruthy();
  });
});
