import type { Host } from '../../../lib/contract';

/** Parses CloudStack's percentages: "12.5%", "12.5" or a number. */
export function parsePercent(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number.parseFloat(String(value).replace('%', ''));
  return Number.isFinite(n) ? n : undefined;
}

/** CPU allocated as a percentage of the host's (overprovisioned) capacity. */
export function hostCpuPercent(host: Host): number | undefined {
  return parsePercent(host.cpuallocatedpercentage ?? host.cpuallocated);
}

/** Memory allocated as a percentage: CloudStack's field, or allocated / total. */
export function hostMemoryPercent(host: Host): number | undefined {
  const given = parsePercent(host.memoryallocatedpercentage);
  if (given !== undefined) return given;
  if (host.memorytotal && host.memoryallocated !== undefined) return (host.memoryallocated / host.memorytotal) * 100;
  return undefined;
}

/** used / total as a percentage, undefined when the total is unknown or zero. */
export function ratioPercent(used: number | undefined, total: number | undefined): number | undefined {
  if (used === undefined || !total) return undefined;
  return (used / total) * 100;
}
