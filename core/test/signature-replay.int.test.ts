/**
 * Signed requests over real HTTP: the configured maximum lifetime of `expires`, and a signature
 * accepted once, also across two servers sharing one database.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src/api/signature';
import { createCore, type Core } from '../src/core';
import { createHttpServer, type StackyardHttpServer } from '../src/server/http';
import { addUser } from './auth-fixtures';
import { ADMIN_PASSWORD, dialects, freshDatabase } from './harness';

const expiresIn = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

describe.each(dialects())('signed requests: lifetime and replay (%s)', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const cores: Core[] = [];
  const servers: StackyardHttpServer[] = [];
  let keys: { apikey: string; secretkey: string };

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const secretKey = crypto.randomBytes(32);
    // Two servers on one database, as a cluster runs them (the second after the first set it up).
    for (const serverName of ['ms-1', 'ms-2']) {
      const core = await createCore({
        database: database.config,
        dataDir: database.dataDir,
        adminPassword: ADMIN_PASSWORD,
        secretKey,
        serverName,
        runMonitors: false,
      });
      cores.push(core);
      servers.push(await createHttpServer({ core, listen: { host: '127.0.0.1', port: 0 } }));
    }
    const first = cores[0] as Core;
    const user = await addUser(first, { username: 'sigrid' });
    const caller = await first.auth.callerForUser(user.userId, 'session');
    const r = await first.api.execute('registerUserKeys', { id: user.userUuid }, caller ?? null);
    keys = (r.body.registeruserkeysresponse as { userkeys: typeof keys }).userkeys;
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const c of cores) await c.close();
    await database?.drop();
  });

  const signedUrl = (server: StackyardHttpServer, extra: Record<string, string>) => {
    const p: Record<string, string> = { command: 'listUsers', response: 'json', apikey: keys.apikey, ...extra };
    p.signature = signRequest(p, keys.secretkey);
    return `${server.url}/client/api?${new URLSearchParams(p)}`;
  };
  const get = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, json: (await res.json()) as any };
  };
  const one = () => servers[0] as StackyardHttpServer;
  const two = () => servers[1] as StackyardHttpServer;

  it('refuses an expires beyond api.signature.expiry.seconds with 401 and a clear text', async () => {
    const far = await get(signedUrl(one(), { signatureversion: '3', expires: '9999-12-31T23:59:59+0000' }));
    expect(far.status).toBe(401);
    expect(far.json.listusersresponse).toEqual({
      uuidList: [],
      errorcode: 401,
      cserrorcode: 9999,
      errortext:
        "The request's expires (9999-12-31T23:59:59+0000) is more than 600 seconds ahead (api.signature.expiry.seconds); sign it with a nearer expires",
    });
    expect((await get(signedUrl(one(), { signatureversion: '3', expires: expiresIn(3600) }))).status).toBe(401);
    // Within the maximum (and a client clock a little ahead of ours) it is accepted.
    expect((await get(signedUrl(one(), { signatureversion: '3', expires: expiresIn(600) }))).status).toBe(200);
    expect((await get(signedUrl(one(), { signatureversion: '3', expires: expiresIn(30) }))).status).toBe(200);
  });

  it('accepts a signed URL once: the same URL again is refused, on the same server and on the other', async () => {
    const expires = expiresIn(120);
    const url = signedUrl(one(), { signatureversion: '3', expires, name: 'once' });
    expect((await get(url)).status).toBe(200);
    const again = await get(url);
    expect(again.status).toBe(401);
    expect(again.json.listusersresponse.errortext).toBe(
      'This signature was already used: a signed request is accepted once; sign each request anew (with its own expires)',
    );

    const shared = signedUrl(two(), { signatureversion: '3', expires, name: 'shared' });
    expect((await get(shared)).status).toBe(200);
    const onOther = await get(shared.replace(two().url, one().url));
    expect(onOther.status).toBe(401);
    // A new signature (another expires) of the same request is a new request.
    expect(
      (await get(signedUrl(one(), { signatureversion: '3', expires: expiresIn(121), name: 'shared' }))).status,
    ).toBe(200);
  });

  it('keeps a bad replay from poisoning the cache: only verified signatures are recorded', async () => {
    const expires = expiresIn(90);
    const good = signedUrl(one(), { signatureversion: '3', expires, name: 'poison' });
    const signature = new URL(good).searchParams.get('signature') as string;
    const forged = new URL(good);
    forged.searchParams.set('name', 'tampered');
    forged.searchParams.set('signature', signature);
    expect((await get(forged.toString())).status).toBe(401);
    expect((await get(good)).status).toBe(200);
  });

  it('accepts requests signed without signatureVersion 3 as CloudStack does (no validity window to bound a replay cache)', async () => {
    const url = signedUrl(one(), { name: 'no-expiry' });
    expect((await get(url)).status).toBe(200);
    expect((await get(url)).status).toBe(200);
  });
});
