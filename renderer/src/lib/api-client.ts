import { ApiError, errorMessageRef } from './api-error';
import type { LiveMessage, LoginInfo, RawResponse, StackyardBridge } from './api-types';
import {
  responseNameOf,
  wireParams,
  type Answer,
  type AsyncCommandName,
  type AsyncStart,
  type CommandName,
  type ListCommandName,
  type ListItem,
  type ListResult,
  type ObjectCommandName,
  type ObjectItem,
  type ParamsArg,
  type ResponseOf,
} from './contract';

export type LiveStatus = 'connecting' | 'open' | 'closed';
export type LiveListener = (message: LiveMessage) => void;

/** How requests reach the core: Electron IPC or HTTP. Chosen once at start-up. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  /** Human description of where the core is: "embedded" or the server origin. */
  readonly target: string;
  send(command: string, params: Record<string, string>): Promise<RawResponse>;
  /** Opens the live stream; the returned function closes it. */
  live(listener: LiveListener, onStatus: (status: LiveStatus) => void): () => void;
  /** Electron: the operator the main process signed in; browsers sign in with `login`. */
  session?(): Promise<LoginInfo>;
}

const SESSION_KEY_STORAGE = 'stackyard.sessionkey';

/** Serialises typed parameters the way CloudStack reads them (core/src/contract/wire.ts). */
export function encodeParams(params: object = {}): Record<string, string> {
  return wireParams(params);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Takes `{ "<command>response": {...} }` (or `errorresponse`) apart: returns the inner object or
 * throws the ApiError it describes.
 */
export function unwrapResponse(command: string, status: number, body: unknown): Record<string, unknown> {
  if (!isRecord(body)) {
    throw new ApiError(status >= 400 ? status : 530, 9999, `Unexpected response to ${command} (HTTP ${status})`);
  }
  const key = `${command.toLowerCase()}response`;
  let inner: unknown = body[key] ?? body['errorresponse'];
  if (inner === undefined) {
    const keys = Object.keys(body);
    const only = keys.length === 1 ? keys[0] : undefined;
    inner = only !== undefined && only.endsWith('response') ? body[only] : body;
  }
  if (!isRecord(inner)) inner = {};
  const record = inner as Record<string, unknown>;
  if (status >= 400 || record['errorcode'] !== undefined) {
    const errorcode = Number(record['errorcode'] ?? status) || status;
    const cserrorcode = Number(record['cserrorcode'] ?? 9999) || 9999;
    const errortext = typeof record['errortext'] === 'string' ? record['errortext'] : `HTTP ${status}`;
    throw new ApiError(errorcode, cserrorcode, errortext, errorMessageRef(record));
  }
  return record;
}

/** A CloudStack list answer: `{ count, <name>: [...] }`, or `{}` when nothing matched. */
export function parseList<T>(inner: Partial<Record<string, unknown>>, name: string): ListResult<T> {
  const raw = inner[name];
  const items = Array.isArray(raw) ? (raw as T[]) : [];
  const count = inner['count'] === undefined ? items.length : Number(inner['count']);
  return { count: Number.isFinite(count) ? count : items.length, items };
}

/** The session as the UI keeps it: login answers every field as text. */
function parseLogin(answer: ResponseOf<'login'>): LoginInfo {
  return {
    userid: answer.userid,
    username: answer.username,
    account: answer.account,
    domainid: answer.domainid,
    firstname: answer.firstname,
    lastname: answer.lastname,
    type: Number(answer.type),
    timeout: answer.timeout === undefined ? undefined : Number(answer.timeout),
  };
}

// ---------------------------------------------------------------------------------------------
// Transports

export interface HttpTransportOptions {
  /** Origin of the core, e.g. "http://127.0.0.1:8080"; empty means the page's own origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  WebSocket?: typeof WebSocket;
}

/** Browser mode: POST /client/api (form-encoded, response=json, sessionkey) and a WebSocket for live data. */
export class HttpTransport implements Transport {
  readonly kind = 'http' as const;
  readonly target: string;
  private sessionKey: string | null;
  private readonly fetchImpl: typeof fetch;
  private readonly storage: HttpTransportOptions['storage'];
  private readonly WebSocketImpl: typeof WebSocket | undefined;
  private readonly baseUrl: string;

  constructor(options: HttpTransportOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '').replace(/\/$/, '');
    this.fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.storage = options.storage === undefined ? safeSessionStorage() : options.storage;
    this.WebSocketImpl = options.WebSocket ?? globalThis.WebSocket;
    this.sessionKey = this.storage?.getItem(SESSION_KEY_STORAGE) ?? null;
    this.target = this.baseUrl || (typeof location === 'undefined' ? 'http://localhost' : location.origin);
  }

  get hasSession(): boolean {
    return this.sessionKey !== null;
  }

  private setSessionKey(key: string | null): void {
    this.sessionKey = key;
    if (key === null) this.storage?.removeItem(SESSION_KEY_STORAGE);
    else this.storage?.setItem(SESSION_KEY_STORAGE, key);
  }

  async send(command: string, params: Record<string, string>): Promise<RawResponse> {
    const form = new URLSearchParams({ ...params, command, response: 'json' });
    if (command !== 'login' && this.sessionKey) form.set('sessionkey', this.sessionKey);
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}/client/api`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: form.toString(),
        credentials: 'same-origin',
      });
    } catch (error) {
      throw new ApiError(
        0,
        9999,
        `Cannot reach ${this.target}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const text = await response.text();
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ApiError(response.status >= 400 ? response.status : 530, 9999, text.slice(0, 300));
      }
    }
    if (command === 'login' && response.ok && isRecord(body)) {
      const inner = body['loginresponse'];
      if (isRecord(inner) && typeof inner['sessionkey'] === 'string') this.setSessionKey(inner['sessionkey']);
    }
    if (command === 'logout' || response.status === 401) this.setSessionKey(null);
    return { status: response.status, body };
  }

  live(listener: LiveListener, onStatus: (status: LiveStatus) => void): () => void {
    const WS = this.WebSocketImpl;
    if (!WS || !this.sessionKey) {
      onStatus('closed');
      return () => {};
    }
    const origin = this.target.replace(/^http/, 'ws');
    let stopped = false;
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const connect = () => {
      if (stopped || !this.sessionKey) return;
      onStatus('connecting');
      socket = new WS(`${origin}/client/events?sessionkey=${encodeURIComponent(this.sessionKey)}`);
      socket.onopen = () => {
        attempt = 0;
        onStatus('open');
      };
      socket.onmessage = (message) => {
        try {
          const parsed = JSON.parse(String(message.data)) as LiveMessage;
          if (parsed && (parsed.kind === 'event' || parsed.kind === 'job' || parsed.kind === 'resource'))
            listener(parsed);
        } catch {
          // Not ours: ignore.
        }
      };
      socket.onclose = (event) => {
        socket = null;
        if (stopped) return;
        onStatus('closed');
        // 4401: the session ended; the next API call answers 401 and the UI signs out.
        if (event.code === 4401) return;
        attempt += 1;
        retry = setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)));
      };
    };
    connect();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      socket?.close();
      onStatus('closed');
    };
  }
}

