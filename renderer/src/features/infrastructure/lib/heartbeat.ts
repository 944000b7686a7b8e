import type { Host } from '../../../lib/contract';
import { parseCloudDate, type Locale } from '../../../lib/i18n';

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

const SHORT_FORMATS = new Map<Locale, Intl.RelativeTimeFormat>();

/**
 * A moment relative to now, short for lists: "0 sec. ago", "12 sec. ago", "3 min. ago" ("12초 전",
 * "3분 전"). Always numeric: "since now" would read as "from now on".
 */
export function shortRelative(ms: number, now: number, locale: Locale): string {
  let format = SHORT_FORMATS.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { numeric: 'always', style: 'short' });
    SHORT_FORMATS.set(locale, format);
  }
  // Negative (past), -0 included: Intl reads +0 as "in 0 sec.".
  const seconds = -Math.round((now - Math.min(ms, now)) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return format.format(seconds, 'second');
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86_400), 'day');
}
