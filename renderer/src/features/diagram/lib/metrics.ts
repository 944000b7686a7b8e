import type { TopologyCluster, TopologyHost, UsedTotal } from '../../../lib/contract';
import { capacityColor, stateStyle } from '../../../lib/states';

/** A use in 0..1 with its capacity colour (green / amber / red by the 0.75 / 0.85 thresholds). */
export interface Usage {
  fraction: number;
  color: 'green' | 'yellow' | 'red';
}

function clamp01(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return value > 1 ? 1 : value;
}

export function usage(fraction: number): Usage {
  const f = clamp01(fraction);
  return { fraction: f, color: capacityColor(f) };
}

/** used / total; undefined when nothing is known (no total). */
export function usageOf(value: UsedTotal | undefined): Usage | undefined {
  if (!value || !(value.total > 0)) return undefined;
  return usage(value.used / value.total);
}

export function usageOfBytes(used: number | undefined, total: number | undefined): Usage | undefined {
  if (total === undefined || !(total > 0)) return undefined;
  return usage((used ?? 0) / total);
}

/** CloudStack's "12.5%" (or 12.5) as 0.125; undefined when absent or unreadable. */
export function percentUsage(value: string | number | undefined): Usage | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number.parseFloat(String(value).replace('%', ''));
  if (!Number.isFinite(n)) return undefined;
  return usage(n / 100);
}

const MAINTENANCE_STATES = new Set(['maintenance', 'prepareformaintenance', 'errorinmaintenance']);

/**
 * The state a host shows: a maintenance resource state wins (a host in maintenance may well be
 * Disconnected); a Disabled host that is otherwise Up shows Disabled; otherwise its state.
 */
export function hostDisplayState(host: Pick<TopologyHost, 'state' | 'resourcestate'>): string {
  const resource = (host.resourcestate ?? '').toLowerCase();
  if (MAINTENANCE_STATES.has(resource)) return host.resourcestate ?? host.state;
  if (resource === 'disabled' && (host.state ?? '').toLowerCase() === 'up') return host.resourcestate ?? host.state;
  return host.state;
}

export interface StateSegment {
  state: string;
  count: number;
  color: string;
}

/** The order of the stacked host-state bar (state colours): healthy first, then worse, then Maintenance. */
const BAR_ORDER = ['Up', 'Connecting', 'Disconnected', 'Alert', 'Down', 'Error', 'Maintenance'];

/**
 * The stacked host-state bar of a cluster: Up / Disconnected / Alert / Down / Maintenance.
 * Hosts in a maintenance resource state are shown as Maintenance and taken out of their host state
 * (first out of Up, where maintenance hosts normally are), so the segments add up to the host count.
 */
export function stateSegments(cluster: Pick<TopologyCluster, 'hoststates' | 'resourcestates' | 'hostcount'>) {
  const counts = new Map<string, number>();
  for (const [state, n] of Object.entries(cluster.hoststates ?? {})) {
    if (n > 0) counts.set(state, (counts.get(state) ?? 0) + n);
  }
  let maintenance = 0;
  for (const [state, n] of Object.entries(cluster.resourcestates ?? {})) {
    if (MAINTENANCE_STATES.has(state.toLowerCase()) && n > 0) maintenance += n;
  }
  if (maintenance > 0 && !counts.has('Maintenance')) {
    let remaining = maintenance;
    for (const state of ['Up', ...[...counts.keys()].filter((s) => s !== 'Up')]) {
      const n = counts.get(state) ?? 0;
      const take = Math.min(n, remaining);
      if (take > 0) counts.set(state, n - take);
      remaining -= take;
      if (remaining === 0) break;
    }
    counts.set('Maintenance', maintenance);
  }
  const rank = (state: string) => {
    const i = BAR_ORDER.indexOf(state);
    return i === -1 ? BAR_ORDER.length : i;
  };
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([state, count]): StateSegment => ({ state, count, color: stateStyle(state).color }));
}
