import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addDomain, addUser, type FixtureDomain, type FixtureUser } from '../../test/auth-fixtures';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from '../../test/harness';
import { createHttpServer, type StackyardHttpServer } from './http';

interface Stream {
  ws: WebSocket;
  messages: Record<string, any>[];
  /** Resolves with the first message (already received or future) that matches. */
  next(match: (m: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
}

function connect(url: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const messages: Record<string, any>[] = [];
    const waiters: { match: (m: Record<string, any>) => boolean; resolve: (m: Record<string, any>) => void }[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as Record<string, any>;
      messages.push(m);
      for (const w of [...waiters]) {
        if (w.match(m)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
    ws.once('open', () =>
      resolve({
        ws,
        messages,
        next(match, timeoutMs = 5000) {
          const hit = messages.find(match);
          if (hit) return Promise.resolve(hit);
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error('no matching message')), timeoutMs);
            waiters.push({ match, resolve: (m) => (clearTimeout(timer), res(m)) });
          });
        },
      }),
    );
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe.each(dialects())('live event stream (%s)', (dialect) => {
  let tc: TestCore;
  let server: StackyardHttpServer;
  let east: FixtureDomain;
  let westDomain: FixtureDomain;
  let uma: FixtureUser;
  let vic: FixtureUser;
  let eastAdmin: FixtureUser;
  let west: FixtureUser;
  const streams: Stream[] = [];

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    east = await addDomain(tc.core, 'East');
    westDomain = await addDomain(tc.core, 'West');
    uma = await addUser(tc.core, { username: 'uma', domain: east });
    vic = await addUser(tc.core, { username: 'vic', domain: east });
    eastAdmin = await addUser(tc.core, { username: 'eve', role: 'DomainAdmin', domain: east });
    west = await addUser(tc.core, { username: 'wes', domain: westDomain });
    server = await createHttpServer({ core: tc.core, listen: { host: '127.0.0.1', port: 0 } });
  });
  afterAll(async () => {
    for (const s of streams) s.ws.terminate();
    await server?.close();
    await tc?.close();
  });

  const wsUrl = (key: string) =>
    `${server.url.replace('http', 'ws')}/client/events?sessionkey=${encodeURIComponent(key)}`;
  const open = async (username: string, password: string) => {
    const { sessionKey } = await tc.core.auth.login(username, password, {
      domainPath: username === 'admin' ? '/' : undefined,
    });
    const s = await connect(wsUrl(sessionKey));
    streams.push(s);
    return s;
  };
  const openIn = async (user: FixtureUser, domain: FixtureDomain) => {
    const { sessionKey } = await tc.core.auth.login(user.username, user.password, { domainId: domain.uuid });
    const s = await connect(wsUrl(sessionKey));
    streams.push(s);
    return s;
  };

  it('refuses connections without a valid session key', async () => {
    await expect(connect(`${server.url.replace('http', 'ws')}/client/events`)).rejects.toThrow('HTTP 401');
    await expect(connect(wsUrl('not-a-session'))).rejects.toThrow('HTTP 401');
  });

  it('refuses a cross-site browser origin', async () => {
    const { sessionKey } = await tc.core.auth.login('admin', ADMIN_PASSWORD);
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(wsUrl(sessionKey), { origin: 'http://evil.example' });
        ws.once('open', resolve);
        ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
        ws.once('error', reject);
      }),
    ).rejects.toThrow('HTTP 403');
  });

  it('streams events to the clients allowed to see them', async () => {
    const admin = await open('admin', ADMIN_PASSWORD);
    const umaStream = await openIn(uma, east);
    const eveStream = await openIn(eastAdmin, east);
    const wesStream = await openIn(west, westDomain);

    // vic logs in: a USER.LOGIN event owned by vic's account in East.
    await tc.core.auth.login('vic', vic.password, { domainId: east.uuid });
    const isVicLogin = (m: Record<string, any>) =>
      m.kind === 'event' && m.event.type === 'USER.LOGIN' && m.event.username === 'vic';
    const seen = await admin.next(isVicLogin);
    expect(seen).toMatchObject({ kind: 'event', event: { type: 'USER.LOGIN', level: 'INFO' } });
    await eveStream.next(isVicLogin);

    // uma's own login event reaches uma; a marker event for West proves wes' stream is flowing.
    await tc.core.auth.login('uma', uma.password, { domainId: east.uuid });
    await umaStream.next((m) => m.kind === 'event' && m.event.type === 'USER.LOGIN' && m.event.username === 'uma');
    await tc.core.auth.login('wes', west.password, { domainId: westDomain.uuid });
    await wesStream.next((m) => m.kind === 'event' && m.event.username === 'wes');
    await admin.next((m) => m.kind === 'event' && m.event.username === 'wes');

    // Nobody saw what they may not see.
    expect(umaStream.messages.some(isVicLogin)).toBe(false);
    expect(wesStream.messages.some(isVicLogin)).toBe(false);
    expect(eveStream.messages.some((m) => m.event?.username === 'wes')).toBe(false);
    expect(umaStream.messages.every((m) => m.event?.username === 'uma')).toBe(true);
  });

  it('forwards job messages by the same rules', async () => {
    const umaStream = await openIn(uma, east);
    const wesStream = await openIn(west, westDomain);
    tc.core.events.publish({
      kind: 'job',
      scope: { accountId: west.accountId, domainId: westDomain.id },
      job: { jobid: 'j-west', jobstatus: 0 },
    });
    tc.core.events.publish({
      kind: 'job',
      scope: { accountId: uma.accountId, domainId: east.id },
      job: { jobid: 'j-uma', jobstatus: 1 },
    });
    expect(await umaStream.next((m) => m.kind === 'job')).toEqual({
      kind: 'job',
      job: { jobid: 'j-uma', jobstatus: 1 },
    });
    expect(await wesStream.next((m) => m.kind === 'job')).toEqual({
      kind: 'job',
      job: { jobid: 'j-west', jobstatus: 0 },
    });
    expect(umaStream.messages.filter((m) => m.kind === 'job')).toHaveLength(1);
  });

  it('closes streams whose session ended', async () => {
    const short = await createHttpServer({ core: tc.core, listen: { host: '127.0.0.1', port: 0 }, heartbeatMs: 100 });
    try {
      const { sessionKey } = await tc.core.auth.login('uma', uma.password, { domainId: east.uuid });
      const s = await connect(`${short.url.replace('http', 'ws')}/client/events?sessionkey=${sessionKey}`);
      const closed = new Promise<number>((resolve) => s.ws.once('close', (code) => resolve(code)));
      await tc.core.auth.logout(sessionKey);
      expect(await closed).toBe(4401);
    } finally {
      await short.close();
    }
  });
});
