/**
 * `npm run bench`: API dispatch overhead and login rate, then the infrastructure figures
 * (datacenter import, listHosts, listCapacity, diagram render), on SQLite (and PostgreSQL when
 * STACKYARD_TEST_PG_URL points at a server, as scripts/bench.sh arranges), then the first screen's
 * JavaScript, list scrolling and the dashboard during a 300-host import (bench/live-import.ts) in
 * Chromium, the load scenario (bench/load.ts) and a login flood (bench/login-flood.ts).
 * BENCH_ONLY=tenancy, infrastructure, sorting, hoststats, load, login or ui runs one part.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createCore, type Core } from '../core/src/core';
import type { Caller } from '../core/src/services/caller';
import { signRequest } from '../core/src/api/signature';
import { startServer } from '../core/src/server/cli';
import { database } from './databases';
import { benchFirstScreen } from './first-screen';
import { benchInfrastructure } from './infrastructure';
import { benchLoginFlood } from './login-flood';
import { ms, timeRuns } from './stats';
import { seedUsers, withFreshServer, BENCH_PASSWORD as PASSWORD } from './seed';
import { benchLoad } from './load';
import { benchLists } from './lists';
import { runLiveImportBench } from './live-import';
import { benchSortedLists } from './sorted-lists';
import { benchHostStats } from './host-stats';

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const PAGE_SIZE = 500;

/** Signed listUsers over HTTP end to end, and the login rate. */
async function benchHttp(core: Core, admin: Caller, kind: string, pages: number): Promise<void> {
  const server = await startServer({ core, host: '127.0.0.1', port: 0 });
  try {
    const keys = await core.api.execute('registerUserKeys', { id: admin.userUuid }, admin);
    const userkeys = (keys.body.registeruserkeysresponse as { userkeys: { apikey: string; secretkey: string } })
      .userkeys;
    const overHttp = await timeRuns(200, async (i) => {
      const params: Record<string, string> = {
        command: 'listUsers',
        listall: 'true',
        page: String((i % pages) + 1),
        pagesize: String(PAGE_SIZE),
        response: 'json',
        apikey: userkeys.apikey,
      };
      params.signature = signRequest(params, userkeys.secretkey);
      const res = await fetch(`${server.url}/client/api?${new URLSearchParams(params)}`);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await res.arrayBuffer();
    });
    console.log(
      `[${kind}] listUsers page ${PAGE_SIZE} of ${USERS}, signed HTTP request end to end: median ${ms(overHttp.median)}, p95 ${ms(overHttp.p95)}`,
    );

    const logins = 40;
    const loginStart = Date.now();
    let inFlight: Promise<void>[] = [];
    for (let i = 0; i < logins; i++) {
      inFlight.push(
        fetch(`${server.url}/client/api`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            command: 'login',
            username: `bench-${i}`,
            password: PASSWORD,
            response: 'json',
          }),
        }).then(async (r) => {
          if (r.status !== 200) throw new Error(`login HTTP ${r.status}: ${await r.text()}`);
        }),
      );
      if (inFlight.length === 4) {
        await Promise.all(inFlight);
        inFlight = [];
      }
    }
    await Promise.all(inFlight);
    const seconds = (Date.now() - loginStart) / 1000;
    console.log(
      `[${kind}] login rate over HTTP (scrypt N=2^15, 4 concurrent): ${(logins / seconds).toFixed(1)} logins/s`,
    );
  } finally {
    await server.close();
  }
}

async function benchDialect(kind: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-bench-'));
  const core = await createCore({
    database: await database(kind, dataDir),
    dataDir,
    adminPassword: PASSWORD,
    secretKey: crypto.randomBytes(32),
    runMonitors: false,
  });
  try {
    const seedStart = Date.now();
    await seedUsers(core, USERS);
    console.log(`\n[${kind}] seeded ${USERS} users in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    // After a bulk load PostgreSQL plans from empty statistics until autovacuum's ANALYZE runs
    // (within a minute on a live server); measure the steady state, as an operator would see it.
    if (kind === 'postgres') await sql`ANALYZE`.execute(core.store.db);
    const admin = await core.auth.callerForUser(
      (await core.store.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow())
        .id,
      'session',
    );
    if (!admin) throw new Error('no admin');
    const pages = Math.ceil((USERS + 2) / PAGE_SIZE);

    const first = await core.api.execute(
      'listUsers',
      { listall: 'true', page: '1', pagesize: String(PAGE_SIZE) },
      admin,
    );
    if (first.status !== 200) throw new Error(`listUsers failed: ${JSON.stringify(first.body)}`);

    const inProcess = await timeRuns(200, (i) =>
      core.api.execute(
        'listUsers',
        { listall: 'true', page: String((i % pages) + 1), pagesize: String(PAGE_SIZE) },
        admin,
      ),
    );
    console.log(
      `[${kind}] listUsers page ${PAGE_SIZE} of ${USERS}, in-process dispatch: median ${ms(inProcess.median)}, p95 ${ms(inProcess.p95)} (target p95 < 50 ms)`,
    );

    const search = await timeRuns(100, (i) =>
      core.api.execute('searchResources', { query: `bench-${(i * 997) % USERS}` }, admin),
    );
    console.log(
      `[${kind}] searchResources (Ctrl+K) for a username among ${USERS} users: median ${ms(search.median)}, p95 ${ms(search.p95)}`,
    );

    await benchHttp(core, admin, kind, pages);
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`Stackyard benchmarks on ${os.cpus().length} cores, node ${process.version}`);
const only = process.env.BENCH_DIALECT;
const part = process.env.BENCH_ONLY;
const kinds: ('sqlite' | 'postgres')[] = [];
if (!only || only === 'sqlite') kinds.push('sqlite');
if (process.env.STACKYARD_TEST_PG_URL && (!only || only === 'postgres')) kinds.push('postgres');
else console.log('\n(PostgreSQL skipped: run through `npm run bench`, which starts one)');
for (const kind of kinds) {
  if (!part || part === 'tenancy') await benchDialect(kind);
  if (!part || part === 'infrastructure') await benchInfrastructure(kind);
  if (!part || part === 'sorting') await benchSortedLists(kind);
  if (!part || part === 'hoststats') await benchHostStats(kind);
  if (!part || part === 'load') await benchLoad(kind);
  if (!part || part === 'login') await benchLoginFlood(kind);
}
if ((!part || part === 'ui') && process.env.BENCH_SKIP_BROWSER !== '1') {
  await benchUi();
  await benchLists();
  await runLiveImportBench();
}

/** The first screen's JavaScript, in Chromium, against a fresh server with the built UI. */
async function benchUi(): Promise<void> {
  await withFreshServer('stackyard-bench-ui-', async (url) => {
    const r = await benchFirstScreen({ baseUrl: url, adminPassword: PASSWORD });
    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    console.log(
      `[ui] login screen JavaScript: ${r.login.files} files, ${kB(r.login.rawBytes)} raw, ${kB(r.login.gzipBytes)} gzipped`,
    );
    console.log(
      `[ui] first screen after login (dashboard) JavaScript: ${r.landing.files} files, ${kB(r.landing.rawBytes)} raw, ${kB(r.landing.gzipBytes)} gzipped (target < 350 kB gzipped)`,
    );
    console.log(
      `[ui] other pages prefetched in idle time after it: ${r.prefetched.files} files, ${kB(r.prefetched.gzipBytes)} gzipped`,
    );
  });
}
