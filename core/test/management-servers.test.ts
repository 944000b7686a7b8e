/**
 * Management servers sharing one database (issue 8, finding 8): listManagementServers, a stable
 * id per server name used as the hosts' managementserverid, a restarted server recovering its own
 * jobs, draining on shutdown and rebalancing hosts (agent.lb.enabled).
 */
import crypto from 'node:crypto';
import { Migrator, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../src/core';
import { migrate, openStore, type Store } from '../src/db/connect';
import { MIGRATIONS } from '../src/db/migrations/index';
import { SHUTDOWN_JOB_TEXT } from '../src/domain/management-servers';
import { nowIso } from '../src/domain/time';
import type { Caller } from '../src/services/caller';
import { EventService } from '../src/services/events';
import { rebalanceHosts } from '../src/services/infrastructure/host-ownership';
import { INTERRUPTED_TEXT, JobService, type JobServiceDeps } from '../src/services/jobs';
import { ADMIN_PASSWORD, dialects, freshDatabase, startTestCore, type TestCore } from './harness';
import { seedCluster, seedHost, seedPod, seedZone } from './infrastructure/seed';
import { callerOf, createAccount, fails, ok } from './tenancy/fixtures';

const fakeCaller = (): Caller => ({
  userId: 1,
  userUuid: crypto.randomUUID(),
  username: 'user1',
  accountId: 11,
  accountUuid: crypto.randomUUID(),
  accountName: 'account1',
  accountType: 0,
  domainId: 1,
  domainUuid: crypto.randomUUID(),
  domainIdPath: '/1/',
  domainPath: 'ROOT',
  roleId: 4,
  roleType: 'User',
  via: 'system',
});

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe.each(dialects())('listManagementServers (%s)', (dialect) => {
  let tc: TestCore;
  beforeEach(async () => {
    tc = await startTestCore(dialect, { serverName: 'mgmt-one' });
  });
  afterEach(async () => {
    await tc.close();
  });

  it("lists this server with CloudStack's fields, filtered by id, name and state, to admins only", async () => {
    const list = ok(await tc.call('listManagementServers'));
    expect(list.count).toBe(1);
    const server = list.managementserver[0];
    expect(server).toMatchObject({
      id: tc.core.services.serverId,
      name: 'mgmt-one',
      state: 'Up',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      javadistribution: 'Node.js',
      javaversion: process.versions.node,
      agentscount: 0,
      pendingjobscount: 0,
    });
    expect(server.lastserverstart).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{4}$/);
    expect(typeof server.serviceip).toBe('string');
    expect(typeof server.osdistribution).toBe('string');

    expect(ok(await tc.call('listManagementServers', { id: server.id })).count).toBe(1);
    expect(ok(await tc.call('listManagementServers', { name: 'mgmt-one' })).count).toBe(1);
    expect(ok(await tc.call('listManagementServers', { name: 'someone-else' })).count).toBeUndefined();
    expect(ok(await tc.call('listManagementServers', { state: 'up' })).count).toBe(1);
    expect(ok(await tc.call('listManagementServers', { state: 'Down' })).count).toBeUndefined();
    fails(await tc.call('listManagementServers', { state: 'Sleeping' }), 431, /Invalid state Sleeping/);
    fails(await tc.call('listManagementServers', { id: 'not-a-uuid' }), 431);

    const user = await createAccount(tc, { username: 'plain-user' });
    const caller = await callerOf(tc, user.user[0].id);
    expect((await tc.call('listManagementServers', {}, caller)).status).toBe(432);
  });

  it('counts the hosts a server manages and resolves their managementserverid to its name', async () => {
    const db = tc.core.store.db;
    const zone = await seedZone(db, { name: 'Z1' });
    const pod = await seedPod(db, zone.id, { name: 'P1' });
    const cluster = await seedCluster(db, pod, { name: 'C1' });
    const host = await seedHost(db, cluster, { name: 'h1' });
    await db.updateTable('hosts').set({ owner_server: tc.core.services.serverId }).where('id', '=', host.id).execute();
    const listed = ok(await tc.call('listHosts', { id: host.uuid })).host[0];
    const server = ok(await tc.call('listManagementServers', { id: listed.managementserverid })).managementserver[0];
    expect(server).toMatchObject({ name: 'mgmt-one', agentscount: 1 });
  });
});

