/**
 * Login over real HTTP: throttling with 429 and Retry-After, a flood from one address that does
 * not keep another address's user out, login by POST only, and the source address in events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type StackyardHttpServer } from '../src/server/http';
import { addUser, type FixtureUser } from './auth-fixtures';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from './harness';

describe.each(dialects())('login over HTTP (%s)', (dialect) => {
  let tc: TestCore;
  let server: StackyardHttpServer;
  let yuri: FixtureUser;
  let xena: FixtureUser;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    server = await createHttpServer({ core: tc.core, listen: { host: '127.0.0.1', port: 0 } });
    yuri = await addUser(tc.core, { username: 'yuri' });
    xena = await addUser(tc.core, { username: 'xena' });
  });
  afterAll(async () => {
    await server?.close();
    await tc?.close();
  });

  async function login(username: string, password: string, headers: Record<string, string> = {}) {
    const res = await fetch(`${server.url}/client/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ command: 'login', username, password, response: 'json' }),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (await res.json()) as any };
  }
  const events = (userId: number, type = 'USER.LOGIN') =>
    tc.core.store.db
      .selectFrom('events')
      .select(['level', 'description'])
      .where('type', '=', type)
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute();
  /** Time passing: every throttling delay has run out (failures are still counted). */
  const delaysRunOut = () =>
    tc.core.store.db
      .updateTable('login_failures')
      .set({ blocked_until: new Date(0).toISOString() })
      .execute();
  const clearThrottling = () => tc.core.store.db.deleteFrom('login_failures').execute();

  it('answers 429 with Retry-After after repeated wrong admin passwords, refuses the right one meanwhile, accepts it later', async () => {
    // A long first delay, so that no attempt below outlives it on a slow machine.
    await tc.core.settings.update('login.throttle.delay.seconds', '60');
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await login('admin', `wrong-${i}`)).status);
      expect(statuses).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);

      const right = await login('admin', ADMIN_PASSWORD);
      expect(right.status).toBe(429);
      expect(Number(right.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(right.retryAfter)).toBeLessThanOrEqual(60);
      expect(right.json).toEqual({
        loginresponse: {
          uuidList: [],
          errorcode: 429,
          cserrorcode: 4545,
          errortext: expect.stringMatching(/^Too many failed login attempts.*Try again in \d+ seconds?\.$/),
          // The message key beside it, so a Korean UI says it in Korean.
          errorkey: expect.stringMatching(/^error\.login\.throttled(OneSecond)?$/),
          errorparams: expect.any(Object),
        },
      });
      // Throttled attempts were not checked: no event for them, and no session.
      expect((await events(tc.admin.userId)).filter((e) => e.level === 'ERROR')).toHaveLength(5);

      await delaysRunOut();
      const later = await login('admin', ADMIN_PASSWORD);
      expect(later.status).toBe(200);
      expect(later.json.loginresponse.username).toBe('admin');
      const admin = await tc.core.store.db
        .selectFrom('users')
        .select('state')
        .where('id', '=', tc.admin.userId)
        .executeTakeFirstOrThrow();
      expect(admin.state).toBe('enabled');
    } finally {
      await tc.core.settings.update('login.throttle.delay.seconds', '1');
      await clearThrottling();
    }
  });

  it("keeps another address's login working while 32 clients flood one user from one address", async () => {
    await tc.core.settings.update('api.trusted.proxies', '127.0.0.1');
    try {
      const flood = Array.from({ length: 32 }, (_, i) =>
        login('xavier', `flood-${i}`, { 'x-forwarded-for': '198.51.100.66' }),
      );
      const other = await login('yuri', yuri.password, { 'x-forwarded-for': '198.51.100.77' });
      const answers = await Promise.all(flood);
      expect(other.status).toBe(200);
      expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
      expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(5);
      expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(27);
      expect((await login('yuri', yuri.password, { 'x-forwarded-for': '198.51.100.78' })).status).toBe(200);
      expect((await events(yuri.userId)).at(-1)?.description).toBe('user has logged in from IP Address 198.51.100.78');
    } finally {
      await tc.core.settings.update('api.trusted.proxies', '');
      await clearThrottling();
    }
  });

  it('records the source address in USER.LOGIN and failed-login events; X-Forwarded-For is ignored by default', async () => {
    const forged = { 'x-forwarded-for': '203.0.113.99' };
    expect((await login('xena', 'wrong', forged)).status).toBe(401);
    expect((await login('xena', xena.password, forged)).status).toBe(200);
    const recorded = (await events(xena.userId)).slice(-2);
    expect(recorded).toEqual([
      { level: 'ERROR', description: 'user failed to log in from IP Address 127.0.0.1' },
      { level: 'INFO', description: 'user has logged in from IP Address 127.0.0.1' },
    ]);
  });

  it('refuses a login by GET (or with the password in the URL) without checking the password', async () => {
    const before = await events(tc.admin.userId);
    const failuresBefore = await tc.core.store.db.selectFrom('login_failures').selectAll().execute();
    const query = new URLSearchParams({
      command: 'login',
      username: 'admin',
      password: ADMIN_PASSWORD,
      response: 'json',
    });
    const get = await fetch(`${server.url}/client/api?${query}`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await get.json()).toEqual({
      loginresponse: {
        uuidList: [],
        errorcode: 405,
        cserrorcode: 9999,
        errortext: 'Please use HTTP POST to authenticate using this API, with the password in the request body',
      },
    });
    const postWithQuery = await fetch(`${server.url}/client/api?${query}`, { method: 'POST' });
    expect(postWithQuery.status).toBe(405);
    // Wrong passwords by GET are not counted either.
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${server.url}/client/api?command=login&username=admin&password=x${i}&response=json`);
      expect(r.status).toBe(405);
    }
    expect(await events(tc.admin.userId)).toEqual(before);
    expect(await tc.core.store.db.selectFrom('login_failures').selectAll().execute()).toEqual(failuresBefore);
    expect((await login('admin', ADMIN_PASSWORD)).status).toBe(200);
  });
});
