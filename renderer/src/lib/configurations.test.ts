import { describe, expect, it } from 'vitest';
import { formatSettingValue, settingDescription, validateSettingValue } from './configurations';
import { translate, type Translate } from './i18n';

const tEn: Translate = (key, vars) => translate('en', key, vars);
const tKo: Translate = (key, vars) => translate('ko', key, vars);

describe('settings values', () => {
  it('shows values with their unit, fractions as percentages', () => {
    expect(formatSettingValue(tEn, { value: '1800', unit: 'seconds' })).toBe('1800 s');
    expect(formatSettingValue(tKo, { value: '1800', unit: 'seconds' })).toBe('1800초');
    expect(formatSettingValue(tEn, { value: '0.755', unit: 'fraction' })).toBe('75.5%');
    expect(formatSettingValue(tEn, { value: '2', unit: 'multiplier' })).toBe('×2');
    expect(formatSettingValue(tEn, { value: 'random', unit: undefined })).toBe('random');
  });

  it('checks type, limits and options before sending', () => {
    const integer = { type: 'Number', minvalue: '60', maxvalue: '2592000' } as const;
    expect(validateSettingValue(integer, '1.5')?.key).toBe('settings.invalid.integer');
    expect(validateSettingValue(integer, '30')).toEqual({
      key: 'settings.invalid.range',
      vars: { min: '60', max: '2592000' },
    });
    expect(validateSettingValue(integer, '600')).toBeUndefined();
    expect(validateSettingValue({ type: 'Decimal', minvalue: '0', maxvalue: '1' }, 'x')?.key).toBe(
      'settings.invalid.number',
    );
    expect(validateSettingValue({ type: 'Boolean' }, 'yes')?.key).toBe('settings.invalid.boolean');
    expect(validateSettingValue({ type: 'String', options: 'random,firstfit' }, 'FirstFit')).toBeUndefined();
    expect(validateSettingValue({ type: 'String', options: 'random,firstfit' }, 'best')?.key).toBe(
      'settings.invalid.option',
    );
  });

  it('describes a setting in the operator language, the core text for names this build does not know', () => {
    expect(settingDescription(tKo, { name: 'session.timeout', description: 'x' })).toMatch(/세션/);
    expect(settingDescription(tKo, { name: 'new.setting', description: 'From the core' })).toBe('From the core');
  });
});
