import type { Locale } from '../../../lib/i18n';

/**
 * Number and size formatting for the diagram's nodes, with the Intl formatters built once per
 * locale: a diagram formats hundreds of numbers per render, and constructing an Intl.NumberFormat
 * each time (as lib/i18n's formatNumber/formatBytes do) dominated the first render. Same output
 * as formatNumber and formatBytes (binary units, the unit shown).
 */
const BCP47: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };
const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(BCP47[locale], digits < 0 ? undefined : { maximumFractionDigits: digits });
    cache.set(key, f);
  }
  return f;
}

export function fastNumber(value: number, locale: Locale): string {
  return formatter(locale, -1).format(value);
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function fastBytes(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : 1;
  return `${formatter(locale, digits).format(value)} ${UNITS[unit]}`;
}
