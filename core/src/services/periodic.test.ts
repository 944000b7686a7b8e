import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PeriodicTask } from './periodic';

describe('PeriodicTask', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs every period and picks up a shorter period within a second', async () => {
    let period = 300_000;
    const runs: number[] = [];
    const task = new PeriodicTask(
      () => period,
      async () => {
        runs.push(Date.now());
      },
      1_000,
    );
    task.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(runs).toHaveLength(1);
    period = 2_000; // as if capacity.check.period had just been changed
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(runs).toHaveLength(4);
    task.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(4);
  });

  it('never overlaps runs and keeps going after a failing run', async () => {
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    const task = new PeriodicTask(
      () => 100,
      async () => {
        calls += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 350));
        active -= 1;
        if (calls === 1) throw new Error('boom');
      },
    );
    task.start();
    await vi.advanceTimersByTimeAsync(2_000);
    task.stop();
    expect(maxActive).toBe(1);
    expect(calls).toBeGreaterThan(2);
  });
});
