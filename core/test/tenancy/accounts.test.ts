import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from '../harness';
import {
  callerOf,
  createAccount,
  createDomain,
  eventsOfType,
  fails,
  ok,
  rootDomainUuid,
  runAsync,
  sessionCount,
  tenancySnapshot,
} from './fixtures';

const base = { password: 'Secret-pass1', firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.com' };

describe.each(dialects())('accounts (%s)', (dialect) => {
  let tc: TestCore;
  let rootId: string;
  let d1: Record<string, any>;
  let d2: Record<string, any>;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    rootId = await rootDomainUuid(tc);
    d1 = await createDomain(tc, 'D1');
    d2 = await createDomain(tc, 'D2');
  });
  afterAll(async () => tc?.close());

  it('creates an account and its first user in one go, with CloudStack fields and no secrets', async () => {
    const r = ok(
      await tc.call('createAccount', {
        ...base,
        username: 'ada',
        domainid: d1.id,
        accounttype: '0',
        timezone: 'Europe/Paris',
        networkdomain: 'ada.example',
      }),
    );
    const a = r.account;
    expect(a).toMatchObject({
      name: 'ada',
      accounttype: 0,
      rolename: 'User',
      roletype: 'User',
      domainid: d1.id,
      domain: 'D1',
      domainpath: 'ROOT/D1',
      state: 'enabled',
      networkdomain: 'ada.example',
      isdefault: false,
    });
    expect(a.user).toHaveLength(1);
    expect(a.user[0]).toMatchObject({
      username: 'ada',
      firstname: 'Ada',
      lastname: 'Lovelace',
      email: 'ada@example.com',
      account: 'ada',
      accountid: a.id,
      timezone: 'Europe/Paris',
      state: 'enabled',
    });
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/password|scrypt|apikey|secretkey/i);
    expect(await eventsOfType(tc, 'ACCOUNT.CREATE', a.id)).toBe(1);
    // The user can log in with the password.
    const login = await tc.core.auth.login('ada', 'Secret-pass1', { domainId: d1.id });
    expect(login.response.account).toBe('ada');
  });

  it('takes the account name from `account`, the role from roleid, the domain from the caller', async () => {
    const roles = ok(await tc.call('listRoles', { type: 'DomainAdmin' })).role;
    const a = (await tc.call('createAccount', { ...base, username: 'grace', account: 'Navy', roleid: roles[0].id }))
      .data.account;
    expect(a).toMatchObject({ name: 'Navy', accounttype: 2, roletype: 'DomainAdmin', domainid: rootId });
    fails(
      await tc.call('createAccount', { ...base, username: 'x1', roleid: roles[0].id, accounttype: '0' }),
      431,
      /does not match/,
    );
    fails(await tc.call('createAccount', { ...base, username: 'x2' }), 431, /accounttype or roleid/);
  });

  it('refuses duplicates (case-insensitive), bad input and admin accounts outside ROOT, writing nothing', async () => {
    await createAccount(tc, { username: 'dup', domainid: d1.id });
    const before = await tenancySnapshot(tc);
    const bad: [Record<string, string>, number, RegExp?][] = [
      [{ ...base, username: 'other', account: 'DUP', domainid: d1.id, accounttype: '0' }, 431, /already exists/],
      [
        { ...base, username: 'DUP', account: 'fresh', domainid: d1.id, accounttype: '0' },
        431,
        /user DUP already exists/,
      ],
      [{ ...base, username: 'e1', email: 'not-an-email', accounttype: '0' }, 431, /email/],
      [{ ...base, username: 'e2', timezone: 'Mars/Olympus', accounttype: '0' }, 431, /timezone/],
      [{ ...base, username: 'e3', password: '   ', accounttype: '0' }, 431, /[Pp]assword/],
      [{ ...base, username: 'e4', accounttype: '7' }, 431],
      [{ ...base, username: 'e5', accounttype: '1', domainid: d1.id }, 431, /non-ROOT/],
      [
        { ...base, username: 'e6', accounttype: '0', domainid: '00000000-0000-4000-8000-000000000000' },
        431,
        /Unable to find domain/,
      ],
      [
        { password: 'x', firstname: 'a', lastname: 'b', email: 'a@b.co', accounttype: '0' },
        431,
        /missing parameter username/,
      ],
    ];
    for (const [params, status, text] of bad) fails(await tc.call('createAccount', params), status, text);
    expect(await tenancySnapshot(tc)).toBe(before);
    // The same names are fine in another domain.
    await createAccount(tc, { username: 'dup', domainid: d2.id });
  });

  it('creates exactly one of several concurrent accounts with the same name or username', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        tc.call('createAccount', {
          ...base,
          username: i % 2 ? 'racer' : `racer-${i}`,
          account: i % 2 ? `racer-acct-${i}` : 'racer',
          domainid: d2.id,
          accounttype: '0',
        }),
      ),
    );
    const won = attempts.filter((r) => r.status === 200);
    // Account name "racer" (i = 0, 2) and username "racer" (i = 1, 3) collide pairwise: two winners.
    expect(won).toHaveLength(2);
    for (const r of attempts) if (r.status !== 200) fails(r, 431, /already exists/);
    const db = tc.core.store.db;
    const accounts = await db
      .selectFrom('accounts')
      .select('name')
      .where('name', 'like', 'racer%')
      .where('removed', 'is', null)
      .execute();
    const users = await db
      .selectFrom('users')
      .select('username')
      .where('username', 'like', 'racer%')
      .where('removed', 'is', null)
      .execute();
    expect(accounts.filter((a) => a.name === 'racer')).toHaveLength(accounts.some((a) => a.name === 'racer') ? 1 : 0);
    expect(users.filter((u) => u.username === 'racer').length).toBeLessThanOrEqual(1);
    // Every winner created both its account and its user; no loser left either behind.
    expect(accounts).toHaveLength(won.length);
    expect(users).toHaveLength(won.length);
  });

  it('lists accounts as CloudStack scopes them, never the system account', async () => {
    const rootOnly = ok(await tc.call('listAccounts', {}));
    expect(rootOnly.account.every((a: any) => a.domainid === rootId)).toBe(true);
    expect(rootOnly.account.map((a: any) => a.name)).toContain('admin');
    expect(rootOnly.account.map((a: any) => a.name)).not.toContain('system');
    const all = ok(await tc.call('listAccounts', { listall: 'true' }));
    expect(all.account.map((a: any) => a.domain)).toEqual(expect.arrayContaining(['ROOT', 'D1', 'D2']));
    expect(all.count).toBe(all.account.length);
    const inD1 = ok(await tc.call('listAccounts', { domainid: d1.id }));
    expect(inD1.account.every((a: any) => a.domainid === d1.id)).toBe(true);
    expect(ok(await tc.call('listAccounts', { name: 'ADA', listall: 'true' })).account.map((a: any) => a.name)).toEqual(
      ['ada'],
    );
    expect(ok(await tc.call('listAccounts', { keyword: 'du', listall: 'true' })).count).toBe(2);
    expect(
      ok(await tc.call('listAccounts', { accounttype: '2', listall: 'true' })).account.every(
        (a: any) => a.accounttype === 2,
      ),
    ).toBe(true);
    const page = ok(await tc.call('listAccounts', { listall: 'true', page: '2', pagesize: '1' }));
    expect(page.account).toHaveLength(1);
    expect(page.account[0].id).toBe(all.account[1].id);
    expect(page.count).toBe(all.count);
    const system = await tc.core.store.db
      .selectFrom('accounts')
      .select('uuid')
      .where('name', '=', 'system')
      .executeTakeFirstOrThrow();
    expect(ok(await tc.call('listAccounts', { id: system.uuid }))).toEqual({});
  });

  it('a domain admin creates accounts only in its subtree and never more privileged ones', async () => {
    const da = await callerOf(
      tc,
      (await createAccount(tc, { username: 'd1-admin', domainid: d1.id, accounttype: 2 })).user[0].id,
    );
    const sub = await createDomain(tc, 'D1sub', d1.id);
    const made = await createAccount(tc, { username: 'sub-user', domainid: sub.id }, da);
    expect(made.domainpath).toBe('ROOT/D1/D1sub');
    const madeDa = await createAccount(tc, { username: 'peer-da', domainid: d1.id, accounttype: 2 }, da);
    expect(madeDa.roletype).toBe('DomainAdmin');
    const before = await tenancySnapshot(tc);
    fails(await tc.call('createAccount', { ...base, username: 'r1', accounttype: '1' }, da), 531);
    fails(await tc.call('createAccount', { ...base, username: 'r2', accounttype: '1', domainid: d1.id }, da), 531);
    fails(await tc.call('createAccount', { ...base, username: 'r3', accounttype: '3', domainid: d1.id }, da), 531);
    fails(await tc.call('createAccount', { ...base, username: 'r4', accounttype: '0', domainid: d2.id }, da), 531);
    fails(await tc.call('createAccount', { ...base, username: 'r5', accounttype: '0', domainid: rootId }, da), 531);
    expect(await tenancySnapshot(tc)).toBe(before);

    const seen = ok(await tc.call('listAccounts', { listall: 'true' }, da)).account.map((a: any) => a.domainpath);
    expect(new Set(seen)).toEqual(new Set(['ROOT/D1', 'ROOT/D1/D1sub']));
    const own = ok(await tc.call('listAccounts', {}, da)).account.map((a: any) => a.domainid);
    expect(new Set(own)).toEqual(new Set([d1.id]));
    fails(await tc.call('listAccounts', { domainid: d2.id }, da), 531);
  });

  it('a user sees only its own account', async () => {
    const a = await createAccount(tc, { username: 'plain', domainid: d1.id });
    const user = await callerOf(tc, a.user[0].id);
    const other = (await tc.call('listAccounts', { name: 'ada', domainid: d1.id })).data.account[0];
    expect(ok(await tc.call('listAccounts', { listall: 'true' }, user)).account.map((x: any) => x.id)).toEqual([a.id]);
    fails(await tc.call('listAccounts', { id: other.id }, user), 531);
    fails(await tc.call('listAccounts', { domainid: d2.id }, user), 531);
    fails(await tc.call('createAccount', { ...base, username: 'nope', accounttype: '0' }, user), 432);
  });

  it('updates an account: rename (unique), network domain, role within the caller rank', async () => {
    const a = await createAccount(tc, { username: 'renamer', domainid: d1.id });
    const updated = ok(
      await tc.call('updateAccount', { id: a.id, newname: 'renamed', networkdomain: 'r.example' }),
    ).account;
    expect(updated).toMatchObject({ name: 'renamed', networkdomain: 'r.example' });
    const byName = ok(
      await tc.call('updateAccount', { account: 'renamed', domainid: d1.id, newname: 'renamed2' }),
    ).account;
    expect(byName.name).toBe('renamed2');
    expect(await eventsOfType(tc, 'ACCOUNT.UPDATE', a.id)).toBe(2);

    const daRole = ok(await tc.call('listRoles', { type: 'DomainAdmin' })).role[0];
    const adminRole = ok(await tc.call('listRoles', { type: 'Admin' })).role[0];
    expect(ok(await tc.call('updateAccount', { id: a.id, roleid: daRole.id })).account).toMatchObject({
      accounttype: 2,
      roletype: 'DomainAdmin',
    });
    const before = await tenancySnapshot(tc);
    fails(await tc.call('updateAccount', { id: a.id, newname: 'ADA' }), 431, /exists/);
    fails(await tc.call('updateAccount', { id: a.id, roleid: adminRole.id }), 431, /non-ROOT/);
    const admin = (await tc.call('listAccounts', { name: 'admin' })).data.account[0];
    fails(await tc.call('updateAccount', { id: admin.id, roleid: daRole.id }), 531, /default/);
    const da = await callerOf(
      tc,
      (await createAccount(tc, { username: 'upd-da', domainid: d1.id, accounttype: 2 })).user[0].id,
    );
    const plain = await createAccount(tc, { username: 'upd-plain', domainid: d1.id });
    const before2 = await tenancySnapshot(tc);
    fails(await tc.call('updateAccount', { id: plain.id, roleid: adminRole.id }, da), 531);
    fails(await tc.call('updateAccount', { id: admin.id, newname: 'pwned' }, da), 531);
    expect(await tenancySnapshot(tc)).toBe(before2);
    expect(JSON.parse(before).accounts).toEqual(
      JSON.parse(before2).accounts.slice(0, JSON.parse(before).accounts.length),
    );
  });

  it('disables (async), locks, enables an account and ends its users sessions', async () => {
    const a = await createAccount(tc, { username: 'switch', domainid: d1.id, password: 'Switch-pass1' });
    await tc.core.auth.login('switch', 'Switch-pass1', { domainId: d1.id });
    expect(await sessionCount(tc, a.user[0].id)).toBe(1);

    const job = await runAsync(tc, 'disableAccount', { id: a.id, lock: 'false' });
    expect(job).toMatchObject({ jobstatus: 1, jobinstancetype: 'Account', jobinstanceid: a.id });
    expect(job.jobresult.account).toMatchObject({ id: a.id, state: 'disabled' });
    expect(await sessionCount(tc, a.user[0].id)).toBe(0);
    await expect(tc.core.auth.login('switch', 'Switch-pass1', { domainId: d1.id })).rejects.toThrow();
    expect(await eventsOfType(tc, 'ACCOUNT.DISABLE', a.id)).toBe(1);

    expect(ok(await tc.call('enableAccount', { id: a.id })).account.state).toBe('enabled');
    expect(await eventsOfType(tc, 'ACCOUNT.ENABLE', a.id)).toBe(1);
    const locked = await runAsync(tc, 'disableAccount', { account: 'switch', domainid: d1.id, lock: 'true' });
    expect(locked.jobresult.account.state).toBe('locked');
    ok(await tc.call('enableAccount', { account: 'switch', domainid: d1.id }));
    expect(ok(await tc.call('lockAccount', { account: 'switch', domainid: d1.id })).account.state).toBe('locked');
    fails(await tc.call('disableAccount', { id: a.id }), 431, /missing parameter lock/);
  });

  it('refuses to disable, lock or delete the caller own account and the default accounts', async () => {
    const admin = (await tc.call('listAccounts', { name: 'admin' })).data.account[0];
    const before = await tenancySnapshot(tc);
    fails(await tc.call('disableAccount', { id: admin.id, lock: 'false' }), 531);
    fails(await tc.call('deleteAccount', { id: admin.id }), 431, /default/);
    const da = await callerOf(
      tc,
      (await createAccount(tc, { username: 'self-da', domainid: d2.id, accounttype: 2 })).user[0].id,
    );
    const snap = await tenancySnapshot(tc);
    fails(await tc.call('disableAccount', { id: da.accountUuid, lock: 'true' }, da), 531, /itself/);
    fails(await tc.call('deleteAccount', { id: da.accountUuid }, da), 531, /itself/);
    expect(await tenancySnapshot(tc)).toBe(snap);
    expect(JSON.parse(before).accounts.length + 1).toBe(JSON.parse(snap).accounts.length);
  });

  it('deletes an account as a job: users removed, sessions ended, name reusable, idempotent', async () => {
    const a = await createAccount(tc, { username: 'gone', domainid: d2.id, password: 'Gone-pass1' });
    ok(
      await tc.call('createUser', {
        account: 'gone',
        domainid: d2.id,
        username: 'gone2',
        password: 'Gone-pass2',
        firstname: 'G',
        lastname: 'Two',
      }),
    );
    await tc.core.auth.login('gone', 'Gone-pass1', { domainId: d2.id });
    const job = await runAsync(tc, 'deleteAccount', { id: a.id });
    expect(job).toMatchObject({
      jobstatus: 1,
      jobinstancetype: 'Account',
      jobinstanceid: a.id,
      jobresult: { success: true },
    });
    const users = await tc.core.store.db
      .selectFrom('users')
      .innerJoin('accounts', 'accounts.id', 'users.account_id')
      .select(['users.removed', 'users.api_key'])
      .where('accounts.uuid', '=', a.id)
      .execute();
    expect(users).toHaveLength(2);
    expect(users.every((u) => u.removed !== null && u.api_key === null)).toBe(true);
    expect(await sessionCount(tc, a.user[0].id)).toBe(0);
    expect(await eventsOfType(tc, 'ACCOUNT.DELETE', a.id)).toBe(1);
    fails(await tc.call('deleteAccount', { id: a.id }), 431, /Unable to find account/);
    await createAccount(tc, { username: 'gone', domainid: d2.id });
    // The deleted account's handler is idempotent: running it again is a success.
    const rerun = await tc.core.api.runJob('deleteAccount', { id: a.id }, tc.admin, {
      jobId: 'x',
      report: async () => undefined,
    });
    expect(rerun).toEqual({ kind: 'success' });
  });

  it('the admin password still works after all this', async () => {
    const login = await tc.core.auth.login('admin', ADMIN_PASSWORD);
    expect(login.response.username).toBe('admin');
  });
});