/** Electron mode: the main process holds the session; requests and live data travel over the preload bridge. */
export class IpcTransport implements Transport {
  readonly kind = 'ipc' as const;
  readonly target = 'embedded';

  constructor(private readonly bridge: StackyardBridge) {}

  async send(command: string, params: Record<string, string>): Promise<RawResponse> {
    try {
      return await this.bridge.invoke(command, params);
    } catch (error) {
      throw new ApiError(530, 9999, error instanceof Error ? error.message : String(error));
    }
  }

  async session(): Promise<LoginInfo> {
    if (!this.bridge.session) throw new ApiError(401, 9999, 'The desktop shell did not provide a session');
    const info = await this.bridge.session();
    return {
      userid: info.userid,
      username: info.username,
      account: info.account,
      domainid: info.domainid,
      firstname: info.firstname,
      lastname: info.lastname,
      type: Number(info.type),
    };
  }

  live(listener: LiveListener, onStatus: (status: LiveStatus) => void): () => void {
    const off = this.bridge.on('live', listener);
    onStatus('open');
    return () => {
      off();
      onStatus('closed');
    };
  }
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * CloudStack's login takes the domain as a path below ROOT ("/" or "/Sales/East"); operators type
 * what the UI shows ("ROOT", "ROOT/Sales/East"). Both forms are accepted.
 */
export function toLoginDomain(domain: string): string {
  const trimmed = domain.trim().replace(/^\/+|\/+$/g, '');
  const path = trimmed.replace(/^ROOT(\/|$)/i, '');
  return path === '' ? '/' : `/${path}`;
}

// ---------------------------------------------------------------------------------------------
// The client

/** The one API client of the renderer. Features call it through React Query. */
export class ApiClient {
  private readonly unauthenticatedHandlers = new Set<() => void>();

