import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ApiError } from '../api/errors';
import { toXml } from '../api/serialize';
import type { Core } from '../core';
import type { DatabaseConfig } from '../db/connect';
import { apiAdmission, apiClientKey, readAdmission, type ReadAdmission } from './api-admission';
import type { FairQueue } from './fair-queue';
import { ApiEndpoint, sendApi } from './http-api';
import { ReadPool } from './read-pool';
import { acceptsJson, rawRequestHead, targetFormat } from './response-format';
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
  /**
   * Answer read-only commands from a worker thread over its own database connection (the second
   * core). Off unless given: an in-memory database has no second connection.
   */
  readWorker?: ReadWorkerOptions;
}

/** What the read worker opens besides what the core knows: the database and the cluster's key. */
export interface ReadWorkerOptions {
  database: DatabaseConfig;
  secretKey?: Buffer;
  /** The key file the core read (`--secret-key-file`, else `<dataDir>/secret.key`). */
  secretKeyFile: string;
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface StackyardHttpServer {
  /** http://host:port, without a trailing slash. */
  url: string;
  host: string;
  port: number;
  server: http.Server;
  live: LiveSocket;
  /** Where read-only commands run (the read worker and this thread), when the server was given a worker. */
  reads?: ReadPool;
  /** Lets other endpoints (console proxy) take WebSocket upgrades on their own path. */
  addUpgradeHandler(pathname: string, handler: UpgradeHandler): void;
  close(): Promise<void>;
}

export const API_PATH = '/client/api';
export const EVENTS_PATH = '/client/events';
// A Marvin description of 10k hosts is about 2 MB (importDataCenter).
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export const isLoopback = (host: string) => LOOPBACK_NAMES.has(host) || /^127\./.test(host);

function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
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

/** Whether a raw request target is for the API; lenient, as it also judges targets that do not parse. */
const isApiTarget = (target: string) => /\/client\/api\/?$/.test(target.split('?')[0] ?? '');

/** Whether an answer to this request target goes in JSON: response=json, else an Accept header preferring it. */
const wantsJson = (target: string, accept: string | undefined) => targetFormat(target)?.json ?? acceptsJson(accept);

/** An HTTP-layer refusal: a CloudStack error in the requested format on the API path, plain text elsewhere. */
function sendRefusal(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  const target = req.url ?? '/';
  if (!isApiTarget(target)) {
    sendPlain(res, status, `${text}\n`);
    return;
  }
  const body = { errorresponse: new ApiError(status, 9999, text).body };
  sendApi(res, status, body, wantsJson(target, req.headers.accept));
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; text: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    text: 'The request line and headers are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', text: 'The request took too long to arrive' },
};

/**
 * The answer to a request Node could not parse, written straight to the socket: a CloudStack error
 * in the format the request asked for (as far as it arrived) when it was for the API.
 */
