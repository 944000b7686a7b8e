import crypto from 'node:crypto';
import type http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AnyCommand, RequestOrigin } from '../api/command';
import type { ApiResponse } from '../api/dispatcher';
import { ApiError, errors } from '../api/errors';
import type { RawParams } from '../api/request-params';
import { responseKey, toXml } from '../api/serialize';
import type { Core } from '../core';
import type { Caller } from '../services/caller';
import { withinOneRead } from '../db/snapshot-clock';
import type { ReadPool } from './read-pool';
import { BodyTooLarge, readBody } from './request-body';
import { acceptsJson } from './response-format';
import { parseTrustedProxies, sourceAddress } from './source-address';
import { SECURITY_HEADERS } from './static-files';

const JSON_TYPE = 'application/json; charset=UTF-8';
const XML_TYPE = 'text/xml; charset=UTF-8';
const COOKIE_ATTRIBUTES = 'Path=/client; HttpOnly; SameSite=Strict';

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
  // Encoded once: its length is the header, and the bytes are what is written.
  sendApiBytes(res, status, Buffer.from(json ? JSON.stringify(body) : toXml(body), 'utf8'), json, cookies);
}

/** Sends an API answer already encoded (in JSON or XML as `json` says). */
export function sendApiBytes(
  res: ServerResponse,
  status: number,
  bytes: Uint8Array,
  json: boolean,
  cookies: string[] = [],
): void {
  const headers: http.OutgoingHttpHeaders = {
    ...SECURITY_HEADERS,
    'Content-Type': json ? JSON_TYPE : XML_TYPE,
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
  };
  if (cookies.length > 0) headers['Set-Cookie'] = cookies;
  res.writeHead(status, headers);
  res.end(bytes);
}

/** A read-only command, admitted and authenticated, for the read worker to answer. */
export interface OffloadedRead {
  res: ServerResponse;
  command: string;
  raw: RawParams;
  caller: Caller;
  origin: RequestOrigin;
  json: boolean;
}

type Authentication = { caller: Caller | null } | { error: ApiError };

/** CloudStack's answer to a login that is not a POST (ApiErrorCode.METHOD_NOT_ALLOWED). */
const loginByPostOnly = () =>
  new ApiError(
    405,
    9999,
    'Please use HTTP POST to authenticate using this API, with the password in the request body',
    'API.LOGIN_BY_POST_ONLY',
  );

const hasParam = (search: URLSearchParams, name: string) => [...search.keys()].some((k) => k.toLowerCase() === name);

/**
 * CloudStack's API endpoint: GET or form POST, XML by default, JSON with response=json;
 * authenticated by a signed API key or a session key.
 */
export class ApiEndpoint {
  constructor(
    private readonly core: Core,
    private readonly maxBody: number,
    /** Runs read-only commands (on the read worker, mostly) when present. */
    private readonly reads?: ReadPool,
  ) {}

  /**
   * Answers an API request on this thread, or, for a read-only command the read worker can
   * serve, checks its caller and returns what the worker needs (the caller then leaves the
   * main thread's turn and waits for the worker's).
   */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<OffloadedRead | undefined> {
    const params = new ApiParams(url.searchParams);
    if (!(await this.readParams(req, res, params))) return undefined;
    const raw = params.raw();
    const command = params.get('command');
    const def = command ? this.core.registry.get(command) : undefined;
    const errorKey = def ? responseKey(def.name) : 'errorresponse';

    if (def?.name === 'login' && (req.method !== 'POST' || hasParam(url.searchParams, 'password'))) {
      // The password would land in URLs, proxies' and servers' logs; it is not even checked.
      res.setHeader('Allow', 'POST');
      sendApi(res, 405, { [errorKey]: loginByPostOnly().body }, params.wantsJson());
      return undefined;
    }
    // A read-only command's caller is looked up on the one check of the read view its answer uses.
    const auth = await (def?.readOnly
      ? withinOneRead(() => this.authenticate(def, params, raw))
      : this.authenticate(def, params, raw));
    if ('error' in auth) {
      sendApi(res, 401, { [errorKey]: auth.error.body }, params.wantsJson());
      return undefined;
    }
    const origin = { remoteAddress: sourceAddress(req, this.trustedProxies()) };
    if (def?.readOnly && auth.caller && this.reads?.available) {
      return { res, command: def.name, raw, caller: auth.caller, origin, json: params.wantsJson() };
    }
    const response = await this.core.api.execute(command, raw, auth.caller, origin);
    if (def?.name === 'login' && response.status === 429) {
      const wait = await this.core.auth.loginRetryAfter(params.get('username') ?? '', {
        domainId: params.get('domainid'),
        domainPath: params.get('domain'),
        ...origin,
      });
      res.setHeader('Retry-After', String(Math.max(1, wait)));
    }
    const cookies = await this.sessionCookies(def, response, params);
    // A change on this thread is seen by the worker's next answer (its settings are a cached copy).
    if (def && !def.readOnly && response.status === 200) await this.reads?.refreshSettings();
    sendApi(res, response.status, response.body, params.wantsJson(), cookies);
    return undefined;
  }

  /** Answers a read handle() set aside, from the read pool. */
  async answerRead(read: OffloadedRead): Promise<void> {
    const { res, ...request } = read;
    const answer = await (this.reads as ReadPool).execute(request);
    sendApiBytes(res, answer.status, answer.bytes, read.json);
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
      // The format the query, else the body, else the Accept header asked for.
      const json = params.get('response') !== undefined ? params.wantsJson() : e.format?.json;
      res.setHeader('Connection', 'close');
      sendApi(res, 413, { errorresponse: error.body }, json ?? acceptsJson(req.headers.accept));
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
      const verified = await auth.verifySignedRequest(raw, this.core.services.secrets);
      if (verified.caller) return { caller: verified.caller };
      const { refusal } = verified;
      return { error: refusal ? new ApiError(401, 9999, refusal, 'API.UNAUTHENTICATED') : errors.unauthenticated() };
    }
    // A session call must name its session key: a cookie alone never authenticates (CSRF).
    const caller = (await auth.sessionCaller(params.get('sessionkey'))) ?? null;
    if (caller) return { caller };
    const error = params.get('sessionkey') ? errors.sessionExpired() : errors.unauthenticated();
    return { error };
  }

  private trustedProxies(): Set<string> {
    let setting: string | undefined;
    try {
      setting = this.core.settings.get<string>('api.trusted.proxies');
    } catch {
      setting = undefined;
    }
    return parseTrustedProxies(setting);
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
