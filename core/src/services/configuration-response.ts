import type { AnySettingDefinition, SettingScalar } from '../domain/settings-registry';
import { compact } from '../api/schemas/fields';
import type { Configuration } from '../api/schemas/configurations';
import type { SettingEntry } from './settings';

/** How secret values are shown. */
const MASK = '******';

/** CloudStack's configuration types as listConfigurations reports them. */
const WIRE_TYPE = {
  string: 'String',
  password: 'String',
  integer: 'Number',
  float: 'Decimal',
  boolean: 'Boolean',
} as const satisfies Record<AnySettingDefinition['type'], Configuration['type']>;

function isDefault(def: AnySettingDefinition, value: SettingScalar): boolean {
  return String(value) === String(def.default);
}

/** CloudStack's ConfigurationResponse for a setting, with Stackyard's unit and source; secrets are masked. */
export function configurationResponse(entry: SettingEntry): Configuration {
  const def = entry.definition;
  return compact({
    name: def.name,
    value: def.isSecret ? MASK : String(entry.value),
    defaultvalue: def.isSecret ? MASK : String(def.default),
    category: def.category,
    description: def.description,
    type: WIRE_TYPE[def.type],
    options: def.type === 'string' && def.enum ? def.enum.join(',') : undefined,
    isdynamic: def.isDynamic,
    scope: entry.scope,
    scopes: def.scopes.length > 0 ? def.scopes.join(',') : undefined,
    unit: def.unit,
    minvalue: def.min === undefined ? undefined : String(def.min),
    maxvalue: def.max === undefined ? undefined : String(def.max),
    isdefault: isDefault(def, entry.value),
    valuesource: entry.source,
  });
}

/** A secret's value as events and responses show it. */
export function shownValue(entry: SettingEntry): string {
  return entry.definition.isSecret ? MASK : String(entry.value);
}
