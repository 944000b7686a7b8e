import { describe, expect, it } from 'vitest';
import { formatCapacity, sumByType, thresholdsFor } from './capacity';
import { historyPoints, toWireDate, type HistoryRow } from './history';
import { summarizeMarvin } from './marvin-summary';

const row = (sampled: string, type: number, used: number, total: number, zoneid = 'z1'): HistoryRow => ({
  sampled,
  type,
  zoneid,
  capacityused: used,
  capacitytotal: total,
});

describe('capacity helpers', () => {
  it('formats bytes in binary units, CPU in GHz and addresses as counts', () => {
    expect(formatCapacity(0, 3 * 1024 ** 3, 'en')).toBe('3 GiB');
    expect(formatCapacity(6, 1.5 * 1024 ** 4, 'en')).toBe('1.5 TiB');
    expect(formatCapacity(1, 38_400, 'en')).toBe('38.4 GHz');
    expect(formatCapacity(1, 2_400, 'en')).toBe('2.4 GHz');
    expect(formatCapacity(4, 1234, 'en')).toBe('1,234');
  });

  it('sums zones per type and orders the cards', () => {
    const sums = sumByType([
      { type: 7, capacityused: 1, capacitytotal: 10 },
      { type: 0, capacityused: 2, capacitytotal: 4 },
      { type: 0, capacityused: 0, capacitytotal: 4 },
    ]);
    expect(sums.map((s) => s.type)).toEqual([0, 7]);
    expect(sums[0]).toMatchObject({ used: 2, total: 8, fraction: 0.25 });
  });

  it('takes thresholds from the settings and falls back to the defaults', () => {
    const settings = new Map([
      ['cluster.memory.allocated.capacity.notificationthreshold', '0.6'],
      ['pool.storage.capacity.disablethreshold', 'not-a-number'],
    ]);
    expect(thresholdsFor(0, settings)).toEqual({ notify: 0.6, disable: 0.85 });
    expect(thresholdsFor(2, settings)).toEqual({ notify: 0.75, disable: 0.85 });
    expect(thresholdsFor(90, undefined)).toEqual({ notify: 0.75, disable: 0.85 });
  });
});

describe('history points', () => {
  it('sums the zones of one sampling moment per type, in time order', () => {
    const points = historyPoints([
      row('2026-11-22T10:05:00+0000', 0, 50, 100),
      row('2026-11-22T10:00:00+0000', 0, 10, 100),
      row('2026-11-22T10:00:00+0000', 0, 30, 100, 'z2'),
      row('2026-11-22T10:00:00+0000', 1, 1, 4),
    ]);
    expect(points).toEqual([
      { t: Date.parse('2026-11-22T10:00:00Z'), t0: 20, t1: 25 },
      { t: Date.parse('2026-11-22T10:05:00Z'), t0: 50 },
    ]);
  });

  it('averages long series into at most maxPoints buckets', () => {
    const start = Date.parse('2026-11-22T00:00:00Z');
    const rows = Array.from({ length: 2016 }, (_, i) =>
      row(toWireDate(start + i * 300_000), 0, i % 2 === 0 ? 40 : 60, 100),
    );
    const points = historyPoints(rows, 100);
    expect(points.length).toBeLessThanOrEqual(100);
    expect(points.length).toBeGreaterThan(90);
    expect(points.every((p) => Math.abs(p.t0! - 50) < 2)).toBe(true);
  });

  it('writes CloudStack wire dates', () => {
    expect(toWireDate(Date.parse('2026-11-22T10:00:00.123Z'))).toBe('2026-11-22T10:00:00+0000');
  });
});

describe('Marvin summary', () => {
  it('counts what a description holds, skipping comment lines', () => {
    const parsed = summarizeMarvin(
      [
        '# comment',
        '{"zones":[{"name":"a","primaryStorages":[{}],"pods":[{"clusters":[{"hosts":[{},{}],"primaryStorages":[{}]}]},{"clusters":[]}],"secondaryStorages":[{}]}],"globalConfig":[{"name":"x","value":"1"}]}',
      ].join('\n'),
    );
    expect(parsed).toEqual({
      ok: true,
      summary: {
        zones: ['a'],
        physicalNetworks: 0,
        pods: 2,
        clusters: 1,
        hosts: 2,
        primaryStorages: 2,
        secondaryStorages: 1,
        globalSettings: 1,
      },
    });
  });

  it('explains files it cannot read', () => {
    expect(summarizeMarvin('# only a comment\n')).toEqual({ ok: false, error: { kind: 'empty' } });
    expect(summarizeMarvin('[1,2]')).toEqual({ ok: false, error: { kind: 'noZones' } });
    const bad = summarizeMarvin('{"zones": [');
    expect(bad.ok === false && bad.error.kind).toBe('json');
  });
});
