import { describe, expect, it } from 'vitest';
import { SETTING_DESCRIPTIONS, type SettingName } from '../contract';
import { en } from './en';
import { ko } from './ko';

const HANGUL = /[\uac00-\ud7a3]/;

describe('setting descriptions', () => {
  const names = Object.keys(SETTING_DESCRIPTIONS) as SettingName[];

  it('covers every setting of the registry in English and Korean', () => {
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      const key = `settingDesc.${name}` as const;
      expect(en[key], name).toBe(SETTING_DESCRIPTIONS[name]);
      expect(ko[key]?.trim(), name).toBeTruthy();
      // Translated, not the English text copied over.
      expect(ko[key], name).toMatch(HANGUL);
    }
  });

  it('keeps no description of a setting the registry no longer has', () => {
    const described = Object.keys(ko)
      .filter((k) => k.startsWith('settingDesc.'))
      .map((k) => k.slice('settingDesc.'.length));
    expect(described.sort()).toEqual([...names].sort());
  });
});
