import { message, type ServerMessage } from '../../../domain/messages';
import { InvalidHostRequest } from '../types';

/** What a Simulator host URL (CloudStack's http://sim/c0/h0) says about the host. */
export interface SimulatorHostUrl {
  /** Readable host name from the path: http://sim/c0/h0 -> "sim-c0-h0". */
  name: string;
  /** The URL without its query, as given (used for the deterministic address). */
  base: string;
  /** Per-host overrides from the query: ?cpunumber=32&cpuspeed=2000&memory=131072 (MiB)&cpusockets=2 */
  cpuNumber?: number;
  cpuSpeed?: number;
  memoryMiB?: number;
  cpuSockets?: number;
}

function bad(m: ServerMessage): InvalidHostRequest {
  return new InvalidHostRequest(m);
}

/** The message for a query parameter out of range, by its unit. */
type NumberKey = 'error.simulatorHost.badCount' | 'error.simulatorHost.badSpeed' | 'error.simulatorHost.badMemory';

function intParam(query: URLSearchParams, name: string, min: number, max: number, key: NumberKey): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw bad(message(key, { param: name, value: raw, min, max }));
  }
  return value;
}

/**
 * Parses a Simulator host URL: http://<a name containing "sim">[/<path>], as CloudStack's
 * Simulator discoverer takes them (http://sim/c0/h0, http://sim1/c1/h1, http://simulator0).
 * Nothing is ever contacted: the URL is a name for an in-process host.
 */
export function parseSimulatorHostUrl(url: string): SimulatorHostUrl {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw bad(message('error.simulatorHost.badUrl', { url }));
  }
  const hostname = parsed.hostname.toLowerCase();
  if (parsed.protocol !== 'http:' || !hostname.includes('sim') || parsed.port !== '') {
    throw bad(message('error.simulatorHost.badAddress', { url }));
  }
  if (parsed.username || parsed.password || parsed.hash) {
    throw bad(message('error.simulatorHost.credentials', { url }));
  }
  const segments = parsed.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => decodeURIComponent(s));
  // http://sim/ names no host; http://simulator0 does (its host part is the name).
  if (segments.length === 0 && hostname === 'sim') {
    throw bad(message('error.simulatorHost.noPath', { url }));
  }
  if (segments.some((s) => !/^[A-Za-z0-9._-]+$/.test(s))) {
    throw bad(message('error.simulatorHost.badSegment', { url }));
  }
  if (!/^[a-z0-9.-]+$/.test(hostname)) throw bad(message('error.simulatorHost.badHostPart', { url }));
  const name = [hostname, ...segments].join('-');
  if (name.length > 255) throw bad(message('error.simulatorHost.pathTooLong', { url }));
  const known = new Set(['cpunumber', 'cpuspeed', 'memory', 'cpusockets']);
  for (const key of parsed.searchParams.keys()) {
    if (!known.has(key)) {
      throw bad(message('error.simulatorHost.unknownParam', { param: key }));
    }
  }
  const q = parsed.searchParams;
  return {
    name,
    base: `http://${hostname}/${segments.join('/')}`,
    cpuNumber: intParam(q, 'cpunumber', 1, 1024, 'error.simulatorHost.badCount'),
    cpuSpeed: intParam(q, 'cpuspeed', 100, 10000, 'error.simulatorHost.badSpeed'),
    memoryMiB: intParam(q, 'memory', 128, 64 * 1024 * 1024, 'error.simulatorHost.badMemory'),
    cpuSockets: intParam(q, 'cpusockets', 1, 64, 'error.simulatorHost.badCount'),
  };
}

/** ?capacitygb=N on a primary storage URL overrides simulator.storage.capacity.gb for that pool. */
export function storageCapacityOverrideGiB(url: string): number | undefined {
  const match = /[?&]capacitygb=([^&#]*)/i.exec(url);
  if (!match) return undefined;
  const raw = decodeURIComponent(match[1] ?? '');
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1 || value > 1024 * 1024 * 1024) {
    throw bad(message('error.storage.badCapacityOverride', { value: raw, max: 1024 * 1024 * 1024 }));
  }
  return value;
}
