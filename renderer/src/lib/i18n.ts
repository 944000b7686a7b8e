import { useCallback } from 'react';
import { create } from 'zustand';
import { en, type MessageKey } from './locales/en';
import { ko } from './locales/ko';

export type { MessageKey } from './locales/en';
export type Locale = 'en' | 'ko';

export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'ko', label: '한국어' },
];

export const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, ko };

const STORAGE_KEY = 'stackyard.locale';

function initialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'ko') return stored;
  } catch {
    // Storage may be unavailable (private windows, tests).
  }
  const language = globalThis.navigator?.language ?? 'en';
  return language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocaleStore = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, locale);
    } catch {
      // ignore
    }
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
    set({ locale });
  },
}));

export type Vars = Record<string, string | number>;

/** Looks a key up in a locale and fills `{name}` placeholders. Falls back to English. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[locale][key] ?? en[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export type Translate = (key: MessageKey, vars?: Vars) => string;

/** The translate function of the current locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return useCallback((key: MessageKey, vars?: Vars) => translate(locale, key, vars), [locale]);
}

export function useLocale(): Locale {
  return useLocaleStore((s) => s.locale);
}

export const BCP47: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };

/**
 * Parses CloudStack's wire dates ("2026-11-22T10:00:00+0000"): the offset has no colon,
 * which not every engine accepts.
 */
export function parseCloudDate(value: string | undefined | null): Date | null {
  if (!value) return null;
  const normalised = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The one date-time format of each locale, 24-hour clock with seconds, in the browser's time zone:
 * English `11/22/2026, 14:03:05`, Korean `2026. 11. 22. 14:03:05` (the date as Korean writes it).
 * Lists, drawers, events, alerts, the job tray and charts all show moments this way.
 */
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

/** A table column of such moments, wide enough for the longest (Korean's) without cutting it. */
export const DATE_TIME_COLUMN_SIZE = 184;

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

/** The locale's date-time format (cached: tables format hundreds of dates). */
export function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(BCP47[locale], DATE_TIME_OPTIONS);
    dateTimeFormats.set(locale, format);
  }
  return format;
}

/** A moment (CloudStack's wire date or ISO-8601) in the locale's one date-time format. */
export function formatDateTime(value: string | undefined | null, locale: Locale): string {
  const date = parseCloudDate(value);
  if (!date) return value ?? '';
  return dateTimeFormat(locale).format(date);
}

/** The time of day of a moment (ms since the epoch), hours and minutes, 24-hour clock: "23:03". */
export function formatClock(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(BCP47[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** Table cells use the same format as everywhere else (kept as a name for the lists). */
export const formatTimestamp = formatDateTime;

export function formatRelative(value: string | undefined | null, locale: Locale, now = Date.now()): string {
  const date = parseCloudDate(value);
  if (!date) return '';
  const seconds = Math.round((date.getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(BCP47[locale], { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Building an Intl.NumberFormat is costly next to using one: large tables and the diagram format thousands. */
function numberFormat(locale: Locale, maximumFractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}:${maximumFractionDigits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(BCP47[locale], maximumFractionDigits === undefined ? {} : { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale).format(value);
}

/** Sizes in binary units with the unit shown. */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : 1;
  return `${numberFormat(locale, digits).format(value)} ${units[unit]}`;
}