  constructor(readonly transport: Transport) {}

  get mode(): 'ipc' | 'http' {
    return this.transport.kind;
  }

  /**
   * Runs a command with parameters checked against its declaration and returns the object under
   * `<command>response`: the declared response, or `{ jobid, id? }` for an async command.
   */
  async call<C extends CommandName>(command: C, ...params: ParamsArg<C>): Promise<Answer<C>> {
    const { status, body } = await this.transport.send(command, encodeParams(params[0]));
    try {
      return unwrapResponse(command, status, body) as Answer<C>;
    } catch (error) {
      if (error instanceof ApiError && error.isUnauthenticated && command !== 'login') {
        for (const handler of this.unauthenticatedHandlers) handler();
      }
      throw error;
    }
  }

  /** Runs a list command and takes its answer apart (`listHosts` gives `Host` items). */
  async list<C extends Exclude<ListCommandName, AsyncCommandName>>(
    command: C,
    ...params: ParamsArg<C>
  ): Promise<ListResult<ListItem<C>>> {
    const answer = (await this.call(command, ...params)) as Partial<Record<string, unknown>>;
    return parseList<ListItem<C>>(answer, responseNameOf(command));
  }

  /** Runs a command answering one entity (`updateZone` gives a `Zone`). */
  async object<C extends Exclude<ObjectCommandName, AsyncCommandName>>(
    command: C,
    ...params: ParamsArg<C>
  ): Promise<ObjectItem<C>> {
    const answer = (await this.call(command, ...params)) as Record<string, unknown>;
    return answer[responseNameOf(command)] as ObjectItem<C>;
  }

  /** Starts an async command: answers `{ jobid, id? }` at once. */
  async startAsync<C extends AsyncCommandName>(command: C, ...params: ParamsArg<C>): Promise<AsyncStart> {
    const answer = (await this.call(command, ...params)) as Partial<AsyncStart>;
    if (typeof answer.jobid !== 'string') throw new ApiError(530, 9999, `${command} did not return a job id`);
    return { jobid: answer.jobid, id: typeof answer.id === 'string' ? answer.id : undefined };
  }

  queryJob(jobid: string): Promise<ResponseOf<'queryAsyncJobResult'>> {
    return this.call('queryAsyncJobResult', { jobid });
  }

  async login(username: string, password: string, domain: string): Promise<LoginInfo> {
    return parseLogin(await this.call('login', { username, password, domain: toLoginDomain(domain) }));
  }

  async logout(): Promise<void> {
    try {
      await this.call('logout');
    } catch {
      // The session may already be gone; logging out locally is what matters.
    }
  }

  live(listener: LiveListener, onStatus: (status: LiveStatus) => void = () => {}): () => void {
    return this.transport.live(listener, onStatus);
  }

  /** The session the shell already holds (Electron), or null where the user must log in. */
  async existingSession(): Promise<LoginInfo | null> {
    return this.transport.session ? this.transport.session() : null;
  }

  /** Called when any command answers 401: the UI drops the session and shows the login page. */
  onUnauthenticated(handler: () => void): () => void {
    this.unauthenticatedHandlers.add(handler);
    return () => this.unauthenticatedHandlers.delete(handler);
  }
}

/** Chooses the transport at start-up: IPC inside Electron (window.stackyard), HTTP otherwise. */
export function createApiClient(win: Pick<Window, 'stackyard'> | undefined = globalThis.window): ApiClient {
  if (win?.stackyard) return new ApiClient(new IpcTransport(win.stackyard));
  return new ApiClient(new HttpTransport());
}
