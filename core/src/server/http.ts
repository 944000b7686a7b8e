import crypto from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ApiError, errors } from '../api/errors';
import type { RawParams } from '../api/request-params';
import { responseKey, toXml } from '../api/serialize';
import type { Core } from '../core';
import type { Caller } from '../services/caller';
import { createLiveSocket, type LiveSocket } from './live-socket';
import { SECURITY_HEADERS, serveStatic } from './static-files';

export interface HttpServerOptions {
  core: Core;
  /** The built renderer (dist/renderer); absent or unbuilt: a page says how to build it. */
  staticDir?: string;
  listen: { host: string; port: number };
  /** Largest accepted request body (POST form); default 1 MiB. */
  maxBodyBytes?: number;
  /** Live stream heartbeat (tests shorten it). */
  heartbeatMs?: number;
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface StackyardHttpServer {
  /** http://host:port, without a trailing slash. */
  url: string;
  host: string;
  port: number;
  server: http.Server;
  live: LiveSocket;
  /** Lets other endpoints (console proxy) take WebSocket upgrades on their own path. */
  addUpgradeHandler(pathname: string, handler: UpgradeHandler): void;
  close(): Promise<void>;
}

export const API_PATH = '/client/api';
export const EVENTS_PATH = '/client/events';
// A Marvin description of 10k hosts is about 2 MB (importDataCenter).
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

const JSON_TYPE = 'application/json; charset=UTF-8';
const XML_TYPE = 'text/xml; charset=UTF-8';
const COOKIE_ATTRIBUTES = 'Path=/client; HttpOnly; SameSite=Strict';
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export const isLoopback = (host: string) => LOOPBACK_NAMES.has(host) || /^127\./.test(host);

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

/** Query and form parameters, in order; a repeated name keeps all its values. */
function collectParams(into: Map<string, string[]>, search: URLSearchParams): void {
  for (const [name, value] of search) {
    const values = into.get(name);
    if (values) values.push(value);
    else into.set(name, [value]);
  }
}

function sendApi(
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  json: boolean,
  cookies: string[] = [],
): void {
  const text = json ? JSON.stringify(body) : toXml(body);
  const headers: http.OutgoingHttpHeaders = {
    ...SECURITY_HEADERS,
    'Content-Type': json ? JSON_TYPE : XML_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  };
  if (cookies.length > 0) headers['Set-Cookie'] = cookies;
  res.writeHead(status, headers);
  res.end(text);
}

function sendPlain(res: ServerResponse, status: number, text: string, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

/**
 * The HTTP face of the core: CloudStack's API at /client/api (GET or form POST, XML by default,
 * JSON with response=json), the live stream at /client/events, and the renderer at /.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<StackyardHttpServer> {
  const { core } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const live = createLiveSocket({ core, heartbeatMs: options.heartbeatMs });
  const upgrades = new Map<string, UpgradeHandler>([
    [EVENTS_PATH, (req, socket, head) => live.handleUpgrade(req, socket, head)],
  ]);
  // Guard against DNS rebinding: on loopback, only loopback names may be asked for.
  const checkHost = isLoopback(options.listen.host);
  const hostAllowed = (req: IncomingMessage) => {
    if (!checkHost) return true;
    const host = req.headers.host;
    if (!host) return false;
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
    return isLoopback(name.toLowerCase());
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const params = new Map<string, string[]>();
    collectParams(params, url.searchParams);
    const get = (name: string): string | undefined => {
      for (const [k, v] of params) if (k.toLowerCase() === name) return v[0];
      return undefined;
    };
    let json = get('response')?.toLowerCase() === 'json';
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      sendApi(
        res,
        405,
        { errorresponse: new ApiError(405, 9999, `HTTP method ${req.method} is not supported`).body },
        json,
      );
      return;
    }
    if (req.method === 'POST') {
      let body: Buffer;
      try {
        body = await readBody(req, maxBody);
      } catch (e) {
        if (!(e instanceof BodyTooLarge)) throw e;
        const error = new ApiError(
          413,
          9999,
          `The request body is larger than the limit of ${maxBody} bytes`,
          'API.BODY_TOO_LARGE',
        );
        res.setHeader('Connection', 'close');
        sendApi(res, 413, { errorresponse: error.body }, json);
        return;
      }
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (type.startsWith('application/x-www-form-urlencoded')) {
        collectParams(params, new URLSearchParams(body.toString('utf8')));
        json = get('response')?.toLowerCase() === 'json';
      }
    }

    const raw: RawParams = {};
    for (const [k, v] of params) raw[k] = v.length === 1 ? v[0] : v;
    const command = get('command');
    const def = command ? core.registry.get(command) : undefined;
    const errorKey = def ? responseKey(def.name) : 'errorresponse';

    let caller: Caller | null = null;
    if (def?.auth !== 'none') {
      if (get('signature') !== undefined && get('apikey') !== undefined) {
        caller = (await core.auth.apiKeyCaller(raw, core.services.secrets)) ?? null;
        if (!caller) {
          sendApi(res, 401, { [errorKey]: errors.unauthenticated().body }, json);
          return;
        }
      } else {
        // A session call must name its session key: a cookie alone never authenticates (CSRF).
        caller = (await core.auth.sessionCaller(get('sessionkey'))) ?? null;
        if (!caller) {
          const error = get('sessionkey')
            ? new ApiError(401, 9999, 'unable to verify user credentials', 'API.UNAUTHENTICATED')
            : errors.unauthenticated();
          sendApi(res, 401, { [errorKey]: error.body }, json);
          return;
        }
      }
    }

    const response = await core.api.execute(command, raw, caller);
    const cookies: string[] = [];
    if (def?.name === 'login' && response.status === 200 && response.result?.kind === 'raw') {
      const key = response.result.value.sessionkey;
      if (typeof key === 'string') {
        cookies.push(`sessionkey=${key}; ${COOKIE_ATTRIBUTES}`);
        // CloudStack clients expect a JSESSIONID; the session key parameter is what authenticates.
        cookies.push(`JSESSIONID=${crypto.randomBytes(16).toString('hex')}; ${COOKIE_ATTRIBUTES}`);
      }
    }
    if (def?.name === 'logout') {
      await core.auth.logout(get('sessionkey'));
      cookies.push(`sessionkey=; ${COOKIE_ATTRIBUTES}; Max-Age=0`, `JSESSIONID=; ${COOKIE_ATTRIBUTES}; Max-Age=0`);
    }
    sendApi(res, response.status, response.body, json, cookies);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req)) {
      sendPlain(res, 421, 'Misdirected Request\n');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendPlain(res, 400, 'Bad Request\n');
      return;
    }
    const pathname = url.pathname;
    if (pathname === API_PATH || pathname === `${API_PATH}/`) {
      await handleApi(req, res, url);
      return;
    }
    if (upgrades.has(pathname)) {
      sendPlain(res, 426, 'Upgrade Required\n', { Upgrade: 'websocket' });
      return;
    }
    // The raw path, so encoded traversal ("%2e%2e") is seen before URL normalization.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    await serveStatic(req, res, options.staticDir, rawPath);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[http] request failed:', error instanceof Error ? error.stack : error);
      if (!res.headersSent) {
        sendApi(
          res,
          530,
          {
            errorresponse: new ApiError(
              530,
              4250,
              'Internal error executing command, please contact your system administrator',
            ).body,
          },
          true,
        );
      } else {
        res.destroy();
      }
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = upgrades.get(pathname);
    if (!hostAllowed(req) || !handler) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    handler(req, socket, head);
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listen.port, options.listen.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = displayHost(options.listen.host);
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host}:${address.port}`,
    host: options.listen.host,
    port: address.port,
    server,
    live,
    addUpgradeHandler(pathname, handler) {
      upgrades.set(pathname, handler);
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await live.close();
        const force = setTimeout(() => server.closeAllConnections(), 2000);
        await closed;
        clearTimeout(force);
      })();
      return closing;
    },
  };
}
