/**
 * What the renderer's transports and session carry. Command parameters and responses are typed
 * from the core's declarations (lib/contract.ts); nothing here restates a command's response.
 */
import type { LiveMessage } from './contract';

export type { LiveMessage };

/** What a transport hands back: the HTTP status (or its IPC equivalent) and the parsed JSON body. */
export interface RawResponse {
  status: number;
  body: unknown;
}

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
