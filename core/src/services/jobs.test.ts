import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../test/harness';
import { migrate, openStore, type Store } from '../db/connect';
import { invalidParameter, isDomainError } from '../domain/errors';
import type { Caller } from './caller';
import type { LiveMessage } from './core-services';
import { EventService } from './events';
import { INTERRUPTED_TEXT, JobService, type JobServiceDeps } from './jobs';
import { message } from '../domain/messages';

function fakeCaller(userId: number): Caller {
  return {
    userId,
    userUuid: crypto.randomUUID(),
    username: `user${userId}`,
    accountId: 10 + userId,
    accountUuid: crypto.randomUUID(),
    accountName: `account${userId}`,
    accountType: 0,
    domainId: 1,
    domainUuid: crypto.randomUUID(),
    domainIdPath: '/1/',
    domainPath: 'ROOT',
    roleId: 4,
    roleType: 'User',
    via: 'system',
  };
}

/** A promise with its resolve, to hold a fake job until the test lets it go. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(dialects())('JobService (%s)', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  let events: EventService;
  let services: JobService[];
  let messages: LiveMessage[];

  beforeEach(async () => {
    database = await freshDatabase(dialect);
    store = openStore(database.config);
    await migrate(store);
    events = new EventService(store);
    messages = [];
    events.subscribe((m) => messages.push(m));
    services = [];
  });

  afterEach(async () => {
    for (const s of services) await s.stop();
    await store.close();
    await database.drop();
  });

  function service(overrides: Partial<JobServiceDeps> & Pick<JobServiceDeps, 'run'>): JobService {
    const s = new JobService({
      store,
      events,
      serverId: crypto.randomUUID(),
      serverName: 'test-host',
      callerForUser: async (id) => fakeCaller(id),
      // The fake callers have no user rows; the owner checks are tested in core/test/cluster.
      ownerCheck: async () => undefined,
      isResumable: () => false,
      toFailure: (e) => ({
        errorcode: isDomainError(e) ? 431 : 530,
        errortext: e instanceof Error ? e.message : 'failed',
      }),
      heartbeatMs: 100,
      pollMs: 50,
      stopTimeoutMs: 200,
      ...overrides,
    });
    services.push(s);
    return s;
  }

  const submit = (
    s: JobService,
    command: string,
    params: Record<string, unknown>,
    target: { instanceType: string; instanceId?: string; syncKey?: string },
  ) => s.submit({ command, params, caller: fakeCaller(1), target });

  it('runs jobs of one sync key one at a time in order, and other keys in parallel', async () => {
    const gates = new Map([
      ['a', gate()],
      ['b', gate()],
      ['c', gate()],
    ]);
    const started: string[] = [];
    const log: string[] = [];
    const s = service({
      run: async (_cmd, params) => {
        const name = String(params.name);
        started.push(name);
        log.push(`start:${name}`);
        await gates.get(name)?.promise;
        log.push(`end:${name}`);
        return { success: true, name };
      },
    });
    const a = await submit(s, 'deleteAccount', { name: 'a' }, { instanceType: 'Account', instanceId: 'acc-1' });
    const b = await submit(s, 'deleteAccount', { name: 'b' }, { instanceType: 'Account', instanceId: 'acc-1' });
    const c = await submit(s, 'deleteAccount', { name: 'c' }, { instanceType: 'Account', instanceId: 'acc-2' });
    expect(a.sync_key).toBe('Account:acc-1');
    await s.start();

    await until(() => started.length === 2);
    expect([...started].sort()).toEqual(['a', 'c']);
    // b waits for a although slots are free
    await new Promise((r) => setTimeout(r, 150));
    expect(started).not.toContain('b');
    expect(s.runningCount()).toBe(2);

    gates.get('a')?.open();
    await until(() => started.includes('b'));
    gates.get('b')?.open();
    gates.get('c')?.open();
    for (const job of [a, b, c]) {
      const done = await s.waitFor(job.uuid, 5000);
      expect(done.status).toBe(1);
      expect(done.result_code).toBe(0);
    }
    const rowA = await s.waitFor(a.uuid);
    const rowB = await s.waitFor(b.uuid);
    expect(JSON.parse(rowA.result ?? '{}')).toEqual({ success: true, name: 'a' });
    expect(rowB.id).toBeGreaterThan(rowA.id);
    expect(log.indexOf('start:b')).toBeGreaterThan(log.indexOf('end:a'));
  });

  it('never runs more than `concurrency` jobs at once', async () => {
    const g = gate();
    let running = 0;
    let peak = 0;
    const s = service({
      concurrency: 2,
      run: async () => {
        running += 1;
        peak = Math.max(peak, running);
        await g.promise;
        running -= 1;
        return { success: true };
      },
    });
    await s.start();
    const jobs = [];
    for (let i = 0; i < 5; i++) jobs.push(await submit(s, 'x', {}, { instanceType: 'None' }));
    await until(() => s.runningCount() === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(running).toBe(2);
    g.open();
    for (const j of jobs) expect((await s.waitFor(j.uuid)).status).toBe(1);
    expect(peak).toBe(2);
  });

  it('persists and publishes progress, and publishes every state change', async () => {
    const g = gate();
    const s = service({
      run: async (_c, _p, _caller, progress) => {
        await progress.report(40, 'Deleting users');
        await g.promise;
        return { success: true };
      },
    });
    await s.start();
    const job = await submit(s, 'deleteAccount', {}, { instanceType: 'Account', instanceId: 'acc-9' });
    await until(async () => {
      const row = await store.db
        .selectFrom('async_jobs')
        .selectAll()
        .where('uuid', '=', job.uuid)
        .executeTakeFirstOrThrow();
      return row.progress === 40;
    });
    const row = await store.db
      .selectFrom('async_jobs')
      .selectAll()
      .where('uuid', '=', job.uuid)
      .executeTakeFirstOrThrow();
    expect(row.progress_text).toBe('Deleting users');
    expect(row.owner_server).not.toBeNull();
    g.open();
    await s.waitFor(job.uuid);
    await until(() => messages.some((m) => m.kind === 'job' && m.job.jobstatus === 1));

    const jobMessages = messages.filter(
      (m): m is Extract<LiveMessage, { kind: 'job' }> => m.kind === 'job' && m.job.jobid === job.uuid,
    );
    expect(jobMessages[0]?.job).toMatchObject({
      jobstatus: 0,
      jobprocstatus: 0,
      cmd: 'deleteAccount',
      jobinstancetype: 'Account',
      jobinstanceid: 'acc-9',
    });
    expect(jobMessages[0]?.job.jobresult).toBeUndefined();
    expect(jobMessages.some((m) => m.job.jobprocstatus === 40 && m.job.jobprogresstext === 'Deleting users')).toBe(
      true,
    );
    const last = jobMessages[jobMessages.length - 1];
    expect(last?.job).toMatchObject({
      jobstatus: 1,
      jobresultcode: 0,
      jobprocstatus: 100,
      jobresult: { success: true },
    });
    expect(last?.scope).toEqual({ accountId: 11, domainId: 1 });
  });

  it('records a failure with the CloudStack errorcode and errortext', async () => {
    const s = service({
      run: async () => {
        throw invalidParameter('ACCOUNT.IN_USE', 'The account has resources');
      },
    });
    await s.start();
    const job = await submit(s, 'deleteAccount', {}, { instanceType: 'Account', instanceId: 'acc-3' });
    const done = await s.waitFor(job.uuid);
    expect(done.status).toBe(2);
    expect(done.result_code).toBe(431);
    expect(JSON.parse(done.result ?? '{}')).toEqual({ errorcode: 431, errortext: 'The account has resources' });
    expect(done.completed).not.toBeNull();
  });

  it('hides internal error messages when no toFailure is given', async () => {
    const s = service({
      toFailure: undefined,
      run: async () => {
        throw new Error('secret stack detail');
      },
    });
    await s.start();
    const done = await s.waitFor((await submit(s, 'x', {}, { instanceType: 'None' })).uuid);
    expect(done.result_code).toBe(530);
    expect(done.result).not.toContain('secret stack detail');
  });

  it('fails a job whose user no longer exists', async () => {
    const s = service({ callerForUser: async () => undefined, run: async () => ({ success: true }) });
    await s.start();
    const done = await s.waitFor((await submit(s, 'x', {}, { instanceType: 'None' })).uuid);
    expect(done.status).toBe(2);
    expect(done.result_code).toBe(530);
  });

  it('keys jobs by syncKey, by instance, or not at all', async () => {
    const s = service({ run: async () => ({ success: true }) });
    expect((await submit(s, 'x', {}, { instanceType: 'Domain', instanceId: 'd1', syncKey: 'tree' })).sync_key).toBe(
      'tree',
    );
    expect((await submit(s, 'x', {}, { instanceType: 'Domain', instanceId: 'd1' })).sync_key).toBe('Domain:d1');
    const none = await submit(s, 'x', {}, { instanceType: 'None' });
    expect(none.sync_key).toBeNull();
    expect(none.status).toBe(0);
    expect(none.started).toBeNull();
    // nothing runs before start()
    await new Promise((r) => setTimeout(r, 100));
    expect(s.runningCount()).toBe(0);
  });

  it('waitFor times out on a job that does not finish', async () => {
    const s = service({ run: async () => ({ success: true }) });
    const job = await submit(s, 'x', {}, { instanceType: 'None' });
    await expect(s.waitFor(job.uuid, 100)).rejects.toThrow(/did not finish/);
  });

  it('after a restart resumes resumable jobs and fails the others cleanly', async () => {
    const hang = gate();
    const first = service({
      stopTimeoutMs: 100,
      isResumable: (c) => c === 'deleteAccount',
      run: async () => {
        await hang.promise;
        return { success: true, by: 'first' };
      },
    });
    await first.start();
    const resumable = await submit(first, 'deleteAccount', { id: 'a' }, { instanceType: 'Account', instanceId: 'a' });
    const plain = await submit(first, 'createAccount', {}, { instanceType: 'Account', instanceId: 'b' });
    await until(() => first.runningCount() === 2);
    await first.stop(); // returns after stopTimeoutMs, jobs still "running"

    const server = await store.db.selectFrom('management_servers').selectAll().executeTakeFirstOrThrow();
    expect(server.state).toBe('Down');

    const ran: string[] = [];
    const second = service({
      isResumable: (c) => c === 'deleteAccount',
      run: async (cmd) => {
        ran.push(cmd);
        return { success: true, by: 'second' };
      },
    });
    await second.start();
    const resumed = await second.waitFor(resumable.uuid);
    expect(resumed.status).toBe(1);
    expect(JSON.parse(resumed.result ?? '{}')).toEqual({ success: true, by: 'second' });
    const failed = await second.waitFor(plain.uuid);
    expect(failed.status).toBe(2);
    expect(failed.result_code).toBe(530);
    expect(JSON.parse(failed.result ?? '{}')).toEqual({ errorcode: 530, errortext: INTERRUPTED_TEXT });
    expect(ran).toEqual(['deleteAccount']);

    // the first server's handlers finishing late change nothing
    hang.open();
    await new Promise((r) => setTimeout(r, 100));
    const after = await store.db
      .selectFrom('async_jobs')
      .selectAll()
      .where('uuid', 'in', [resumable.uuid, plain.uuid])
      .orderBy('id')
      .execute();
    expect(JSON.parse(after[0]?.result ?? '{}')).toEqual({ success: true, by: 'second' });
    expect(after[1]?.status).toBe(2);
    // the earlier run of this server is gone from the server list
    const servers = await store.db.selectFrom('management_servers').selectAll().execute();
    expect(servers.map((x) => x.state)).toEqual(['Up']);
  });

  it('recovers jobs of a server that stopped heartbeating', async () => {
    const dead = crypto.randomUUID();
    const old = new Date(Date.now() - 3_600_000).toISOString();
    await store.db
      .insertInto('management_servers')
      .values({ uuid: dead, name: 'other-host', state: 'Up', started: old, last_heartbeat: old })
      .execute();
    const s = service({ isResumable: () => true, run: async () => ({ success: true }) });
    const job = await submit(s, 'deleteAccount', {}, { instanceType: 'Account', instanceId: 'z' });
    await store.db
      .updateTable('async_jobs')
      .set({ started: old, owner_server: dead, heartbeat: old })
      .where('id', '=', job.id)
      .execute();
    await s.start();
    expect((await s.waitFor(job.uuid)).status).toBe(1);
    const row = await store.db
      .selectFrom('management_servers')
      .selectAll()
      .where('uuid', '=', dead)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('Down');
  });

  it.runIf(dialect === 'postgres')(
    'leaves the jobs of a live server alone and takes them over once it dies',
    async () => {
      const other = crypto.randomUUID();
      const now = new Date().toISOString();
      await store.db
        .insertInto('management_servers')
        .values({ uuid: other, name: 'other-host', state: 'Up', started: now, last_heartbeat: now })
        .execute();
      const s = service({ isResumable: () => true, run: async () => ({ success: true }) });
      const job = await submit(s, 'deleteAccount', {}, { instanceType: 'Account', instanceId: 'y' });
      await store.db
        .updateTable('async_jobs')
        .set({ started: now, owner_server: other, heartbeat: now })
        .where('id', '=', job.id)
        .execute();
      await s.start();
      await new Promise((r) => setTimeout(r, 150));
      const still = await store.db
        .selectFrom('async_jobs')
        .selectAll()
        .where('id', '=', job.id)
        .executeTakeFirstOrThrow();
      expect(still.owner_server).toBe(other);
      expect(still.completed).toBeNull();
      // the other server goes silent: after three heartbeats it is taken over
      expect((await s.waitFor(job.uuid, 5000)).status).toBe(1);
    },
  );

  it.runIf(dialect === 'postgres')(
    'two servers share the queue: each job runs once, one key at a time, in order',
    async () => {
      const log: { key: string; seq: number; phase: 'start' | 'end'; server: string }[] = [];
      const make = (name: string) =>
        service({
          serverName: name,
          concurrency: 3,
          run: async (_c, params) => {
            const entry = { key: String(params.key), seq: Number(params.seq) };
            log.push({ ...entry, phase: 'start', server: name });
            await new Promise((r) => setTimeout(r, 5 + Math.random() * 15));
            log.push({ ...entry, phase: 'end', server: name });
            return { success: true };
          },
        });
      const one = make('server-one');
      const two = make('server-two');
      await one.start();
      await two.start();
      const jobs = [];
      for (let seq = 0; seq < 24; seq++) {
        const key = `k${seq % 3}`;
        jobs.push(
          await submit(seq % 2 === 0 ? one : two, 'x', { key, seq }, { instanceType: 'Thing', instanceId: key }),
        );
      }
      for (const j of jobs) expect((await one.waitFor(j.uuid, 15_000)).status).toBe(1);
      expect(log.filter((e) => e.phase === 'start')).toHaveLength(24);
      expect(new Set(log.map((e) => e.server)).size).toBe(2);
      for (const key of ['k0', 'k1', 'k2']) {
        const events = log.filter((e) => e.key === key);
        // strictly start, end, start, end ... with ascending seq
        events.forEach((e, i) => expect(e.phase).toBe(i % 2 === 0 ? 'start' : 'end'));
        const seqs = events.filter((e) => e.phase === 'start').map((e) => e.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }
    },
  );

  it('purges events older than event.purge.delay days, once per event.purge.interval', async () => {
    const values: Record<string, number> = { 'event.purge.delay': 15, 'event.purge.interval': 3600 };
    const s = service({
      run: async () => ({ success: true }),
      settings: { get: <T>(name: string) => values[name] as T },
    });
    const old = await events.record({ type: 'USER.LOGIN', message: message('event.role.updated', { name: 'old' }) });
    await events.record({ type: 'USER.LOGIN', message: message('event.role.updated', { name: 'recent' }) });
    await store.db
      .updateTable('events')
      .set({ created: new Date(Date.now() - 16 * 86_400_000).toISOString() })
      .where('id', '=', old.id)
      .execute();
    const now = Date.now();
    expect(await s.purgeEvents(now)).toBe(1);
    const again = await events.record({
      type: 'USER.LOGIN',
      message: message('event.role.updated', { name: 'old again' }),
    });
    await store.db
      .updateTable('events')
      .set({ created: new Date(now - 16 * 86_400_000).toISOString() })
      .where('id', '=', again.id)
      .execute();
    expect(await s.purgeEvents(now + 1000)).toBe(0); // within the interval
    expect(await s.purgeEvents(now + 3_601_000)).toBe(1);
    values['event.purge.delay'] = 0;
    expect(await s.purgeEvents(now + 8_000_000)).toBe(0); // 0 keeps events forever
    expect((await store.db.selectFrom('events').select('description').execute()).map((r) => r.description)).toEqual([
      'Updated role recent',
    ]);
  });

  it('purges finished jobs older than job.expire.minutes', async () => {
    const s = service({ run: async () => ({ success: true }), settings: { get: <T>() => 60 as T } });
    const oldJob = await submit(s, 'x', {}, { instanceType: 'None' });
    const pending = await submit(s, 'x', {}, { instanceType: 'None' });
    const old = new Date(Date.now() - 2 * 3_600_000).toISOString();
    await store.db
      .updateTable('async_jobs')
      .set({ status: 1, completed: old, started: old })
      .where('id', '=', oldJob.id)
      .execute();
    expect(await s.purgeExpired()).toBe(1);
    const left = await store.db.selectFrom('async_jobs').select('uuid').execute();
    expect(left.map((r) => r.uuid)).toEqual([pending.uuid]);
  });
});
