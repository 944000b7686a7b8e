import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src/api/signature';
import { createHttpServer, type StackyardHttpServer } from '../src/server/http';
import { dialects, startTestCore, type TestCore } from './harness';
import { createAccount, createDomain, ok, rootDomainUuid, tenancySnapshot } from './tenancy/fixtures';

/**
 * Role escalation (issue 8, finding 1): a caller may grant, assign or act on only roles whose
 * effective rights (rules first-match, wildcards included, then the declared role types) are
 * within its own. Every path is driven over real HTTP, as an attacker would: the domain admin
 * signs in with a session, and what a victim would gain is tried with the victim's own session
 * or API keys.
 */

const ZONE = { networktype: 'Advanced', dns1: '8.8.8.8', internaldns1: '10.0.0.2' };
const PASSWORD = 'Escalate-Passw0rd';

interface Answer {
  status: number;
  body: Record<string, any>;
  data: Record<string, any>;
}

describe.each(dialects())('role escalation over HTTP (%s)', (dialect) => {
  let tc: TestCore;
  let server: StackyardHttpServer;
  let domain: Record<string, any>;
  let daSession: string;
  /** Custom roles made by the root admin. */
  const role: Record<'zone' | 'star' | 'listAll' | 'userZone' | 'fewer' | 'denying' | 'sameAllow', string> =
    {} as never;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}${++counter}`;

  async function post(params: Record<string, string>): Promise<Answer> {
    const res = await fetch(`${server.url}/client/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, response: 'json' }),
    });
    const json = (await res.json()) as Record<string, any>;
    const key = `${(params.command ?? '').toLowerCase()}response`;
    return { status: res.status, body: json, data: (json[key] ?? json.errorresponse ?? {}) as Record<string, any> };
  }

  async function login(username: string, password: string, domainid: string): Promise<Answer> {
    return post({ command: 'login', username, password, domainid });
  }

  async function session(username: string, domainid: string): Promise<string> {
    const r = await login(username, PASSWORD, domainid);
    expect(r.status).toBe(200);
    return r.data.sessionkey as string;
  }

  const asSession = (key: string, command: string, params: Record<string, string> = {}) =>
    post({ command, ...params, sessionkey: key });

  function signed(keys: { apikey: string; secretkey: string }, command: string, params: Record<string, string> = {}) {
    const unsigned = { command, ...params, response: 'json', apikey: keys.apikey };
    return post({ ...unsigned, signature: signRequest(unsigned, keys.secretkey) });
  }

  /** Asserts CloudStack's permission-denied answer (531) and that no tenancy row or event changed. */
  async function refused(call: () => Promise<Answer>): Promise<Answer> {
    const before = await tenancySnapshot(tc);
    const r = await call();
    if (r.status !== 531) throw new Error(`expected 531, got ${r.status}: ${JSON.stringify(r.data)}`);
    expect(r.data).toMatchObject({ errorcode: 531, cserrorcode: 4365 });
    expect(typeof r.data.errortext).toBe('string');
    expect(await tenancySnapshot(tc)).toBe(before);
    return r;
  }

  async function customRole(type: string, rules: [string, 'allow' | 'deny'][]): Promise<string> {
    const id = ok(await tc.call('createRole', { name: unique(`${type}-custom-`), type })).role.id as string;
    for (const [rule, permission] of rules) ok(await tc.call('createRolePermission', { roleid: id, rule, permission }));
    return id;
  }

  const accountParams = (username: string, extra: Record<string, string>) => ({
    username,
    password: PASSWORD,
    firstname: 'Eve',
    lastname: 'Escalate',
    email: `${username}@example.com`,
    domainid: domain.id as string,
    ...extra,
  });

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    server = await createHttpServer({ core: tc.core, listen: { host: '127.0.0.1', port: 0 } });
    domain = await createDomain(tc, 'Escalation');
    await createAccount(tc, { username: 'esc-da', domainid: domain.id, accounttype: 2, password: PASSWORD });
    daSession = await session('esc-da', domain.id);
    role.zone = await customRole('DomainAdmin', [['createZone', 'allow']]);
    role.star = await customRole('DomainAdmin', [['*', 'allow']]);
    // "list*" opens listConfigurations, listZones, listHosts...: more than a domain admin has.
    role.listAll = await customRole('DomainAdmin', [['list*', 'allow']]);
    role.userZone = await customRole('User', [['createZone', 'allow']]);
    role.fewer = await customRole('DomainAdmin', [
      ['listUsers', 'allow'],
      ['listAccounts', 'allow'],
      ['*', 'deny'],
    ]);
    role.denying = await customRole('DomainAdmin', [['createDomain', 'deny']]);
    role.sameAllow = await customRole('DomainAdmin', [
      ['listUsers', 'allow'],
      ['createAccount', 'allow'],
    ]);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await tc?.close();
  });

  it('refuses createAccount with a role allowing more than the domain admin may (createZone, "*")', async () => {
    for (const roleid of [role.zone, role.star, role.listAll, role.userZone]) {
      const r = await refused(() =>
        asSession(daSession, 'createAccount', accountParams(unique('esc-new-'), { roleid })),
      );
      expect(r.data.errortext).toMatch(/esc-da/);
    }
    await refused(() =>
      asSession(daSession, 'createAccount', accountParams(unique('esc-new-'), { roleid: role.zone, accounttype: '2' })),
    );
  });

  it("refuses updateAccount to such a role, so the account's user never reaches createZone", async () => {
    const username = unique('esc-victim-');
    const victim = ok(
      await asSession(daSession, 'createAccount', accountParams(username, { accounttype: '0' })),
    ).account;
    for (const roleid of [role.zone, role.star, role.listAll, role.userZone])
      await refused(() => asSession(daSession, 'updateAccount', { id: victim.id, roleid }));
    const victimSession = await session(username, domain.id);
    expect((await asSession(victimSession, 'createZone', { ...ZONE, name: unique('stolen-') })).status).toBe(432);
  });

  it('refuses to reset the password or keys of, edit, disable, lock, enable or delete a holder of such a role', async () => {
    const username = unique('esc-holder-');
    const holder = (await createAccount(tc, { username, domainid: domain.id, roleid: role.zone, password: PASSWORD }))
      .user[0];
    const holderAccount = holder.accountid as string;
    const keys = ok(await tc.call('registerUserKeys', { id: holder.id })).userkeys as {
      apikey: string;
      secretkey: string;
    };
    const attempts: [string, Record<string, string>][] = [
      ['registerUserKeys', { id: holder.id }],
      ['updateUser', { id: holder.id, password: 'Taken-0ver-pass' }],
      ['updateUser', { id: holder.id, firstname: 'Owned' }],
      ['disableUser', { id: holder.id }],
      ['lockUser', { id: holder.id }],
      ['enableUser', { id: holder.id }],
      ['deleteUser', { id: holder.id }],
      ['updateAccount', { id: holderAccount, newname: 'owned' }],
      ['enableAccount', { id: holderAccount }],
      ['disableAccount', { id: holderAccount, lock: 'false' }],
      ['lockAccount', { account: username, domainid: domain.id }],
      ['deleteAccount', { id: holderAccount }],
      [
        'createUser',
        {
          account: username,
          domainid: domain.id,
          username: unique('esc-mole-'),
          password: PASSWORD,
          firstname: 'M',
          lastname: 'O',
        },
      ],
    ];
    for (const [command, params] of attempts) await refused(() => asSession(daSession, command, params));
    // The password the domain admin tried does not sign in; the holder's own keys still work, and
    // show what the domain admin would have gained.
    expect((await login(username, 'Taken-0ver-pass', domain.id)).status).toBe(401);
    expect(ok(await signed(keys, 'createZone', { ...ZONE, name: unique('holder-zone-') })).zone.name).toMatch(
      /^holder-zone-/,
    );
  });

  it('refuses deleteDomain cleanup of a subdomain holding an account whose role allows more than the caller', async () => {
    const child = ok(await tc.call('createDomain', { name: unique('esc-child-'), parentdomainid: domain.id })).domain;
    const holder = { ...accountParams(unique('esc-holder-'), { roleid: role.zone }), domainid: child.id as string };
    ok(await tc.call('createAccount', holder));
    const r = await refused(() => asSession(daSession, 'deleteDomain', { id: child.id as string, cleanup: 'true' }));
    expect(r.data.errortext).toMatch(/allows more than the caller may/);

    const tame = ok(await tc.call('createDomain', { name: unique('esc-tame-'), parentdomainid: domain.id })).domain;
    ok(
      await tc.call('createAccount', {
        ...accountParams(unique('esc-tame-'), { roleid: role.fewer }),
        domainid: tame.id,
      }),
    );
    const accepted = await asSession(daSession, 'deleteDomain', { id: tame.id as string, cleanup: 'true' });
    expect(accepted.status).toBe(200);
    expect(typeof accepted.data.jobid).toBe('string');
  });

  it('allows roles within its rights: fewer rights, a rule denying what it has, or allowing what it has', async () => {
    for (const roleid of [role.fewer, role.denying, role.sameAllow]) {
      const username = unique('esc-ok-');
      const account = ok(await asSession(daSession, 'createAccount', accountParams(username, { roleid }))).account;
      expect(account.roleid).toBe(roleid);
    }
    const username = unique('esc-moved-');
    const moved = ok(
      await asSession(daSession, 'createAccount', accountParams(username, { accounttype: '0' })),
    ).account;
    expect(ok(await asSession(daSession, 'updateAccount', { id: moved.id, roleid: role.denying })).account.roleid).toBe(
      role.denying,
    );
    const userId = moved.user[0].id as string;
    const keys = ok(await asSession(daSession, 'registerUserKeys', { id: userId })).userkeys;
    ok(await asSession(daSession, 'updateUser', { id: userId, password: 'Reset-by-da-1' }));
    expect((await login(username, 'Reset-by-da-1', domain.id)).status).toBe(200);
    // The role it was given denies createDomain, and the keys the domain admin made are bound by it.
    expect((await signed(keys, 'createDomain', { name: unique('nope-') })).status).toBe(432);
    expect(ok(await signed(keys, 'listUsers', { id: userId })).user[0].id).toBe(userId);
  });

  it("lists only the roles within the caller's rights (its own, and those allowing no more)", async () => {
    const listed = ok(await asSession(daSession, 'listRoles', {}));
    const ids = (listed.role as Record<string, any>[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([role.fewer, role.denying, role.sameAllow]));
    for (const hidden of [role.zone, role.star, role.listAll, role.userZone]) expect(ids).not.toContain(hidden);
    expect((listed.role as Record<string, any>[]).map((r) => r.type)).not.toContain('Admin');
    expect(listed.count).toBe(ids.length);
    expect(ok(await asSession(daSession, 'listRoles', { id: role.zone }))).toEqual({});
    expect(ok(await asSession(daSession, 'listRoles', { id: role.denying })).role[0].id).toBe(role.denying);
  });

  it('shows a domain admin allowed listRolePermissions only the rules of roles within its rights', async () => {
    const reader = await customRole('DomainAdmin', [['listRolePermissions', 'allow']]);
    const username = unique('esc-reader-');
    await createAccount(tc, { username, domainid: domain.id, roleid: reader, password: PASSWORD });
    const key = await session(username, domain.id);
    const own = ok(await asSession(key, 'listRolePermissions', { roleid: reader })).rolepermission;
    expect(own.map((p: any) => p.rule)).toEqual(['listRolePermissions']);
    const fewer = ok(await asSession(key, 'listRolePermissions', { roleid: role.fewer })).rolepermission;
    expect(fewer.map((p: any) => p.rule)).toEqual(['listUsers', 'listAccounts', '*']);
    const hidden = await asSession(key, 'listRolePermissions', { roleid: role.zone });
    expect(hidden.status).toBe(431);
    expect(hidden.data.errortext).toBe(`Unable to find role by id ${role.zone}`);
    const all = ok(await asSession(key, 'listRolePermissions', {})).rolepermission as Record<string, any>[];
    const shown = new Set(all.map((p) => p.roleid));
    expect(shown).toContain(role.fewer);
    for (const beyond of [role.zone, role.star, role.listAll, role.userZone]) expect(shown).not.toContain(beyond);
  });

  it('keeps a restricted admin-type role from producing a role beyond its rights', async () => {
    const restricted = await customRole('Admin', [['createZone', 'deny']]);
    const username = unique('esc-radmin-');
    await createAccount(tc, {
      username,
      domainid: await rootDomainUuid(tc),
      roleid: restricted,
      password: PASSWORD,
    });
    const key = await session(username, await rootDomainUuid(tc));
    // A role of type Admin with no rules allows createZone, which this admin may not call.
    await refused(() => asSession(key, 'createRole', { name: unique('r-'), type: 'Admin' }));
    await refused(() => asSession(key, 'createRole', { name: unique('r-'), roleid: role.zone }));
    const mine = ok(await asSession(key, 'createRole', { name: unique('r-'), type: 'DomainAdmin' })).role.id as string;
    await refused(() =>
      asSession(key, 'createRolePermission', { roleid: mine, rule: 'createZone', permission: 'allow' }),
    );
    await refused(() => asSession(key, 'createRolePermission', { roleid: mine, rule: '*', permission: 'allow' }));
    const deny = ok(
      await asSession(key, 'createRolePermission', { roleid: mine, rule: 'createZone', permission: 'deny' }),
    ).rolepermission.id as string;
    // After that deny, "create*" opens only what this admin has (first match wins): allowed.
    const wide = ok(
      await asSession(key, 'createRolePermission', { roleid: mine, rule: 'create*', permission: 'allow' }),
    ).rolepermission.id as string;
    // Anything that lets "create*" reach createZone is refused.
    await refused(() => asSession(key, 'updateRolePermission', { roleid: mine, ruleorder: `${wide},${deny}` }));
    await refused(() => asSession(key, 'updateRolePermission', { roleid: mine, ruleid: deny, permission: 'allow' }));
    await refused(() => asSession(key, 'deleteRolePermission', { id: deny }));
    const bare = ok(await asSession(key, 'createRole', { name: unique('r-'), type: 'DomainAdmin' })).role.id as string;
    await refused(() => asSession(key, 'updateRole', { id: bare, type: 'Admin' }));
    // Nor may it hand out, or take over, a full root admin.
    const rootRole = ok(await tc.call('listRoles', { name: 'Root Admin' })).role[0].id as string;
    const rootDomain = await rootDomainUuid(tc);
    await refused(() =>
      asSession(key, 'createAccount', {
        ...accountParams(unique('esc-root-'), { roleid: rootRole }),
        domainid: rootDomain,
      }),
    );
    const other = (await createAccount(tc, { username: unique('esc-admin-'), domainid: rootDomain, accounttype: 1 }))
      .user[0].id as string;
    await refused(() => asSession(key, 'updateUser', { id: other, password: 'Taken-0ver-pass' }));
    await refused(() => asSession(key, 'registerUserKeys', { id: other }));
    // Its own type of change stays possible within its rights.
    expect(ok(await asSession(key, 'updateRole', { id: bare, description: 'still mine' })).role.description).toBe(
      'still mine',
    );
  });
});
