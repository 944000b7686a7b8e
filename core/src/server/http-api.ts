import crypto from 'node:crypto';
import type http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyCommand } from '../api/command';
import type { ApiResponse } from '../api/dispatcher';
import { ApiError, errors } from '../api/errors';
import type { RawParams } from '../api/request-params';
import { responseKey, toXml } from '../api/serialize';
import type { Core } from '../core';
import type { Caller } from '../services/caller';
import { SECURITY_HEADERS } from './static-files';

const JSON_TYPE = 'application/json; charset=UTF-8';
const XML_TYPE = 'text/xml; charset=UTF-8';
const COOKIE_ATTRIBUTES = 'Path=/client; HttpOnly; SameSite=Strict';

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
class ApiParams {
  private readonly values = new Map<string, string[]>();

  constructor(search: URLSearchParams) {
    this.collect(search);
  }

  collect(search: URLSearchParams): void {
    for (const [name, value] of search) {
      const values = this.values.get(name);
      if (values) values.push(value);
      else this.values.set(name, [value]);
    }
  }

  /** The first value of a parameter, whatever the case of its name (`name` is lower case). */
  get(name: string): string | undefined {
    for (const [k, v] of this.values) if (k.toLowerCase() === name) return v[0];
    return undefined;
  }

  wantsJson(): boolean {
    return this.get('response')?.toLowerCase() === 'json';
  }

  raw(): RawParams {
    const raw: RawParams = {};
    for (const [k, v] of this.values) raw[k] = v.length === 1 ? v[0] : v;
    return raw;
  }
}

export function sendApi(
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

type Authentication = { caller: Caller | null } | { error: ApiError };

/**
 * CloudStack's API endpoint: GET or form POST, XML by default, JSON with response=json;
 * authenticated by a signed API key or a session key.
 */
export class ApiEndpoint {
  constructor(
    private readonly core: Core,
    private readonly maxBody: number,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const params = new ApiParams(url.searchParams);
    if (!(await this.readParams(req, res, params))) return;
    const raw = params.raw();
    const command = params.get('command');
    const def = command ? this.core.registry.get(command) : undefined;
    const errorKey = def ? responseKey(def.name) : 'errorresponse';

    const auth = await this.authenticate(def, params, raw);
    if ('error' in auth) {
      sendApi(res, 401, { [errorKey]: auth.error.body }, params.wantsJson());
      return;
    }
    const response = await this.core.api.execute(command, raw, auth.caller);
    const cookies = await this.sessionCookies(def, response, params);
    sendApi(res, response.status, response.body, params.wantsJson(), cookies);
  }

  /** Adds a form POST's parameters; false once it has answered (unsupported method, body too large). */
  private async readParams(req: IncomingMessage, res: ServerResponse, params: ApiParams): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      sendApi(
        res,
        405,
        { errorresponse: new ApiError(405, 9999, `HTTP method ${req.method} is not supported`).body },
        params.wantsJson(),
      );
      return false;
    }
    if (req.method !== 'POST') return true;
    let body: Buffer;
    try {
      body = await readBody(req, this.maxBody);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      const error = new ApiError(
        413,
        9999,
        `The request body is larger than the limit of ${this.maxBody} bytes`,
        'API.BODY_TOO_LARGE',
      );
      res.setHeader('Connection', 'close');
      sendApi(res, 413, { errorresponse: error.body }, params.wantsJson());
      return false;
    }
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/x-www-form-urlencoded'))
      params.collect(new URLSearchParams(body.toString('utf8')));
    return true;
  }

  private async authenticate(def: AnyCommand | undefined, params: ApiParams, raw: RawParams): Promise<Authentication> {
    if (def?.auth === 'none') return { caller: null };
    const { auth } = this.core;
    if (params.get('signature') !== undefined && params.get('apikey') !== undefined) {
      const caller = (await auth.apiKeyCaller(raw, this.core.services.secrets)) ?? null;
      return caller ? { caller } : { error: errors.unauthenticated() };
    }
    // A session call must name its session key: a cookie alone never authenticates (CSRF).
    const caller = (await auth.sessionCaller(params.get('sessionkey'))) ?? null;
    if (caller) return { caller };
    const error = params.get('sessionkey')
      ? new ApiError(401, 9999, 'unable to verify user credentials', 'API.UNAUTHENTICATED')
      : errors.unauthenticated();
    return { error };
  }

  /** login sets the session cookies, logout ends the session and clears them. */
  private async sessionCookies(
    def: AnyCommand | undefined,
    response: ApiResponse,
    params: ApiParams,
  ): Promise<string[]> {
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
      await this.core.auth.logout(params.get('sessionkey'));
      cookies.push(`sessionkey=; ${COOKIE_ATTRIBUTES}; Max-Age=0`, `JSESSIONID=; ${COOKIE_ATTRIBUTES}; Max-Age=0`);
    }
    return cookies;
  }
}