describe.each(dialects())('a server name keeps its id (%s)', (dialect) => {
  it('a restarted server keeps its id and its hosts, and records when it stopped', async () => {
    const db = await freshDatabase(dialect);
    const options = {
      database: db.config,
      dataDir: db.dataDir,
      adminPassword: ADMIN_PASSWORD,
      secretKey: crypto.randomBytes(32),
      serverName: 'mgmt-stable',
      runMonitors: false,
    };
    let core: Core | undefined = await createCore(options);
    try {
      const firstId = core.services.serverId;
      const zone = await seedZone(core.store.db, { name: 'Z1' });
      const cluster = await seedCluster(core.store.db, await seedPod(core.store.db, zone.id, { name: 'P1' }), {
        name: 'C1',
      });
      const host = await seedHost(core.store.db, cluster, { name: 'h1' });
      await core.store.db.updateTable('hosts').set({ owner_server: firstId }).where('id', '=', host.id).execute();
      await core.close();
      core = await createCore(options);
      expect(core.services.serverId).toBe(firstId);
      const rows = await core.store.db.selectFrom('management_servers').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ uuid: firstId, state: 'Up' });
      expect(rows[0]?.last_stop).not.toBeNull();
      const owner = await core.store.db
        .selectFrom('hosts')
        .select('owner_server')
        .where('id', '=', host.id)
        .executeTakeFirstOrThrow();
      expect(owner.owner_server).toBe(firstId);
    } finally {
      await core?.close();
      await db.drop();
    }
  });
});

describe.each(dialects())('jobs of a server that restarts or drains (%s)', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  let services: JobService[];
  const serverId = crypto.randomUUID();

  beforeEach(async () => {
    database = await freshDatabase(dialect);
    store = openStore(database.config);
    await migrate(store);
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
      events: new EventService(store),
      serverId,
      serverName: 'mgmt-jobs',
      callerForUser: async () => fakeCaller(),
      ownerCheck: async () => undefined,
      isResumable: (c) => c === 'deleteAccount',
      heartbeatMs: 100,
      pollMs: 50,
      stopTimeoutMs: 100,
      ...overrides,
    });
    services.push(s);
    return s;
  }
  const submit = (s: JobService, command: string, id: string) =>
    s.submit({ command, params: {}, caller: fakeCaller(), target: { instanceType: 'Account', instanceId: id } });
  const job = (uuid: string) =>
    store.db.selectFrom('async_jobs').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
  const serverRow = () =>
    store.db.selectFrom('management_servers').selectAll().where('uuid', '=', serverId).executeTakeFirstOrThrow();

  it('a server restarted under its own id resumes or fails the jobs its earlier run left', async () => {
    const hang = gate();
    const first = service({
      run: async () => {
        await hang.promise;
        return { by: 'first' };
      },
    });
    await first.start();
    const resumable = await submit(first, 'deleteAccount', 'a');
    const plain = await submit(first, 'createAccount', 'b');
    await until(() => first.runningCount() === 2);
    await first.stop(); // the jobs are still "running" under this id, as after a crash

    const second = service({ run: async () => ({ by: 'second' }) });
    await second.start();
    const resumed = await second.waitFor(resumable.uuid);
    expect(resumed.status).toBe(1);
    expect(JSON.parse(resumed.result ?? '{}')).toEqual({ by: 'second' });
    const failed = await second.waitFor(plain.uuid);
    expect(failed.status).toBe(2);
    expect(JSON.parse(failed.result ?? '{}')).toEqual({ errorcode: 530, errortext: INTERRUPTED_TEXT });
    hang.open();
  });

  it('draining lets jobs finish within the grace period, hands the rest over and marks the server Down', async () => {
    const quick = gate();
    const hang = gate();
    const s = service({
      run: async (command) => {
        await (command === 'updateAccount' ? quick.promise : hang.promise);
        return { done: command };
      },
    });
    await s.start();
    const finishing = await submit(s, 'updateAccount', 'f');
    const resumable = await submit(s, 'deleteAccount', 'r');
    const plain = await submit(s, 'createAccount', 'p');
    await until(() => s.runningCount() === 3);

    const draining = s.drain(60_000);
    await until(async () => (await serverRow()).state === 'PreparingToShutDown');
    // Nothing new is taken while draining.
    const late = await submit(s, 'updateAccount', 'late');
    quick.open();
    expect((await s.waitFor(finishing.uuid)).status).toBe(1);
    expect((await job(late.uuid)).started).toBeNull();
    expect((await serverRow()).state).toBe('PreparingToShutDown');
    hang.open();
    await draining;
    expect((await job(resumable.uuid)).status).toBe(1);
    expect((await job(plain.uuid)).status).toBe(1);
    expect((await serverRow()).state).toBe('Down');
  });

  it('jobs still running when the grace period ends: resumable ones are queued again, others fail', async () => {
    const hang = gate();
    const s = service({
      run: async () => {
        await hang.promise;
        return { done: true };
      },
    });
    await s.start();
    const resumable = await submit(s, 'deleteAccount', 'r');
    const plain = await submit(s, 'createAccount', 'p');
    await until(() => s.runningCount() === 2);
    await s.drain(50);
    const requeued = await job(resumable.uuid);
    expect(requeued).toMatchObject({ status: 0, started: null, owner_server: null, completed: null });
    const failed = await job(plain.uuid);
    expect(failed.status).toBe(2);
    expect(JSON.parse(failed.result ?? '{}')).toEqual({ errorcode: 530, errortext: SHUTDOWN_JOB_TEXT });
    const row = await serverRow();
    expect(row.state).toBe('Down');
    expect(row.last_stop).not.toBeNull();
    // the handler finishing late changes nothing
    hang.open();
    await new Promise((r) => setImmediate(r));
    expect((await job(resumable.uuid)).completed).toBeNull();
  });
});

