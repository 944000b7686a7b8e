import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createCore, type Core, type CoreOptions } from '../src/core';
import type { DatabaseConfig } from '../src/db/connect';
import type { Caller } from '../src/services/caller';

export type Dialect = 'sqlite' | 'postgres';

export const ADMIN_PASSWORD = 'Adm1n-test-password';

/**
 * The dialects the suite runs on: SQLite always, PostgreSQL when scripts/test.sh has started a
 * server and exported STACKYARD_TEST_PG_URL (an admin URL to a maintenance database).
 */
export function dialects(): Dialect[] {
  return process.env.STACKYARD_TEST_PG_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** A fresh, empty database of the dialect: a temp SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(
  dialect: Dialect,
): Promise<{ config: DatabaseConfig; dataDir: string; drop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-test-'));
  if (dialect === 'sqlite') {
    return {
      config: { kind: 'sqlite', file: path.join(dataDir, 'stackyard.db') },
      dataDir,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.STACKYARD_TEST_PG_URL as string;
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind: 'postgres', url: url.toString() },
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestCore {
  core: Core;
  dialect: Dialect;
  /** The bootstrap admin as a caller. */
  admin: Caller;
  /** Calls a command in-process as the given caller (or the admin); returns status and body. */
  call(
    command: string,
    params?: Record<string, string>,
    caller?: Caller | null,
  ): Promise<{ status: number; body: Record<string, unknown>; data: Record<string, any> }>;
  /** Waits until the async job finishes and returns queryAsyncJobResult's body. */
  waitForJob(jobId: string, caller?: Caller): Promise<Record<string, any>>;
  /**
   * Calls a command and, when it answers with a job, waits for the job: the status is then the
   * job's (200, or its errorcode), data its result and body the finished job.
   */
  settle(
    command: string,
    params?: Record<string, string>,
    caller?: Caller,
  ): Promise<{ status: number; body: Record<string, unknown>; data: Record<string, any> }>;
  callerFor(username: string, domainId?: number): Promise<Caller>;
  close(): Promise<void>;
}

export async function startTestCore(dialect: Dialect, options: Partial<CoreOptions> = {}): Promise<TestCore> {
  const database = await freshDatabase(dialect);
  const core = await createCore({
    database: database.config,
    dataDir: database.dataDir,
    adminPassword: ADMIN_PASSWORD,
    secretKey: crypto.randomBytes(32),
    // Tests drive heartbeats and capacity sampling by hand (core.hostMonitor.tick(), capacityMonitor.sample()).
    runMonitors: false,
    ...options,
  });
  const tc: TestCore = {
    core,
    dialect,
    admin: undefined as unknown as Caller,
    async call(command, params = {}, caller = tc.admin) {
      const r = await core.api.execute(command, params, caller);
      const data = (r.body[`${command.toLowerCase()}response`] ?? r.body.errorresponse ?? {}) as Record<string, any>;
      return { status: r.status, body: r.body, data };
    },
    async settle(command, params = {}, caller = tc.admin) {
      const r = await tc.call(command, params, caller);
      if (r.status !== 200 || typeof r.data.jobid !== 'string') return r;
      const job = await tc.waitForJob(r.data.jobid, caller);
      const status = job.jobstatus === 1 ? 200 : Number(job.jobresult?.errorcode);
      return { status, body: job, data: job.jobresult };
    },
    async waitForJob(jobId, caller = tc.admin) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const r = await tc.call('queryAsyncJobResult', { jobid: jobId }, caller);
        if (r.status !== 200) throw new Error(`queryAsyncJobResult failed: ${JSON.stringify(r.body)}`);
        if (r.data.jobstatus !== 0) return r.data;
        if (Date.now() > deadline) throw new Error(`job ${jobId} did not finish`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
    async callerFor(username, domainId) {
      let q = core.store.db
        .selectFrom('users')
        .innerJoin('accounts', 'accounts.id', 'users.account_id')
        .select('users.id')
        .where('users.username', '=', username)
        .where('users.removed', 'is', null);
      if (domainId !== undefined) q = q.where('accounts.domain_id', '=', domainId);
      const row = await q.executeTakeFirstOrThrow();
      const caller = await core.auth.callerForUser(row.id, 'session');
      if (!caller) throw new Error(`no caller for ${username}`);
      return caller;
    },
    async close() {
      await core.close();
      await database.drop();
    },
  };
  tc.admin = await tc.callerFor('admin');
  return tc;
}
