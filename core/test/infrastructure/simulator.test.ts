import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_TYPE } from '../../src/domain/roles';
import type { HostTarget } from '../../src/drivers/hypervisor/types';
import { simulatorMocks } from '../../src/services/infrastructure/simulator-mocks';
import { dialects, startTestCore, type TestCore } from '../harness';
import { createAccount, eventsOfType, fails, ok } from '../tenancy/fixtures';
import { seedCluster, seedHost, seedPod, seedZone } from './seed';

type Host = Awaited<ReturnType<typeof seedHost>>;

describe.each(dialects())('simulator fault injection (%s)', (dialect) => {
  let tc: TestCore;
  let zone: Awaited<ReturnType<typeof seedZone>>;
  let pod: Awaited<ReturnType<typeof seedPod>>;
  let cluster: Awaited<ReturnType<typeof seedCluster>>;
  let h1: Host;
  let h2: Host;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const db = tc.core.store.db;
    zone = await seedZone(db, { name: 'Z1' });
    pod = await seedPod(db, zone.id, { name: 'P1' });
    cluster = await seedCluster(db, pod, { name: 'C1' });
    h1 = await seedHost(db, cluster, { name: 'h1' });
    h2 = await seedHost(db, cluster, { name: 'h2' });
  });
  afterAll(async () => tc?.close());

  const target = (h: Host): HostTarget => ({
    hostId: h.id,
    uuid: h.uuid,
    url: h.url,
    zoneId: h.zone_id,
    podId: h.pod_id,
    clusterId: h.cluster_id,
  });
  const driver = () => tc.core.services.hypervisors.get('Simulator');
  /** Pings a host n times; true where the ping answered. */
  const pings = async (h: Host, n: number) => {
    const out: boolean[] = [];
    for (let i = 0; i < n; i++) {
      out.push(
        await driver()
          .ping(target(h))
          .then(
            () => true,
            () => false,
          ),
      );
    }
    return out;
  };
  const mockCount = async () =>
    Number(
      (
        await tc.core.store.db
          .selectFrom('simulator_mocks')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const configure = async (params: Record<string, string>) =>
    ok(await tc.call('configureSimulator', params)).simulatormock;
  const cleanup = async (id: string) => ok(await tc.call('cleanupSimulatorMock', { id }));

  it('configureSimulator answers a simulatormock, filling in the scope above the host', async () => {
    const m = await configure({
      name: 'pingcommand',
      value: 'wait:10;result:fail',
      hostid: h1.uuid,
      count: '2',
      nth: '1',
    });
    expect(m).toMatchObject({
      name: 'PingCommand',
      value: 'result:fail,wait:10',
      zoneid: zone.uuid,
      podid: pod.uuid,
      clusterid: cluster.uuid,
      hostid: h1.uuid,
      hostname: 'h1',
      count: 2,
      nth: 1,
      callsseen: 0,
      active: true,
    });
    expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok(await tc.call('querySimulatorMock', { id: m.id })).simulatormock).toEqual(m);
    expect(await eventsOfType(tc, 'SIMULATOR.MOCK.CONFIGURE', m.id)).toBe(1);
    const listed = ok(await tc.call('listSimulatorMocks', { hostid: h1.uuid }));
    expect(listed.count).toBe(1);
    expect(listed.simulatormock[0].id).toBe(m.id);
    await cleanup(m.id);
    expect(await eventsOfType(tc, 'SIMULATOR.MOCK.CLEANUP', m.id)).toBe(1);
    fails(await tc.call('querySimulatorMock', { id: m.id }), 431, /Unable to find simulator mock/);
    fails(await tc.call('cleanupSimulatorMock', { id: m.id }), 431);
    expect(ok(await tc.call('listSimulatorMocks', {})).count ?? 0).toBe(0);
  });

  it('refuses bad mocks and writes nothing', async () => {
    const before = await mockCount();
    fails(await tc.call('configureSimulator', { name: 'FlyCommand', value: 'result:fail' }), 431, /valid names/);
    fails(await tc.call('configureSimulator', { name: 'PingCommand', value: 'explode' }), 431, /result:fail/);
    expect(fails(await tc.call('configureSimulator', { name: 'PingCommand', value: 'wait:soon' }), 431)).toMatchObject({
      errortext: 'Invalid wait "soon" in mock value: use wait:<milliseconds> up to 600000',
      errorkey: 'error.simulatorMock.badWait',
      errorparams: { wait: 'soon', max: '600000' },
    });
    fails(await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', count: '0' }), 431);
    fails(await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', nth: '0' }), 431);
    fails(
      await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', jsonresponse: '{oops' }),
      431,
      /JSON/,
    );
    const otherPod = await seedPod(tc.core.store.db, zone.id, { name: 'P2' });
    fails(
      await tc.call('configureSimulator', {
        name: 'PingCommand',
        value: 'result:fail',
        hostid: h1.uuid,
        podid: otherPod.uuid,
      }),
      431,
      /does not belong/,
    );
    fails(
      await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', hostid: crypto.randomUUID() }),
      431,
      /Unable to find host/,
    );
    expect(await mockCount()).toBe(before);
  });

  it('nth: the mock fails calls from the 3rd on; count stops it after that many fires', async () => {
    const m = await configure({ name: 'PingCommand', value: 'result:fail', hostid: h1.uuid, nth: '3' });
    expect(await pings(h1, 5)).toEqual([true, true, false, false, false]);
    expect(await pings(h2, 2)).toEqual([true, true]); // not in scope
    await cleanup(m.id);
    expect(await pings(h1, 1)).toEqual([true]);

    const limited = await configure({
      name: 'PingCommand',
      value: 'result:fail',
      hostid: h1.uuid,
      nth: '2',
      count: '2',
    });
    expect(await pings(h1, 5)).toEqual([true, false, false, true, true]);
    const q = ok(await tc.call('querySimulatorMock', { id: limited.id })).simulatormock;
    expect(q).toMatchObject({ callsseen: 3, count: 0, active: false });
    await cleanup(limited.id);
  });

  it('the most specific mock wins: host over cluster over zone', async () => {
    const zoneWide = await configure({ name: 'PingCommand', value: 'result:fail', zoneid: zone.uuid });
    const spared = await configure({ name: 'PingCommand', value: 'result:success', hostid: h2.uuid });
    expect(await pings(h1, 1)).toEqual([false]);
    expect(await pings(h2, 1)).toEqual([true]);
    const clusterWait = await configure({ name: 'PingCommand', value: 'wait:1', clusterid: cluster.uuid });
    expect(await pings(h1, 1)).toEqual([true]); // the cluster mock only waits
    await cleanup(clusterWait.id);
    expect(await pings(h1, 1)).toEqual([false]);
    await cleanup(zoneWide.id);
    await cleanup(spared.id);
    expect(await pings(h1, 1)).toEqual([true]);
  });

  it('wait:<ms> delays the operation by at least that long', async () => {
    const m = await configure({ name: 'GetHostStatsCommand', value: 'wait:250', hostid: h2.uuid });
    const started = performance.now();
    const stats = await driver().hostStats(target(h2));
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(stats.cpuUsedPercent).toBeGreaterThan(0);
    await cleanup(m.id);
  });

  it('counters are kept in memory and written in batches', async () => {
    const m = await configure({ name: 'PingCommand', value: 'result:success', clusterid: cluster.uuid });
    await pings(h1, 20);
    await pings(h2, 20);
    const mocks = simulatorMocks(tc.core.services);
    await mocks.flush();
    const row = await tc.core.store.db
      .selectFrom('simulator_mocks')
      .select(['calls_seen', 'remaining'])
      .where('uuid', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ calls_seen: 40, remaining: null });
    // A reload (another server's change) keeps counts made since the last write.
    await pings(h1, 2);
    await mocks.reload();
    expect(ok(await tc.call('querySimulatorMock', { id: m.id })).simulatormock.callsseen).toBe(42);
    await cleanup(m.id);
  });

  it('listSimulatorMocks pages', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await configure({ name: 'MaintainCommand', value: `wait:${i + 1}` })).id);
    const p1 = ok(await tc.call('listSimulatorMocks', { page: '1', pagesize: '2' }));
    const p3 = ok(await tc.call('listSimulatorMocks', { page: '3', pagesize: '2' }));
    expect(p1.count).toBe(5);
    expect(p1.simulatormock.map((m: any) => m.id)).toEqual(ids.slice(0, 2));
    expect(p3.simulatormock.map((m: any) => m.id)).toEqual(ids.slice(4));
    expect(ok(await tc.call('listSimulatorMocks', { name: 'PingCommand' })).count ?? 0).toBe(0);
    for (const id of ids) await cleanup(id);
  });

  it('resource admins list mocks but cannot configure them', async () => {
    await createAccount(tc, { username: 'simra', accounttype: ACCOUNT_TYPE.ResourceAdmin });
    const ra = await tc.callerFor('simra');
    ok(await tc.call('listSimulatorMocks', {}, ra));
    fails(await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail' }, ra), 432);
  });
});
