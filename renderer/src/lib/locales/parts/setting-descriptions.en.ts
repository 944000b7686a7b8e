import { SETTING_DESCRIPTIONS, type SettingName } from '../../contract';

/** The message key of a setting's description (`settingDesc.<setting name>`). */
export type SettingDescriptionKey = `settingDesc.${SettingName}`;

/** Message keys for a catalog keyed by setting name. */
export function descriptionMessages(
  byName: Readonly<Record<SettingName, string>>,
): Record<SettingDescriptionKey, string> {
  const out = {} as Record<SettingDescriptionKey, string>;
  for (const name of Object.keys(byName) as SettingName[]) out[`settingDesc.${name}`] = byName[name];
  return out;
}

/** English setting descriptions: the registry's own text (core/src/domain/settings-registry.ts). */
export const settingDescriptionsEn = descriptionMessages(SETTING_DESCRIPTIONS);
