import type { DiskOffering, ServiceOffering } from '../../../lib/contract';
import { formatBytes, type Locale, type Translate } from '../../../lib/i18n';

const MiB = 1024 ** 2;
const GiB = 1024 ** 3;

/** A customized compute offering's bounds, from its details (absent when unconstrained). */
export function customBounds(offering: ServiceOffering) {
  const details = offering.serviceofferingdetails ?? {};
  const number = (key: string) => (details[key] === undefined ? undefined : Number(details[key]));
  const bounds = {
    mincpu: number('mincpunumber'),
    maxcpu: number('maxcpunumber'),
    minmemory: number('minmemory'),
    maxmemory: number('maxmemory'),
  };
  return bounds.mincpu === undefined ? undefined : bounds;
}

/** "2 × 1,000 MHz", or the custom range, or "Custom" when the user picks freely. */
export function cpuText(offering: ServiceOffering, t: Translate): string {
  if (offering.iscustomized) {
    const bounds = customBounds(offering);
    if (!bounds) return t('offerings.custom');
    return t('offerings.cpuCustom', {
      min: bounds.mincpu ?? '',
      max: bounds.maxcpu ?? '',
      speed: offering.cpuspeed ?? 0,
    });
  }
  return t('offerings.cpuFixed', { count: offering.cpunumber ?? 0, speed: offering.cpuspeed ?? 0 });
}

/** Memory in binary units; a range for a constrained custom offering. */
export function memoryText(offering: ServiceOffering, t: Translate, locale: Locale): string {
  if (offering.iscustomized) {
    const bounds = customBounds(offering);
    if (!bounds) return t('offerings.custom');
    return t('offerings.memoryRange', {
      min: formatBytes((bounds.minmemory ?? 0) * MiB, locale),
      max: formatBytes((bounds.maxmemory ?? 0) * MiB, locale),
    });
  }
  return formatBytes((offering.memory ?? 0) * MiB, locale);
}

/** A sort value for memory: the fixed size, or a custom offering's upper bound. */
export function memorySortValue(offering: ServiceOffering): number {
  return offering.memory ?? customBounds(offering)?.maxmemory ?? 0;
}

/** A sort value for CPU: cores × MHz, or a custom offering's upper bound. */
export function cpuSortValue(offering: ServiceOffering): number {
  const cores = offering.cpunumber ?? customBounds(offering)?.maxcpu ?? 0;
  return cores * 100_000 + (offering.cpuspeed ?? 0);
}

/** A disk offering's size, or "Custom (min–max GiB)" from the global settings when known. */
export function diskSizeText(
  offering: DiskOffering,
  t: Translate,
  locale: Locale,
  bounds?: { min: number; max: number },
): string {
  if (offering.iscustomized) {
    return bounds && Number.isFinite(bounds.min) && Number.isFinite(bounds.max)
      ? t('offerings.customRange', { min: bounds.min, max: bounds.max })
      : t('offerings.custom');
  }
  return formatBytes(offering.disksize * GiB, locale);
}

/** "Public" or the domains; "All zones" or the zones: where an offering is offered. */
export function scopeText(offering: { domain?: string; zone?: string }, t: Translate): string {
  const domains = offering.domain ? t('offerings.scopeDomains', { names: offering.domain }) : t('offerings.public');
  const zones = offering.zone ? t('offerings.scopeZones', { names: offering.zone }) : t('offerings.allZones');
  return `${domains} · ${zones}`;
}

/** The tags of an offering, split for badges. */
export function tagList(...texts: (string | undefined)[]): string[] {
  return texts.flatMap((text) => (text ? text.split(',').map((tag) => tag.trim()) : [])).filter(Boolean);
}
