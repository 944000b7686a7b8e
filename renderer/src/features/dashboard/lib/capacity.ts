import type { Capacity } from '../../../lib/contract';
import { formatBytes, formatNumber, type Locale, type MessageKey } from '../../../lib/i18n';
import { CAPACITY_THRESHOLDS } from '../../../lib/states';

/** CloudStack capacity type codes (com.cloud.capacity.Capacity), as listCapacity's `type`. */
export const CAPACITY = {
  MEMORY: 0,
  CPU: 1,
  STORAGE: 2,
  STORAGE_ALLOCATED: 3,
  VIRTUAL_NETWORK_PUBLIC_IP: 4,
  PRIVATE_IP: 5,
  SECONDARY_STORAGE: 6,
  VLAN: 7,
  DIRECT_ATTACHED_PUBLIC_IP: 8,
  LOCAL_STORAGE: 9,
  CPU_CORE: 90,
} as const;

/** The order cards appear in: compute, storage, then addresses. */
export const CAPACITY_ORDER: number[] = [
  CAPACITY.MEMORY,
  CAPACITY.CPU,
  CAPACITY.CPU_CORE,
  CAPACITY.STORAGE,
  CAPACITY.STORAGE_ALLOCATED,
  CAPACITY.LOCAL_STORAGE,
  CAPACITY.SECONDARY_STORAGE,
  CAPACITY.VIRTUAL_NETWORK_PUBLIC_IP,
  CAPACITY.DIRECT_ATTACHED_PUBLIC_IP,
  CAPACITY.PRIVATE_IP,
  CAPACITY.VLAN,
];

/** Types sampled per cluster too (the history of a cluster has only these). */
export const CLUSTER_TYPES: number[] = [CAPACITY.MEMORY, CAPACITY.CPU, CAPACITY.STORAGE, CAPACITY.STORAGE_ALLOCATED];

export type CapacityUnit = 'bytes' | 'mhz' | 'count';

const BYTE_TYPES = new Set<number>([
  CAPACITY.MEMORY,
  CAPACITY.STORAGE,
  CAPACITY.STORAGE_ALLOCATED,
  CAPACITY.SECONDARY_STORAGE,
  CAPACITY.LOCAL_STORAGE,
]);

export function capacityUnit(type: number): CapacityUnit {
  if (BYTE_TYPES.has(type)) return 'bytes';
  if (type === CAPACITY.CPU) return 'mhz';
  return 'count';
}

/** The translated name of a capacity type (dashboard.capacity.<code>). */
export function capacityNameKey(type: number): MessageKey {
  const known = (CAPACITY_ORDER as number[]).includes(type);
  return (known ? `dashboard.capacity.${type}` : 'dashboard.capacity.unknown') as MessageKey;
}

/** A capacity amount in readable units: binary units for bytes, GHz for CPU MHz, counts otherwise. */
// Building an Intl.NumberFormat costs far more than using one, and the dashboard formats every
// figure again on each live refresh: one per locale and precision.
const numberFormats = new Map<string, Intl.NumberFormat>();
function fractionFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatCapacity(type: number, value: number, locale: Locale): string {
  switch (capacityUnit(type)) {
    case 'bytes':
      return formatBytes(value, locale);
    case 'mhz': {
      const ghz = value / 1000;
      const digits = ghz < 10 ? 2 : 1;
      return `${fractionFormat(locale, digits).format(ghz)} GHz`;
    }
    default:
      return formatNumber(Math.round(value), locale);
  }
}

export interface CapacitySum {
  type: number;
  name?: string;
  used: number;
  total: number;
  /** 0..1; 0 when there is no capacity at all. */
  fraction: number;
}

export function fractionOf(used: number, total: number): number {
  return total > 0 ? used / total : 0;
}

/**
 * Sums the rows of each type (listCapacity answers one row per type per zone without zoneid) and
 * orders them as the cards appear.
 */
export function sumByType(
  rows: readonly Pick<Capacity, 'type' | 'name' | 'capacityused' | 'capacitytotal'>[],
): CapacitySum[] {
  const sums = new Map<number, CapacitySum>();
  for (const row of rows) {
    const type = Number(row.type);
    const cur = sums.get(type) ?? { type, name: row.name, used: 0, total: 0, fraction: 0 };
    cur.used += Number(row.capacityused) || 0;
    cur.total += Number(row.capacitytotal) || 0;
    sums.set(type, cur);
  }
  const rank = (type: number) => {
    const i = CAPACITY_ORDER.indexOf(type);
    return i === -1 ? 1000 + type : i;
  };
  return [...sums.values()]
    .map((s) => ({ ...s, fraction: fractionOf(s.used, s.total) }))
    .sort((a, b) => rank(a.type) - rank(b.type));
}

export interface Thresholds {
  notify: number;
  disable: number;
}

/**
 * The settings holding each type's notification and disable thresholds (0..1). Types without a
 * setting use CloudStack's defaults (0.75 and 0.85).
 */
export const THRESHOLD_SETTINGS: Readonly<Partial<Record<number, { notify?: string; disable?: string }>>> = {
  [CAPACITY.MEMORY]: {
    notify: 'cluster.memory.allocated.capacity.notificationthreshold',
    disable: 'cluster.memory.allocated.capacity.disablethreshold',
  },
  [CAPACITY.CPU]: {
    notify: 'cluster.cpu.allocated.capacity.notificationthreshold',
    disable: 'cluster.cpu.allocated.capacity.disablethreshold',
  },
  [CAPACITY.STORAGE]: {
    notify: 'cluster.storage.capacity.notificationthreshold',
    disable: 'pool.storage.capacity.disablethreshold',
  },
  [CAPACITY.STORAGE_ALLOCATED]: {
    notify: 'cluster.storage.allocated.capacity.notificationthreshold',
    disable: 'pool.storage.allocated.capacity.disablethreshold',
  },
  [CAPACITY.LOCAL_STORAGE]: { notify: 'cluster.localStorage.capacity.notificationthreshold' },
  [CAPACITY.PRIVATE_IP]: { notify: 'pod.privateip.capacity.notificationthreshold' },
  [CAPACITY.VIRTUAL_NETWORK_PUBLIC_IP]: { notify: 'zone.virtualnetwork.publicip.capacity.notificationthreshold' },
  [CAPACITY.DIRECT_ATTACHED_PUBLIC_IP]: { notify: 'zone.directnetwork.publicip.capacity.notificationthreshold' },
  [CAPACITY.SECONDARY_STORAGE]: { notify: 'zone.secstorage.capacity.notificationthreshold' },
  [CAPACITY.VLAN]: { notify: 'zone.vlan.capacity.notificationthreshold' },
};

/** Setting values by name (from listConfigurations); missing or unreadable values fall back to the defaults. */
export function thresholdsFor(type: number, settings: ReadonlyMap<string, string> | undefined): Thresholds {
  const names = THRESHOLD_SETTINGS[type];
  const read = (name: string | undefined, fallback: number) => {
    if (!name || !settings) return fallback;
    const raw = settings.get(name);
    const value = raw === undefined ? Number.NaN : Number(raw);
    return Number.isFinite(value) && value >= 0 && value <= 1 ? value : fallback;
  };
  return {
    notify: read(names?.notify, CAPACITY_THRESHOLDS.notify),
    disable: read(names?.disable, CAPACITY_THRESHOLDS.disable),
  };
}

/** "12.3%" for 0.1234; at least one digit after the point below 10%. */
export function formatPercent(fraction: number, locale: Locale): string {
  const pct = fraction * 100;
  return `${fractionFormat(locale, pct < 10 ? 2 : 1).format(pct)}%`;
}
