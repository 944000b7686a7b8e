/** Wire shapes of the CloudStack API as the renderer reads them (response=json). */

export type ParamValue = string | number | boolean | undefined | null | readonly (string | number)[];
export type ApiParams = Record<string, ParamValue>;

/** What a transport hands back: the HTTP status (or its IPC equivalent) and the parsed JSON body. */
export interface RawResponse {
  status: number;
  body: unknown;
}

/** A list result: CloudStack answers an empty list with `{}` (no count), which becomes count 0. */
export interface ListResult<T> {
  count: number;
  items: T[];
}

/** The answer of every async command: the job and, for creating commands, the new resource. */
export interface AsyncStart {
  jobid: string;
  id?: string;
}

/** queryAsyncJobResult fields, also what the live stream sends for `{kind:'job'}`. */
export interface AsyncJob {
  jobid: string;
  /** 0 running, 1 succeeded, 2 failed */
  jobstatus: number;
  /** Percent done (0-100). */
  jobprocstatus?: number;
  jobprogresstext?: string;
  jobresultcode?: number;
  jobresulttype?: string;
  jobresult?: Record<string, unknown> & { errorcode?: number; cserrorcode?: number; errortext?: string };
  cmd?: string;
  jobinstancetype?: string;
  jobinstanceid?: string;
  created?: string;
  completed?: string;
  userid?: string;
  accountid?: string;
}

/** listEvents entries. */
export interface CloudEvent {
  id: string;
  type: string;
  level: string;
  state?: string;
  description: string;
  username?: string;
  account?: string;
  domainid?: string;
  domain?: string;
  created: string;
  parentid?: string;
  resourcetype?: string;
  resourceid?: string;
  archived?: boolean;
}

/** Messages of the live stream (WebSocket in a browser, `window.stackyard.on('live')` in Electron). */
export type LiveMessage =
  | { kind: 'event'; event: CloudEvent }
  | { kind: 'job'; job: AsyncJob }
  /** A state or usage change without a CloudStack event (host heartbeats, pool usage, alerts). */
  | { kind: 'resource'; resource: { type: string; ids: string[]; change: string } };

/** The login response, with CloudStack's string-typed fields normalised. */
export interface LoginInfo {
  userid: string;
  username: string;
  account: string;
  domainid: string;
  firstname?: string;
  lastname?: string;
  /** Account type: 0 user, 1 root admin, 2 domain admin, 3 resource admin. */
  type: number;
  timeout?: number;
}

/** The local operator the desktop app signed in by itself (electron/ipc-channels.ts OperatorInfo). */
export interface OperatorInfo {
  userid: string;
  username: string;
  account: string;
  domainid: string;
  type: number;
  firstname?: string;
  lastname?: string;
}

/** Electron's preload bridge (electron/ipc-channels.ts StackyardBridge, as the renderer uses it). */
export interface StackyardBridge {
  invoke(command: string, params?: Record<string, string | string[] | undefined>): Promise<RawResponse>;
  on(channel: 'live', listener: (message: LiveMessage) => void): () => void;
  platform: string;
  /** Who the renderer acts as: the main process holds the session. */
  session?(): Promise<OperatorInfo>;
}

declare global {
  interface Window {
    stackyard?: StackyardBridge;
  }
}
