import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import type { Caller } from '../../src/services/caller';
import {
  callerOf,
  createAccount,
  createDomain,
  eventsOfType,
  fails,
  ok,
  runAsync,
  sessionCount,
  tenancySnapshot,
} from './fixtures';

const userParams = (username: string, account: string, domainid: string) => ({
  account,
  domainid,
  username,
  password: `${username}-Passw0rd`,
  firstname: 'Given',
  lastname: 'Family',
  email: `${username}@example.com`,
});

describe.each(dialects())('users (%s)', (dialect) => {
  let tc: TestCore;
  let d1: Record<string, any>;
  let d2: Record<string, any>;
  let acme: Record<string, any>;
  let acmeUser: Caller;
  let da: Caller;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    d1 = await createDomain(tc, 'D1');
    d2 = await createDomain(tc, 'D2');
    acme = await createAccount(tc, { username: 'acme', domainid: d1.id });
    acmeUser = await callerOf(tc, acme.user[0].id);
    da = await callerOf(
      tc,
      (await createAccount(tc, { username: 'd1-da', domainid: d1.id, accounttype: 2 })).user[0].id,
    );
  });
  afterAll(async () => tc?.close());

  it('creates a user in an existing account with the account, role and domain fields', async () => {
    const u = ok(await tc.call('createUser', userParams('acme-2', 'acme', d1.id))).user;
    expect(u).toMatchObject({
      username: 'acme-2',
      account: 'acme',
      accountid: acme.id,
      accounttype: 0,
      roletype: 'User',
      rolename: 'User',
      domainid: d1.id,
      domain: 'D1',
      state: 'enabled',
      isdefault: false,
      iscallerchilddomain: true,
    });
    expect(JSON.stringify(u)).not.toMatch(/password|apikey|secretkey|scrypt/i);
    expect(await eventsOfType(tc, 'USER.CREATE', u.id)).toBe(1);
    // Domain admins add users in their subtree; users may not.
    ok(await tc.call('createUser', userParams('acme-3', 'acme', d1.id), da));
    fails(await tc.call('createUser', userParams('acme-4', 'acme', d1.id), acmeUser), 432);
  });

  it('keeps usernames unique per domain and validates input, writing nothing on failure', async () => {
    await createAccount(tc, { username: 'other', domainid: d1.id });
    const before = await tenancySnapshot(tc);
    fails(await tc.call('createUser', userParams('ACME', 'other', d1.id)), 431, /already exists/);
    fails(await tc.call('createUser', { ...userParams('ok1', 'other', d1.id), email: 'bad' }), 431, /email/);
    fails(await tc.call('createUser', userParams('ok2', 'nobody', d1.id)), 431, /Unable to find account/);
    fails(await tc.call('createUser', userParams('ok3', 'other', d2.id)), 431, /Unable to find account/);
    fails(
      await tc.call(
        'createUser',
        userParams('ok4', 'other', d1.id),
        await callerOf(tc, (await tc.call('listUsers', { username: 'acme', domainid: d1.id })).data.user[0].id),
      ),
      432,
    );
    expect(await tenancySnapshot(tc)).toBe(before);
    // Same username in another domain is fine.
    await createAccount(tc, { username: 'acme', domainid: d2.id });
  });

  it('lists users with one query per page and CloudStack scoping', async () => {
    const mine = ok(await tc.call('listUsers', {}, acmeUser));
    expect(new Set(mine.user.map((u: any) => u.account))).toEqual(new Set(['acme']));
    expect(mine.count).toBe(3);
    const foreign = (await tc.call('listUsers', { username: 'other', domainid: d1.id })).data.user[0];
    fails(await tc.call('listUsers', { id: foreign.id }, acmeUser), 531);
    fails(await tc.call('listUsers', { account: 'other', domainid: d1.id }, acmeUser), 531);

    const inD1 = ok(await tc.call('listUsers', { domainid: d1.id }));
    expect(inD1.user.every((u: any) => u.domainid === d1.id)).toBe(true);
    const all = ok(await tc.call('listUsers', { listall: 'true' }));
    expect(all.user.map((u: any) => u.username)).not.toContain('system');
    expect(all.user.map((u: any) => u.domain)).toEqual(expect.arrayContaining(['ROOT', 'D1', 'D2']));
    expect(ok(await tc.call('listUsers', { listall: 'true', keyword: 'ACME-' })).count).toBe(2);
    expect(ok(await tc.call('listUsers', { account: 'acme', domainid: d1.id })).count).toBe(3);
    expect(
      ok(await tc.call('listUsers', { listall: 'true', accounttype: '2' })).user.every((u: any) => u.accounttype === 2),
    ).toBe(true);
    const page = ok(await tc.call('listUsers', { listall: 'true', page: '1', pagesize: '2' }));
    expect(page.user).toHaveLength(2);
    expect(page.count).toBe(all.count);
    expect(ok(await tc.call('listUsers', { listall: 'true' }, da)).user.every((u: any) => u.domainid === d1.id)).toBe(
      true,
    );
    expect(JSON.stringify(all)).not.toMatch(/password|secretkey|apikey/i);
  });

  it('lets a user update its own names, email, timezone and password (with the current one)', async () => {
    const me = acme.user[0].id;
    const u = ok(
      await tc.call(
        'updateUser',
        { id: me, firstname: 'New', lastname: 'Name', email: 'new@example.com', timezone: 'UTC' },
        acmeUser,
      ),
    ).user;
    expect(u).toMatchObject({ firstname: 'New', lastname: 'Name', email: 'new@example.com', timezone: 'UTC' });
    expect(await eventsOfType(tc, 'USER.UPDATE', me)).toBe(1);
    const before = await tenancySnapshot(tc);
    fails(await tc.call('updateUser', { id: me, password: 'Next-pass1' }, acmeUser), 431, /current password/);
    fails(
      await tc.call('updateUser', { id: me, password: 'Next-pass1', currentpassword: 'wrong' }, acmeUser),
      431,
      /incorrect/,
    );
    fails(await tc.call('updateUser', { id: me, email: 'nope' }, acmeUser), 431);
    const sibling = (await tc.call('listUsers', { username: 'acme-2', domainid: d1.id })).data.user[0];
    fails(await tc.call('updateUser', { id: sibling.id, firstname: 'Hacked' }, acmeUser), 531);
    fails(await tc.call('updateUser', { id: tc.admin.userUuid, firstname: 'Hacked' }, acmeUser), 531);
    expect(await tenancySnapshot(tc)).toBe(before);
    ok(await tc.call('updateUser', { id: me, password: 'Next-pass1', currentpassword: 'acme-Passw0rd' }, acmeUser));
    const login = await tc.core.auth.login('acme', 'Next-pass1', { domainId: d1.id });
    expect(login.response.username).toBe('acme');
  });

  it('an admin sets passwords without the current one and the user is logged out', async () => {
    const target = (await tc.call('listUsers', { username: 'acme-2', domainid: d1.id })).data.user[0];
    await tc.core.auth.login('acme-2', 'acme-2-Passw0rd', { domainId: d1.id });
    expect(await sessionCount(tc, target.id)).toBe(1);
    ok(await tc.call('updateUser', { id: target.id, password: 'Reset-pass1' }, da));
    expect(await sessionCount(tc, target.id)).toBe(0);
    await tc.core.auth.login('acme-2', 'Reset-pass1', { domainId: d1.id });
    fails(await tc.call('updateUser', { id: target.id, username: 'ACME' }), 431, /already exists/);
  });

  it('disables a user as a job, locks and enables; sessions end on disable and lock', async () => {
    const u = ok(await tc.call('createUser', userParams('flip', 'acme', d1.id))).user;
    await tc.core.auth.login('flip', 'flip-Passw0rd', { domainId: d1.id });
    const job = await runAsync(tc, 'disableUser', { id: u.id }, da);
    expect(job).toMatchObject({ jobstatus: 1, jobinstancetype: 'User', jobinstanceid: u.id });
    expect(job.jobresult.user.state).toBe('disabled');
    expect(await sessionCount(tc, u.id)).toBe(0);
    expect(await eventsOfType(tc, 'USER.DISABLE', u.id)).toBe(1);
    fails(await tc.call('lockUser', { id: u.id }), 431, /non-enabled/);
    expect(ok(await tc.call('enableUser', { id: u.id })).user.state).toBe('enabled');
    expect(await eventsOfType(tc, 'USER.ENABLE', u.id)).toBe(1);
    await tc.core.auth.login('flip', 'flip-Passw0rd', { domainId: d1.id });
    expect(ok(await tc.call('lockUser', { id: u.id })).user.state).toBe('locked');
    expect(await sessionCount(tc, u.id)).toBe(0);
    expect(await eventsOfType(tc, 'USER.LOCK', u.id)).toBe(1);
    // Locking the last enabled user locks the account; enabling a user enables it again.
    const solo = await createAccount(tc, { username: 'solo', domainid: d2.id });
    ok(await tc.call('lockUser', { id: solo.user[0].id }));
    expect(ok(await tc.call('listAccounts', { id: solo.id })).account[0].state).toBe('locked');
    ok(await tc.call('enableUser', { id: solo.user[0].id }));
    expect(ok(await tc.call('listAccounts', { id: solo.id })).account[0].state).toBe('enabled');
  });

  it('deletes users but never the caller itself nor the default admin', async () => {
    const u = ok(await tc.call('createUser', userParams('bye', 'acme', d1.id))).user;
    await tc.core.auth.login('bye', 'bye-Passw0rd', { domainId: d1.id });
    ok(await tc.call('deleteUser', { id: u.id }, da));
    expect(await sessionCount(tc, u.id)).toBe(0);
    fails(await tc.call('listUsers', { id: u.id }), 431);
    expect(await eventsOfType(tc, 'USER.DELETE', u.id)).toBe(1);
    const before = await tenancySnapshot(tc);
    fails(await tc.call('deleteUser', { id: tc.admin.userUuid }), 531, /itself/);
    fails(await tc.call('deleteUser', { id: da.userUuid }, da), 531, /itself/);
    fails(await tc.call('deleteUser', { id: tc.admin.userUuid }, da), 531);
    fails(await tc.call('disableUser', { id: da.userUuid }, da), 531);
    const system = await tc.core.store.db
      .selectFrom('users')
      .select('uuid')
      .where('username', '=', 'system')
      .executeTakeFirstOrThrow();
    fails(await tc.call('deleteUser', { id: system.uuid }), 531, /system/);
    fails(await tc.call('enableUser', { id: system.uuid }), 531, /system/);
    expect(await tenancySnapshot(tc)).toBe(before);
  });
});
