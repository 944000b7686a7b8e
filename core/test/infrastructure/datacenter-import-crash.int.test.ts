/**
 * Crash-safe datacenter import against a real server process: the import is killed with SIGKILL
 * mid-way (once its job reports step N past a threshold), the server is started again on the same
 * data, and the interrupted import is listed, resumed, continued by importing the same file again,
 * or undone, with exact counts and no duplicates.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAdvancedConfigText } from '../fixtures/marvin/generate';
import { dialects, freshDatabase } from '../harness';

const REPO = path.resolve(import.meta.dirname, '../../..');
const CLI = path.join(REPO, 'core', 'src', 'server', 'cli.ts');
const PASSWORD = 'Crash-test-admin-1';
const SHAPE = { clusters: 8, hostsPerCluster: 30, poolsPerCluster: 1 };
/** Killed once the job reports a step past this one (of about 280). */
const KILL_AFTER_STEP = 60;

function description(zoneName: string): string {
  return generateAdvancedConfigText({ ...SHAPE, zoneName }).replace(
    '/export/home/sandbox/secondary',
    `/export/${zoneName}/secondary`,
  );
}

interface Server {
  child: ChildProcess;
  base: string;
  exit: Promise<number | null>;
}

/** `serve` in a child process (Node with tsx as a loader, as the CLI test starts it). */
async function serve(dataDir: string, dbArgs: string[]): Promise<Server> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', CLI, 'serve', '--port', '0', '--data-dir', dataDir, ...dbArgs],
    {
      cwd: REPO,
      env: { ...process.env, STACKYARD_ADMIN_PASSWORD: PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString('utf8');
      const m = /Stackyard API: (http:\/\/127\.0\.0\.1:\d+)\/client\/api/.exec(out);
      if (m) resolve(m[1] as string);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out += d.toString('utf8')));
    void exit.then((code) => reject(new Error(`serve exited with ${code}:\n${out}`)));
  });
  return { child, base, exit };
}

class Session {
  private key = '';
  private cookies = '';
  constructor(private readonly base: string) {}

