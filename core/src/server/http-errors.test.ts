import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../../test/harness';
import { createHttpServer, type StackyardHttpServer } from './http';

const LIMIT = 64 * 1024;

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are on a fresh connection and reads the answer until the server closes it. */
function rawRequest(port: number, data: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(data));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    // The server may close while the rest of a refused request is still being written.
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e);
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

/** Asserts a CloudStack error answered as JSON: the status, and the body's errorcode matching it. */
function expectJsonError(r: RawAnswer, status: number): Record<string, any> {
  expect(r.status, r.body).toBe(status);
  expect(r.headers['content-type']).toBe('application/json; charset=UTF-8');
  const body = JSON.parse(r.body) as Record<string, Record<string, any>>;
  const error = Object.values(body)[0]!;
  expect(error).toMatchObject({ errorcode: status, cserrorcode: expect.any(Number), errortext: expect.any(String) });
  return error;
}

const post = (target: string, body: string, headers: Record<string, string> = {}) => {
  const extra = Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return (
    `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n${extra}\r\n${body}`
  );
};

describe.each(dialects())('HTTP error answers follow the requested format (%s)', (dialect) => {
  let tc: TestCore;
  let server: StackyardHttpServer;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    server = await createHttpServer({ core: tc.core, listen: { host: '127.0.0.1', port: 0 }, maxBodyBytes: LIMIT });
  });
  afterAll(async () => {
    await server?.close();
    await tc?.close();
  });

  it('answers 413 in JSON when the body asks for JSON, before or after the large value', async () => {
    const big = 'x'.repeat(LIMIT + 100);
    const first = await rawRequest(server.port, post('/client/api', `response=json&command=login&username=${big}`));
    expect(expectJsonError(first, 413).errortext).toMatch(/larger than the limit/);
    const last = await rawRequest(server.port, post('/client/api', `command=login&username=${big}&response=json`));
    expectJsonError(last, 413);
    // Asked for nothing: CloudStack's default, XML.
    const xml = await rawRequest(server.port, post('/client/api', `command=login&username=${big}`));
    expect(xml.status).toBe(413);
    expect(xml.headers['content-type']).toBe('text/xml; charset=UTF-8');
    expect(xml.body).toContain('<errorcode>413</errorcode>');
  });

  it('answers a too long request line in JSON when the URL asks for JSON', async () => {
    const r = await rawRequest(
      server.port,
      `GET /client/api?response=json&command=listZones&x=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    );
    expect(expectJsonError(r, 431).errortext).toMatch(/too large/i);
    const xml = await rawRequest(
      server.port,
      `GET /client/api?command=listZones&x=${'a'.repeat(40_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    );
    expect(xml.status).toBe(431);
    expect(xml.body).toContain('<errorcode>431</errorcode>');
  });

  it('answers malformed requests with 400 in the requested format', async () => {
    const badLength = await rawRequest(
      server.port,
      'POST /client/api?response=json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n',
    );
    expectJsonError(badLength, 400);
    const badChunk = await rawRequest(
      server.port,
      'POST /client/api?command=login&response=json HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n',
    );
    expectJsonError(badChunk, 400);
    const badUrl = await rawRequest(
      server.port,
      'GET //[/client/api?response=json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    );
    expectJsonError(badUrl, 400);
  });

  it('answers a misdirected API request in the requested format', async () => {
    const r = await rawRequest(
      server.port,
      'GET /client/api?command=listZones&response=json HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    expectJsonError(r, 421);
  });

  it('quotes at most a short prefix of an invalid value', async () => {
    const huge = 'z'.repeat(7 * 1024 * 1024);
    const r = await tc.call('updateZone', { id: huge });
    expect(r.status).toBe(431);
    const text = String(r.data.errortext);
    expect(text.length).toBeLessThan(400);
    expect(text).toContain(`${'z'.repeat(64)}…(${huge.length} characters)`);
    const escaped = await tc.call('createZone', {
      name: 'a\u202Eb\u0000',
      networktype: 'Advanced',
      dns1: '8.8.8.8',
      internaldns1: '10.0.0.2',
    });
    expect(escaped.status).toBe(431);
    expect(String(escaped.data.errortext)).toContain('a\\u202eb\\u0000');
    const unknown = await tc.call('q'.repeat(1_000_000));
    expect(unknown.status).toBe(432);
    expect(String(unknown.data.errortext).length).toBeLessThan(200);
    const item = await tc.call('listHosts', { hosttags: `ok,${'t'.repeat(100_000)}` });
    expect(item.status).toBe(431);
    expect(String(item.data.errortext)).toMatch(
      /ok,t{61}…\(100003 characters\) \(an item is longer than 255 characters\)$/,
    );
  });
});
