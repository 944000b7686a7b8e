import { useCallback } from 'react';
import {
  isServerMessageKey,
  fillTemplate,
  readCounts,
  SERVER_MESSAGES,
  serverMessageParamKind,
  type ServerMessageKey,
} from './contract';
import { enumLabel, stateLabel } from './enum-labels';
import { formatDateTime, translate, useLocale, type Locale, type MessageKey, type Translate } from './i18n';
import { en } from './locales/en';
import { serverMessagesKo } from './locales/parts/server-messages.ko';

/** The core's messages per locale; English is the core's own catalogue. */
const SERVER_DICTIONARIES: Record<Locale, Record<ServerMessageKey, string>> = {
  en: SERVER_MESSAGES,
  ko: serverMessagesKo,
};

/**
 * A parameter in the locale: states, type values and resource kinds translated, moments formatted,
 * counts listed.
 */
function paramText(locale: Locale, t: Translate, name: string, value: string): string {
  switch (serverMessageParamKind(name)) {
    case 'state':
      return stateLabel(t, value);
    case 'subject': {
      // 'Storage pool' begins its sentence: the resource label of 'storage pool', capitalized.
      const label = enumLabel(t, 'resource', value.charAt(0).toLowerCase() + value.slice(1));
      return label.charAt(0).toUpperCase() + label.slice(1);
    }
    case 'time':
      return formatDateTime(value, locale);
    case 'counts': {
      const parts = readCounts(value).map(({ kind, count }) => {
        const key = `enum.importCount.${kind}`;
        return key in en ? t(key as MessageKey, { count }) : `${count} ${kind}`;
      });
      return parts.length > 0 ? parts.join(', ') : t('enum.importCount.none');
    }
    case undefined:
      return value;
    default:
      return enumLabel(t, serverMessageParamKind(name) as Parameters<typeof enumLabel>[1], value);
  }
}

/**
 * A message of the core (an event's description, an alert's, an error) in the locale, from its key
 * and parameters. Without a key (older rows, errors the core does not key) or with a key this UI
 * does not know (a newer core), the English text the core sent is shown as it is.
 */
export function serverMessage(
  locale: Locale,
  key: string | undefined,
  params: Record<string, string> | undefined,
  fallbackText: string,
): string {
  if (!isServerMessageKey(key)) return fallbackText;
  const t: Translate = (k, vars) => translate(locale, k, vars);
  const filled: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) filled[name] = paramText(locale, t, name, value);
  return fillTemplate(SERVER_DICTIONARIES[locale][key], filled);
}

/** serverMessage in the current locale; components re-render when it changes. */
export function useServerMessage(): (
  key: string | undefined,
  params: Record<string, string> | undefined,
  fallbackText: string,
) => string {
  const locale = useLocale();
  return useCallback((key, params, fallbackText) => serverMessage(locale, key, params, fallbackText), [locale]);
}
