import { describe, expect, it } from 'vitest';
import { setting, type AnySettingDefinition, type SettingScalar, type SettingScope } from '../domain/settings-registry';
import { parentDomainIds, resolveInChain, scopeAllowed } from './settings-scopes';

const def = (scopes: SettingScope[]) =>
  setting.float('test.factor', 1, 'Advanced', 'A test setting.', { scopes }) as AnySettingDefinition;

function lookupOf(values: Record<string, SettingScalar>) {
  return (scope: SettingScope, id: number, name: string) => values[`${scope}:${id}:${name}`];
}

const OFF = { accountFromDomain: false, domainFromParent: false };

describe('scoped setting resolution (CloudStack ConfigKey.valueInScope)', () => {
  it('takes the most specific level the setting has, then its parents, else nothing (global)', () => {
    const chain = { storagePoolId: 7, clusterId: 3, zoneId: 1 };
    const both = def(['cluster', 'zone']);
    expect(resolveInChain(both, chain, lookupOf({ 'zone:1:test.factor': 2 }), OFF)).toEqual({
      value: 2,
      source: 'zone',
    });
    expect(resolveInChain(both, chain, lookupOf({ 'zone:1:test.factor': 2, 'cluster:3:test.factor': 4 }), OFF)).toEqual(
      { value: 4, source: 'cluster' },
    );
    // A cluster-only setting never reads a zone value, even one stored there.
    expect(resolveInChain(def(['cluster']), chain, lookupOf({ 'zone:1:test.factor': 2 }), OFF)).toBeUndefined();
    // Another resource's value does not leak.
    expect(resolveInChain(both, chain, lookupOf({ 'cluster:4:test.factor': 9 }), OFF)).toBeUndefined();
  });

  it('reads account settings from the domain and parent domains only when CloudStack switches say so', () => {
    const account = def(['account']);
    const chain = { accountId: 5, domainId: 9, parentDomainIds: parentDomainIds('/1/4/9/', 9) };
    expect(chain.parentDomainIds).toEqual([4, 1]);
    const values = lookupOf({ 'domain:1:test.factor': 3 });
    expect(resolveInChain(account, chain, values, OFF)).toBeUndefined();
    expect(
      resolveInChain(account, chain, values, { accountFromDomain: true, domainFromParent: false }),
    ).toBeUndefined();
    expect(resolveInChain(account, chain, values, { accountFromDomain: true, domainFromParent: true })).toEqual({
      value: 3,
      source: 'domain',
    });
    expect(scopeAllowed(account, 'domain', OFF)).toBe(false);
    expect(scopeAllowed(account, 'domain', { accountFromDomain: true, domainFromParent: false })).toBe(true);
  });
});
