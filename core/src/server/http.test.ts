import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, type FixtureUser } from '../../test/auth-fixtures';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from '../../test/harness';
import { signRequest } from '../api/signature';
import { createHttpServer, DEFAULT_MAX_BODY_BYTES, type StackyardHttpServer } from './http';

const expiresIn = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** A request with the path sent exactly as given (fetch would normalize "..") */
function rawGet(
  base: string,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(dialects())('HTTP server (%s)', (dialect) => {
  let tc: TestCore;
  let server: StackyardHttpServer;
  let staticDir: string;
  let secretFile: string;
  let base: string;
  let pat: FixtureUser;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-static-'));
    staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Stackyard UI</title>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log("app")');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app-1234.css'), 'body{}');
    fs.writeFileSync(path.join(staticDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    secretFile = path.join(dir, 'secret.txt');
    fs.writeFileSync(secretFile, 'TOP-SECRET-CONTENT');
    fs.symlinkSync(secretFile, path.join(staticDir, 'leak.txt'));
    server = await createHttpServer({ core: tc.core, staticDir, listen: { host: '127.0.0.1', port: 0 } });
    base = server.url;
    pat = await addUser(tc.core, { username: 'pat' });
  });
  afterAll(async () => {
    await server?.close();
    await tc?.close();
    if (staticDir) fs.rmSync(path.dirname(staticDir), { recursive: true, force: true });
  });

  async function post(params: Record<string, string>, headers: Record<string, string> = {}) {
    const res = await fetch(`${base}/client/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(params),
    });
    return { res, status: res.status, json: (await res.json()) as Record<string, any> };
  }
  async function get(params: Record<string, string>) {
    const res = await fetch(`${base}/client/api?${new URLSearchParams(params)}`);
    const text = await res.text();
    return {
      res,
      status: res.status,
      text,
      json: (res.headers.get('content-type') ?? '').startsWith('application/json') ? JSON.parse(text) : undefined,
    };
  }
  const login = async (username: string, password: string, extra: Record<string, string> = {}) =>
    post({ command: 'login', username, password, response: 'json', ...extra });

  it('logs in over a form POST, answers JSON and sets the session cookies', async () => {
    const r = await login('admin', ADMIN_PASSWORD, { domain: '/' });
    expect(r.status).toBe(200);
    expect(r.res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(r.json.loginresponse).toMatchObject({ username: 'admin', account: 'admin', type: '1', timeout: '1800' });
    const cookies = r.res.headers.getSetCookie();
    const key = r.json.loginresponse.sessionkey as string;
    expect(cookies).toEqual(
      expect.arrayContaining([
        `sessionkey=${key}; Path=/client; HttpOnly; SameSite=Strict`,
        expect.stringMatching(/^JSESSIONID=[0-9a-f]{32}; Path=\/client; HttpOnly; SameSite=Strict$/),
      ]),
    );
    expect(r.res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses a wrong password with 401 and changes only the attempt counter', async () => {
    const before = await tc.core.store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', pat.userId)
      .executeTakeFirstOrThrow();
    const r = await login('pat', 'wrong');
    expect(r.status).toBe(401);
    expect(r.json).toEqual({
      loginresponse: {
        uuidList: [],
        errorcode: 401,
        cserrorcode: 9999,
        errortext: 'Failed to authenticate user pat in domain ROOT; please provide valid credentials',
        errorkey: 'error.login.failed',
        errorparams: { username: 'pat', domain: 'ROOT' },
      },
    });
    expect(r.res.headers.getSetCookie()).toEqual([]);
    const after = await tc.core.store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', pat.userId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ ...before, incorrect_login_attempts: before.incorrect_login_attempts + 1 });
    expect(
      await tc.core.store.db.selectFrom('sessions').selectAll().where('user_id', '=', pat.userId).execute(),
    ).toEqual([]);
  });

  it('locks a user after the allowed number of attempts', async () => {
    const quinn = await addUser(tc.core, { username: 'quinn' });
    for (let i = 0; i < 5; i++) expect((await login('quinn', `bad-${i}`)).status).toBe(401);
    // The fifth failure also throttles the username (429); once that delay has run out, locked: 401.
    expect((await login('quinn', quinn.password)).status).toBe(429);
    await tc.core.store.db.deleteFrom('login_failures').execute();
    const r = await login('quinn', quinn.password);
    expect(r.status).toBe(401);
    const row = await tc.core.store.db
      .selectFrom('users')
      .select(['state'])
      .where('id', '=', quinn.userId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('locked');
  });

  it('accepts session calls only with the sessionkey parameter, and logout ends the session', async () => {
    const r = await login('pat', pat.password);
    const key = r.json.loginresponse.sessionkey as string;
    const cookie = r.res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const ok = await post({ command: 'getUserKeys', id: pat.userUuid, response: 'json', sessionkey: key }, { cookie });
    expect(ok.status).toBe(200);
    const viaGet = await get({ command: 'listApis', response: 'json', sessionkey: key });
    expect(viaGet.status).toBe(200);

    // The cookie alone (what a cross-site request would carry) is not enough.
    const cookieOnly = await post({ command: 'getUserKeys', id: pat.userUuid, response: 'json' }, { cookie });
    expect(cookieOnly.status).toBe(401);
    expect(cookieOnly.json.getuserkeysresponse).toMatchObject({
      errorcode: 401,
      errortext: 'unable to verify user credentials and/or request signature',
    });
    const wrongKey = await post({
      command: 'getUserKeys',
      id: pat.userUuid,
      response: 'json',
      // Changed in its first character whatever that is: a fixed prefix matched a real key 1 time in 64.
      sessionkey: (key.startsWith('x') ? 'y' : 'x') + key.slice(1),
    });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.json.getuserkeysresponse.errortext).toBe('unable to verify user credentials');

    const out = await post({ command: 'logout', response: 'json', sessionkey: key }, { cookie });
    expect(out.status).toBe(200);
    expect(out.json).toEqual({ logoutresponse: { description: 'success' } });
    expect(out.res.headers.getSetCookie()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sessionkey=; .*Max-Age=0/),
        expect.stringMatching(/^JSESSIONID=; .*Max-Age=0/),
      ]),
    );
    const after = await post(
      { command: 'getUserKeys', id: pat.userUuid, response: 'json', sessionkey: key },
      { cookie },
    );
    expect(after.status).toBe(401);
  });

  describe('signed requests', () => {
    let keys: { apikey: string; secretkey: string };
    const sign = (params: Record<string, string>) => ({ ...params, signature: signRequest(params, keys.secretkey) });

    beforeAll(async () => {
      const r = await login('pat', pat.password);
      const reg = await post({
        command: 'registerUserKeys',
        id: pat.userUuid,
        response: 'json',
        sessionkey: r.json.loginresponse.sessionkey,
      });
      expect(reg.status).toBe(200);
      keys = reg.json.registeruserkeysresponse.userkeys;
    });

    it('works over GET and POST', async () => {
      const g = await get(sign({ command: 'getUserKeys', id: pat.userUuid, response: 'json', apikey: keys.apikey }));
      expect(g.status).toBe(200);
      expect(g.json.getuserkeysresponse.userkeys.apikey).toBe(keys.apikey);
      const p = await post(sign({ command: 'listApis', name: 'login', response: 'json', apiKey: keys.apikey }));
      expect(p.status).toBe(200);
      expect(p.json.listapisresponse.api[0].name).toBe('login');
      // Values that need encoding: spaces, '+', '/', '=', '*', '~', unicode.
      const odd = await get(
        sign({ command: 'listApis', name: 'no such api + / = * ~ é 한', response: 'json', apikey: keys.apikey }),
      );
      expect(odd.status).toBe(200);
    });

    it('refuses a bad signature with 401', async () => {
      const params = sign({ command: 'getUserKeys', id: pat.userUuid, response: 'json', apikey: keys.apikey });
      const r = await get({ ...params, id: tc.admin.userUuid });
      expect(r.status).toBe(401);
      expect(r.json.getuserkeysresponse).toEqual({
        uuidList: [],
        errorcode: 401,
        cserrorcode: 9999,
        errortext: 'unable to verify user credentials and/or request signature',
        errorkey: 'error.unauthenticated',
        errorparams: {},
      });
    });

    it('honours signatureVersion 3 expires', async () => {
      const late = await get(
        sign({
          command: 'listApis',
          response: 'json',
          apikey: keys.apikey,
          signatureversion: '3',
          expires: expiresIn(-30),
        }),
      );
      expect(late.status).toBe(401);
      const fresh = await get(
        sign({
          command: 'listApis',
          response: 'json',
          apikey: keys.apikey,
          signatureVersion: '3',
          expires: expiresIn(300),
        }),
      );
      expect(fresh.status).toBe(200);
    });

    it('answers 431 with cserrorcode 9999 for a missing parameter and 432 for an unknown command', async () => {
      const missing = await get(sign({ command: 'getUserKeys', response: 'json', apikey: keys.apikey }));
      expect(missing.status).toBe(431);
      expect(missing.json.getuserkeysresponse).toMatchObject({
        errorcode: 431,
        cserrorcode: 9999,
        errortext: 'Unable to execute API command getuserkeys due to missing parameter id',
      });
      const unknown = await get(sign({ command: 'frobnicate', response: 'json', apikey: keys.apikey }));
      expect(unknown.status).toBe(432);
      expect(unknown.json.errorresponse).toMatchObject({ errorcode: 432, cserrorcode: 9999 });
    });

    it('answers XML by default', async () => {
      const r = await get(sign({ command: 'getUserKeys', id: pat.userUuid, apikey: keys.apikey }));
      expect(r.status).toBe(200);
      expect(r.res.headers.get('content-type')).toBe('text/xml; charset=UTF-8');
      expect(r.text).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?><getuserkeysresponse cloud-stack-version="[\d.]+"><userkeys><apikey>/,
      );
      const err = await get({ command: 'listApis' });
      expect(err.status).toBe(401);
      expect(err.text).toContain('<errorcode>401</errorcode>');
    });
  });

  it('refuses unauthenticated calls to commands that need a caller', async () => {
    const r = await get({ command: 'listApis', response: 'json' });
    expect(r.status).toBe(401);
    expect(r.json.listapisresponse).toMatchObject({ errorcode: 401 });
  });

  it('refuses bodies over the limit', async () => {
    const r = await fetch(`${base}/client/api?response=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `command=login&username=${'x'.repeat(DEFAULT_MAX_BODY_BYTES + 10)}`,
    }).catch((e: unknown) => e as Error);
    if (r instanceof Error) throw r;
    expect(r.status).toBe(413);
    expect(((await r.json()) as any).errorresponse).toMatchObject({ errorcode: 413 });
  });

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    const r = await rawGet(base, '/client/api?command=login&response=json', { host: 'evil.example:80' });
    expect(r.status).toBe(421);
  });

  describe('static files', () => {
    it('serves files with content types, caching and security headers', async () => {
      const js = await fetch(`${base}/assets/app-1234.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get('content-type')).toBe('text/javascript; charset=UTF-8');
      expect(js.headers.get('cache-control')).toContain('immutable');
      expect(js.headers.get('x-content-type-options')).toBe('nosniff');
      const csp = js.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect((await fetch(`${base}/assets/app-1234.css`)).headers.get('content-type')).toBe('text/css; charset=UTF-8');
      expect((await fetch(`${base}/logo.svg`)).headers.get('content-type')).toBe('image/svg+xml');
      const index = await fetch(`${base}/`);
      expect(index.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      expect(await index.text()).toContain('Stackyard UI');
    });

    it('falls back to index.html for client routes, 404 for missing files', async () => {
      const route = await fetch(`${base}/instances/abc`);
      expect(route.status).toBe(200);
      expect(await route.text()).toContain('Stackyard UI');
      expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    });

    it.each([
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2E%2E/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00',
      '/leak.txt',
    ])('refuses %s', async (p) => {
      const r = await rawGet(base, p);
      expect(r.body).not.toContain('TOP-SECRET');
      expect([400, 404]).toContain(r.status);
    });

    it('shows how to build the UI when it is not built', async () => {
      const bare = await createHttpServer({ core: tc.core, listen: { host: '127.0.0.1', port: 0 } });
      try {
        const r = await fetch(`${bare.url}/anything`);
        expect(r.status).toBe(200);
        expect(await r.text()).toContain('npm run build:renderer');
      } finally {
        await bare.close();
      }
    });
  });
});