  static async login(base: string): Promise<Session> {
    const s = new Session(base);
    const r = await s.post({ command: 'login', username: 'admin', password: PASSWORD, domain: '/' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    s.key = r.json.loginresponse.sessionkey as string;
    return s;
  }

  private async post(params: Record<string, string>) {
    const res = await fetch(`${this.base}/client/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookies },
      body: new URLSearchParams({ ...params, response: 'json' }),
    });
    const set = res.headers.getSetCookie();
    if (set.length > 0) this.cookies = set.map((c) => c.split(';')[0]).join('; ');
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  /** The body below `<command>response`; fails the test on an error answer. */
  async call(command: string, params: Record<string, string> = {}): Promise<Record<string, any>> {
    const r = await this.post({ ...params, command, sessionkey: this.key });
    expect(r.status, `${command}: ${JSON.stringify(r.json)}`).toBe(200);
    return r.json[`${command.toLowerCase()}response`] as Record<string, any>;
  }

  async count(command: string, params: Record<string, string> = {}): Promise<number> {
    return ((await this.call(command, { ...params, pagesize: '-1' })).count as number | undefined) ?? 0;
  }

  /** Polls the job until `until` holds for its answer (by default: the job is over). */
  async job(jobid: string, until = (j: Record<string, any>) => j.jobstatus !== 0): Promise<Record<string, any>> {
    for (;;) {
      const j = await this.call('queryAsyncJobResult', { jobid });
      if (until(j)) return j;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

const stepOf = (j: Record<string, any>) => Number(/^Step (\d+) of/.exec(String(j.jobprogresstext ?? ''))?.[1] ?? 0);

async function totals(s: Session) {
  return {
    zones: await s.count('listZones'),
    clusters: await s.count('listClusters'),
    hosts: await s.count('listHosts', { type: 'Routing' }),
    pools: await s.count('listStoragePools'),
  };
}

/** Starts the import and kills the server with SIGKILL once the job is past KILL_AFTER_STEP. */
async function importAndKill(server: Server, s: Session, text: string): Promise<number> {
  const { jobid } = await s.call('importDataCenter', { config: text });
  const seen = await s.job(jobid as string, (j) => j.jobstatus !== 0 || stepOf(j) > KILL_AFTER_STEP);
  expect(seen.jobstatus, `the import finished before it could be killed: ${JSON.stringify(seen.jobresult)}`).toBe(0);
  server.child.kill('SIGKILL');
  await server.exit;
  return stepOf(seen);
}

async function interrupted(s: Session, zone: string) {
  const listed = (await s.call('listDataCenterImports', { state: 'Interrupted' })).datacenterimport as Record<
    string,
    any
  >[];
  const record = listed.find((i) => i.zones[0].name === zone);
  expect(record, JSON.stringify(listed)).toBeDefined();
  expect(record?.donesteps).toBeGreaterThanOrEqual(KILL_AFTER_STEP);
  expect(record?.donesteps).toBeLessThan(record?.totalsteps);
  return record as Record<string, any>;
}

async function expectNoDuplicateHosts(s: Session) {
  // Simulator hosts are named after their URL, which each zone's description repeats.
  const hosts = (await s.call('listHosts', { type: 'Routing', pagesize: '-1' })).host as Record<string, string>[];
  expect(new Set(hosts.map((h) => `${h.zoneid}/${h.name}`)).size).toBe(hosts.length);
}

describe.each(dialects())('datacenter import killed with SIGKILL (%s)', (dialect) => {
  const drops: (() => Promise<void>)[] = [];
  const servers: Server[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    for (const drop of drops) await drop();
  });

  it('lists the interrupted import, resumes it, continues it on re-import, and undoes it', async () => {
    const db = await freshDatabase(dialect);
    drops.push(db.drop);
    const dbArgs = db.config.kind === 'postgres' ? ['--db', db.config.url] : [];
    const start = async () => {
      const server = await serve(db.dataDir, dbArgs);
      servers.push(server);
      return { server, session: await Session.login(server.base) };
    };
    const perZone = {
      zones: 1,
      clusters: SHAPE.clusters,
      hosts: SHAPE.clusters * SHAPE.hostsPerCluster,
      pools: SHAPE.clusters,
    };

    // 1. Killed mid-import; after the restart the import is Interrupted and resume completes it.
    let { server, session } = await start();
    expect(await totals(session)).toEqual({ zones: 0, clusters: 0, hosts: 0, pools: 0 });
    await importAndKill(server, session, description('crash-a'));
    ({ server, session } = await start());
    const a = await interrupted(session, 'crash-a');
    const resumed = await session.job((await session.call('resumeDataCenterImport', { id: a.id })).jobid as string);
    expect(resumed.jobstatus, JSON.stringify(resumed.jobresult)).toBe(1);
    expect(resumed.jobresult.datacenterimport).toMatchObject({ importid: a.id, resumed: true });
    expect(resumed.jobresult.datacenterimport.created).toMatchObject({
      zones: 1,
      clusters: perZone.clusters,
      hosts: perZone.hosts,
      storagepools: perZone.pools,
      imagestores: 1,
    });
    expect(await totals(session)).toEqual(perZone);
    await expectNoDuplicateHosts(session);
    expect((await session.call('listDataCenterImports', { id: a.id })).datacenterimport[0].state).toBe('Completed');

    // 2. Killed again; importing the same file after the restart continues it.
    const textB = description('crash-b');
    await importAndKill(server, session, textB);
    ({ server, session } = await start());
    const b = await interrupted(session, 'crash-b');
    const again = await session.job((await session.call('importDataCenter', { config: textB })).jobid as string);
    expect(again.jobstatus, JSON.stringify(again.jobresult)).toBe(1);
    expect(again.jobresult.datacenterimport).toMatchObject({ importid: b.id, resumed: true });
    const twoZones = { zones: 2, clusters: 2 * perZone.clusters, hosts: 2 * perZone.hosts, pools: 2 * perZone.pools };
    expect(await totals(session)).toEqual(twoZones);
    await expectNoDuplicateHosts(session);

    // 3. Killed once more; removing what it created brings every count back.
    await importAndKill(server, session, description('crash-c'));
    ({ server, session } = await start());
    const c = await interrupted(session, 'crash-c');
    expect(await session.count('listHosts', { type: 'Routing' })).toBeGreaterThan(twoZones.hosts);
    const undone = await session.job((await session.call('rollbackDataCenterImport', { id: c.id })).jobid as string);
    expect(undone.jobstatus, JSON.stringify(undone.jobresult)).toBe(1);
    expect(undone.jobresult.datacenterimportrollback).toMatchObject({ state: 'RolledBack', settingskept: 5 });
    expect(await totals(session)).toEqual(twoZones);
    expect((await session.call('listDataCenterImports', { id: c.id })).datacenterimport[0].state).toBe('RolledBack');

    server.child.kill('SIGTERM');
    await server.exit;
  }, 300_000);
});
