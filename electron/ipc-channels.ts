/**
 * The IPC contract between the main process and the preload, and the shape of `window.stackyard`
 * that the renderer sees. Types only plus the channel-name constants: the preload bundles this
 * file, so it imports nothing at run time (types from the core's contract module only).
 */
import type { LiveMessage } from '../core/src/contract/live';

/** Request parameters as the CloudStack API takes them: names to string values. */
export type ApiParams = Record<string, string | string[] | undefined>;

/** What `api:invoke` answers: the HTTP status the command would have had and its CloudStack body. */
export interface ApiReply {
  /** 200, or the CloudStack errorcode (401, 431, 432, 530 ...). */
  status: number;
  /** `{ "<command>response": {...} }`, exactly as `/client/api?response=json` returns it. */
  body: Record<string, unknown>;
}

export interface PlatformInfo {
  /** process.platform of the main process. */
  os: string;
  arch: string;
  appVersion: string;
  electron: string;
  chrome: string;
  node: string;
  /** Always 'ipc' here; the browser build uses 'http'. */
  transport: 'ipc';
}

/** The signed-in local operator, as `login` would describe them, minus any session key. */
export interface OperatorInfo {
  userid: string;
  username: string;
  account: string;
  accountid: string;
  domainid: string;
  domain: string;
  roletype: string;
  /** CloudStack account type (1 = admin, 2 = domain admin, 0 = user ...). */
  type: number;
}

/** A live-stream message as the renderer receives it (core/src/contract/live.ts). */
export type LiveEvent = LiveMessage;

export const IpcChannel = {
  API_INVOKE: 'api:invoke',
  APP_PLATFORM: 'app:platform',
  APP_SESSION: 'app:session',
} as const;

export const IpcEvent = {
  LIVE: 'live',
} as const;

/**
 * Renderer -> main invoke channels. Each value is the signature the renderer calls; main's handler
 * receives the same arguments (after validation) and its result travels in an {@link IpcEnvelope}.
 */
export interface IpcInvokeChannelMap {
  [IpcChannel.API_INVOKE]: (command: string, params: ApiParams) => Promise<ApiReply>;
  [IpcChannel.APP_PLATFORM]: () => Promise<PlatformInfo>;
  [IpcChannel.APP_SESSION]: () => Promise<OperatorInfo>;
}

/** Main -> renderer event channels and their payload. */
export interface IpcEventChannelMap {
  [IpcEvent.LIVE]: LiveEvent;
}

export type IpcInvokeChannel = keyof IpcInvokeChannelMap;
export type IpcEventName = keyof IpcEventChannelMap;
export type IpcArgs<C extends IpcInvokeChannel> = Parameters<IpcInvokeChannelMap[C]>;
export type IpcResult<C extends IpcInvokeChannel> = Awaited<ReturnType<IpcInvokeChannelMap[C]>>;

/** Errors cannot cross IPC intact (Electron flattens them), so handlers answer envelopes. */
export interface IpcError {
  message: string;
  /** A Stackyard error code, `IPC.REASON`. */
  code: string;
}
export type IpcEnvelope<T> = { result: T } | { error: IpcError };

/** The allowlists the preload enforces; main registers exactly these invoke channels. */
export const INVOKE_CHANNELS: readonly IpcInvokeChannel[] = Object.values(IpcChannel);
export const EVENT_CHANNELS: readonly IpcEventName[] = Object.values(IpcEvent);

export function isInvokeChannel(value: unknown): value is IpcInvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is IpcEventName {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}

/**
 * `window.stackyard`, exposed by the preload through contextBridge. The renderer's API client
 * uses it as its IPC transport (the browser build uses HTTP + WebSocket instead).
 */
export interface StackyardBridge {
  /** Runs a CloudStack API command as the local operator. */
  invoke(command: string, params?: ApiParams): Promise<ApiReply>;
  /** Subscribes to a main -> renderer stream; returns the unsubscribe function. */
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventChannelMap[E]) => void): () => void;
  /** process.platform, known synchronously so the renderer can pick key bindings at start-up. */
  platform: string;
  /** Versions and platform details. */
  info(): Promise<PlatformInfo>;
  /** Who the renderer acts as (the desktop app signs the local operator in by itself). */
  session(): Promise<OperatorInfo>;
}
