import { en } from './locales/en';
import type { MessageKey, Translate } from './i18n';

/** The kinds of type values the UI translates (`enum.<kind>.<value>` in the locales). */
export type EnumKind =
  | 'networkType'
  | 'storageScope'
  | 'eventLevel'
  | 'roleType'
  | 'trafficType'
  | 'permission'
  | 'elementType'
  | 'jobStatus'
  | 'resource'
  | 'field'
  | 'hypervisor';

function knownKey(key: string): MessageKey | undefined {
  return key in en ? (key as MessageKey) : undefined;
}

/** A state value in the current language (`Up` -> `state.up`); an unknown state shows as sent. */
export function stateLabel(t: Translate, state: string): string {
  const key = knownKey(`state.${state.toLowerCase()}`);
  return key ? t(key) : state;
}

/**
 * A type value the core sends in English (network type, storage scope, event level, role type...)
 * in the current language. A value the locales do not name shows as sent: hypervisor names such as
 * Simulator are proper names and have no keys.
 */
export function enumLabel(t: Translate, kind: EnumKind, value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  const key = knownKey(`enum.${kind}.${value}`);
  return key ? t(key) : String(value);
}
