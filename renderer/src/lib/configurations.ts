import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './api-context';
import { SETTING_DESCRIPTIONS, type Configuration, type Params, type SettingName } from './contract';
import type { MessageKey, Translate } from './i18n';
import { queryKeys } from './query-keys';

/** Where settings are read and written: globally, or on one zone, cluster, domain or account. */
export type SettingsScope =
  { kind: 'global' } | { kind: 'zone' | 'cluster' | 'storagepool' | 'domain' | 'account'; id: string };

const SCOPE_PARAM = {
  zone: 'zoneid',
  cluster: 'clusterid',
  storagepool: 'storageid',
  domain: 'domainid',
  account: 'accountid',
} as const;

/** The scope id parameter of listConfigurations, updateConfiguration and resetConfiguration. */
export function scopeParams(
  scope: SettingsScope,
): Partial<Record<(typeof SCOPE_PARAM)[keyof typeof SCOPE_PARAM], string>> {
  return scope.kind === 'global' ? {} : { [SCOPE_PARAM[scope.kind]]: scope.id };
}

export interface SettingsFilter {
  keyword?: string;
  category?: string;
}

/** listConfigurations at a scope (the value in effect there), filtered by keyword and category. */
export function useConfigurations(scope: SettingsScope, filter: SettingsFilter = {}) {
  const client = useApi();
  const params: Params<'listConfigurations'> = {
    ...scopeParams(scope),
    ...(filter.keyword ? { keyword: filter.keyword } : {}),
    ...(filter.category ? { category: filter.category } : {}),
  };
  return useQuery({
    queryKey: queryKeys.settings.list(params),
    placeholderData: keepPreviousData,
    queryFn: () => client.list('listConfigurations', params),
  });
}

/**
 * updateConfiguration / resetConfiguration at a scope. Every settings list refreshes after, and so
 * does what the infrastructure shows, since responses carry values in effect (a pool's
 * overprovisioning factor, a cluster's overcommit ratios, capacities and thresholds).
 */
export function useSettingMutations(scope: SettingsScope) {
  const client = useApi();
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all });
    return queryClient.invalidateQueries({ queryKey: queryKeys.settings.all });
  };
  const update = useMutation({
    mutationFn: (input: { name: string; value: string }) =>
      client.object('updateConfiguration', { ...input, ...scopeParams(scope) }),
    onSuccess,
  });
  const reset = useMutation({
    mutationFn: (name: string) => client.object('resetConfiguration', { name, ...scopeParams(scope) }),
    onSuccess,
  });
  return { update, reset };
}

/** The translated description of a setting (the core's English text when a name is unknown to this build). */
export function settingDescription(t: Translate, setting: Pick<Configuration, 'name' | 'description'>): string {
  if (!(setting.name in SETTING_DESCRIPTIONS)) return setting.description;
  return t(`settingDesc.${setting.name as SettingName}`);
}

/** A value as operators read it: with its unit, a fraction as a percentage, booleans as they are. */
export function formatSettingValue(
  t: Translate,
  setting: Pick<Configuration, 'value' | 'unit'>,
  value = setting.value,
): string {
  if (value === '' || !setting.unit) return value;
  const n = Number(value);
  if (!Number.isFinite(n)) return value;
  if (setting.unit === 'fraction') return t('settings.unit.fraction', { value: Math.round(n * 10000) / 100 });
  return t(`settings.unit.${setting.unit}` as MessageKey, { value });
}

/** Client-side checks by the setting's declared type and limits (a message key); the server has the last word. */
export function validateSettingValue(
  setting: Pick<Configuration, 'type' | 'minvalue' | 'maxvalue' | 'options'>,
  value: string,
): { key: MessageKey; vars?: Record<string, string> } | undefined {
  const text = value.trim();
  if (setting.type === 'Boolean' && text !== 'true' && text !== 'false') return { key: 'settings.invalid.boolean' };
  if (setting.type === 'Number' && !/^[+-]?\d+$/.test(text)) return { key: 'settings.invalid.integer' };
  if (setting.type === 'Decimal' && (text === '' || !Number.isFinite(Number(text))))
    return { key: 'settings.invalid.number' };
  if (setting.type === 'Number' || setting.type === 'Decimal') {
    const n = Number(text);
    const { minvalue: min, maxvalue: max } = setting;
    if ((min !== undefined && n < Number(min)) || (max !== undefined && n > Number(max))) {
      if (min !== undefined && max !== undefined) return { key: 'settings.invalid.range', vars: { min, max } };
      if (min !== undefined) return { key: 'settings.invalid.min', vars: { min } };
      return { key: 'settings.invalid.max', vars: { max: max ?? '' } };
    }
  }
  if (setting.options) {
    const allowed = setting.options.split(',');
    if (!allowed.some((o) => o.toLowerCase() === text.toLowerCase()))
      return { key: 'settings.invalid.option', vars: { options: allowed.join(', ') } };
  }
  return undefined;
}
