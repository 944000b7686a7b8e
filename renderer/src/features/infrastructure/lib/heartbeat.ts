import type { Host } from '../../../lib/contract';
import { parseCloudDate } from '../../../lib/i18n';

/** CloudStack's defaults: a ping every 60 s, a host silent for 2.5 pings is Disconnected. */
export const DEFAULT_PING_INTERVAL_S = 60;
export const DEFAULT_PING_TIMEOUT = 2.5;

/**
 * How long a host may stay silent before the core gives up on it: ping.interval × ping.timeout
 * seconds, from the settings when the caller may read them (else CloudStack's defaults).
 */
export function heartbeatWindowMs(settings?: ReadonlyMap<string, string>): number {
  const read = (name: string, fallback: number) => {
    const value = Number(settings?.get(name));
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return read('ping.interval', DEFAULT_PING_INTERVAL_S) * read('ping.timeout', DEFAULT_PING_TIMEOUT) * 1000;
}

/** A heartbeat older than the window (or none at all) is late: the host is, or is about to be, a problem. */
export function isHeartbeatLate(host: Pick<Host, 'lastpinged'>, now: number, windowMs: number): boolean {
  const last = parseCloudDate(host.lastpinged)?.getTime();
  return last === undefined || now - last > windowMs;
}

/** The host's outage: its state and since when, for a host that is not Up (CloudStack's `disconnected`). */
export function outageOf(host: Pick<Host, 'state' | 'disconnected'>): { state: string; since: string } | undefined {
  if (!host.state || host.state === 'Up' || !host.disconnected) return undefined;
  return { state: host.state, since: host.disconnected };
}
