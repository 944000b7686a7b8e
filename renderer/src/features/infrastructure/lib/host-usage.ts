import type { HostStatsSample } from '../../../lib/contract';
import { parseCloudDate } from '../../../lib/i18n';
import { parsePercent } from './capacity';

export const USAGE_RANGES = {
  '1h': 3600_000,
  '24h': 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
} as const;
export type UsageRange = keyof typeof USAGE_RANGES;

/** A chart point of a host: CPU used (%), memory used (% of the host's memory then, and bytes). */
export interface HostUsagePoint {
  [key: string]: number | undefined;
  t: number;
  cpu: number;
  memory: number;
  memoryBytes: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

function pointOf(s: HostStatsSample): HostUsagePoint | undefined {
  const t = parseCloudDate(s.timestamp)?.getTime();
  const cpu = parsePercent(s.cpuused);
  if (t === undefined || cpu === undefined) return undefined;
  const used = s.memorykbs * 1024;
  const total = used + s.memoryintfreekbs * 1024;
  return { t, cpu, memory: total > 0 ? (used / total) * 100 : 0, memoryBytes: used };
}

/**
 * listHostsUsageHistory's samples as chart points, oldest first; more than `maxPoints` samples
 * (a week of minutes) are averaged into that many buckets of equal time, so the chart stays light.
 */
export function hostUsagePoints(stats: readonly HostStatsSample[], maxPoints = 240): HostUsagePoint[] {
  const points = stats.flatMap((s) => pointOf(s) ?? []).sort((a, b) => a.t - b.t);
  const rounded = (p: HostUsagePoint): HostUsagePoint => ({
    t: Math.round(p.t),
    cpu: round2(p.cpu),
    memory: round2(p.memory),
    memoryBytes: Math.round(p.memoryBytes),
  });
  if (points.length <= maxPoints) return points.map(rounded);
  const first = points[0]!.t;
  const width = (points[points.length - 1]!.t - first) / maxPoints || 1;
  const buckets = new Map<number, HostUsagePoint[]>();
  for (const p of points) {
    const b = Math.min(maxPoints - 1, Math.floor((p.t - first) / width));
    buckets.set(b, [...(buckets.get(b) ?? []), p]);
  }
  const mean = (list: HostUsagePoint[], key: 't' | 'cpu' | 'memory' | 'memoryBytes') =>
    list.reduce((sum, p) => sum + p[key], 0) / list.length;
  return [...buckets.values()].map((list) =>
    rounded({
      t: mean(list, 't'),
      cpu: mean(list, 'cpu'),
      memory: mean(list, 'memory'),
      memoryBytes: mean(list, 'memoryBytes'),
    }),
  );
}
