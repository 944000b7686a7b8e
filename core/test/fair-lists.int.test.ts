import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../src/api/signature';
import { createHttpServer, type StackyardHttpServer } from '../src/server/http';
import { dialects, startTestCore, type TestCore } from './harness';

const HEAVY_REQUESTS = 60;

interface Keys {
  apikey: string;
  secretkey: string;
}

/** A root admin with registered API keys. */
async function apiClient(tc: TestCore, name: string): Promise<Keys> {
  const created = await tc.call('createAccount', {
    username: name,
    password: 'Fair-queue-password-1',
    firstname: 'Fair',
    lastname: name,
    email: `${name}@example.test`,
    accounttype: '1',
  });
  expect(created.status).toBe(200);
  const keys = await tc.call('registerUserKeys', { id: created.data.account.user[0].id });
  expect(keys.status).toBe(200);
  return keys.data.userkeys as Keys;
}

function signedList(url: string, agent: http.Agent, keys: Keys, page: number): Promise<void> {
  const params: Record<string, string> = {
    command: 'listUsers',
    listall: 'true',
    page: String(page),
    pagesize: '50',
    response: 'json',
    apikey: keys.apikey,
  };
  params.signature = signRequest(params, keys.secretkey);
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/client/api?${new URLSearchParams(params)}`, { agent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

describe.each(dialects())('fair API admission under load (%s)', (dialect) => {
  let tc: TestCore;
  let server: StackyardHttpServer;
  let heavy: Keys;
  let light: Keys;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    heavy = await apiClient(tc, 'heavy');
    light = await apiClient(tc, 'light');
    server = await createHttpServer({ core: tc.core, listen: { host: '127.0.0.1', port: 0 } });
  });

  afterAll(async () => {
    await server?.close();
    await tc?.close();
  });

  it('answers a client with one request before a client with many in flight has all of its answers', async () => {
    const heavyAgent = new http.Agent({ keepAlive: true, maxSockets: HEAVY_REQUESTS });
    const lightAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      // Connections opened (and accepted) first, so only the order of requests is measured.
      await Promise.all(Array.from({ length: HEAVY_REQUESTS }, () => signedList(server.url, heavyAgent, heavy, 1)));
      await signedList(server.url, lightAgent, light, 1);

      const answered: string[] = [];
      const burst = Array.from({ length: HEAVY_REQUESTS }, (_, i) =>
        signedList(server.url, heavyAgent, heavy, (i % 3) + 1).then(() => answered.push(`heavy-${i}`)),
      );
      const single = signedList(server.url, lightAgent, light, 1).then(() => answered.push('light'));
      await Promise.all([...burst, single]);

      // Without turns the lone request waited behind the whole burst (13-15 s at 50 clients).
      expect(answered.indexOf('light')).toBeLessThan(HEAVY_REQUESTS - 20);
    } finally {
      heavyAgent.destroy();
      lightAgent.destroy();
    }
  });
});
