/**
 * The load scenario (issue 8, finding 9): many clients listing hosts, users and events over
 * signed HTTP against a real server in its own process, on the same data as the other
 * benchmarks (10k users, 1k + 10k imported Simulator hosts) plus a busy event log. Prints
 * requests/s, p50, p95, p99 and max per page size, the server's CPU and memory, and a single
 * client's latency. Uses only what `serve` offers, so it measures any version of the core.
 *
 * Environment: BENCH_LOAD_CLIENTS (50), BENCH_LOAD_SECONDS (30), BENCH_LOAD_PAGE_SIZES ("500,20"),
 * BENCH_EVENTS (50000), BENCH_USERS, BENCH_HOSTS_SMALL, BENCH_HOSTS (as the other benchmarks),
 * BENCH_LOAD_STATE=FILE (keep the seeded data and reuse it on the next run: before/after on the
 * same data), BENCH_LOAD_CPU_PROF=DIR (the server writes a V8 CPU profile there).
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { signRequest } from '../core/src/api/signature';
import type { DatabaseConfig } from '../core/src/db/connect';
import type { ServerMessage } from './load-server';
import {
  adminOf,
  call,
  importHosts,
  seedApiClients,
  seedEvents,
  seedingCore,
  seedUsers,
  type ApiClientKeys,
} from './seed';
import { ms, percentile } from './stats';

const CLIENTS = Number(process.env.BENCH_LOAD_CLIENTS ?? 50);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const PAGE_SIZES = (process.env.BENCH_LOAD_PAGE_SIZES ?? '500,20').split(',').map(Number);
const DEFAULT_PAGE_SIZE = 500;
/** Requests slower than this are counted by the second they ended in (stalls show as clusters). */
const SLOW_MS = 250;

/** "3: 41, 17: 50" (second of the run: slow requests that ended in it), the busiest ten. */
function slowSeconds(seconds: number[]): string {
  const counts = new Map<number, number>();
  for (const s of seconds) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .sort((a, b) => a[0] - b[0])
    .map(([s, n]) => `${s}: ${n}`)
    .join(', ');
}
const COMMANDS = ['listHosts', 'listUsers', 'listEvents'] as const;
type ListCommand = (typeof COMMANDS)[number];

/** What the server child needs to serve the seeded data, and what the clients need to call it. */
interface LoadState {
  kind: 'sqlite' | 'postgres';
  dataDir: string;
  database: DatabaseConfig;
  secretHex: string;
  keys: ApiClientKeys[];
  totals: Record<ListCommand, number>;
}

