import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { eventsOfType, fails, ok, runAsync } from '../tenancy/fixtures';
import { seedCluster, seedHost, seedPod, seedZone } from './seed';

type Zone = Awaited<ReturnType<typeof seedZone>>;
type Pod = Awaited<ReturnType<typeof seedPod>>;
type Cluster = Awaited<ReturnType<typeof seedCluster>>;

async function rowCounts(tc: TestCore): Promise<{ hosts: number; tags: number; clusters: number }> {
  const db = tc.core.store.db;
  const n = async (table: 'hosts' | 'host_tags' | 'clusters') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { hosts: await n('hosts'), tags: await n('host_tags'), clusters: await n('clusters') };
}

describe.each(dialects())('hosts (%s)', (dialect) => {
  let tc: TestCore;
  let zone: Zone;
  let pod: Pod;
  let cluster: Cluster;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const db = tc.core.store.db;
    zone = await seedZone(db, { name: 'Z1' });
    pod = await seedPod(db, zone.id, { name: 'P1' });
    cluster = await seedCluster(db, pod, { name: 'C1' });
  });
  afterAll(async () => tc?.close());

  const addHost = (params: Record<string, string>) =>
    tc.call('addHost', {
      zoneid: zone.uuid,
      podid: pod.uuid,
      clusterid: cluster.uuid,
      hypervisor: 'Simulator',
      username: 'root',
      password: 'password',
      ...params,
    });

  it('addHost connects a Simulator host and answers a one-item host list', async () => {
    const data = ok(await addHost({ url: 'http://sim/c0/h0', hosttags: 'ssd,gpu' }));
    expect(data.count).toBe(1);
    const h = data.host[0];
    expect(h).toMatchObject({
      name: 'sim-c0-h0',
      state: 'Up',
      resourcestate: 'Enabled',
      type: 'Routing',
      zoneid: zone.uuid,
      zonename: 'Z1',
      podid: pod.uuid,
      podname: 'P1',
      clusterid: cluster.uuid,
      clustername: 'C1',
      clustertype: 'CloudManaged',
      hypervisor: 'Simulator',
      hypervisorversion: '1.0',
      cpunumber: 16,
      cpusockets: 2,
      cpuspeed: 2400,
      cpuallocated: '0%',
      cpuallocatedvalue: 0,
      cpuallocatedpercentage: '0%',
      cpuused: '0%',
      cpuwithoverprovisioning: '38400',
      memorytotal: 64 * 1024 ** 3,
      memoryallocated: 0,
      memoryallocatedpercentage: '0%',
      memoryused: 0,
      memorywithoverprovisioning: String(64 * 1024 ** 3),
      hosttags: 'gpu,ssd',
      capabilities: 'hvm',
      arch: 'x86_64',
      managementserverid: tc.core.services.serverId,
    });
    // In the pod's subnet, outside the reserved 172.16.15.2-200 and the gateway.
    expect(h.ipaddress).toMatch(/^172\.16\.15\.(20[1-9]|2[1-4]\d|25[0-4])$/);
    expect(h.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/);
    expect(h.lastpinged).toMatch(/\+0000$/);
    expect(h).not.toHaveProperty('password');
    expect(JSON.stringify(h)).not.toContain('password');
    expect(await eventsOfType(tc, 'HOST.ADD', h.id)).toBe(1);

    const row = await tc.core.store.db
      .selectFrom('hosts')
      .selectAll()
      .where('uuid', '=', h.id)
      .executeTakeFirstOrThrow();
    expect(row.password).not.toBe('password');
    expect(tc.core.services.secrets.decrypt(row.password as string)).toBe('password');
    expect(row.owner_server).toBe(tc.core.services.serverId);

    const listed = ok(await tc.call('listHosts', { id: h.id }));
    expect(listed.count).toBe(1);
    expect(listed.host[0]).toEqual(h);
  });

  it("gives every Simulator host of a pod its own address in the pod's subnet, until the subnet is full", async () => {
    const db = tc.core.store.db;
    const z = await seedZone(db, { name: 'Z-addresses' });
    // 10.9.8.0/24 with 10.9.8.2-10.9.8.240 reserved: 14 addresses left (241-254).
    const p = await seedPod(db, z.id, {
      name: 'P-addresses',
      gateway: '10.9.8.1',
      startIp: '10.9.8.2',
      endIp: '10.9.8.240',
    });
    const c = await seedCluster(db, p, { name: 'C-addresses' });
    const add = async (i: number) =>
      ok(
        await tc.call('addHost', {
          zoneid: z.uuid,
          podid: p.uuid,
          clusterid: c.uuid,
          hypervisor: 'Simulator',
          url: `http://sim/addr/h${i}`,
          username: 'root',
          password: 'password',
        }),
      ).host[0].ipaddress as string;
    const addresses: string[] = [];
    for (let i = 0; i < 14; i++) addresses.push(await add(i));
    expect(new Set(addresses).size).toBe(14);
    for (const ip of addresses) expect(ip).toMatch(/^10\.9\.8\.(24[1-9]|25[0-4])$/);
    // A full subnet: the host keeps the address it reported, outside the pod.
    expect(await add(14)).not.toMatch(/^10\.9\.8\./);
  });
  it('reads sizes from the URL and honours allocationstate=Disabled', async () => {
    const h = ok(
      await addHost({ url: 'http://sim/c0/h1?cpunumber=4&cpuspeed=2000&memory=8192', allocationstate: 'Disabled' }),
    ).host[0];
    expect(h).toMatchObject({ cpunumber: 4, cpuspeed: 2000, memorytotal: 8192 * 1024 ** 2, resourcestate: 'Disabled' });
  });

  it('shows overprovisioning from the global factor and the cluster-scoped one', async () => {
    const db = tc.core.store.db;
    const c2 = await seedCluster(db, pod, { name: 'OC' });
    ok(await tc.call('updateConfiguration', { name: 'cpu.overprovisioning.factor', value: '4', clusterid: c2.uuid }));
    const host = await seedHost(db, c2, { name: 'oc-h', cpuNumber: 10, memoryGiB: 1 });
    await db
      .updateTable('hosts')
      .set({ cpu_allocated: 6000, memory_allocated: 512 * 1024 ** 2, cpu_used_percent: 12.345 })
      .where('id', '=', host.id)
      .execute();
    ok(await tc.call('updateConfiguration', { name: 'mem.overprovisioning.factor', value: '2' }));
    try {
      const h = ok(await tc.call('listHosts', { id: host.uuid })).host[0];
      expect(h).toMatchObject({
        cpuwithoverprovisioning: '96000',
        cpuallocatedvalue: 6000,
        cpuallocated: '6.25%',
        memorywithoverprovisioning: String(2 * 1024 ** 3),
        memoryallocated: 512 * 1024 ** 2,
        memoryallocatedpercentage: '25%',
        cpuused: '12.35%',
      });
    } finally {
      ok(await tc.call('updateConfiguration', { name: 'mem.overprovisioning.factor', value: '1' }));
    }
  });

  it('takes a URL already used in another cluster, as CloudStack does (advdualzone.cfg)', async () => {
    const other = await seedCluster(tc.core.store.db, pod, { name: 'C-dup' });
    const data = ok(await addHost({ url: 'http://sim2/c1/h1', clusterid: other.uuid }));
    const again = ok(await addHost({ url: 'http://sim2/c1/h1' }));
    expect(data.host[0].name).toBe('sim2-c1-h1');
    expect(again.host[0].clusterid).toBe(cluster.uuid);
    fails(await addHost({ url: 'http://sim2/c1/h1' }), 431, /already exists in cluster/);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = await rowCounts(tc);
    expect(
      fails(await addHost({ url: 'ssh://10.0.0.9' }), 431, /Simulator hosts are addressed as http:\/\/sim/),
    ).toMatchObject({
      errorkey: 'error.simulatorHost.badAddress',
      errorparams: { url: 'ssh://10.0.0.9' },
    });
    fails(await addHost({ url: 'http://sim/' }), 431, /must name the host/);
    expect(fails(await addHost({ url: 'http://sim/c0/h5?memory=lots' }), 431, /Invalid memory/)).toMatchObject({
      errorkey: 'error.simulatorHost.badMemory',
      errorparams: { param: 'memory', value: 'lots' },
    });
    expect(fails(await addHost({ url: 'http://sim/c0/h5', hypervisor: 'KVM' }), 431)).toMatchObject({
      errortext: 'Hypervisor KVM is not supported yet; this build supports: Simulator',
      errorkey: 'error.hypervisor.notInBuild',
      errorparams: { hypervisor: 'KVM', supported: 'Simulator' },
    });
    expect(
      fails(await addHost({ url: 'http://sim/c0/h5', hypervisor: 'Hyper-V' }), 431, /Unable to resolve hypervisor/),
    ).toMatchObject({ errorkey: 'error.hypervisor.unknown', errorparams: { value: 'Hyper-V' } });
    const kvm = await seedCluster(tc.core.store.db, pod, { name: 'KVM1', hypervisor: 'KVM' });
    fails(await addHost({ url: 'http://sim/c0/h5', clusterid: kvm.uuid }), 431, /cluster's hypervisor is KVM/);
    fails(await addHost({ url: 'http://sim/c0/h0', hosttags: 'x' }), 431, /already exists in cluster/);
    fails(
      await addHost({ url: 'http://sim/c0/h5', clusterid: undefined as unknown as string }),
      431,
      /clusterid or clustername/,
    );
    const otherPod = await seedPod(tc.core.store.db, zone.id, { name: 'P9' });
    fails(await addHost({ url: 'http://sim/c0/h5', podid: otherPod.uuid }), 431, /does not belong to pod P9/);
    fails(await addHost({ url: 'http://sim/c0/h5', clusterid: crypto.randomUUID() }), 431, /Unable to find cluster/);
    const after = await rowCounts(tc);
    expect(after).toEqual({ ...before, clusters: before.clusters + 1 });
  });

  it('the same URL may be used in another zone', async () => {
    const db = tc.core.store.db;
    const z2 = await seedZone(db, { name: 'Z2' });
    const p2 = await seedPod(db, z2.id, { name: 'P2' });
    const c2 = await seedCluster(db, p2, { name: 'C2' });
    const h = ok(
      await tc.call('addHost', {
        zoneid: z2.uuid,
        podid: p2.uuid,
        clusterid: c2.uuid,
        hypervisor: 'simulator',
        url: 'http://sim/c0/h0',
      }),
    ).host[0];
    expect(h.zonename).toBe('Z2');
  });

  it("addHost with a new clustername creates the cluster (Enabled, as CloudStack's) in the same transaction", async () => {
    const data = ok(
      await tc.call('addHost', {
        zoneid: zone.uuid,
        podid: pod.uuid,
        clustername: 'Fresh',
        hypervisor: 'Simulator',
        url: 'http://sim/fresh/h0',
      }),
    );
    expect(data.host[0].clustername).toBe('Fresh');
    const c = ok(await tc.call('listClusters', { name: 'Fresh' })).cluster[0];
    expect(c).toMatchObject({ hypervisortype: 'Simulator', allocationstate: 'Enabled', id: data.host[0].clusterid });
    expect(await eventsOfType(tc, 'CLUSTER.CREATE', c.id)).toBe(1);
    // An existing name is reused.
    const again = ok(
      await tc.call('addHost', {
        zoneid: zone.uuid,
        podid: pod.uuid,
        clustername: 'fresh',
        hypervisor: 'Simulator',
        url: 'http://sim/fresh/h1',
      }),
    );
    expect(again.host[0].clusterid).toBe(c.id);
  });

  it('a ReadyCommand mock with count=1 fails one addHost, then lets it through', async () => {
    const mock = ok(
      await tc.call('configureSimulator', {
        name: 'ReadyCommand',
        value: 'result:fail',
        clusterid: cluster.uuid,
        count: '1',
      }),
    ).simulatormock;
    const before = await rowCounts(tc);
    fails(await addHost({ url: 'http://sim/c0/h7' }), 530, /Unable to connect to host sim-c0-h7/);
    expect(await rowCounts(tc)).toEqual(before);
    const h = ok(await addHost({ url: 'http://sim/c0/h7' })).host[0];
    expect(h.state).toBe('Up');
    const q = ok(await tc.call('querySimulatorMock', { id: mock.id })).simulatormock;
    expect(q).toMatchObject({ count: 0, callsseen: 1, active: false });
  });

  it('a ReadyCommand wait mock delays addHost until cleaned up', async () => {
    const mock = ok(
      await tc.call('configureSimulator', { name: 'ReadyCommand', value: 'wait:300', clusterid: cluster.uuid }),
    ).simulatormock;
    const callsSeen = async () => {
      // The mock port counts calls in memory; settle() writes them to the row.
      await tc.core.services.hypervisors.get('Simulator').settle?.();
      const row = await tc.core.store.db
        .selectFrom('simulator_mocks')
        .select('calls_seen')
        .where('uuid', '=', mock.id)
        .executeTakeFirstOrThrow();
      return Number(row.calls_seen);
    };
    const started = performance.now();
    ok(await addHost({ url: 'http://sim/c0/slow' }));
    // The simulated delay is the behaviour under test: never shorter than the mock's wait.
    expect(performance.now() - started).toBeGreaterThan(300);
    expect(await callsSeen()).toBe(1);
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
    const quick = ok(await addHost({ url: 'http://sim/c0/quick' })).host[0];
    expect(quick.state).toBe('Up');
    // The removed mock no longer sees the cluster's ReadyCommand, so it cannot delay it.
    expect(await callsSeen()).toBe(1);
  });

  it('updateHost replaces tags, renames and enables/disables', async () => {
    const h = ok(await addHost({ url: 'http://sim/upd/h0', hosttags: 'a,b' })).host[0];
    const u = ok(
      await tc.call('updateHost', { id: h.id, hosttags: 'c', name: 'renamed', allocationstate: 'Disable' }),
    ).host;
    expect(u).toMatchObject({ id: h.id, name: 'renamed', hosttags: 'c', resourcestate: 'Disabled' });
    const e = ok(await tc.call('updateHost', { id: h.id, allocationstate: 'Enable' })).host;
    expect(e.resourcestate).toBe('Enabled');
    expect(e.hosttags).toBe('c');
    fails(await tc.call('updateHost', { id: h.id, allocationstate: 'Sideways' }), 431);
    // Enabling and disabling are recorded with their own verbs, not as a generic update.
    expect(await eventsOfType(tc, 'HOST.UPDATE', h.id)).toBe(0);
    expect(await eventsOfType(tc, 'HOST.DISABLE', h.id)).toBe(1);
    expect(await eventsOfType(tc, 'HOST.ENABLE', h.id)).toBe(1);
    ok(await tc.call('updateHost', { id: h.id, name: 'renamed-again' }));
    expect(await eventsOfType(tc, 'HOST.UPDATE', h.id)).toBe(1);
    const tagged = ok(await tc.call('listHosts', { hosttags: 'c' }));
    expect(tagged.host.map((x: any) => x.id)).toEqual([h.id]);
  });

  it('maintenance: PrepareForMaintenance -> Maintenance -> cancel -> Enabled, only from the right states', async () => {
    const h = ok(await addHost({ url: 'http://sim/maint/h0' })).host[0];
    fails(await tc.call('cancelHostMaintenance', { id: h.id }), 431, /is not in maintenance/);
    const job = await runAsync(tc, 'prepareHostForMaintenance', { id: h.id });
    expect(job.jobstatus).toBe(1);
    expect(job.jobinstancetype).toBe('Host');
    expect(job.jobinstanceid).toBe(h.id);
    expect(job.jobresult.host).toMatchObject({ id: h.id, resourcestate: 'Maintenance', state: 'Up' });
    expect(await eventsOfType(tc, 'MAINT.PREPARE', h.id)).toBe(1);
    fails(await tc.call('prepareHostForMaintenance', { id: h.id }), 431, /already in maintenance/);
    fails(await tc.call('updateHost', { id: h.id, allocationstate: 'Enable' }), 431, /resource state Maintenance/);
    const cancel = await runAsync(tc, 'cancelHostMaintenance', { id: h.id });
    expect(cancel.jobstatus).toBe(1);
    expect(cancel.jobresult.host.resourcestate).toBe('Enabled');
    expect(await eventsOfType(tc, 'MAINT.CANCEL', h.id)).toBe(1);
  });

  it('a failing MaintainCommand leaves the host in ErrorInMaintenance; a retry can succeed', async () => {
    const h = ok(await addHost({ url: 'http://sim/maint/h1' })).host[0];
    const mock = ok(
      await tc.call('configureSimulator', { name: 'MaintainCommand', value: 'result:fail', hostid: h.id }),
    ).simulatormock;
    const failed = await runAsync(tc, 'prepareHostForMaintenance', { id: h.id });
    expect(failed.jobstatus).toBe(2);
    expect(failed.jobresult.errortext).toMatch(/Failed to prepare host sim-maint-h1 for maintenance/);
    expect(ok(await tc.call('listHosts', { id: h.id })).host[0].resourcestate).toBe('ErrorInMaintenance');
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
    const retried = await runAsync(tc, 'prepareHostForMaintenance', { id: h.id });
    expect(retried.jobresult.host.resourcestate).toBe('Maintenance');
  });

  it('a host that is not Up cannot be prepared for maintenance', async () => {
    const h = await seedHost(tc.core.store.db, cluster, { name: 'down-h', status: 'Down' });
    fails(await tc.call('prepareHostForMaintenance', { id: h.uuid }), 431, /it is Down, not Up/);
  });

  it('reconnectHost goes through Connecting to Up, or Disconnected when the host does not answer', async () => {
    const h = ok(await addHost({ url: 'http://sim/rc/h0' })).host[0];
    await tc.core.store.db.updateTable('hosts').set({ status: 'Alert' }).where('uuid', '=', h.id).execute();
    const okJob = await runAsync(tc, 'reconnectHost', { id: h.id });
    expect(okJob.jobstatus).toBe(1);
    expect(okJob.jobresult.host.state).toBe('Up');
    const mock = ok(
      await tc.call('configureSimulator', { name: 'ReadyCommand', value: 'result:fail', hostid: h.id }),
    ).simulatormock;
    const bad = await runAsync(tc, 'reconnectHost', { id: h.id });
    expect(bad.jobstatus).toBe(2);
    expect(bad.jobresult.errortext).toMatch(/Failed to reconnect host sim-rc-h0/);
    expect(ok(await tc.call('listHosts', { id: h.id })).host[0].state).toBe('Disconnected');
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
    expect((await runAsync(tc, 'reconnectHost', { id: h.id })).jobresult.host.state).toBe('Up');
    expect(await eventsOfType(tc, 'HOST.RECONNECT', h.id)).toBe(3);
  });

  it('deleteHost needs Maintenance or Disabled unless forced', async () => {
    const db = tc.core.store.db;
    const a = ok(await addHost({ url: 'http://sim/del/a', hosttags: 't1' })).host[0];
    fails(await tc.call('deleteHost', { id: a.id }), 431, /Put it into maintenance or disable it first/);
    ok(await tc.call('updateHost', { id: a.id, allocationstate: 'Disable' }));
    ok(await tc.call('deleteHost', { id: a.id }));
    expect(ok(await tc.call('listHosts', { id: a.id })).count ?? 0).toBe(0);
    fails(await tc.call('deleteHost', { id: a.id }), 431, /Unable to find host/);
    const row = await db
      .selectFrom('hosts')
      .select(['id', 'removed'])
      .where('uuid', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.removed).not.toBeNull();
    expect(await db.selectFrom('host_tags').selectAll().where('host_id', '=', row.id).execute()).toEqual([]);
    expect(await eventsOfType(tc, 'HOST.DELETE', a.id)).toBe(1);
    // Its URL is free again.
    ok(await addHost({ url: 'http://sim/del/a' }));

    const b = ok(await addHost({ url: 'http://sim/del/b' })).host[0];
    await runAsync(tc, 'prepareHostForMaintenance', { id: b.id });
    ok(await tc.call('deleteHost', { id: b.id }));

    const c = ok(await addHost({ url: 'http://sim/del/c' })).host[0];
    ok(await tc.call('deleteHost', { id: c.id, forced: 'true' }));
  });

  it('listHosts pages ids first and counts every match', async () => {
    const db = tc.core.store.db;
    const big = await seedCluster(db, pod, { name: 'Big' });
    const seeded: string[] = [];
    for (let i = 0; i < 300; i++) {
      const h = await seedHost(db, big, {
        name: `bulk-${String(i).padStart(3, '0')}`,
        status: i % 10 === 0 ? 'Down' : 'Up',
        resourceState: i % 25 === 0 ? 'Disabled' : 'Enabled',
      });
      seeded.push(h.uuid);
    }
    const page1 = ok(await tc.call('listHosts', { clusterid: big.uuid, page: '1', pagesize: '100' }));
    const page3 = ok(await tc.call('listHosts', { clusterid: big.uuid, page: '3', pagesize: '100' }));
    const page4 = ok(await tc.call('listHosts', { clusterid: big.uuid, page: '4', pagesize: '100' }));
    expect(page1.count).toBe(300);
    expect(page1.host.map((h: any) => h.id)).toEqual(seeded.slice(0, 100));
    expect(page3.host.map((h: any) => h.id)).toEqual(seeded.slice(200, 300));
    expect(page4.host ?? []).toEqual([]);
    expect(page1.host[0]).toMatchObject({ clustername: 'Big', podname: 'P1', zonename: 'Z1', name: 'bulk-000' });
    expect(ok(await tc.call('listHosts', { clusterid: big.uuid, state: 'Down', pagesize: '5' })).count).toBe(30);
    expect(ok(await tc.call('listHosts', { clusterid: big.uuid, resourcestate: 'Disabled' })).count).toBe(12);
    expect(ok(await tc.call('listHosts', { clusterid: big.uuid, keyword: 'bulk-29' })).count).toBe(10);
    expect(ok(await tc.call('listHosts', { clusterid: big.uuid, pagesize: '-1' })).host).toHaveLength(300);
    const all = ok(await tc.call('listHosts', { zoneid: zone.uuid, pagesize: '50' }));
    expect(all.count).toBeGreaterThan(300);
    expect(all.host).toHaveLength(50);
    expect(ok(await tc.call('listHosts', { type: 'SecondaryStorage' })).count ?? 0).toBe(0);
  });
});
