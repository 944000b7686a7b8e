/**
 * Deterministic pseudo-random figures for Simulator hosts and pools: the same host at the same
 * moment always reports the same load, and the load drifts smoothly over time.
 */

/** FNV-1a, 32 bits: a stable hash of a text. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A stable fraction in [0, 1) for a text. */
export function unitFraction(text: string): number {
  return hash32(text) / 0x100000000;
}

/** A deterministic management address 172.16.x.y (y in 1..254) for a host URL. */
export function addressFor(url: string): string {
  const h = hash32(url);
  return `172.16.${h & 0xff}.${1 + ((h >>> 8) % 254)}`;
}

/** Value noise: a smooth curve in [0, 1) through one stable random point per `stepMs`. */
function smoothNoise(seed: string, timeMs: number, stepMs: number): number {
  const t = timeMs / stepMs;
  const i = Math.floor(t);
  const f = t - i;
  const a = unitFraction(`${seed}:${i}`);
  const b = unitFraction(`${seed}:${i + 1}`);
  const s = f * f * (3 - 2 * f);
  return a + (b - a) * s;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * CPU load (percent, two decimals) of a host at a time: a per-host baseline of 5-45% plus a
 * slow drift (10-minute steps) and a faster wobble (1-minute steps), kept within 1-95%.
 */
export function cpuLoadPercent(hostUuid: string, timeMs: number): number {
  const base = 5 + 40 * unitFraction(`cpu-base:${hostUuid}`);
  const drift = (smoothNoise(`cpu-drift:${hostUuid}`, timeMs, 600_000) - 0.5) * 30;
  const wobble = (smoothNoise(`cpu-wobble:${hostUuid}`, timeMs, 60_000) - 0.5) * 8;
  return round2(Math.min(95, Math.max(1, base + drift + wobble)));
}

/** Memory in use (bytes) of a host at a time: 20-70% of its total, drifting slowly. */
export function memoryUsedBytes(hostUuid: string, totalBytes: number, timeMs: number): number {
  const base = 0.2 + 0.4 * unitFraction(`mem-base:${hostUuid}`);
  const drift = (smoothNoise(`mem-drift:${hostUuid}`, timeMs, 900_000) - 0.5) * 0.2;
  const fraction = Math.min(0.9, Math.max(0.05, base + drift));
  return Math.round(totalBytes * fraction);
}

/** Bytes used on a new Simulator pool: a stable 5-40% of its capacity. */
export function poolUsedBytes(poolUuid: string, capacityBytes: number): number {
  return Math.round(capacityBytes * (0.05 + 0.35 * unitFraction(`pool-used:${poolUuid}`)));
}
