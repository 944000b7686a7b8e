/**
 * Acceptance: an ordinary CloudStack API client, written here from the CloudStack docs and
 * independent of the core's own signing code, drives a real server over HTTP.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/server/cli';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from './harness';

/** CloudMonkey-style signing: sorted lowercased keys, quote_plus-like encoding, '+' as %20, lowercased. */
function cloudMonkeySign(params: Record<string, string>, secret: string): string {
  const encode = (v: string) =>
    encodeURIComponent(v)
      .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/~/g, '%7E');
  const query = Object.keys(params)
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .map((k) => `${k.toLowerCase()}=${encode(params[k] as string)}`)
    .join('&')
    .toLowerCase();
  return crypto.createHmac('sha1', secret).update(query).digest('base64');
}

class Client {
  sessionKey?: string;
  cookies: string[] = [];
  keys?: { apikey: string; secretkey: string };
  constructor(private readonly base: string) {}

  async login(username: string, password: string, domain = '/') {
    const r = await this.post({ command: 'login', username, password, domain, response: 'json' });
    if (r.status === 200) this.sessionKey = r.json.loginresponse.sessionkey;
    return r;
  }

  async post(params: Record<string, string>) {
    const res = await fetch(`${this.base}/client/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookies.join('; ') },
      body: new URLSearchParams(params),
    });
    const setCookie = res.headers.getSetCookie();
    if (setCookie.length) this.cookies = setCookie.map((c) => c.split(';')[0] as string);
    return {
      status: res.status,
      json: (await res.json()) as Record<string, any>,
      contentType: res.headers.get('content-type'),
    };
  }

  /** A session call, as the CloudStack UI makes them. */
  session(command: string, params: Record<string, string> = {}) {
    return this.post({ ...params, command, response: 'json', sessionkey: this.sessionKey ?? '' });
  }

  /** A signed GET, as scripts and CloudMonkey make them. */
  async signed(command: string, params: Record<string, string> = {}, tweak?: (p: Record<string, string>) => void) {
    if (!this.keys) throw new Error('no keys');
    const p: Record<string, string> = { ...params, command, response: 'json', apikey: this.keys.apikey };
    tweak?.(p);
    p.signature = cloudMonkeySign(p, this.keys.secretkey);
    const res = await fetch(`${this.base}/client/api?${new URLSearchParams(p)}`);
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  async waitForJob(jobid: string) {
    for (let i = 0; i < 500; i++) {
      const r = await this.signed('queryAsyncJobResult', { jobid });
      const body = r.json.queryasyncjobresultresponse;
      if (body.jobstatus !== 0) return body;
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error('job did not finish');
  }
}

const expiresIn = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

describe.each(dialects())('a CloudStack client against serve (%s)', (dialect) => {
  let tc: TestCore;
  let server: { url: string; close(): Promise<void> };
  let client: Client;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    server = await startServer({ core: tc.core, host: '127.0.0.1', port: 0 });
    client = new Client(server.url);
  });
  afterAll(async () => {
    await server?.close();
    await tc?.close();
  });

  const countAccounts = async () =>
    Number(
      (
        await tc.core.store.db
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('logs in and registers keys', async () => {
    const login = await client.login('admin', ADMIN_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.contentType).toMatch(/^application\/json/);
    expect(login.json.loginresponse).toMatchObject({ username: 'admin', account: 'admin', type: '1' });
    const me = login.json.loginresponse.userid as string;
    const keys = await client.session('registerUserKeys', { id: me });
    expect(keys.status).toBe(200);
    client.keys = keys.json.registeruserkeysresponse.userkeys;
    expect(client.keys?.apikey).toBeTruthy();
    expect(client.keys?.secretkey).toBeTruthy();
  });

  it('makes signed calls, including signatureVersion 3', async () => {
    const apis = await client.signed('listApis');
    expect(apis.status).toBe(200);
    const names = (apis.json.listapisresponse.api as { name: string }[]).map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining(['login', 'createAccount', 'deleteAccount', 'queryAsyncJobResult']));
    const v3 = await client.signed('listUsers', { listall: 'true' }, (p) => {
      p.signatureversion = '3';
      p.expires = expiresIn(60);
    });
    expect(v3.status).toBe(200);
    expect(v3.json.listusersresponse.count).toBeGreaterThanOrEqual(1);
  });

  it('runs the account commands and polls an async delete', async () => {
    const domains = await client.signed('listDomains', { listall: 'true' });
    const root = domains.json.listdomainsresponse.domain.find((d: any) => d.name === 'ROOT');
    const created = await client.signed('createAccount', {
      username: 'alice',
      password: 'alice-pass-1',
      firstname: 'Alice',
      lastname: 'Kim',
      email: 'alice@example.test',
      accounttype: '0',
      domainid: root.id,
    });
    expect(created.status).toBe(200);
    const account = created.json.createaccountresponse.account;
    expect(account).toMatchObject({ name: 'alice', accounttype: 0, domainid: root.id, state: 'enabled' });
    const listed = await client.signed('listAccounts', { name: 'alice', listall: 'true' });
    expect(listed.json.listaccountsresponse.account[0].id).toBe(account.id);

    const del = await client.signed('deleteAccount', { id: account.id });
    expect(del.status).toBe(200);
    const job = await client.waitForJob(del.json.deleteaccountresponse.jobid);
    expect(job.jobstatus).toBe(1);
    expect(job.jobresult).toMatchObject({ success: true });
    const after = await client.signed('listAccounts', { name: 'alice', listall: 'true' });
    expect(after.json.listaccountsresponse).toEqual({});
  });

  it.each([
    [
      'a bad signature',
      async () =>
        client
          .signed('listUsers', {}, (p) => (p.listall = 'true'))
          .then(async () => {
            const p = {
              command: 'createDomain',
              name: 'evil',
              response: 'json',
              apikey: client.keys!.apikey,
              signature: 'AAAA',
            };
            const res = await fetch(`${server.url}/client/api?${new URLSearchParams(p)}`);
            return { status: res.status, json: (await res.json()) as any };
          }),
      401,
    ],
    [
      'an expired request',
      async () =>
        client.signed('createDomain', { name: 'late' }, (p) => {
          p.signatureversion = '3';
          p.expires = expiresIn(-60);
        }),
      401,
    ],
    ['a missing parameter', async () => client.signed('createAccount', { username: 'nobody' }), 431],
    ['an unknown id', async () => client.signed('deleteAccount', { id: crypto.randomUUID() }), 431],
    ['an unknown command', async () => client.signed('frobnicateEverything'), 432],
  ])('is refused on %s with a CloudStack error and nothing changed', async (_what, call, status) => {
    const before = await countAccounts();
    const domainsBefore = await tc.core.store.db.selectFrom('domains').select('id').execute();
    const r = await call();
    expect(r.status).toBe(status);
    const body = Object.values(r.json)[0] as Record<string, unknown>;
    expect(body).toMatchObject({ errorcode: status });
    expect(typeof body.errortext).toBe('string');
    expect(typeof body.cserrorcode === 'number' || status === 401).toBe(true);
    expect(await countAccounts()).toBe(before);
    expect((await tc.core.store.db.selectFrom('domains').select('id').execute()).length).toBe(domainsBefore.length);
  });

  it('is refused on a call above its role', async () => {
    const created = await client.signed('createAccount', {
      username: 'bob',
      password: 'bob-pass-1',
      firstname: 'Bob',
      lastname: 'Lee',
      email: 'bob@example.test',
      accounttype: '0',
    });
    expect(created.status).toBe(200);
    const bob = new Client(server.url);
    expect((await bob.login('bob', 'bob-pass-1')).status).toBe(200);
    const before = await countAccounts();
    const r = await bob.session('createAccount', {
      username: 'mallory',
      password: 'x-pass-123',
      firstname: 'M',
      lastname: 'X',
      email: 'm@example.test',
      accounttype: '1',
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(600);
    expect(Object.values(r.json)[0]).toMatchObject({ errorcode: r.status });
    expect(await countAccounts()).toBe(before);
    const configs = await bob.session('listConfigurations');
    expect(configs.status).toBe(432);
  });
});
