import type { IncomingMessage } from 'node:http';
import { FairQueue } from './fair-queue';

/**
 * Requests handled at once, and how long one may wait (on a hypervisor, on scrypt for a login, on
 * the database) before the next may start. On SQLite every query runs on the event loop's thread,
 * so running more at once only interleaves them (each waits for all): one at a time, and a request
 * that waits on anything else gives its turn up quickly. PostgreSQL works in its own processes, so
 * requests waiting for it leave the thread to others (its pool holds 10 connections).
 */
const ADMISSION = {
  sqlite: { concurrency: 1, maxHoldMs: 20 },
  postgres: { concurrency: 16, maxHoldMs: 100 },
} as const;

/** The fair queue API requests go through, sized for the database. */
export function apiAdmission(dialect: keyof typeof ADMISSION): FairQueue {
  return new FairQueue(ADMISSION[dialect]);
}

/**
 * Authenticated reads run at once, and how many of them go to the read worker: two in flight keep
 * it busy on SQLite (the next waits in its message queue while one is answered); the others run
 * on the main thread meanwhile, so both cores serve lists (four at once on SQLite measured best in
 * bench/load.ts). On PostgreSQL reads mostly wait on the database or are answered from memory
 * (db/snapshot-reads.ts), and 24 at once with 14 in the worker measured best: the main thread
 * also admits and authenticates every request.
 */
const READ_ADMISSION = {
  sqlite: { concurrency: 4, inWorker: 2 },
  postgres: { concurrency: 24, inWorker: 14 },
} as const;

export interface ReadAdmission {
  queue: FairQueue;
  /** Reads the worker is given at once; the others run on the main thread. */
  inWorker: number;
}

/** The fair queue of authenticated read-only commands, sized for the database. */
export function readAdmission(dialect: keyof typeof READ_ADMISSION): ReadAdmission {
  const { concurrency, inWorker } = READ_ADMISSION[dialect];
  return { queue: new FairQueue({ concurrency }), inWorker };
}

/**
 * Whose turn a request takes: its API key or session key when the query string names one (a form
 * POST's body is not read yet), else the address it came from.
 */
export function apiClientKey(req: IncomingMessage, url: URL): string {
  for (const [name, value] of url.searchParams) {
    const lower = name.toLowerCase();
    if (lower === 'apikey') return `key:${value}`;
    if (lower === 'sessionkey') return `session:${value}`;
  }
  return `address:${req.socket.remoteAddress ?? ''}`;
}
