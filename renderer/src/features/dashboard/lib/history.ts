import type { CapacityHistory } from '../../../lib/contract';
import { parseCloudDate } from '../../../lib/i18n';

/** A listCapacityHistory sample as the chart reads it: its type, moment and figures. */
export type HistoryRow = Pick<CapacityHistory, 'type' | 'sampled' | 'capacityused' | 'capacitytotal'> &
  Partial<CapacityHistory>;

export const HISTORY_RANGES = {
  '1h': 3600_000,
  '24h': 24 * 3600_000,
  '7d': 7 * 24 * 3600_000,
} as const;
export type HistoryRange = keyof typeof HISTORY_RANGES;

/** A chart point: the time (ms) and the percent used per capacity type ("t1": 42.5). */
export type HistoryPoint = { t: number } & Record<`t${number}`, number>;

/** CloudStack's wire date for a time: 2026-11-22T10:00:00+0000. */
export function toWireDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

export const seriesKey = (type: number): `t${number}` => `t${type}`;

/**
 * Turns samples into chart points: rows of one sampling moment (several zones without a zone
 * filter) are summed per type, then at most `maxPoints` points are kept by averaging neighbouring
 * samples into buckets of equal time, so a week of 5-minute samples stays light to draw.
 */
export function historyPoints(rows: readonly HistoryRow[], maxPoints = 240): HistoryPoint[] {
  const moments = new Map<number, Map<number, { used: number; total: number }>>();
  for (const row of rows) {
    const t = parseCloudDate(row.sampled)?.getTime();
    if (t === undefined) continue;
    const byType = moments.get(t) ?? new Map<number, { used: number; total: number }>();
    const type = Number(row.type);
    const cur = byType.get(type) ?? { used: 0, total: 0 };
    cur.used += Number(row.capacityused) || 0;
    cur.total += Number(row.capacitytotal) || 0;
    byType.set(type, cur);
    moments.set(t, byType);
  }
  const times = [...moments.keys()].sort((a, b) => a - b);
  const points = times.map((t) => {
    const point = { t } as HistoryPoint;
    for (const [type, s] of moments.get(t) ?? []) point[seriesKey(type)] = s.total > 0 ? (s.used / s.total) * 100 : 0;
    return point;
  });
  if (points.length <= maxPoints) return points.map(round);
  const first = points[0]!.t;
  const last = points[points.length - 1]!.t;
  const width = (last - first) / maxPoints || 1;
  const buckets = new Map<number, HistoryPoint[]>();
  for (const p of points) {
    const b = Math.min(maxPoints - 1, Math.floor((p.t - first) / width));
    const list = buckets.get(b) ?? [];
    list.push(p);
    buckets.set(b, list);
  }
  return [...buckets.values()].map((list) => {
    const out = { t: Math.round(list.reduce((s, p) => s + p.t, 0) / list.length) } as HistoryPoint;
    const keys = new Set(list.flatMap((p) => Object.keys(p).filter((k) => k !== 't'))) as Set<`t${number}`>;
    for (const k of keys) {
      const values = list.map((p) => p[k]).filter((v): v is number => typeof v === 'number');
      if (values.length > 0) out[k] = values.reduce((s, v) => s + v, 0) / values.length;
    }
    return round(out);
  });
}

function round(p: HistoryPoint): HistoryPoint {
  const out = { t: p.t } as HistoryPoint;
  for (const [k, v] of Object.entries(p)) if (k !== 't') out[k as `t${number}`] = Math.round(v * 100) / 100;
  return out;
}
