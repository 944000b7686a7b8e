import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/domain/time';
import type { LiveMessage } from '../../src/services/core-services';
import { HostMonitor } from '../../src/services/infrastructure/host-monitor';
import { dialects, startTestCore, type TestCore } from '../harness';
import { fails, ok } from '../tenancy/fixtures';
import { seedCluster, seedHost, seedPod, seedZone } from './seed';

type Cluster = Awaited<ReturnType<typeof seedCluster>>;

describe.each(dialects())('host monitor (%s)', (dialect) => {
  let tc: TestCore;
  let zone: Awaited<ReturnType<typeof seedZone>>;
  let pod: Awaited<ReturnType<typeof seedPod>>;
  let cluster: Cluster;
  let clock = Date.now();
  let monitor: HostMonitor;
  const messages: LiveMessage[] = [];

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const db = tc.core.store.db;
    zone = await seedZone(db, { name: 'Z1' });
    pod = await seedPod(db, zone.id, { name: 'P1' });
    cluster = await seedCluster(db, pod, { name: 'C1' });
    monitor = new HostMonitor(tc.core.services, { now: () => clock, batchSize: 16 });
    tc.core.events.subscribe((m) => messages.push(m));
  });
  afterAll(async () => {
    await monitor?.stop();
    await tc?.close();
  });

  const window = () => 60 * 2.5 * 1000; // ping.interval * ping.timeout, the defaults
  const hostRow = (uuid: string) =>
    tc.core.store.db.selectFrom('hosts').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
  const hostMessages = () =>
    messages.filter(
      (m): m is Extract<LiveMessage, { kind: 'resource' }> => m.kind === 'resource' && m.resource.type === 'Host',
    );
  const addHost = async (url: string, clusterRow: Cluster = cluster) =>
    ok(
      await tc.call('addHost', {
        zoneid: zone.uuid,
        podid: pod.uuid,
        clusterid: clusterRow.uuid,
        hypervisor: 'Simulator',
        url,
      }),
    ).host[0];
  const stateEvents = (uuid: string) =>
    tc.core.store.db
      .selectFrom('events')
      .select(['level', 'description'])
      .where('type', '=', 'HOST.STATE.CHANGE')
      .where('resource_id', '=', uuid)
      .orderBy('id')
      .execute();
  const openHostAlerts = (uuid: string) =>
    tc.core.store.db
      .selectFrom('alerts')
      .selectAll()
      .where('type', '=', 7)
      .where('resource_id', '=', uuid)
      .where('archived', '=', 0)
      .execute();

  it('a host that stops answering goes Disconnected, Alert, Down (alerting), and comes back Up', async () => {
    const h = await addHost('http://sim/mon/h0');
    const healthy = await addHost('http://sim/mon/h1');
    await monitor.tick();
    let row = await hostRow(h.id);
    expect(row.status).toBe('Up');
    expect(row.last_ping).toBe(new Date(clock).toISOString());
    expect(row.cpu_used_percent).toBeGreaterThan(0);
    expect(Number(row.memory_used)).toBeGreaterThan(0);
    const mock = ok(
      await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', hostid: h.id }),
    ).simulatormock;

    messages.length = 0;
    clock += 30_000;
    await monitor.tick();
    expect((await hostRow(h.id)).status).toBe('Up'); // silent for 30 s only
    expect(hostMessages()).toEqual([]);

    clock += window();
    await monitor.tick();
    expect((await hostRow(h.id)).status).toBe('Disconnected');
    // A problem from the first missed window: an alert at once, and an event saying why.
    const where = `name: sim-mon-h0 (id: ${h.id}), availability zone: Z1, pod: P1`;
    expect((await openHostAlerts(h.id)).map((a) => a.subject)).toEqual([`Host disconnected, ${where}`]);
    expect(await stateEvents(h.id)).toEqual([
      {
        level: 'WARN',
        description: expect.stringMatching(
          /^Host sim-mon-h0 is Disconnected \(was Up\): no answer to heartbeats since /,
        ),
      },
    ]);
    expect(hostMessages()).toEqual([
      {
        kind: 'resource',
        scope: { accountId: null, domainId: null },
        resource: { type: 'Host', ids: [h.id], change: 'state' },
      },
    ]);
    expect((await hostRow(healthy.id)).last_ping).toBe(new Date(clock).toISOString());

    clock += window() / 2;
    await monitor.tick();
    expect((await hostRow(h.id)).status).toBe('Disconnected');
    clock += window() / 2;
    await monitor.tick();
    expect((await hostRow(h.id)).status).toBe('Alert');
    expect((await openHostAlerts(h.id)).map((a) => a.subject)).toEqual([`Host is in alert state, ${where}`]);

    clock += window();
    await monitor.tick();
    row = await hostRow(h.id);
    expect(row.status).toBe('Down');
    const alerts = await openHostAlerts(h.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.subject).toBe(`Host is down, ${where}`);
    expect(alerts[0]).toMatchObject({ name: 'ALERT.HOST', zone_id: zone.id, pod_id: pod.id, cluster_id: cluster.id });
    const listed = ok(await tc.call('listHosts', { id: h.id })).host[0];
    expect(listed.state).toBe('Down');
    expect(listed.disconnected).toMatch(/\+0000$/);

    clock += window();
    await monitor.tick();
    expect((await hostRow(h.id)).status).toBe('Down');
    expect(await openHostAlerts(h.id)).toHaveLength(1);
    expect((await hostRow(healthy.id)).status).toBe('Up');

    messages.length = 0;
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
    clock += 1000;
    await monitor.tick();
    row = await hostRow(h.id);
    expect(row.status).toBe('Up');
    expect(row.last_ping).toBe(new Date(clock).toISOString());
    expect(await openHostAlerts(h.id)).toEqual([]);
    const archived = await tc.core.store.db
      .selectFrom('alerts')
      .select('archived')
      .where('resource_id', '=', h.id)
      .execute();
    expect(archived).toEqual([{ archived: 1 }]);
    const events = await stateEvents(h.id);
    expect(events.map((e) => e.description.replace(/: .*/, ''))).toEqual([
      'Host sim-mon-h0 is Disconnected (was Up)',
      'Host sim-mon-h0 is Alert (was Disconnected)',
      'Host sim-mon-h0 is Down (was Alert)',
      'Host sim-mon-h0 is Up (was Down)',
    ]);
    expect(events.map((e) => e.level)).toEqual(['WARN', 'WARN', 'ERROR', 'INFO']);
    expect(hostMessages().filter((m) => m.resource.change === 'state')).toEqual([
      expect.objectContaining({ resource: { type: 'Host', ids: [h.id], change: 'state' } }),
    ]);
    fails(await tc.call('querySimulatorMock', { id: mock.id }), 431, /Unable to find simulator mock/);
  });

  it('publishes one message per tick for every host whose state changed', async () => {
    const c = await seedCluster(tc.core.store.db, pod, { name: 'Many' });
    const hosts = [];
    for (let i = 0; i < 5; i++) hosts.push(await addHost(`http://sim/many/h${i}`, c));
    await monitor.tick();
    const mock = ok(
      await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', clusterid: c.uuid }),
    ).simulatormock;
    messages.length = 0;
    clock += window();
    await monitor.tick();
    const state = hostMessages();
    expect(state).toHaveLength(1);
    expect([...(state[0]?.resource.ids ?? [])].sort()).toEqual(hosts.map((h) => h.id).sort());
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
    await monitor.tick();
    for (const h of hosts) expect((await hostRow(h.id)).status).toBe('Up');
  });

  it('refreshes load figures of many hosts in batches', async () => {
    const db = tc.core.store.db;
    const c = await seedCluster(db, pod, { name: 'Stats' });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await seedHost(db, c, { name: `stats-${i}` })).uuid);
    clock += 60_000;
    await monitor.tick();
    const rows = await db
      .selectFrom('hosts')
      .select(['cpu_used_percent', 'memory_used', 'total_memory', 'last_ping', 'owner_server'])
      .where('cluster_id', '=', c.id)
      .execute();
    expect(rows).toHaveLength(40);
    const cpus = new Set<number>();
    for (const r of rows) {
      expect(r.owner_server).toBe(tc.core.services.serverId); // seeded hosts have no owner: adopted
      expect(r.last_ping).toBe(new Date(clock).toISOString());
      expect(r.cpu_used_percent).toBeGreaterThan(0);
      expect(r.cpu_used_percent).toBeLessThanOrEqual(100);
      expect(Number(r.memory_used)).toBeGreaterThan(0);
      expect(Number(r.memory_used)).toBeLessThanOrEqual(Number(r.total_memory));
      cpus.add(r.cpu_used_percent);
    }
    expect(cpus.size).toBeGreaterThan(20);
    const listed = ok(await tc.call('listHosts', { id: ids[0] as string })).host[0];
    expect(listed.cpuused).toMatch(/^\d+(\.\d{1,2})?%$/);
    expect(listed.cpuused).not.toBe('0%');
  });

  it.runIf(dialect === 'postgres')('records a round of answers in one transaction, whatever its batches', async () => {
    const db = tc.core.store.db;
    const c = await seedCluster(db, pod, { name: 'OneCommit' });
    for (let i = 0; i < 40; i++) await seedHost(db, c, { name: `commit-${i}` });
    clock += 60_000;
    await monitor.tick(); // adopts the seeded hosts
    const before = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(db);
    clock += 60_000;
    await monitor.tick();
    const writes = await sql<{ n: number }>`select count(distinct xid)::int as n from table_writes
      where relname = 'hosts' and xid > ${before.rows[0]?.xid}::xid8`.execute(db);
    // Three batches of 16 hosts, one commit: each commit makes every read view forget its hosts.
    expect(writes.rows[0]?.n).toBe(1);
  });

  it('leaves hosts in Maintenance alone and hosts of a live server to that server', async () => {
    const db = tc.core.store.db;
    const stale = new Date(clock - 10 * window()).toISOString();
    const maint = await seedHost(db, cluster, { name: 'in-maint', resourceState: 'Maintenance' });
    await db
      .updateTable('hosts')
      .set({ last_ping: stale, owner_server: tc.core.services.serverId })
      .where('id', '=', maint.id)
      .execute();
    const other = crypto.randomUUID();
    const dead = crypto.randomUUID();
    const now = nowIso();
    await db
      .insertInto('management_servers')
      .values([
        { uuid: other, name: 'other', state: 'Up', started: now, last_heartbeat: now },
        { uuid: dead, name: 'dead', state: 'Down', started: now, last_heartbeat: now },
      ])
      .execute();
    const theirs = await seedHost(db, cluster, { name: 'theirs' });
    await db.updateTable('hosts').set({ owner_server: other, last_ping: stale }).where('id', '=', theirs.id).execute();
    const orphan = await seedHost(db, cluster, { name: 'orphan' });
    await db.updateTable('hosts').set({ owner_server: dead, last_ping: stale }).where('id', '=', orphan.id).execute();

    const mock = ok(
      await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', clusterid: cluster.uuid }),
    ).simulatormock;
    clock += 1000;
    await monitor.tick();
    expect(await hostRow(maint.uuid)).toMatchObject({ status: 'Up', last_ping: stale });
    expect(await hostRow(theirs.uuid)).toMatchObject({ status: 'Up', last_ping: stale, owner_server: other });
    expect(await hostRow(orphan.uuid)).toMatchObject({
      status: 'Disconnected',
      owner_server: tc.core.services.serverId,
    });
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
    await monitor.tick();
    expect(await hostRow(orphan.uuid)).toMatchObject({ status: 'Up', last_ping: new Date(clock).toISOString() });
  });

  it('pings at bounded concurrency: slow hosts are pinged together, not one after another', async () => {
    const c = await seedCluster(tc.core.store.db, pod, { name: 'Slow' });
    const slow = [];
    // More than a batch (16), so a whole batch is there to ping at once.
    for (let i = 0; i < 20; i++) slow.push(await addHost(`http://sim/slow/h${i}`, c));
    const mock = ok(
      await tc.call('configureSimulator', { name: 'PingCommand', value: 'wait:50', clusterid: c.uuid }),
    ).simulatormock;
    // Counts the pings under way at once, around the real Simulator driver.
    const driver = tc.core.services.hypervisors.get('Simulator');
    const ping = driver.ping;
    let inFlight = 0;
    let most = 0;
    driver.ping = async (target) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        await ping.call(driver, target);
      } finally {
        inFlight -= 1;
      }
    };
    try {
      clock += 1000;
      await monitor.tick();
      // A whole batch (16 hosts) is pinged at once: one slow host does not hold up the next.
      expect(most).toBe(16);
      for (const h of slow) expect((await hostRow(h.id)).last_ping).toBe(new Date(clock).toISOString());

      most = 0;
      const narrow = new HostMonitor(tc.core.services, { now: () => clock, batchSize: 16, concurrency: 3 });
      clock += 1000;
      await narrow.tick();
      // ... and never more than the concurrency allows.
      expect(most).toBe(3);
      for (const h of slow) expect((await hostRow(h.id)).last_ping).toBe(new Date(clock).toISOString());
      await narrow.stop();
    } finally {
      Reflect.deleteProperty(driver, 'ping');
    }
    expect(driver.ping).toBe(ping);
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
  });

  it("the core's own monitor ticks on demand", async () => {
    const h = await addHost('http://sim/core/h0');
    await tc.core.store.db.updateTable('hosts').set({ status: 'Alert' }).where('uuid', '=', h.id).execute();
    await tc.core.hostMonitor.tick();
    expect((await hostRow(h.id)).status).toBe('Up');
  });
});
