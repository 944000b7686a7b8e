import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDomain, addUser, type FixtureDomain, type FixtureUser } from '../../test/auth-fixtures';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from '../../test/harness';
import { signRequest } from '../domain/signature';
import { loginDomainPaths, sha256Hex } from './auth';

const expiresIn = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

describe('loginDomainPaths', () => {
  it.each([
    ['/', ['ROOT']],
    ['/Sales', ['ROOT/Sales']],
    ['/Sales/', ['ROOT/Sales']],
    ['ROOT', ['ROOT', 'ROOT/ROOT']],
    ['ROOT/Sales', ['ROOT/Sales', 'ROOT/ROOT/Sales']],
    ['Sales/East', ['ROOT/Sales/East']],
    ['/ROOT/Sales', ['ROOT/ROOT/Sales', 'ROOT/Sales']],
  ])('%s', (input, expected) => {
    expect(loginDomainPaths(input)).toEqual(expected);
  });
});

describe.each(dialects())('AuthService (%s)', (dialect) => {
  let tc: TestCore;
  let sales: FixtureDomain;
  let alice: FixtureUser;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    sales = await addDomain(tc.core, 'Sales');
    alice = await addUser(tc.core, { username: 'alice', domain: sales });
  });
  afterAll(async () => {
    await tc?.close();
  });

  const auth = () => tc.core.auth;
  const userRow = (id: number) =>
    tc.core.store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const sessionsOf = (id: number) =>
    tc.core.store.db.selectFrom('sessions').selectAll().where('user_id', '=', id).execute();
  const eventsOf = (type: string, userId: number) =>
    tc.core.store.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', type)
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();

  it('logs in with CloudStack loginresponse fields and stores only the hash of the session key', async () => {
    const r = await auth().login('admin', ADMIN_PASSWORD);
    expect(r.response).toMatchObject({
      username: 'admin',
      account: 'admin',
      firstname: 'admin',
      lastname: 'cloud',
      registered: 'false',
      type: '1',
      timeout: '1800',
      userid: tc.admin.userUuid,
      domainid: tc.admin.domainUuid,
      sessionkey: r.sessionKey,
    });
    expect(r.sessionKey).toMatch(/^[A-Za-z0-9_-]{27}$/);
    const rows = await sessionsOf(tc.admin.userId);
    expect(rows.map((s) => s.key_hash)).toContain(sha256Hex(r.sessionKey));
    expect(JSON.stringify(rows)).not.toContain(r.sessionKey);
    const caller = await auth().sessionCaller(r.sessionKey);
    expect(caller).toMatchObject({ userId: tc.admin.userId, roleType: 'Admin', via: 'session' });
    expect((await eventsOf('USER.LOGIN', tc.admin.userId)).at(-1)).toMatchObject({
      level: 'INFO',
      description: 'user has logged in',
    });
  });

  it.each([
    ['a display path', { domainPath: 'ROOT/Sales' }],
    ["CloudStack's path", { domainPath: '/Sales/' }],
    ['a bare name', { domainPath: 'Sales' }],
    ['the domain id', () => ({ domainId: sales.uuid.toUpperCase() })],
  ])('finds the domain by %s', async (_what, options) => {
    const opts = typeof options === 'function' ? options() : options;
    const r = await auth().login('alice', alice.password, opts);
    expect(r.response.domainid).toBe(sales.uuid);
    expect(r.caller).toMatchObject({
      userId: alice.userId,
      domainPath: 'ROOT/Sales',
      roleType: 'User',
      accountType: 0,
    });
  });

  it('refuses a user looked up in the wrong domain with the generic message', async () => {
    await expect(auth().login('alice', alice.password)).rejects.toMatchObject({
      kind: 'unauthenticated',
      message: 'Failed to authenticate user alice in domain ROOT; please provide valid credentials',
    });
    await expect(auth().login('alice', alice.password, { domainPath: '/Nowhere' })).rejects.toMatchObject({
      kind: 'unauthenticated',
    });
  });

  it('counts a wrong password and changes nothing else', async () => {
    const bob = await addUser(tc.core, { username: 'bob' });
    const before = await userRow(bob.userId);
    await expect(auth().login('bob', 'wrong-password')).rejects.toMatchObject({
      message: 'Failed to authenticate user bob in domain ROOT; please provide valid credentials',
    });
    const after = await userRow(bob.userId);
    expect(after).toEqual({ ...before, incorrect_login_attempts: 1 });
    expect(await sessionsOf(bob.userId)).toEqual([]);
    expect((await eventsOf('USER.LOGIN', bob.userId)).map((e) => e.level)).toEqual(['ERROR']);
    // A good login resets the counter.
    await auth().login('bob', bob.password);
    expect((await userRow(bob.userId)).incorrect_login_attempts).toBe(0);
  });

  it('locks the user after the allowed number of wrong passwords', async () => {
    await tc.core.settings.update('incorrect.login.attempts.allowed', '3');
    try {
      const carol = await addUser(tc.core, { username: 'carol' });
      const session = await auth().login('carol', carol.password);
      for (let i = 0; i < 3; i++)
        await expect(auth().login('carol', 'nope')).rejects.toMatchObject({ kind: 'unauthenticated' });
      const row = await userRow(carol.userId);
      expect(row).toMatchObject({ state: 'locked', incorrect_login_attempts: 3 });
      // Locked: even the right password is refused, with the same message, and old sessions are gone.
      await expect(auth().login('carol', carol.password)).rejects.toMatchObject({
        message: 'Failed to authenticate user carol in domain ROOT; please provide valid credentials',
      });
      expect(await auth().sessionCaller(session.sessionKey)).toBeUndefined();
      expect(await eventsOf('USER.LOCK', carol.userId)).toHaveLength(1);
    } finally {
      await tc.core.settings.update('incorrect.login.attempts.allowed', '5');
    }
  });

  it('never locks out a root admin (CloudStack internal accounts): it is throttled instead', async () => {
    for (let i = 0; i < 5; i++)
      await expect(auth().login('admin', 'not-it')).rejects.toMatchObject({ code: 'AUTH.LOGIN_FAILED' });
    await expect(auth().login('admin', 'not-it')).rejects.toMatchObject({ code: 'AUTH.LOGIN_THROTTLED' });
    expect(await userRow(tc.admin.userId)).toMatchObject({ state: 'enabled', incorrect_login_attempts: 0 });
    await expect(auth().login('admin', ADMIN_PASSWORD)).rejects.toMatchObject({ code: 'AUTH.LOGIN_THROTTLED' });
    // Once the delay has run out (moved into the past here), the right password works.
    await tc.core.store.db
      .updateTable('login_failures')
      .set({ blocked_until: new Date(0).toISOString() })
      .execute();
    await expect(auth().login('admin', ADMIN_PASSWORD)).resolves.toBeDefined();
  });

  it('refuses disabled users, locked accounts, unknown users and the system user alike', async () => {
    const dave = await addUser(tc.core, { username: 'dave', state: 'disabled' });
    const erin = await addUser(tc.core, { username: 'erin', accountState: 'locked' });
    for (const [name, password] of [
      ['dave', dave.password],
      ['erin', erin.password],
      ['nobody', 'whatever'],
      ['system', 'whatever'],
    ] as const) {
      await expect(auth().login(name, password)).rejects.toMatchObject({
        kind: 'unauthenticated',
        message: `Failed to authenticate user ${name} in domain ROOT; please provide valid credentials`,
      });
    }
    expect((await userRow(dave.userId)).incorrect_login_attempts).toBe(0);
  });

  it('expires sessions, slides their expiry on use, and drops them when the user is disabled', async () => {
    const frank = await addUser(tc.core, { username: 'frank' });
    const { sessionKey } = await auth().login('frank', frank.password);
    const db = tc.core.store.db;
    const old = new Date(Date.now() - 60_000).toISOString();
    const soon = new Date(Date.now() + 5_000).toISOString();
    await db
      .updateTable('sessions')
      .set({ last_seen: old, expires: soon })
      .where('key_hash', '=', sha256Hex(sessionKey))
      .execute();
    expect(await auth().sessionCaller(sessionKey)).toBeDefined();
    const slid = await db
      .selectFrom('sessions')
      .selectAll()
      .where('key_hash', '=', sha256Hex(sessionKey))
      .executeTakeFirstOrThrow();
    expect(Date.parse(slid.expires)).toBeGreaterThan(Date.now() + 1700_000);

    await db.updateTable('sessions').set({ expires: old }).where('key_hash', '=', sha256Hex(sessionKey)).execute();
    expect(await auth().sessionCaller(sessionKey)).toBeUndefined();
    expect(await sessionsOf(frank.userId)).toEqual([]);

    const again = await auth().login('frank', frank.password);
    await db.updateTable('users').set({ state: 'disabled' }).where('id', '=', frank.userId).execute();
    expect(await auth().sessionCaller(again.sessionKey)).toBeUndefined();
    expect(await auth().sessionCaller('not-a-session')).toBeUndefined();
    expect(await auth().sessionCaller(undefined)).toBeUndefined();
  });

  it('logs out one session and records USER.LOGOUT', async () => {
    const gina = await addUser(tc.core, { username: 'gina' });
    const one = await auth().login('gina', gina.password);
    const two = await auth().login('gina', gina.password);
    expect(await auth().logout(one.sessionKey)).toBe(true);
    expect(await auth().logout(one.sessionKey)).toBe(false);
    expect(await auth().sessionCaller(one.sessionKey)).toBeUndefined();
    expect(await auth().sessionCaller(two.sessionKey)).toBeDefined();
    expect(await eventsOf('USER.LOGOUT', gina.userId)).toHaveLength(1);
    await auth().endSessionsOfUser(gina.userId);
    expect(await auth().sessionCaller(two.sessionKey)).toBeUndefined();
  });

  it('builds callers for users and none for removed ones', async () => {
    const hank = await addUser(tc.core, { username: 'hank', role: 'DomainAdmin', domain: sales });
    expect(await auth().callerForUser(hank.userId, 'system')).toMatchObject({
      userUuid: hank.userUuid,
      accountName: 'hank',
      accountType: 2,
      roleType: 'DomainAdmin',
      domainId: sales.id,
      domainIdPath: sales.idPath,
      domainPath: 'ROOT/Sales',
      via: 'system',
    });
    await tc.core.store.db
      .updateTable('users')
      .set({ removed: new Date().toISOString() })
      .where('id', '=', hank.userId)
      .execute();
    expect(await auth().callerForUser(hank.userId, 'system')).toBeUndefined();
  });

  describe('signed requests', () => {
    let ivan: FixtureUser;
    let keys: { apikey: string; secretkey: string };

    beforeAll(async () => {
      ivan = await addUser(tc.core, { username: 'ivan' });
      const caller = await auth().callerForUser(ivan.userId, 'session');
      const r = await tc.call('registerUserKeys', { id: ivan.userUuid }, caller);
      expect(r.status).toBe(200);
      keys = r.data.userkeys;
    });

    const signed = (extra: Record<string, string> = {}) => {
      const p: Record<string, string> = { command: 'listUsers', response: 'json', apiKey: keys.apikey, ...extra };
      return { ...p, signature: signRequest(p, keys.secretkey) };
    };
    const verify = (p: Record<string, string>) => auth().apiKeyCaller(p, tc.core.services.secrets);

    it('accepts a good signature', async () => {
      expect(await verify(signed({ name: 'a b+c/é' }))).toMatchObject({ userId: ivan.userId, via: 'apikey' });
    });

    it('refuses a tampered request, a wrong key and missing parts', async () => {
      expect(await verify({ ...signed(), command: 'deleteUser' })).toBeUndefined();
      expect(await verify({ ...signed(), apiKey: 'unknown' })).toBeUndefined();
      const { signature: _s, ...unsigned } = signed();
      expect(await verify(unsigned)).toBeUndefined();
    });

    it('honours signatureVersion 3 expires', async () => {
      expect(await verify(signed({ signatureVersion: '3', expires: expiresIn(120) }))).toBeDefined();
      expect(
        await verify(
          signed({
            signatureVersion: '3',
            expires: new Date(Date.now() + 120_000).toISOString().replace(/\.\d+Z$/, 'Z'),
          }),
        ),
      ).toBeDefined();
      expect(await verify(signed({ signatureVersion: '3', expires: expiresIn(-5) }))).toBeUndefined();
      expect(await verify(signed({ signatureVersion: '3', expires: 'next week' }))).toBeUndefined();
      expect(await verify(signed({ signatureVersion: '3' }))).toBeUndefined();
      // Without signatureVersion 3, expires is just another signed parameter (CloudStack).
      expect(await verify(signed({ expires: expiresIn(-5) }))).toBeDefined();
    });

    it('refuses disabled users and locked accounts', async () => {
      const db = tc.core.store.db;
      await db.updateTable('users').set({ state: 'disabled' }).where('id', '=', ivan.userId).execute();
      expect(await verify(signed())).toBeUndefined();
      await db.updateTable('users').set({ state: 'enabled' }).where('id', '=', ivan.userId).execute();
      await db.updateTable('accounts').set({ state: 'locked' }).where('id', '=', ivan.accountId).execute();
      expect(await verify(signed())).toBeUndefined();
      await db.updateTable('accounts').set({ state: 'enabled' }).where('id', '=', ivan.accountId).execute();
      expect(await verify(signed())).toBeDefined();
    });
  });
});
