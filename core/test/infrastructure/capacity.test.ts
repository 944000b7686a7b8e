import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema';
import { nowIso } from '../../src/domain/time';
import { CapacityMonitor } from '../../src/services/capacity/capacity-monitor';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, fails, ok } from '../tenancy/fixtures';
import { seedCluster, seedHost, seedPod, seedZone } from './seed';

const GiB = 1024 ** 3;
type Db = Kysely<Database>;

async function seedPool(
  db: Db,
  values: {
    zoneId: number;
    podId?: number | null;
    clusterId?: number | null;
    scope?: string;
    capacity: number;
    used: number;
    allocated?: number;
    status?: string;
    name?: string;
  },
) {
  return db
    .insertInto('storage_pools')
    .values({
      uuid: crypto.randomUUID(),
      name: values.name ?? `pool-${crypto.randomBytes(3).toString('hex')}`,
      zone_id: values.zoneId,
      pod_id: values.podId ?? null,
      cluster_id: values.clusterId ?? null,
      scope: values.scope ?? (values.clusterId ? 'CLUSTER' : 'ZONE'),
      pool_type: 'NetworkFilesystem',
      url: `nfs://10.0.0.1/${crypto.randomBytes(3).toString('hex')}`,
      host_address: '10.0.0.1',
      path: '/x',
      hypervisor: 'Simulator',
      provider: 'DefaultPrimary',
      capacity_bytes: values.capacity,
      used_bytes: values.used,
      allocated_bytes: values.allocated ?? 0,
      capacity_iops: null,
      status: values.status ?? 'Up',
      created: nowIso(),
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function seedStore(db: Db, zoneId: number, total: number, used: number) {
  await db
    .insertInto('image_stores')
    .values({
      uuid: crypto.randomUUID(),
      name: `store-${crypto.randomBytes(3).toString('hex')}`,
      zone_id: zoneId,
      provider: 'NFS',
      protocol: 'nfs',
      url: `nfs://10.0.0.2/${crypto.randomBytes(3).toString('hex')}`,
      scope: 'ZONE',
      read_only: 0,
      total_bytes: total,
      used_bytes: used,
      created: nowIso(),
      removed: null,
    })
    .execute();
}

async function setHost(db: Db, id: number, values: Partial<Database['hosts']> & Record<string, unknown>) {
  await db
    .updateTable('hosts')
    .set(values as never)
    .where('id', '=', id)
    .execute();
}

function byName(rows: any[]): Record<string, any> {
  return Object.fromEntries(rows.map((r) => [r.name, r]));
}

describe.each(dialects())('capacity (%s)', (dialect) => {
  let tc: TestCore;
  let db: Db;
  let zone: { id: number; uuid: string };
  let zone2: { id: number; uuid: string };
  let pod: { id: number; uuid: string; zone_id: number };
  let c1: { id: number; uuid: string; pod_id: number; zone_id: number };
  let c2: { id: number; uuid: string; pod_id: number; zone_id: number };
  let c2host: { id: number };

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    db = tc.core.store.db;
    zone = await seedZone(db, { name: 'cap-a' });
    zone2 = await seedZone(db, { name: 'cap-b', networkType: 'Basic' });
    pod = await seedPod(db, zone.id, { name: 'cap-pod', startIp: '172.16.15.2', endIp: '172.16.15.101' });
    c1 = await seedCluster(db, pod, { name: 'cap-c1' });
    c2 = await seedCluster(db, pod, { name: 'cap-c2' });
    // c2's own overprovisioning factors (cluster-scoped values) win over the global ones.
    ok(await tc.call('updateConfiguration', { name: 'mem.overprovisioning.factor', value: '2', clusterid: c2.uuid }));
    ok(await tc.call('updateConfiguration', { name: 'cpu.overprovisioning.factor', value: '1.5', clusterid: c2.uuid }));

    const h1 = await seedHost(db, c1, { cpuNumber: 8, memoryGiB: 32 });
    await setHost(db, h1.id, { cpu_speed: 2000, cpu_allocated: 4000, memory_allocated: 8 * GiB, cpu_sockets: 2 });
    const h2 = await seedHost(db, c1, { cpuNumber: 16, memoryGiB: 64, status: 'Down' });
    await setHost(db, h2.id, { cpu_speed: 2500, cpu_allocated: 10000, memory_allocated: 16 * GiB });
    // Not counted: a disabled host, a host in maintenance and a removed host.
    const h3 = await seedHost(db, c1, { cpuNumber: 64, memoryGiB: 512, resourceState: 'Disabled' });
    await setHost(db, h3.id, { cpu_allocated: 1, memory_allocated: 1 });
    await seedHost(db, c1, { cpuNumber: 64, memoryGiB: 512, resourceState: 'Maintenance' });
    const removed = await seedHost(db, c1, { cpuNumber: 64, memoryGiB: 512 });
    await setHost(db, removed.id, { removed: nowIso() });
    c2host = await seedHost(db, c2, { cpuNumber: 4, memoryGiB: 16 });
    await setHost(db, c2host.id, { cpu_speed: 3000, cpu_allocated: 9000, memory_allocated: 12 * GiB });

    await seedPool(db, {
      zoneId: zone.id,
      podId: pod.id,
      clusterId: c1.id,
      capacity: 1000 * GiB,
      used: 100 * GiB,
      allocated: 50 * GiB,
    });
    await seedPool(db, { zoneId: zone.id, capacity: 500 * GiB, used: 50 * GiB });
    await seedPool(db, {
      zoneId: zone.id,
      podId: pod.id,
      clusterId: c2.id,
      capacity: 700 * GiB,
      used: 1,
      status: 'Disabled',
    });
    await seedStore(db, zone.id, 2000 * GiB, 500 * GiB);

    const pn = await db
      .insertInto('physical_networks')
      .values({
        uuid: crypto.randomUUID(),
        zone_id: zone.id,
        name: 'pn',
        vlan: '100-199,300',
        isolation_methods: 'VLAN',
        tags: null,
        speed: null,
        broadcast_domain_range: 'ZONE',
        domain_id: null,
        state: 'Enabled',
        created: nowIso(),
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('vlan_ip_ranges')
      .values({
        uuid: crypto.randomUUID(),
        zone_id: zone.id,
        pod_id: null,
        physical_network_id: pn.id,
        network_id: null,
        vlan_tag: 'vlan://50',
        gateway: '10.0.0.1',
        netmask: '255.255.255.0',
        start_ip: '10.0.0.10',
        end_ip: '10.0.0.29',
        start_num: 167772170,
        end_num: 167772189,
        for_virtual_network: 1,
        for_system_vms: 0,
        account_id: null,
        domain_id: null,
        description: null,
        created: nowIso(),
        removed: null,
      })
      .execute();
  });
  afterAll(async () => tc?.close());

  it('answers one row per type for each zone, equal to hand-computed sums', async () => {
    const r = ok(await tc.call('listCapacity', { zoneid: zone.uuid }));
    const rows = byName(r.capacity);
    expect(r.count).toBe(r.capacity.length);
    const cpu = 8 * 2000 + 16 * 2500 + 4 * 3000 * 1.5;
    const mem = 32 * GiB + 64 * GiB + 16 * GiB * 2;
    expect(rows.CPU).toMatchObject({
      type: 1,
      zoneid: zone.uuid,
      zonename: 'cap-a',
      capacitytotal: cpu,
      capacityused: 23000,
    });
    expect(rows.CPU.percentused).toBe(((23000 / cpu) * 100).toFixed(2));
    expect(rows.MEMORY).toMatchObject({ type: 0, capacitytotal: mem, capacityused: 36 * GiB });
    expect(rows.CPU_CORE).toMatchObject({ type: 90, capacitytotal: 28, capacityused: 0 });
    expect(rows.STORAGE).toMatchObject({
      capacitytotal: 1500 * GiB,
      capacityused: 150 * GiB,
      capacityallocated: 50 * GiB,
    });
    expect(rows.STORAGE_ALLOCATED).toMatchObject({ capacitytotal: 3000 * GiB, capacityused: 50 * GiB });
    expect(rows.SECONDARY_STORAGE).toMatchObject({
      capacitytotal: 2000 * GiB,
      capacityused: 500 * GiB,
      percentused: '25.00',
    });
    expect(rows.VIRTUAL_NETWORK_PUBLIC_IP).toMatchObject({ capacitytotal: 20, capacityused: 0, percentused: '0.00' });
    // 100 reserved addresses; the 5 hosts of the pod (removed ones aside) hold one each.
    expect(rows.PRIVATE_IP).toMatchObject({ capacitytotal: 100, capacityused: 5, percentused: '5.00' });
    expect(rows.VLAN).toMatchObject({ capacitytotal: 101, capacityused: 0 });
    expect(rows.DIRECT_ATTACHED_PUBLIC_IP).toBeUndefined();
    expect(rows.CPU.podid).toBeUndefined();
    // Ordered by type.
    expect(r.capacity.map((x: any) => x.type)).toEqual([...r.capacity.map((x: any) => x.type)].sort((a, b) => a - b));
  });

  it('groups by zone without filters, by pod with podid and by cluster with clusterid', async () => {
    const all = ok(await tc.call('listCapacity', {}));
    const zones = new Set(all.capacity.map((x: any) => x.zonename));
    expect([...zones]).toEqual(['cap-a', 'cap-b']);
    expect(all.capacity.filter((x: any) => x.name === 'CPU')).toHaveLength(2);
    const basic = byName(all.capacity.filter((x: any) => x.zonename === 'cap-b'));
    expect(basic.DIRECT_ATTACHED_PUBLIC_IP).toMatchObject({ capacitytotal: 0 });
    expect(basic.VIRTUAL_NETWORK_PUBLIC_IP).toBeUndefined();

    const podRows = byName(ok(await tc.call('listCapacity', { podid: pod.uuid })).capacity);
    expect(podRows.CPU).toMatchObject({ podid: pod.uuid, podname: 'cap-pod', capacityused: 23000 });
    expect(podRows.PRIVATE_IP.capacitytotal).toBe(100);
    expect(podRows.SECONDARY_STORAGE).toBeUndefined();
    expect(podRows.STORAGE.capacitytotal).toBe(1000 * GiB);

    const c1Rows = byName(ok(await tc.call('listCapacity', { clusterid: c1.uuid })).capacity);
    expect(Object.keys(c1Rows).sort()).toEqual(['CPU', 'CPU_CORE', 'MEMORY', 'STORAGE', 'STORAGE_ALLOCATED']);
    expect(c1Rows.CPU).toMatchObject({
      clusterid: c1.uuid,
      clustername: 'cap-c1',
      podid: pod.uuid,
      capacitytotal: 56000,
      capacityused: 14000,
      percentused: '25.00',
    });
    expect(c1Rows.MEMORY).toMatchObject({ capacitytotal: 96 * GiB, capacityused: 24 * GiB, percentused: '25.00' });
    const c2Rows = byName(ok(await tc.call('listCapacity', { clusterid: c2.uuid })).capacity);
    expect(c2Rows.MEMORY).toMatchObject({ capacitytotal: 32 * GiB, capacityused: 12 * GiB, percentused: '37.50' });
    expect(c2Rows.STORAGE).toMatchObject({ capacitytotal: 0, percentused: '0.00' });

    const onlyCpu = ok(await tc.call('listCapacity', { clusterid: c2.uuid, type: '1' }));
    expect(onlyCpu.capacity).toHaveLength(1);
    expect(onlyCpu.capacity[0]).toMatchObject({ capacitytotal: 18000, capacityused: 9000, percentused: '50.00' });
    const page = ok(await tc.call('listCapacity', { zoneid: zone.uuid, pagesize: '2', page: '2' }));
    expect(page.capacity).toHaveLength(2);
    expect(page.capacity.map((x: any) => x.type)).toEqual([2, 3]);
  });

  it('sorts by usage with sortby=usage and refuses other sort keys', async () => {
    const r = ok(await tc.call('listCapacity', { zoneid: zone.uuid, sortby: 'usage' }));
    const pct = r.capacity.map((x: any) => Number(x.percentused));
    expect(pct).toEqual([...pct].sort((a, b) => b - a));
    expect(r.capacity[0].name).toBe('CPU');
    fails(
      await tc.call('listCapacity', { sortby: 'name' }),
      431,
      /Only value supported for sortBy parameter is : usage/,
    );
  });

  it('follows the overprovisioning factors', async () => {
    ok(await tc.call('updateConfiguration', { name: 'cpu.overprovisioning.factor', value: '2' }));
    ok(await tc.call('updateConfiguration', { name: 'mem.overprovisioning.factor', value: '1.5' }));
    ok(await tc.call('updateConfiguration', { name: 'storage.overprovisioning.factor', value: '3' }));
    const rows = byName(ok(await tc.call('listCapacity', { zoneid: zone.uuid, fetchlatest: 'true' })).capacity);
    expect(rows.CPU.capacitytotal).toBe((8 * 2000 + 16 * 2500) * 2 + 4 * 3000 * 1.5);
    expect(rows.MEMORY.capacitytotal).toBe((32 * GiB + 64 * GiB) * 1.5 + 16 * GiB * 2);
    expect(rows.STORAGE_ALLOCATED.capacitytotal).toBe(4500 * GiB);
    expect(rows.CPU_CORE.capacitytotal).toBe(28);
    for (const [name, value] of [
      ['cpu.overprovisioning.factor', '1'],
      ['mem.overprovisioning.factor', '1'],
      ['storage.overprovisioning.factor', '2'],
    ])
      ok(await tc.call('updateConfiguration', { name: name as string, value: value as string }));
  });

  it('samples history and raises one alert when a cluster crosses its threshold, refreshed on the next sample', async () => {
    const alerts = () =>
      db.selectFrom('alerts').selectAll().where('resource_id', '=', c2.uuid).where('type', '=', 0).execute();
    await tc.core.capacityMonitor.sample();
    expect(await alerts()).toHaveLength(0);
    const zoneHistory = await db.selectFrom('capacity_history').selectAll().where('zone_id', '=', zone.id).execute();
    expect(zoneHistory.filter((h) => h.pod_id === null && h.cluster_id === null).length).toBe(9);
    expect(
      zoneHistory
        .filter((h) => h.cluster_id === c1.id)
        .map((h) => h.capacity_type)
        .sort(),
    ).toEqual([0, 1, 2, 3]);
    // c2 has no usable pool: its storage rows (total 0) are not kept.
    expect(
      zoneHistory
        .filter((h) => h.cluster_id === c2.id)
        .map((h) => h.capacity_type)
        .sort(),
    ).toEqual([0, 1]);

    // 30 of 32 GiB allocated: 93.75% > 75%.
    await setHost(db, c2host.id, { memory_allocated: 30 * GiB });
    await tc.core.capacityMonitor.sample();
    const raised = await alerts();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({
      name: 'ALERT.MEMORY',
      archived: 0,
      cluster_id: c2.id,
      pod_id: pod.id,
      zone_id: zone.id,
    });
    expect(raised[0]!.subject).toMatch(
      /Low Available Memory in cluster cap-c2 pod cap-pod of availability zone cap-a \(93\.75% used/,
    );
    const listed = ok(await tc.call('listAlerts', { type: '0' })).alert;
    expect(listed).toHaveLength(1);

    await new Promise((r) => setTimeout(r, 5));
    await tc.core.capacityMonitor.sample();
    const again = await alerts();
    expect(again).toHaveLength(1);
    expect(again[0]!.last_sent > raised[0]!.last_sent).toBe(true);

    // Back under the threshold: the alert is archived; crossing again raises a new one.
    await setHost(db, c2host.id, { memory_allocated: 12 * GiB });
    await tc.core.capacityMonitor.sample();
    expect((await alerts()).map((a) => a.archived)).toEqual([1]);
    expect(ok(await tc.call('listAlerts', { type: '0' })).count ?? 0).toBe(0);
  });

  it('lists capacity history by level, type and dates', async () => {
    const zoneRows = ok(await tc.call('listCapacityHistory', { zoneid: zone.uuid, type: '0' })).capacityhistory;
    expect(zoneRows.length).toBe(4);
    expect(zoneRows[0]).toMatchObject({ type: 0, name: 'MEMORY', zoneid: zone.uuid });
    expect(zoneRows[0].podid).toBeUndefined();
    expect(zoneRows[0].sampled).toMatch(/\+0000$/);
    expect(typeof zoneRows[0].percentused).toBe('string');
    const sampled = zoneRows.map((r: any) => r.sampled);
    expect(sampled).toEqual([...sampled].sort());

    const clusterRows = ok(await tc.call('listCapacityHistory', { clusterid: c2.uuid, type: '0' })).capacityhistory;
    expect(clusterRows.map((r: any) => r.percentused)).toEqual(['37.50', '93.75', '93.75', '37.50']);
    expect(clusterRows[0]).toMatchObject({ clusterid: c2.uuid, podid: pod.uuid, zoneid: zone.uuid });

    const podRows = ok(await tc.call('listCapacityHistory', { podid: pod.uuid })).capacityhistory;
    expect(new Set(podRows.map((r: any) => r.name))).toEqual(new Set(['PRIVATE_IP']));

    const both = ok(await tc.call('listCapacityHistory', {})).capacityhistory;
    expect(new Set(both.map((r: any) => r.zoneid))).toEqual(new Set([zone.uuid, zone2.uuid]));

    const future = ok(await tc.call('listCapacityHistory', { startdate: '2999-01-01' }));
    expect(future.count ?? 0).toBe(0);
    const paged = ok(await tc.call('listCapacityHistory', { zoneid: zone.uuid, pagesize: '3', page: '2' }));
    expect(paged.count).toBe(36);
    expect(paged.capacityhistory).toHaveLength(3);
    fails(
      await tc.call('listCapacityHistory', { startdate: '2020-01-02', enddate: '2020-01-01' }),
      431,
      /enddate must not be before startdate/,
    );
  });

  it('prunes samples older than capacity.history.retention.days', async () => {
    await db
      .insertInto('capacity_history')
      .values({
        sampled: new Date(Date.now() - 40 * 24 * 3600 * 1000).toISOString(),
        capacity_type: 0,
        zone_id: zone.id,
        pod_id: null,
        cluster_id: null,
        total: 1,
        used: 1,
      })
      .execute();
    const old = () =>
      db
        .selectFrom('capacity_history')
        .select('id')
        .where('sampled', '<', new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString())
        .execute();
    expect(await old()).toHaveLength(1);
    await tc.core.capacityMonitor.sample();
    expect(await old()).toHaveLength(0);
  });

  it('starts and stops its timer without sampling twice at once', async () => {
    // A monitor of its own, sampling from the first check (a second after start) every second.
    ok(await tc.call('updateConfiguration', { name: 'capacity.check.period', value: '1000' }));
    const monitor = new CapacityMonitor(tc.core.services, { firstSampleDelayMs: 0 });
    // Each sample is slowed down so that overlapping samples would be caught at it.
    const runs: { start: number; end?: number }[] = [];
    let active = 0;
    let maxActive = 0;
    const seam = monitor as unknown as { sampleOnce(): Promise<void> };
    const sampleOnce = seam.sampleOnce.bind(monitor);
    vi.spyOn(seam, 'sampleOnce').mockImplementation(async () => {
      const run: { start: number; end?: number } = { start: Date.now() };
      runs.push(run);
      active += 1;
      maxActive = Math.max(maxActive, active);
      try {
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sampleOnce();
      } finally {
        active -= 1;
        run.end = Date.now();
      }
    });
    try {
      monitor.start();
      // The timer samples on its own.
      await vi.waitFor(() => expect(runs).toHaveLength(1), { timeout: 5_000, interval: 10 });
      expect(active).toBe(1);
      // Samples asked for while the timer's sample runs wait for it, then for each other.
      await Promise.all([monitor.sample(), monitor.sample()]);
      expect(runs).toHaveLength(3);
      expect(maxActive).toBe(1);
      // The timer keeps sampling while started.
      await vi.waitFor(() => expect(runs).toHaveLength(4), { timeout: 5_000, interval: 10 });
      expect(active).toBe(1);
      // stop() waits for the sample under way; no sample starts after it.
      await monitor.stop();
      expect(active).toBe(0);
      expect(runs.every((run) => run.end !== undefined)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(runs).toHaveLength(4);
      // Never two at once: each sample started after the previous one ended.
      expect(maxActive).toBe(1);
      for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBeGreaterThanOrEqual(runs[i - 1]!.end!);
    } finally {
      await monitor.stop();
      ok(await tc.call('updateConfiguration', { name: 'capacity.check.period', value: '300000' }));
    }
  });

  it('is for admins and resource admins', async () => {
    const ra = await createAccount(tc, { username: `cap-ra-${dialect}`, accounttype: 3 });
    expect(ok(await tc.call('listCapacity', {}, await callerOf(tc, ra.user[0].id))).count).toBeGreaterThan(0);
    const user = await createAccount(tc, { username: `cap-user-${dialect}` });
    fails(await tc.call('listCapacity', {}, await callerOf(tc, user.user[0].id)), 432);
  });
});
