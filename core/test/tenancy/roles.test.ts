import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, createDomain, eventsOfType, fails, ok, tenancySnapshot } from './fixtures';

describe.each(dialects())('roles and role permissions (%s)', (dialect) => {
  let tc: TestCore;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
  });
  afterAll(async () => tc?.close());

  const roleByType = async (type: string) =>
    ok(await tc.call('listRoles', { type })).role.find((r: any) => r.isdefault);

  it('lists the default roles; non-admins see their own type and less privileged ones', async () => {
    const all = ok(await tc.call('listRoles', {}));
    expect(all.role.map((r: any) => [r.name, r.type, r.isdefault])).toEqual([
      ['Root Admin', 'Admin', true],
      ['Resource Admin', 'ResourceAdmin', true],
      ['Domain Admin', 'DomainAdmin', true],
      ['User', 'User', true],
    ]);
    const d = await createDomain(tc, 'RolesD');
    const da = await callerOf(
      tc,
      (await createAccount(tc, { username: 'roles-da', domainid: d.id, accounttype: 2 })).user[0].id,
    );
    const user = await callerOf(tc, (await createAccount(tc, { username: 'roles-user', domainid: d.id })).user[0].id);
    expect(ok(await tc.call('listRoles', {}, da)).role.map((r: any) => r.type)).toEqual(['DomainAdmin', 'User']);
    expect(ok(await tc.call('listRoles', {}, user)).role.map((r: any) => r.type)).toEqual(['User']);
    const admin = await roleByType('Admin');
    expect(ok(await tc.call('listRoles', { id: admin.id }, user))).toEqual({});
    expect(ok(await tc.call('listRoles', { keyword: 'admin' })).count).toBe(3);
    // Only root admins manage roles, even with rules.
    fails(await tc.call('createRole', { name: 'x', type: 'User' }, da), 432);
    fails(await tc.call('listRolePermissions', {}, da), 432);
  });

  it('creates, clones, updates and deletes roles with events; default roles are protected', async () => {
    const role = ok(await tc.call('createRole', { name: 'Auditor', type: 'User', description: 'reads things' })).role;
    expect(role).toMatchObject({ name: 'Auditor', type: 'User', description: 'reads things', isdefault: false });
    expect(await eventsOfType(tc, 'ROLE.CREATE', role.id)).toBe(1);
    const rule = ok(
      await tc.call('createRolePermission', {
        roleid: role.id,
        rule: 'list*',
        permission: 'allow',
        description: 'all lists',
      }),
    ).rolepermission;
    expect(rule).toMatchObject({
      roleid: role.id,
      rolename: 'Auditor',
      roletype: 'User',
      rule: 'list*',
      permission: 'allow',
      description: 'all lists',
    });
    ok(await tc.call('createRolePermission', { roleid: role.id, rule: 'updateUser', permission: 'deny' }));

    const clone = ok(await tc.call('createRole', { name: 'Auditor 2', roleid: role.id })).role;
    expect(clone.type).toBe('User');
    const cloned = ok(await tc.call('listRolePermissions', { roleid: clone.id })).rolepermission;
    expect(cloned.map((r: any) => [r.rule, r.permission])).toEqual([
      ['list*', 'allow'],
      ['updateUser', 'deny'],
    ]);

    const before = await tenancySnapshot(tc);
    fails(await tc.call('createRole', { name: 'auditor', type: 'User' }), 431, /already exists/);
    fails(await tc.call('createRole', { name: 'Both', type: 'User', roleid: role.id }), 431);
    fails(await tc.call('createRole', { name: 'Neither' }), 431);
    fails(await tc.call('createRole', { name: 'BadType', type: 'Emperor' }), 431);
    const userRole = await roleByType('User');
    fails(await tc.call('updateRole', { id: userRole.id, name: 'Renamed' }), 531, /Default role/);
    fails(await tc.call('deleteRole', { id: userRole.id }), 531, /Default role/);
    expect(await tenancySnapshot(tc)).toBe(before);

    const updated = ok(
      await tc.call('updateRole', { id: clone.id, name: 'Observer', type: 'DomainAdmin', description: 'now DA' }),
    ).role;
    expect(updated).toMatchObject({ name: 'Observer', type: 'DomainAdmin', description: 'now DA' });
    expect(await eventsOfType(tc, 'ROLE.UPDATE', clone.id)).toBe(1);
    ok(await tc.call('deleteRole', { id: clone.id }));
    expect(ok(await tc.call('listRoles', { id: clone.id }))).toEqual({});
    expect(await eventsOfType(tc, 'ROLE.DELETE', clone.id)).toBe(1);
  });

  it('refuses to delete or retype a role in use', async () => {
    const role = ok(await tc.call('createRole', { name: 'Busy', type: 'User' })).role;
    await createAccount(tc, { username: 'busy-user', roleid: role.id });
    const before = await tenancySnapshot(tc);
    fails(await tc.call('deleteRole', { id: role.id }), 536, /in use/);
    fails(await tc.call('updateRole', { id: role.id, type: 'DomainAdmin' }), 536);
    expect(await tenancySnapshot(tc)).toBe(before);
    ok(await tc.call('updateRole', { id: role.id, description: 'still busy' }));
  });

  it('validates rules, reorders them, changes and deletes them; the root admin role stays intact', async () => {
    const role = ok(await tc.call('createRole', { name: 'Ordered', type: 'User' })).role;
    const add = async (rule: string, permission: string) =>
      ok(await tc.call('createRolePermission', { roleid: role.id, rule, permission })).rolepermission;
    const r1 = await add('listUsers', 'allow');
    const r2 = await add('list*', 'deny');
    const r3 = await add('*', 'allow');
    const before = await tenancySnapshot(tc);
    fails(
      await tc.call('createRolePermission', { roleid: role.id, rule: 'list-users', permission: 'allow' }),
      431,
      /Invalid rule/,
    );
    fails(
      await tc.call('createRolePermission', { roleid: role.id, rule: 'noSuchApi', permission: 'allow' }),
      431,
      /no API/,
    );
    fails(
      await tc.call('createRolePermission', { roleid: role.id, rule: 'LISTUSERS', permission: 'deny' }),
      431,
      /already has/,
    );
    fails(await tc.call('createRolePermission', { roleid: role.id, rule: 'listUsers', permission: 'maybe' }), 431);
    fails(
      await tc.call('updateRolePermission', { roleid: role.id, ruleorder: [r1.id, r2.id].join(',') }),
      431,
      /exactly once/,
    );
    fails(await tc.call('updateRolePermission', { roleid: role.id, ruleorder: [r1.id, r1.id, r3.id].join(',') }), 431);
    fails(await tc.call('updateRolePermission', { roleid: role.id }), 431);
    const admin = await roleByType('Admin');
    const adminRules = ok(await tc.call('listRolePermissions', { roleid: admin.id })).rolepermission;
    fails(await tc.call('createRolePermission', { roleid: admin.id, rule: 'deleteDomain', permission: 'deny' }), 531);
    fails(await tc.call('deleteRolePermission', { id: adminRules[0].id }), 531);
    expect(await tenancySnapshot(tc)).toBe(before);

    ok(await tc.call('updateRolePermission', { roleid: role.id, ruleorder: [r3.id, r2.id, r1.id].join(',') }));
    expect(ok(await tc.call('listRolePermissions', { roleid: role.id })).rolepermission.map((r: any) => r.id)).toEqual([
      r3.id,
      r2.id,
      r1.id,
    ]);
    ok(await tc.call('updateRolePermission', { roleid: role.id, ruleid: r2.id, permission: 'allow' }));
    expect(ok(await tc.call('listRolePermissions', { roleid: role.id })).rolepermission[1].permission).toBe('allow');
    expect(await eventsOfType(tc, 'ROLE.PERMISSION.UPDATE', role.id)).toBe(2);
    ok(await tc.call('deleteRolePermission', { id: r2.id }));
    expect(await eventsOfType(tc, 'ROLE.PERMISSION.DELETE', r2.id)).toBe(1);
    expect(await eventsOfType(tc, 'ROLE.PERMISSION.CREATE', r1.id)).toBe(1);
    expect(ok(await tc.call('listRolePermissions', {})).rolepermission.some((r: any) => r.id === r3.id)).toBe(true);
  });
});
