import { describe, expect, it } from 'vitest';
import { effectiveRights, firstRightBeyond, rolePolicy, type CommandGrant } from './roles';

const COMMANDS: CommandGrant[] = [
  { name: 'createZone', roles: ['Admin'] },
  { name: 'listZones', roles: ['Admin', 'ResourceAdmin'] },
  { name: 'createDomain', roles: ['Admin', 'DomainAdmin'] },
  { name: 'listUsers', roles: ['Admin', 'DomainAdmin', 'User'] },
  { name: 'listConfigurations', roles: ['Admin'] },
];

describe('role rights', () => {
  it('evaluates rules first-match, wildcards included, then the declared role types', () => {
    const allowed = rolePolicy(
      [
        { rule: 'listUsers', permission: 'deny' },
        { rule: 'list*', permission: 'allow' },
        { rule: 'createZone', permission: 'allow' },
      ],
      'DomainAdmin',
    );
    expect(allowed('listUsers', ['Admin', 'DomainAdmin', 'User'])).toBe(false);
    expect(allowed('LISTZONES', ['Admin'])).toBe(true);
    expect(allowed('createZone', ['Admin'])).toBe(true);
    expect(allowed('createDomain', ['Admin', 'DomainAdmin'])).toBe(true);
    expect(allowed('createDomain', ['Admin'])).toBe(false);
  });

  it('collects the commands a role may call, and names the first one a holder lacks', () => {
    const domainAdmin = effectiveRights([], 'DomainAdmin', COMMANDS);
    expect([...domainAdmin]).toEqual(['createDomain', 'listUsers']);
    const denying = effectiveRights([{ rule: 'createDomain', permission: 'deny' }], 'DomainAdmin', COMMANDS);
    expect(firstRightBeyond(denying, domainAdmin)).toBeUndefined();
    const star = effectiveRights([{ rule: '*', permission: 'allow' }], 'User', COMMANDS);
    expect(star.size).toBe(COMMANDS.length);
    expect(firstRightBeyond(star, domainAdmin)).toBe('createZone');
    // An unknown permission word denies, as anything but "allow" does at the dispatcher.
    expect(effectiveRights([{ rule: '*', permission: 'maybe' }], 'Admin', COMMANDS).size).toBe(0);
  });
});
