import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDomain, addUser, type FixtureDomain, type FixtureUser } from '../../../test/auth-fixtures';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from '../../../test/harness';
import type { Caller } from '../../services/caller';

describe.each(dialects())('auth commands (%s)', (dialect) => {
  let tc: TestCore;
  let sales: FixtureDomain;
  let other: FixtureDomain;
  let user: FixtureUser;
  let salesAdmin: FixtureUser;
  let outsider: FixtureUser;
  const as: Record<string, Caller> = {};

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    sales = await addDomain(tc.core, 'Sales');
    other = await addDomain(tc.core, 'Other');
    user = await addUser(tc.core, { username: 'una', domain: sales });
    salesAdmin = await addUser(tc.core, { username: 'sam', role: 'DomainAdmin', domain: sales });
    outsider = await addUser(tc.core, { username: 'otto', domain: other });
    for (const u of [user, salesAdmin, outsider])
      as[u.username] = (await tc.core.auth.callerForUser(u.userId, 'session')) as Caller;
  });
  afterAll(async () => {
    await tc?.close();
  });

  const userRow = (id: number) =>
    tc.core.store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('login answers the raw loginresponse with a session key, logout answers success', async () => {
    const r = await tc.call('login', { username: 'admin', password: ADMIN_PASSWORD, domain: '/' }, null);
    expect(r.status).toBe(200);
    expect(r.data).toMatchObject({ username: 'admin', type: '1', registered: 'false' });
    expect(typeof r.data.sessionkey).toBe('string');
    const bad = await tc.call('login', { username: 'admin', password: 'nope' }, null);
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({
      loginresponse: {
        uuidList: [],
        errorcode: 401,
        cserrorcode: 9999,
        errortext: 'Failed to authenticate user admin in domain ROOT; please provide valid credentials',
        // Stackyard's additions for translation; CloudStack clients read errortext as before.
        errorkey: 'error.login.failed',
        errorparams: { username: 'admin', domain: 'ROOT' },
      },
    });
    const out = await tc.call('logout', {}, null);
    expect(out.body).toEqual({ logoutresponse: { description: 'success' } });
  });

  it('refuses a login without a username, as CloudStack words it', async () => {
    const r = await tc.call('login', { password: 'x' }, null);
    expect(r.status).toBe(431);
    expect(r.data).toMatchObject({
      cserrorcode: 9999,
      errortext: 'Unable to execute API command login due to missing parameter username',
    });
  });

  it('registers keys for the user itself, sealing the secret at rest', async () => {
    const r = await tc.call('registerUserKeys', { id: user.userUuid }, as.una);
    expect(r.status).toBe(200);
    const keys = r.data.userkeys as { apikey: string; secretkey: string };
    expect(keys.apikey).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(keys.secretkey).toMatch(/^[A-Za-z0-9_-]{86}$/);
    const row = await userRow(user.userId);
    expect(row.api_key).toBe(keys.apikey);
    expect(row.secret_key).not.toContain(keys.secretkey);
    expect(tc.core.services.secrets.decrypt(row.secret_key as string)).toBe(keys.secretkey);
    const events = await tc.core.store.db
      .selectFrom('events')
      .selectAll()
      .where('type', '=', 'REGISTER.USER.KEY')
      .where('resource_id', '=', user.userUuid)
      .execute();
    expect(events).toHaveLength(1);

    const mine = await tc.call('getUserKeys', { id: user.userUuid }, as.una);
    expect(mine.status).toBe(200);
    expect(mine.data.userkeys).toEqual(keys);
    const byRoot = await tc.call('getUserKeys', { id: user.userUuid });
    expect(byRoot.data.userkeys).toEqual(keys);
  });

  it("refuses a domain admin reading another user's secret key", async () => {
    const r = await tc.call('getUserKeys', { id: user.userUuid }, as.sam);
    expect(r.status).toBe(531);
    expect(r.data).toMatchObject({ errorcode: 531, cserrorcode: 4365 });
    expect(JSON.stringify(r.body)).not.toContain((await userRow(user.userId)).api_key as string);
    const byOtherUser = await tc.call('getUserKeys', { id: user.userUuid }, as.otto);
    expect(byOtherUser.status).toBe(531);
  });

  it('lets a domain admin register keys inside its domain only, and never above its role', async () => {
    const before = await userRow(outsider.userId);
    expect((await tc.call('registerUserKeys', { id: user.userUuid }, as.sam)).status).toBe(200);
    const outside = await tc.call('registerUserKeys', { id: outsider.userUuid }, as.sam);
    expect(outside.status).toBe(531);
    expect(await userRow(outsider.userId)).toEqual(before);
    const admin = await tc.call('registerUserKeys', { id: tc.admin.userUuid }, as.sam);
    expect(admin.status).toBe(531);
    const userOnOther = await tc.call('registerUserKeys', { id: salesAdmin.userUuid }, as.una);
    expect(userOnOther.status).toBe(531);
  });

  it('answers 431 for unknown or missing ids', async () => {
    const unknown = await tc.call('registerUserKeys', { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(431);
    const missing = await tc.call('registerUserKeys', {});
    expect(missing.data).toMatchObject({
      errorcode: 431,
      cserrorcode: 9999,
      errortext: 'Unable to execute API command registeruserkeys due to missing parameter id',
    });
  });
});
