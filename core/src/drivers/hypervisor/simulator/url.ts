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

const EXAMPLE = 'http://sim/c0/h0';

function bad(message: string): InvalidHostRequest {
  return new InvalidHostRequest(message);
}

function intParam(query: URLSearchParams, name: string, min: number, max: number, unit = ''): number | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw bad(`Invalid ${name}=${raw} in the Simulator host URL: expected a whole number from ${min} to ${max}${unit}`);
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
    throw bad(`Invalid Simulator host URL "${url}": expected a URL like ${EXAMPLE}`);
  }
  const hostname = parsed.hostname.toLowerCase();
  if (parsed.protocol !== 'http:' || !hostname.includes('sim') || parsed.port !== '') {
    throw bad(
      `Invalid Simulator host URL "${url}": Simulator hosts are addressed as http://sim/<path>, e.g. ${EXAMPLE}`,
    );
  }
  if (parsed.username || parsed.password || parsed.hash) {
    throw bad(`Invalid Simulator host URL "${url}": credentials and fragments are not allowed, e.g. ${EXAMPLE}`);
  }
  const segments = parsed.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => decodeURIComponent(s));
  // http://sim/ names no host; http://simulator0 does (its host part is the name).
  if (segments.length === 0 && hostname === 'sim') {
    throw bad(`Invalid Simulator host URL "${url}": the path must name the host, e.g. ${EXAMPLE}`);
  }
  if (segments.some((s) => !/^[A-Za-z0-9._-]+$/.test(s))) {
    throw bad(`Invalid Simulator host URL "${url}": path segments may only use letters, digits, '.', '_' and '-'`);
  }
  if (!/^[a-z0-9.-]+$/.test(hostname)) throw bad(`Invalid Simulator host URL "${url}": bad host part`);
  const name = [hostname, ...segments].join('-');
  if (name.length > 255) throw bad(`Invalid Simulator host URL "${url}": the path is too long`);
  const known = new Set(['cpunumber', 'cpuspeed', 'memory', 'cpusockets']);
  for (const key of parsed.searchParams.keys()) {
    if (!known.has(key)) {
      throw bad(
        `Unknown parameter "${key}" in the Simulator host URL; supported: cpunumber, cpuspeed (MHz), memory (MiB), cpusockets`,
      );
    }
  }
  const q = parsed.searchParams;
  return {
    name,
    base: `http://${hostname}/${segments.join('/')}`,
    cpuNumber: intParam(q, 'cpunumber', 1, 1024),
    cpuSpeed: intParam(q, 'cpuspeed', 100, 10000, ' MHz'),
    memoryMiB: intParam(q, 'memory', 128, 64 * 1024 * 1024, ' MiB'),
    cpuSockets: intParam(q, 'cpusockets', 1, 64),
  };
}

/** ?capacitygb=N on a primary storage URL overrides simulator.storage.capacity.gb for that pool. */
export function storageCapacityOverrideGiB(url: string): number | undefined {
  const match = /[?&]capacitygb=([^&#]*)/i.exec(url);
  if (!match) return undefined;
  const raw = decodeURIComponent(match[1] ?? '');
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < 1 || value > 1024 * 1024 * 1024) {
    throw new InvalidHostRequest(
      `Invalid capacitygb=${raw} in the storage URL: expected a whole number of GiB from 1 to ${1024 * 1024 * 1024}`,
    );
  }
  return value;
}