async function seed(kind: 'sqlite' | 'postgres'): Promise<LoadState> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-bench-load-'));
  const { core, config, secret } = await seedingCore(kind, dataDir, 'bench-load-seed');
  try {
    const started = Date.now();
    const admin = await adminOf(core);
    await seedUsers(core, Number(process.env.BENCH_USERS ?? 10_000));
    await importHosts(core, admin, Number(process.env.BENCH_HOSTS_SMALL ?? 1_000), 'bench-1k');
    await importHosts(core, admin, Number(process.env.BENCH_HOSTS ?? 10_000), 'bench-10k');
    await seedEvents(core, admin, Number(process.env.BENCH_EVENTS ?? 50_000));
    const keys = await seedApiClients(core, admin, CLIENTS);
    if (kind === 'postgres') await sql`ANALYZE`.execute(core.store.db);
    const totals = {} as Record<ListCommand, number>;
    for (const command of COMMANDS) {
      totals[command] = Number((await call(core, admin, command, { listall: 'true', pagesize: '1' })).count);
    }
    console.log(
      `\n[${kind}] load data: ${totals.listUsers} users, ${totals.listHosts} hosts, ${totals.listEvents} events, ${keys.length} API clients (seeded in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    return { kind, dataDir, database: config, secretHex: secret.toString('hex'), keys, totals };
  } finally {
    await core.close();
  }
}

/** Seeded data for this dialect: from BENCH_LOAD_STATE when it holds some, else seeded now. */
async function loadState(kind: 'sqlite' | 'postgres'): Promise<LoadState> {
  const file = process.env.BENCH_LOAD_STATE ? `${process.env.BENCH_LOAD_STATE}.${kind}.json` : undefined;
  if (file && fs.existsSync(file)) {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as LoadState;
    if (state.keys.length >= CLIENTS) {
      console.log(
        `\n[${kind}] load data from ${file}: ${state.totals.listUsers} users, ${state.totals.listHosts} hosts, ${state.totals.listEvents} events`,
      );
      return state;
    }
  }
  const state = await seed(kind);
  if (file) fs.writeFileSync(file, JSON.stringify(state));
  return state;
}

interface ServerChild {
  child: ChildProcess;
  url: string;
  usage(): Promise<Extract<ServerMessage, { kind: 'usage' }>>;
  stop(): Promise<void>;
}

async function startServerChild(state: LoadState): Promise<ServerChild> {
  const profDir = process.env.BENCH_LOAD_CPU_PROF;
  const child = fork(fileURLToPath(new URL('./load-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [])],
    env: {
      ...process.env,
      BENCH_LOAD_DATA_DIR: state.dataDir,
      BENCH_LOAD_DB: JSON.stringify(state.database),
      BENCH_LOAD_SECRET: state.secretHex,
    },
  });
  const next = <K extends ServerMessage['kind']>(kind: K) =>
    new Promise<Extract<ServerMessage, { kind: K }>>((resolve, reject) => {
      const onMessage = (m: ServerMessage) => {
        if (m.kind !== kind) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<ServerMessage, { kind: K }>);
      };
      const onExit = (code: number | null) => reject(new Error(`server child exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const { url } = await next('ready');
  return {
    child,
    url,
    usage() {
      const reply = next('usage');
      child.send('usage');
      return reply;
    },
    stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send('stop');
      return exited;
    },
  };
}

/** Seconds of CPU (user + system) a process used so far, from /proc (no help from its event loop). */
function cpuSeconds(pid: number, withReapedChildren = false): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux);
  // cutime and cstime (16 and 17) hold what its children used once they ended and were reaped.
  const own = Number(fields[11]) + Number(fields[12]);
  return (withReapedChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
}

/**
 * Seconds of CPU used so far by every PostgreSQL process on this machine (the benchmark's server
 * and its backends: measure on a quiet machine). A backend that exits hands its time to the
 * postmaster that reaps it (its children's time), so the sum never goes down.
 */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === 'postgres')
        total += cpuSeconds(Number(entry), true);
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

class ApiClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

  constructor(private readonly url: string) {}

  /** One signed list call; resolves with its latency in ms, rejects on anything but 200. */
  list(keys: ApiClientKeys, command: ListCommand, page: number, pageSize: number): Promise<number> {
    const params: Record<string, string> = { command, page: String(page), response: 'json', apikey: keys.apikey };
    if (pageSize !== DEFAULT_PAGE_SIZE) params.pagesize = String(pageSize);
    if (command !== 'listHosts') params.listall = 'true';
    params.signature = signRequest(params, keys.secretkey);
    const target = `${this.url}/client/api?${new URLSearchParams(params)}`;
    const start = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = http.get(target, { agent: this.agent }, (res) => {
        let size = 0;
        res.on('data', (chunk: Buffer) => (size += chunk.length));
        res.on('end', () => {
          if (res.statusCode !== 200 || size === 0)
            reject(new Error(`${command} page ${page}: HTTP ${res.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - start) / 1e6);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

const randomPage = (total: number, pageSize: number) =>
  1 + Math.floor(Math.random() * Math.max(1, Math.ceil(total / pageSize)));

function summary(samples: number[]): string {
  samples.sort((a, b) => a - b);
  return `p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))}, p99 ${ms(percentile(samples, 99))}, max ${ms(samples[samples.length - 1] ?? NaN)}`;
}

/** CLIENTS clients, each sending its next request when the last one is answered, for SECONDS. */
async function loadPhase(state: LoadState, server: ServerChild, client: ApiClient, pageSize: number): Promise<void> {
  const pid = server.child.pid as number;
  const samples: number[] = [];
  const perCommand = new Map<ListCommand, number[]>(COMMANDS.map((c) => [c, []]));
  let errors = 0;
  let firstError = '';
  let maxRss = rssBytes(pid);
  const rssTimer = setInterval(() => (maxRss = Math.max(maxRss, rssBytes(pid))), 500);
  const cpuStart = cpuSeconds(pid);
  const postgresStart = state.kind === 'postgres' ? postgresCpuSeconds() : 0;
  await server.usage(); // starts the event-loop delay afresh
  const slowAt: number[] = [];
  const start = Date.now();
  const end = start + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const keys = state.keys[c] as ApiClientKeys;
      for (let i = c; Date.now() < end; i++) {
        const command = COMMANDS[i % COMMANDS.length] as ListCommand;
        try {
          const latency = await client.list(keys, command, randomPage(state.totals[command], pageSize), pageSize);
          samples.push(latency);
          if (latency > SLOW_MS) slowAt.push(Math.floor((Date.now() - start) / 1000));
          perCommand.get(command)?.push(latency);
        } catch (error) {
          if (errors++ === 0) firstError = error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const wall = (Date.now() - start) / 1000;
  const cpu = cpuSeconds(pid) - cpuStart;
  const postgresCpu = state.kind === 'postgres' ? postgresCpuSeconds() - postgresStart : 0;
  clearInterval(rssTimer);
  const usage = await server.usage();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `[${state.kind}] ${CLIENTS} clients, ${pageSize}-row pages, ${wall.toFixed(0)} s: ${(samples.length / wall).toFixed(1)} requests/s, ${summary(samples)}${errors ? `, ${errors} errors (first: ${firstError})` : ''}`,
  );
  for (const [command, list] of perCommand) console.log(`[${state.kind}]   ${command}: ${summary(list)}`);
  console.log(
    `[${state.kind}]   server CPU ${((cpu / wall) * 100).toFixed(0)}% of one core, ${((cpu * 1000) / Math.max(1, samples.length)).toFixed(1)} ms per request, RSS max ${mb(maxRss)}, heap used ${mb(usage.memory.heapUsed)} of ${mb(usage.memory.heapTotal)}`,
  );
  console.log(
    `[${state.kind}]   server event loop delay p99 ${usage.loop.p99.toFixed(1)} ms, max ${usage.loop.max.toFixed(1)} ms; ${slowAt.length} requests over ${SLOW_MS} ms${slowAt.length ? `, by second of the run: ${slowSeconds(slowAt)}` : ''}`,
  );
  if (state.kind === 'postgres') {
    console.log(
      `[${state.kind}]   PostgreSQL CPU ${((postgresCpu / wall) * 100).toFixed(0)}% of one core, ${((postgresCpu * 1000) / Math.max(1, samples.length)).toFixed(2)} ms per request`,
    );
  }
}

/** One client alone, sequential requests: the latency nobody else's load adds to. */
async function singleClient(state: LoadState, client: ApiClient, pageSize: number): Promise<void> {
  const keys = state.keys[0] as ApiClientKeys;
  for (let i = 0; i < 15; i++) {
    const command = COMMANDS[i % COMMANDS.length] as ListCommand;
    await client.list(keys, command, randomPage(state.totals[command], pageSize), pageSize);
  }
  const samples: number[] = [];
  for (let i = 0; i < 150; i++) {
    const command = COMMANDS[i % COMMANDS.length] as ListCommand;
    samples.push(await client.list(keys, command, randomPage(state.totals[command], pageSize), pageSize));
  }
  console.log(`[${state.kind}] 1 client, ${pageSize}-row pages, sequential: ${summary(samples)}`);
}

export async function benchLoad(kind: 'sqlite' | 'postgres'): Promise<void> {
  const state = await loadState(kind);
  const server = await startServerChild(state);
  const client = new ApiClient(server.url);
  try {
    for (const pageSize of PAGE_SIZES) await singleClient(state, client, pageSize);
    for (const pageSize of PAGE_SIZES) await loadPhase(state, server, client, pageSize);
  } finally {
    client.close();
    await server.stop();
    if (!process.env.BENCH_LOAD_STATE) fs.rmSync(state.dataDir, { recursive: true, force: true });
  }
}