describe.each(dialects())('host rebalancing (%s)', (dialect) => {
  let tc: TestCore;
  beforeEach(async () => {
    tc = await startTestCore(dialect, { serverName: 'mgmt-joining' });
  });
  afterEach(async () => {
    await tc.core.hostMonitor.stop();
    await tc.close();
  });

  it('with agent.lb.enabled a joining server takes its fair share, and only then', async () => {
    const db = tc.core.store.db;
    const other = crypto.randomUUID();
    const now = nowIso();
    await db
      .insertInto('management_servers')
      .values({ uuid: other, name: 'mgmt-busy', state: 'Up', started: now, last_heartbeat: now })
      .execute();
    const zone = await seedZone(db, { name: 'Z1' });
    const cluster = await seedCluster(db, await seedPod(db, zone.id, { name: 'P1' }), { name: 'C1' });
    for (let i = 0; i < 9; i++) await seedHost(db, cluster, { name: `h${i}` });
    await db.updateTable('hosts').set({ owner_server: other }).execute();
    const owned = async (uuid: string) =>
      Number(
        (
          await db
            .selectFrom('hosts')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('owner_server', '=', uuid)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const me = tc.core.services.serverId;

    tc.core.hostMonitor.start();
    await tc.core.hostMonitor.takeOver(); // off by default: the live server keeps its hosts
    expect(await owned(me)).toBe(0);

    ok(await tc.call('updateConfiguration', { name: 'agent.lb.enabled', value: 'true' }));
    await tc.core.hostMonitor.takeOver();
    expect(await owned(me)).toBe(4);
    expect(await owned(other)).toBe(5);
    expect(await rebalanceHosts(tc.core.services)).toBe(0); // balanced: nothing moves back and forth

    // A server that stops heart-beating loses its hosts to the live one at the next heartbeat.
    const old = new Date(Date.now() - 3_600_000).toISOString();
    await db.updateTable('management_servers').set({ last_heartbeat: old }).where('uuid', '=', other).execute();
    await tc.core.hostMonitor.takeOver();
    expect(await owned(me)).toBe(9);
  });
});

describe.each(dialects())('migration 0006 (%s)', (dialect) => {
  it('keeps one row per server name, moving the hosts of older rows to the newest', async () => {
    const database = await freshDatabase(dialect);
    const store = openStore(database.config);
    try {
      const before = MIGRATIONS.filter((m) => m.name < '0006');
      const provider = {
        getMigrations: async () =>
          Object.fromEntries(before.map((m) => [m.name, { up: (db: Kysely<unknown>) => m.up(db, store.dialect) }])),
      };
      await new Migrator({ db: store.db, provider, migrationTableName: 'schema_migrations' }).migrateToLatest();
      const [older, newer, other] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      const now = nowIso();
      for (const [uuid, name] of [
        [older, 'ms1'],
        [newer, 'ms1'],
        [other, 'ms2'],
      ] as const) {
        await store.db
          .insertInto('management_servers')
          .values({ uuid, name, state: 'Down', started: now, last_heartbeat: now })
          .execute();
      }
      const zone = await seedZone(store.db, { name: 'Z1' });
      const cluster = await seedCluster(store.db, await seedPod(store.db, zone.id, { name: 'P1' }), { name: 'C1' });
      const h1 = await seedHost(store.db, cluster, { name: 'h1' });
      const h2 = await seedHost(store.db, cluster, { name: 'h2' });
      await store.db.updateTable('hosts').set({ owner_server: older }).where('id', '=', h1.id).execute();
      await store.db.updateTable('hosts').set({ owner_server: other }).where('id', '=', h2.id).execute();

      await migrate(store);
      const rows = await store.db.selectFrom('management_servers').select(['uuid', 'name']).orderBy('name').execute();
      expect(rows).toEqual([
        { uuid: newer, name: 'ms1' },
        { uuid: other, name: 'ms2' },
      ]);
      const owners = await store.db.selectFrom('hosts').select(['id', 'owner_server']).orderBy('id').execute();
      expect(owners.map((o) => o.owner_server)).toEqual([newer, other]);
      await expect(
        store.db
          .insertInto('management_servers')
          .values({ uuid: crypto.randomUUID(), name: 'ms1', state: 'Down', started: now, last_heartbeat: now })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