function clientErrorAnswer(
  error: Error & { code?: string; rawPacket?: Buffer },
  last: RequestHead | undefined,
): string {
  const known = CLIENT_ERRORS[error.code ?? ''];
  const { status, reason, text } = known ?? { status: 400, reason: 'Bad Request', text: 'The request is malformed' };
  const head = error.rawPacket ? rawRequestHead(error.rawPacket) : {};
  const target = head.target ?? last?.target ?? '';
  const accept = head.target !== undefined ? head.accept : last?.accept;
  let type = 'text/plain; charset=UTF-8';
  let body = `${reason}\n`;
  if (isApiTarget(target)) {
    const json = wantsJson(target, accept);
    const answer = { errorresponse: new ApiError(status, 9999, text).body };
    type = json ? 'application/json; charset=UTF-8' : 'text/xml; charset=UTF-8';
    body = json ? JSON.stringify(answer) : toXml(answer);
  }
  const headers = { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) };
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('')}Connection: close\r\n\r\n${body}`;
}

/** What a connection's latest request asked for, for a parse error in its body. */
interface RequestHead {
  target: string;
  accept: string | undefined;
}

/** Guards against DNS rebinding: on loopback, only loopback names may be asked for. */
function hostGuard(listenHost: string): (req: IncomingMessage) => boolean {
  const checkHost = isLoopback(listenHost);
  return (req) => {
    if (!checkHost) return true;
    const host = req.headers.host;
    if (!host) return false;
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : (host.split(':')[0] ?? '');
    return isLoopback(name.toLowerCase());
  };
}

/** Routes requests and WebSocket upgrades: the API, the upgrade-only paths, the renderer. */
class HttpRouter {
  readonly upgrades = new Map<string, UpgradeHandler>();
  private readonly heads = new WeakMap<object, RequestHead>();
  private readonly api: ApiEndpoint;
  private readonly admission: FairQueue;
  private readonly reads: ReadAdmission;
  private readonly hostAllowed: (req: IncomingMessage) => boolean;

  constructor(
    private readonly options: HttpServerOptions,
    live: LiveSocket,
    reads: ReadPool | undefined,
  ) {
    this.reads = readAdmission(options.core.store.dialect);
    this.api = new ApiEndpoint(options.core, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, reads);
    this.admission = apiAdmission(options.core.store.dialect);
    this.upgrades.set(EVENTS_PATH, (req, socket, head) => live.handleUpgrade(req, socket, head));
    this.hostAllowed = hostGuard(options.listen.host);
  }

  request(req: IncomingMessage, res: ServerResponse): void {
    this.heads.set(req.socket, { target: req.url ?? '/', accept: req.headers.accept });
    this.handle(req, res).catch((error: unknown) => {
      // A request whose connection broke (a malformed body) was answered by clientError.
      if (req.socket.destroyed) return;
      console.error('[http] request failed:', error instanceof Error ? error.stack : error);
      if (!res.headersSent) {
        const body = {
          errorresponse: new ApiError(
            530,
            4250,
            'Internal error executing command, please contact your system administrator',
          ).body,
        };
        sendApi(res, 530, body, wantsJson(req.url ?? '/', req.headers.accept));
      } else {
        res.destroy();
      }
    });
  }

  /** Answers a request Node could not parse. */
  clientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorAnswer(error, this.heads.get(socket)));
    socket.destroy();
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = this.upgrades.get(pathname);
    if (!this.hostAllowed(req) || !handler) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    handler(req, socket, head);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.hostAllowed(req)) {
      sendRefusal(req, res, 421, 'Misdirected Request');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendRefusal(req, res, 400, 'Bad Request');
      return;
    }
    const pathname = url.pathname;
    if (pathname === API_PATH || pathname === `${API_PATH}/`) {
      const client = apiClientKey(req, url);
      const read = await this.admission.run(client, () => this.api.handle(req, res, url));
      if (read) await this.reads.queue.run(client, () => this.api.answerRead(read));
      return;
    }
    if (this.upgrades.has(pathname)) {
      sendPlain(res, 426, 'Upgrade Required\n', { Upgrade: 'websocket' });
      return;
    }
    // The raw path, so encoded traversal ("%2e%2e") is seen before URL normalization.
    const rawPath = (req.url ?? '/').split('?')[0] ?? '/';
    await serveStatic(req, res, this.options.staticDir, rawPath);
  }
}

function listen(server: http.Server, at: { host: string; port: number }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** The read pool, or none (reads stay on the main thread) when its worker cannot start. */
async function startReads(core: Core, options: ReadWorkerOptions): Promise<ReadPool | undefined> {
  const setup = { ...options, serverId: core.services.serverId };
  try {
    return await ReadPool.start(core, setup, readAdmission(core.store.dialect).inWorker);
  } catch (error) {
    console.warn('[http] no read worker, lists are answered on the main thread:', (error as Error).message);
    return undefined;
  }
}

/**
 * The HTTP face of the core: CloudStack's API at /client/api (GET or form POST, XML by default,
 * JSON with response=json), the live stream at /client/events, and the renderer at /.
 */
export async function createHttpServer(options: HttpServerOptions): Promise<StackyardHttpServer> {
  const reads = options.readWorker && (await startReads(options.core, options.readWorker));
  const live = createLiveSocket({ core: options.core, heartbeatMs: options.heartbeatMs });
  const router = new HttpRouter(options, live, reads);
  const server = http.createServer((req, res) => router.request(req, res));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => router.upgrade(req, socket, head));
  server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex) =>
    router.clientError(error, socket),
  );

  try {
    await listen(server, options.listen);
  } catch (error) {
    await reads?.close();
    await live.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = displayHost(options.listen.host);
  let closing: Promise<void> | undefined;

  return {
    url: `http://${host}:${address.port}`,
    host: options.listen.host,
    port: address.port,
    server,
    live,
    reads,
    addUpgradeHandler(pathname, handler) {
      router.upgrades.set(pathname, handler);
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await live.close();
        const force = setTimeout(() => server.closeAllConnections(), 2000);
        await closed;
        clearTimeout(force);
        await reads?.close();
      })();
      return closing;
    },
  };
}
