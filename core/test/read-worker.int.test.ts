/**
 * The read worker (issue 8, finding 9): read-only lists answered from a second thread over its
 * own connection give exactly what the main thread gives, behind the same authentication, and
 * see a settings change made through the server at once.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src/api/signature';
import { createCore, type Core } from '../src/core';
import { startServer } from '../src/server/cli';
import { createHttpServer, type ReadWorkerOptions, type StackyardHttpServer } from '../src/server/http';
import { ReadPool } from '../src/server/read-pool';
import type { Caller } from '../src/services/caller';
import { addUser } from './auth-fixtures';
import { ADMIN_PASSWORD, dialects, freshDatabase } from './harness';

interface Keys {
  apikey: string;
  secretkey: string;
}

const expiresIn = (seconds: number) =>
  new Date(Date.now() + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

const LISTS: Record<string, string>[] = [
  { command: 'listUsers', listall: 'true' },
  { command: 'listUsers', listall: 'true', page: '1', pagesize: '2', response: 'json' },
  { command: 'listUsers', pagesize: 'many', page: '1', response: 'json' },
  { command: 'listAccounts', listall: 'true', response: 'json' },
  { command: 'listDomains', listall: 'true' },
  { command: 'listEvents', listall: 'true', response: 'json' },
  { command: 'listZones', response: 'json' },
  { command: 'listHosts', response: 'json' },
];

describe.each(dialects())('read-only lists from the read worker (%s)', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let core: Core;
  /** Answers reads from its worker. */
  let withWorker: StackyardHttpServer;
  /** Answers everything on the main thread. */
  let mainOnly: StackyardHttpServer;
  let keys: Keys;
  let readOptions: ReadWorkerOptions;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const secretKey = crypto.randomBytes(32);
    core = await createCore({
      database: database.config,
      dataDir: database.dataDir,
      adminPassword: ADMIN_PASSWORD,
      secretKey,
      runMonitors: false,
    });
    readOptions = {
      database: database.config,
      secretKey,
      secretKeyFile: path.join(database.dataDir, 'secret.key'),
    };
    for (const username of ['ada', 'bo', 'cy']) await addUser(core, { username });
    const admin = await core.auth.callerForUser(1, 'session');
    const adminUser = await core.store.db
      .selectFrom('users')
      .select('uuid')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const registered = await core.api.execute('registerUserKeys', { id: adminUser.uuid }, admin ?? null);
    keys = (registered.body.registeruserkeysresponse as { userkeys: Keys }).userkeys;
    withWorker = await createHttpServer({ core, listen: { host: '127.0.0.1', port: 0 }, readWorker: readOptions });
    mainOnly = await createHttpServer({ core, listen: { host: '127.0.0.1', port: 0 } });
  });
  afterAll(async () => {
    await withWorker?.close();
    await mainOnly?.close();
    await core?.close();
    await database?.drop();
  });

  const signedUrl = (server: StackyardHttpServer, params: Record<string, string>, secret = keys.secretkey) => {
    const p: Record<string, string> = { ...params, apikey: keys.apikey };
    p.signature = signRequest(p, secret);
    return `${server.url}/client/api?${new URLSearchParams(p)}`;
  };
  const get = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const reads = () => (withWorker.reads as ReadPool).answered;

  it('answers each read-only list from the worker with the bytes the main thread gives', async () => {
    for (const params of LISTS) {
      const before = reads().worker;
      const fromWorker = await get(signedUrl(withWorker, params));
      expect(reads().worker, params.command).toBe(before + 1);
      const fromMain = await get(signedUrl(mainOnly, params));
      expect(fromWorker, JSON.stringify(params)).toEqual(fromMain);
    }
    const users = JSON.parse((await get(signedUrl(withWorker, LISTS[1] as Record<string, string>))).text);
    expect(users.listusersresponse.count).toBe(4);
    expect(users.listusersresponse.user).toHaveLength(2);
    const refused = JSON.parse((await get(signedUrl(withWorker, LISTS[2] as Record<string, string>))).text);
    expect(refused.listusersresponse.errorcode).toBe(431);
  });

  it('keeps commands that write on the main thread, and counts what they wrote at once', async () => {
    const domains = async () =>
      JSON.parse((await get(signedUrl(withWorker, { command: 'listDomains', listall: 'true', response: 'json' }))).text)
        .listdomainsresponse;
    const before = await domains();
    const answered = reads().worker;
    const created = await get(signedUrl(withWorker, { command: 'createDomain', name: 'ops', response: 'json' }));
    expect(created.status).toBe(200);
    expect(reads().worker).toBe(answered);
    const after = await domains();
    expect(reads().worker).toBe(answered + 1);
    expect(after.count).toBe(before.count + 1);
    expect(after.domain.map((d: { name: string }) => d.name)).toContain('ops');
  });

  it('refuses a bad, an expired and a replayed signature exactly as the main thread does', async () => {
    const before = reads().worker;
    const list = { command: 'listUsers', response: 'json' };
    const bad = [await get(signedUrl(withWorker, list, 'wrong')), await get(signedUrl(mainOnly, list, 'wrong'))];
    expect(bad[0]?.status).toBe(401);
    expect(bad[0]).toEqual(bad[1]);
    const old = { ...list, signatureversion: '3', expires: expiresIn(-60) };
    const expired = [await get(signedUrl(withWorker, old)), await get(signedUrl(mainOnly, old))];
    expect(expired[0]?.status).toBe(401);
    expect(expired[0]).toEqual(expired[1]);
    expect(reads().worker).toBe(before);

    const replayed = [];
    for (const [server, name] of [
      [withWorker, 'w'],
      [mainOnly, 'm'],
    ] as const) {
      const url = signedUrl(server, { ...list, name, signatureversion: '3', expires: expiresIn(120) });
      expect((await get(url)).status).toBe(200);
      replayed.push(await get(url));
    }
    expect(reads().worker).toBe(before + 1);
    expect(replayed[0]?.status).toBe(401);
    expect(replayed[0]).toEqual(replayed[1]);
  });

  it('sees a settings change made through the server in its next answer', async () => {
    const page = { command: 'listUsers', listall: 'true', page: '1', response: 'json' };
    const count = async () => JSON.parse((await get(signedUrl(withWorker, page))).text).listusersresponse.user.length;
    expect(await count()).toBe(4);
    const update = { command: 'updateConfiguration', name: 'default.page.size', value: '2', response: 'json' };
    expect((await get(signedUrl(withWorker, update))).status).toBe(200);
    expect(await count()).toBe(2);
    expect((await get(signedUrl(withWorker, { ...update, value: '3' }))).status).toBe(200);
    expect(await count()).toBe(3);
  });

  it('answers on the main thread alike when the worker has no room, and counts a write at once', async () => {
    const pool = await ReadPool.start(core, { ...readOptions, serverId: core.services.serverId }, 0);
    try {
      const admin = await core.auth.callerForUser(1, 'apikey');
      const read = (params: Record<string, string>) =>
        pool.execute({
          command: params.command as string,
          raw: params,
          caller: admin as Caller,
          origin: {},
          json: !!params.response,
        });
      for (const params of LISTS) {
        const here = await read(params);
        const fromMain = await get(signedUrl(mainOnly, params));
        expect({ status: here.status, text: new TextDecoder().decode(here.bytes) }).toEqual({
          status: fromMain.status,
          text: fromMain.text,
        });
      }
      expect(pool.answered).toEqual({ worker: 0, here: LISTS.length });
      const count = async () =>
        JSON.parse(
          new TextDecoder().decode((await read({ command: 'listDomains', listall: 'true', response: 'json' })).bytes),
        ).listdomainsresponse.count;
      const before = await count();
      expect((await get(signedUrl(mainOnly, { command: 'createDomain', name: 'dev', response: 'json' }))).status).toBe(
        200,
      );
      expect(await count()).toBe(before + 1);
    } finally {
      await pool.close();
    }
  });

  it('answers on the main thread when its worker cannot start', async () => {
    const noKey = { database: database.config, secretKeyFile: path.join(database.dataDir, 'missing.key') };
    const server = await createHttpServer({ core, listen: { host: '127.0.0.1', port: 0 }, readWorker: noKey });
    try {
      expect(server.reads).toBeUndefined();
      const listed = await get(signedUrl(server, { command: 'listZones', response: 'json' }));
      expect(listed).toEqual(await get(signedUrl(mainOnly, { command: 'listZones', response: 'json' })));
      expect(listed.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('ends its worker when the server closes', async () => {
    const server = await createHttpServer({ core, listen: { host: '127.0.0.1', port: 0 }, readWorker: readOptions });
    const pool = server.reads as ReadPool;
    expect((await get(signedUrl(server, { command: 'listZones', response: 'json' }))).status).toBe(200);
    expect(pool.answered.worker).toBe(1);
    await server.close();
    expect(pool.available).toBe(false);
  });
});

describe.each(dialects())('serve turns the read worker on (%s)', (dialect) => {
  it('gives the server a read pool on a SQLite file and on PostgreSQL', async () => {
    const database = await freshDatabase(dialect);
    const server = await startServer({
      port: 0,
      dataDir: database.dataDir,
      database: database.config,
      adminPassword: ADMIN_PASSWORD,
      secretKey: crypto.randomBytes(32),
      staticDir: null,
      runJobs: false,
      readWorker: true,
    });
    try {
      expect(server.http.reads?.available).toBe(true);
    } finally {
      await server.close();
      await database.drop();
    }
  });
});
