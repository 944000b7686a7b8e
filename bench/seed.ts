/** Seeding shared by the benchmarks: bulk users, Marvin-imported Simulator hosts, bulk events. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../core/src/core';
import { startServer } from '../core/src/server/cli';
import type { Caller } from '../core/src/services/caller';
import { generateAdvancedConfig } from '../core/test/fixtures/marvin/generate';
import { database } from './databases';

export const BENCH_PASSWORD = 'bench-password-1';
const PASSWORD = BENCH_PASSWORD;
const HOSTS_PER_CLUSTER = 20;

/**
 * A fresh database with a core over it to seed a server child's data, and the key that child
 * needs. serverName: not the name the child takes (servers share a database under distinct names).
 */
export async function seedingCore(kind: 'sqlite' | 'postgres', dataDir: string, serverName: string) {
  const config = await database(kind, dataDir);
  const secret = crypto.randomBytes(32);
  const core = await createCore({
    database: config,
    dataDir,
    adminPassword: BENCH_PASSWORD,
    secretKey: secret,
    runMonitors: false,
    serverName,
  });
  return { core, config, secret };
}

/** Bulk-inserts accounts with one user each; every user shares one precomputed password hash. */
export async function seedUsers(core: Core, count: number): Promise<void> {
  const db = core.store.db;
  const root = await db.selectFrom('domains').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const role = await db.selectFrom('roles').select('id').where('type', '=', 'User').executeTakeFirstOrThrow();
  const hash = await core.auth.hashPassword(PASSWORD);
  const now = new Date().toISOString();
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    await db.transaction().execute(async (trx) => {
      const n = Math.min(batch, count - start);
      const accounts = await trx
        .insertInto('accounts')
        .values(
          Array.from({ length: n }, (_, i) => ({
            uuid: crypto.randomUUID(),
            name: `bench-${start + i}`,
            domain_id: root.id,
            type: 0,
            role_id: role.id,
            state: 'enabled',
            network_domain: null,
            is_default: 0,
            created: now,
            removed: null,
          })),
        )
        .returning('id')
        .execute();
      await trx
        .insertInto('users')
        .values(
          accounts.map((a, i) => ({
            uuid: crypto.randomUUID(),
            account_id: a.id,
            username: `bench-${start + i}`,
            password_hash: hash,
            firstname: 'Bench',
            lastname: `User ${start + i}`,
            email: `bench-${start + i}@example.test`,
            timezone: null,
            state: 'enabled',
            api_key: null,
            secret_key: null,
            is_default: 0,
            incorrect_login_attempts: 0,
            created: now,
            removed: null,
          })),
        )
        .execute();
    });
  }
}

export async function adminOf(core: Core): Promise<Caller> {
  const row = await core.store.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const caller = await core.auth.callerForUser(row.id, 'session');
  if (!caller) throw new Error('no admin');
  return caller;
}

export async function call(core: Core, admin: Caller, command: string, params: Record<string, string>) {
  const r = await core.api.execute(command, params, admin);
  if (r.status !== 200) throw new Error(`${command} failed: ${JSON.stringify(r.body)}`);
  return r.body[`${command.toLowerCase()}response`] as Record<string, any>;
}

/** Imports a generated Marvin description with `hosts` Simulator hosts; returns seconds. */
export async function importHosts(core: Core, admin: Caller, hosts: number, zoneName: string): Promise<number> {
  const generated = generateAdvancedConfig({
    clusters: hosts / HOSTS_PER_CLUSTER,
    hostsPerCluster: HOSTS_PER_CLUSTER,
    poolsPerCluster: 1,
    zoneName,
  });
  // Both benchmark zones live in one cloud: give each its own secondary storage export.
  const zone = generated.zones[0] as { secondaryStorages: { url: string }[] };
  zone.secondaryStorages = zone.secondaryStorages.map((s) => ({ ...s, url: `${s.url}-${zoneName}` }));
  const config = JSON.stringify(generated);
  const start = Date.now();
  const { jobid } = await call(core, admin, 'importDataCenter', { config });
  let lastText = '';
  for (;;) {
    const job = await call(core, admin, 'queryAsyncJobResult', { jobid });
    if (job.jobstatus === 1) break;
    if (job.jobstatus === 2) throw new Error(`import failed: ${JSON.stringify(job.jobresult)}`);
    const text = `${job.jobprocstatus ?? ''}`;
    if (process.env.BENCH_VERBOSE && text !== lastText) console.log(`  ${text}`);
    lastText = text;
    await new Promise((r) => setTimeout(r, 250));
  }
  return (Date.now() - start) / 1000;
}

/** Bulk-inserts events owned by the admin, spread over a day, as the event log of a busy cloud. */
export async function seedEvents(core: Core, admin: Caller, count: number): Promise<void> {
  const db = core.store.db;
  const start = Date.now() - 24 * 3600 * 1000;
  const types = ['USER.LOGIN', 'HOST.UPDATE', 'ACCOUNT.CREATE', 'ZONE.UPDATE', 'CLUSTER.CREATE'];
  const batch = 1000;
  for (let first = 0; first < count; first += batch) {
    const n = Math.min(batch, count - first);
    await db
      .insertInto('events')
      .values(
        Array.from({ length: n }, (_, k) => {
          const i = first + k;
          return {
            uuid: crypto.randomUUID(),
            type: types[i % types.length] as string,
            level: i % 17 === 0 ? 'ERROR' : 'INFO',
            state: 'Completed',
            description: `bench event ${i}: something happened to a resource of the cloud`,
            user_id: admin.userId,
            account_id: admin.accountId,
            domain_id: admin.domainId,
            resource_type: 'Host',
            resource_id: crypto.randomUUID(),
            parent_id: null,
            archived: 0,
            created: new Date(start + Math.floor((i * 24 * 3600 * 1000) / count)).toISOString(),
          };
        }),
      )
      .execute();
  }
}

export interface ApiClientKeys {
  apikey: string;
  secretkey: string;
}

/** Root-admin accounts with registered API keys, one per load client (as separate API users are). */
export async function seedApiClients(core: Core, admin: Caller, count: number): Promise<ApiClientKeys[]> {
  const keys: ApiClientKeys[] = [];
  for (let i = 0; i < count; i++) {
    const account = await call(core, admin, 'createAccount', {
      username: `load-${i}`,
      password: PASSWORD,
      firstname: 'Load',
      lastname: `Client ${i}`,
      email: `load-${i}@example.test`,
      accounttype: '1',
    });
    const userId = (account.account as { user: { id: string }[] }).user[0]!.id;
    const registered = await call(core, admin, 'registerUserKeys', { id: userId });
    keys.push(registered.userkeys as ApiClientKeys);
  }
  return keys;
}

/** A fresh server with the built UI on 127.0.0.1 over an empty data directory, for `use`; both go after. */
export async function withFreshServer<T>(prefix: string, use: (url: string) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    adminPassword: PASSWORD,
    secretKey: crypto.randomBytes(32),
  });
  try {
    return await use(server.url);
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
