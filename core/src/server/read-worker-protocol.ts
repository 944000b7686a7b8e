import type { RequestOrigin } from '../api/command';
import type { RawParams } from '../api/request-params';
import type { DatabaseConfig } from '../db/connect';
import type { Caller } from '../services/caller';

/** What the read worker needs to open its own view of the server's database. */
export interface ReadWorkerSetup {
  database: DatabaseConfig;
  /** The cluster's key as the server was given it; else the key file below. */
  secretKey?: Buffer;
  secretKeyFile: string;
  serverId: string;
}

/** An authenticated read-only command for the worker to run and serialize. */
export interface ReadRequest {
  kind: 'execute';
  id: number;
  command: string;
  raw: RawParams;
  caller: Caller;
  origin: RequestOrigin;
  json: boolean;
}

export type ToReadWorker = ReadRequest | { kind: 'refresh-settings'; id: number } | { kind: 'close'; id: number };

export type FromReadWorker =
  | { kind: 'ready' }
  | { kind: 'failed'; error: string }
  | { kind: 'answer'; id: number; status: number; bytes: Uint8Array }
  | { kind: 'done'; id: number }
  | { kind: 'error'; id: number; error: string };
