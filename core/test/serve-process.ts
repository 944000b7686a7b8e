/** Real `serve` processes for tests: started through the CLI, logged in as admin over HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../src/db/connect';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'core', 'src', 'server', 'cli.ts');

export interface Serve {
  name: string;
  child: ChildProcess;
  base: string;
  out(): string;
  exit: Promise<number | null>;
  sessionkey: string;
  cookie: string;
}

/** Polls `check` until it returns a value (not undefined or false); throws after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts `serve --server-name <name>` on the database (its own data directory unless given) with
 * Node and tsx as a loader, so signals reach the server itself; resolves once it listens and the
 * admin (password `password`, as STACKYARD_ADMIN_PASSWORD set on the first start) is logged in.
 */
export async function startServe(
  name: string,
  options: { database: DatabaseConfig; password: string; env?: NodeJS.ProcessEnv; dataDir?: string },
): Promise<Serve> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `stackyard-${name}-`));
  const db = options.database.kind === 'postgres' ? options.database.url : `sqlite:${options.database.file}`;
  const args = [
    '--import',
    'tsx',
    CLI,
    'serve',
    '--port',
    '0',
    '--data-dir',
    dataDir,
    '--db',
    db,
    '--server-name',
    name,
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, STACKYARD_ADMIN_PASSWORD: options.password, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await until(
    `${name} to listen`,
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited early:\n${out}`);
      return /Stackyard API: http:\/\/127\.0\.0\.1:(\d+)\/client\/api/.exec(out)?.[1];
    },
    90_000,
  );
  const base = `http://127.0.0.1:${port}/client/api`;
  const res = await fetch(base, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      command: 'login',
      username: 'admin',
      password: options.password,
      domain: '/',
      response: 'json',
    }),
  });
  const body = (await res.json()) as { loginresponse: { sessionkey: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { name, child, base, out: () => out, exit, sessionkey: body.loginresponse.sessionkey, cookie };
}

/** A session call; throws on anything but 200. Returns the body below `<command>response`. */
export async function call(server: Serve, command: string, params: Record<string, string> = {}): Promise<any> {
  const res = await fetch(server.base, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: server.cookie },
    body: new URLSearchParams({ ...params, command, response: 'json', sessionkey: server.sessionkey }),
  });
  const json = (await res.json()) as Record<string, any>;
  if (res.status !== 200) throw new Error(`${command} on ${server.name}: ${res.status} ${JSON.stringify(json)}`);
  return json[`${command.toLowerCase()}response`];
}

/** Adds `n` Simulator hosts to the cluster through the server (which then manages them). */
export async function addSimulatorHosts(
  via: Serve,
  cluster: { uuid: string; zoneUuid: string; podUuid: string },
  prefix: string,
  n: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await call(via, 'addHost', {
      zoneid: cluster.zoneUuid,
      podid: cluster.podUuid,
      clusterid: cluster.uuid,
      hypervisor: 'Simulator',
      username: 'root',
      password: 'password',
      url: `http://sim/${prefix}/h${i}`,
    });
    ids.push(r.host[0].id);
  }
  return ids;
}
