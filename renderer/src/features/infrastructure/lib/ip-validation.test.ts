import { describe, expect, it } from 'vitest';
import { isUrlWithScheme, rangeInputSize, validateRange } from './ip-validation';

describe('ip-validation', () => {
  it('counts a range, one address when the end is empty', () => {
    expect(rangeInputSize({ startip: '10.0.0.1', endip: '10.0.1.0' })).toBe(256);
    expect(rangeInputSize({ startip: '10.0.0.9', endip: '10.0.0.1' })).toBe(0);
    expect(rangeInputSize({ startip: '10.0.0.9', endip: '' })).toBe(1);
    expect(rangeInputSize({ startip: 'x', endip: '' })).toBe(0);
  });

  it('checks a range against the gateway CIDR', () => {
    const ok = { gateway: '10.1.1.1', netmask: '255.255.255.0', startip: '10.1.1.10', endip: '10.1.1.20' };
    expect(validateRange(ok)).toEqual({});
    expect(validateRange({ ...ok, endip: '' })).toEqual({});
    expect(validateRange({ ...ok, endip: '' }, { endRequired: true })).toEqual({ endip: 'common.required' });
    expect(validateRange({ ...ok, startip: '10.1.2.10', endip: '10.1.2.20' })).toEqual({
      startip: 'infra.ip.outsideCidr',
      endip: 'infra.ip.outsideCidr',
    });
    expect(validateRange({ ...ok, startip: '10.1.1.0' })).toEqual({ gateway: 'infra.ip.gatewayInRange' });
    expect(validateRange({ ...ok, gateway: '10.1.1', netmask: 'x' })).toEqual({
      gateway: 'infra.ip.invalid',
      netmask: 'infra.ip.invalidNetmask',
    });
  });

  it('checks URL schemes', () => {
    expect(isUrlWithScheme('http://sim/c0/h0', ['http'])).toBe(true);
    expect(isUrlWithScheme('nfs://10.0.0.1/export/x', ['nfs'])).toBe(true);
    expect(isUrlWithScheme('10.0.0.1/export/x', ['nfs'])).toBe(false);
  });
});
