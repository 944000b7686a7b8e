import { describe, expect, it } from 'vitest';
import type { HostStatsSample } from '../../../lib/contract';
import { hostUsagePoints } from './host-usage';

const START = Date.UTC(2026, 0, 1, 0, 0, 0);
const wire = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
const GiB_KB = 1024 ** 2;

function sample(minute: number, cpu: number, usedGiB: number, totalGiB = 32): HostStatsSample {
  return {
    timestamp: wire(START + minute * 60_000),
    cpuused: `${cpu}%`,
    memorykbs: usedGiB * GiB_KB,
    memoryintfreekbs: (totalGiB - usedGiB) * GiB_KB,
  };
}

describe('hostUsagePoints', () => {
  it('reads CPU percent and memory used as a share of the host’s memory, oldest first', () => {
    expect(hostUsagePoints([sample(2, 40, 16), sample(1, 12.5, 8)])).toEqual([
      { t: START + 60_000, cpu: 12.5, memory: 25, memoryBytes: 8 * 1024 ** 3 },
      { t: START + 120_000, cpu: 40, memory: 50, memoryBytes: 16 * 1024 ** 3 },
    ]);
  });

  it('averages a long history into at most maxPoints buckets of equal time', () => {
    const week = Array.from({ length: 600 }, (_, i) => sample(i, i % 2 ? 10 : 30, 8));
    const points = hostUsagePoints(week, 100);
    expect(points).toHaveLength(100);
    expect(points.every((p) => p.cpu === 20 && p.memory === 25)).toBe(true);
    expect(points[0]!.t).toBeLessThan(points[99]!.t);
  });

  it('skips samples it cannot read', () => {
    expect(
      hostUsagePoints([
        { ...sample(1, 5, 1), cpuused: '' },
        { ...sample(2, 5, 1), timestamp: 'x' },
      ]),
    ).toEqual([]);
  });
});
