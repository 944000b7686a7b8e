/**
 * A login flood (issue 8, finding 3): 32 clients, each from its own loopback address
 * (127.0.0.2-33), send wrong passwords for the admin as fast as they get answers, while an
 * operator logs in from 127.0.0.1. Prints the operator's login latency alone and during the
 * flood, and how the flood was answered (401 checked, 429 throttled). The server runs in its own
 * process (bench/load-server.ts), as in the load scenario.
 *
 * Environment: BENCH_FLOOD_CLIENTS (32), BENCH_FLOOD_SECONDS (15).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerMessage } from './load-server';
import { adminOf, BENCH_PASSWORD, call, seedingCore } from './seed';
import { ms, percentile } from './stats';

const CLIENTS = Number(process.env.BENCH_FLOOD_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_FLOOD_SECONDS ?? 15);
const OPERATOR = 'bench-operator';

interface Answer {
  status: number;
  ms: number;
}

/** One login POST from `localAddress`; resolves with the status and latency. */
function login(url: string, username: string, password: string, localAddress: string): Promise<Answer> {
  const body = new URLSearchParams({ command: 'login', username, password, response: 'json' }).toString();
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/client/api`,
      {
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - start) / 1e6 }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The operator's logins, one after another, for `seconds` (at least `minimum` of them). */
async function operatorLogins(url: string, seconds: number, minimum: number): Promise<number[]> {
  const times: number[] = [];
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until || times.length < minimum) {
    const answer = await login(url, OPERATOR, BENCH_PASSWORD, '127.0.0.1');
    if (answer.status !== 200) throw new Error(`the operator's login answered ${answer.status}`);
    times.push(answer.ms);
  }
  return times.sort((a, b) => a - b);
}

const summary = (times: number[]) =>
  `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times[times.length - 1] ?? 0)} (${times.length} logins)`;

async function seed(kind: 'sqlite' | 'postgres', dataDir: string) {
  const { core, config, secret } = await seedingCore(kind, dataDir, 'bench-flood-seed');
  try {
    const admin = await adminOf(core);
    const domains = await call(core, admin, 'listDomains', { name: 'ROOT' });
    const rootId = (domains.domain as { id: string }[])[0]?.id as string;
    await call(core, admin, 'createAccount', {
      username: OPERATOR,
      password: BENCH_PASSWORD,
      firstname: 'Bench',
      lastname: 'Operator',
      email: 'operator@example.com',
      accounttype: '1',
      domainid: rootId,
    });
  } finally {
    await core.close();
  }
  return { config, secret };
}

export async function benchLoginFlood(kind: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-bench-flood-'));
  const { config, secret } = await seed(kind, dataDir);
  const child = fork(fileURLToPath(new URL('./load-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      BENCH_LOAD_DATA_DIR: dataDir,
      BENCH_LOAD_DB: JSON.stringify(config),
      BENCH_LOAD_SECRET: secret.toString('hex'),
    },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.on('message', (m: ServerMessage) => m.kind === 'ready' && resolve(m.url));
      child.once('exit', (code) => reject(new Error(`server child exited (${code})`)));
    });
    const alone = await operatorLogins(url, 3, 10);
    const counts = new Map<number, number>();
    let flooding = true;
    const flood = Array.from({ length: CLIENTS }, async (_, i) => {
      while (flooding) {
        const answer = await login(url, 'admin', `wrong-${i}`, `127.0.0.${i + 2}`);
        counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
      }
    });
    const during = await operatorLogins(url, SECONDS, 10);
    flooding = false;
    await Promise.all(flood);
    const after = await operatorLogins(url, 3, 10);
    const floodTotal = [...counts.values()].reduce((a, b) => a + b, 0);
    const answered = [...counts].map(([status, n]) => `${n} x ${status}`).join(', ');
    console.log(`[${kind}] operator login alone: ${summary(alone)}`);
    console.log(
      `[${kind}] operator login during a flood of ${CLIENTS} clients (${(floodTotal / SECONDS).toFixed(0)} wrong logins/s: ${answered}): ${summary(during)}`,
    );
    console.log(`[${kind}] operator login after the flood: ${summary(after)}`);
  } finally {
    child.send('stop');
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
