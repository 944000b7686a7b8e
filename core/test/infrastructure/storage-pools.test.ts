import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { createAccount, callerOf, eventsOfType, fails, ok } from '../tenancy/fixtures';
import { seedCluster, seedHost, seedPod, seedZone } from './seed';

/** Every row of the storage tables and the number of events: a refused call changes none. */
async function snapshot(tc: TestCore): Promise<string> {
  const db = tc.core.store.db;
  const [pools, tags, events] = await Promise.all([
    db.selectFrom('storage_pools').selectAll().orderBy('id').execute(),
    db.selectFrom('storage_pool_tags').selectAll().orderBy('pool_id').orderBy('tag').execute(),
    db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ pools, tags, events: Number(events.n) });
}

async function runJob(tc: TestCore, command: string, params: Record<string, string>) {
  const r = ok(await tc.call(command, params));
  return tc.waitForJob(r.jobid);
}

describe.each(dialects())('storage pools (%s)', (dialect) => {
  let tc: TestCore;
  let zone: { id: number; uuid: string; name: string };
  let pod: { id: number; uuid: string; zone_id: number };
  let cluster: { id: number; uuid: string; pod_id: number; zone_id: number };
  let emptyCluster: { id: number; uuid: string; pod_id: number; zone_id: number };

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const db = tc.core.store.db;
    zone = await seedZone(db, { name: 'sp-zone' });
    pod = await seedPod(db, zone.id, { name: 'sp-pod' });
    cluster = await seedCluster(db, pod, { name: 'sp-cluster' });
    emptyCluster = await seedCluster(db, pod, { name: 'sp-empty' });
    await seedHost(db, cluster, { name: 'sp-host-1' });
    await seedHost(db, cluster, { name: 'sp-host-down', status: 'Down' });
    // Only Down or disabled hosts in the "empty" cluster: nothing can attach a pool there.
    await seedHost(db, emptyCluster, { name: 'sp-host-2', status: 'Disconnected' });
    await seedHost(db, emptyCluster, { name: 'sp-host-3', resourceState: 'Disabled' });
  });
  afterAll(async () => tc?.close());

  it('creates an NFS pool on a cluster through an Up Simulator host, with tags, in wire shape', async () => {
    const before = await eventsOfType(tc, 'STORAGE.POOL.CREATE');
    const p = ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        podid: pod.uuid,
        clusterid: cluster.uuid,
        name: 'primary-1',
        url: 'nfs://10.0.0.5:/export/primary',
        tags: 'ssd,fast,ssd',
      }),
    ).storagepool;
    expect(p).toMatchObject({
      name: 'primary-1',
      zoneid: zone.uuid,
      zonename: 'sp-zone',
      podid: pod.uuid,
      podname: 'sp-pod',
      clusterid: cluster.uuid,
      clustername: 'sp-cluster',
      ipaddress: '10.0.0.5',
      path: '/export/primary',
      type: 'NetworkFilesystem',
      scope: 'CLUSTER',
      state: 'Up',
      tags: 'fast,ssd',
      hypervisor: 'Simulator',
      provider: 'DefaultPrimary',
      overprovisionfactor: '2',
      disksizeallocated: 0,
    });
    expect(p.disksizetotal).toBe(2048 * 1024 ** 3);
    expect(p.disksizeused).toBeGreaterThan(0);
    expect(p.disksizeused).toBeLessThan(p.disksizetotal);
    expect(p.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    expect(await eventsOfType(tc, 'STORAGE.POOL.CREATE', p.id)).toBe(1);
    expect(await eventsOfType(tc, 'STORAGE.POOL.CREATE')).toBe(before + 1);

    const listed = ok(await tc.call('listStoragePools', { id: p.id }));
    expect(listed.count).toBe(1);
    expect(listed.storagepool[0]).toEqual(p);
  });

  it('takes local paths as Filesystem pools, an explicit capacity, and zone-wide pools with a hypervisor', async () => {
    const local = ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        clusterid: cluster.uuid,
        name: 'local-1',
        url: '/var/lib/stackyard/pool',
        capacitybytes: String(10 * 1024 ** 3),
        capacityiops: '5000',
      }),
    ).storagepool;
    expect(local).toMatchObject({
      type: 'Filesystem',
      ipaddress: 'localhost',
      path: '/var/lib/stackyard/pool',
      disksizetotal: 10 * 1024 ** 3,
      capacityiops: 5000,
      podid: pod.uuid,
    });
    const fileUrl = ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        clusterid: cluster.uuid,
        name: 'local-2',
        url: 'file:///srv/pool-b/',
      }),
    ).storagepool;
    expect(fileUrl).toMatchObject({ type: 'Filesystem', path: '/srv/pool-b' });
    const shared = ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        clusterid: cluster.uuid,
        name: 'smp-1',
        url: 'sharedmountpoint:///mnt/shared',
      }),
    ).storagepool;
    expect(shared.type).toBe('SharedMountPoint');

    const zoneWide = ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        scope: 'zone',
        hypervisor: 'simulator',
        name: 'zone-wide',
        url: 'nfs://nfs.lab/export/zonewide',
      }),
    ).storagepool;
    expect(zoneWide).toMatchObject({ scope: 'ZONE', hypervisor: 'Simulator', state: 'Up' });
    expect(zoneWide.clusterid).toBeUndefined();
    expect(zoneWide.podid).toBeUndefined();

    const byScope = ok(await tc.call('listStoragePools', { zoneid: zone.uuid, scope: 'ZONE' }));
    expect(byScope.storagepool.map((x: any) => x.name)).toEqual(['zone-wide']);
    const byCluster = ok(await tc.call('listStoragePools', { clusterid: cluster.uuid }));
    expect(byCluster.storagepool.map((x: any) => x.name)).toEqual(['primary-1', 'local-1', 'local-2', 'smp-1']);
    const byAddress = ok(await tc.call('listStoragePools', { ipaddress: '10.0.0.5', path: '/export/primary' }));
    expect(byAddress.count).toBe(1);
    const byKeyword = ok(await tc.call('listStoragePools', { keyword: 'LOCAL', pagesize: '1', page: '2' }));
    expect(byKeyword.count).toBe(2);
    expect(byKeyword.storagepool.map((x: any) => x.name)).toEqual(['local-2']);
  });

  it('refuses when no host is Up and Enabled in the cluster, and writes nothing', async () => {
    const before = await snapshot(tc);
    fails(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        clusterid: emptyCluster.uuid,
        name: 'nowhere',
        url: 'nfs://10.0.0.9/export/x',
      }),
      530,
      /No host up to associate a storage pool with in cluster sp-empty/,
    );
    expect(await snapshot(tc)).toBe(before);
  });

  it('refuses bad input without writing anything', async () => {
    const before = await snapshot(tc);
    const base = { zoneid: zone.uuid, clusterid: cluster.uuid, name: 'bad' };
    fails(await tc.call('createStoragePool', { ...base, url: 'nfs:///export/x' }), 431, /NFS server/);
    fails(await tc.call('createStoragePool', { ...base, url: 'nfs://10.0.0.5' }), 431, /path/);
    fails(await tc.call('createStoragePool', { ...base, url: 'iscsi://10.0.0.5/iqn/1' }), 431, /unsupported scheme/);
    fails(await tc.call('createStoragePool', { ...base, url: 'not a url' }), 431, /Invalid storage URL/);
    fails(await tc.call('createStoragePool', { ...base, url: 'file://otherhost/x' }), 431, /local path/);
    fails(await tc.call('createStoragePool', { ...base, url: '/a/../etc' }), 431, /'\.\.'/);
    fails(
      await tc.call('createStoragePool', { ...base, url: 'nfs://10.0.0.5/export/primary/' }),
      431,
      /already in use by storage pool primary-1/,
    );
    fails(
      await tc.call('createStoragePool', { ...base, name: 'PRIMARY-1', url: 'nfs://10.0.0.5/export/other' }),
      431,
      /already exists in zone sp-zone/,
    );
    fails(
      await tc.call('createStoragePool', { zoneid: zone.uuid, scope: 'cluster', name: 'x', url: 'nfs://h/x' }),
      431,
      /cluster id can't be null/,
    );
    fails(
      await tc.call('createStoragePool', { zoneid: zone.uuid, scope: 'zone', name: 'x', url: 'nfs://h/x' }),
      431,
      /Hypervisor type is required/,
    );
    // Without a cluster the pool is zone-wide, which needs the hypervisor.
    fails(
      await tc.call('createStoragePool', { zoneid: zone.uuid, name: 'x', url: 'nfs://h/x' }),
      431,
      /Hypervisor type is required/,
    );
    fails(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        scope: 'zone',
        hypervisor: 'XenServer',
        name: 'x',
        url: 'nfs://h/x',
      }),
      431,
      /invalid hypervisor type/,
    );
    fails(await tc.call('createStoragePool', { ...base, scope: 'region', url: 'nfs://h/x' }), 431, /invalid scope/);
    fails(await tc.call('createStoragePool', { ...base, provider: 'SolidFire', url: 'nfs://h/x' }), 431, /provider/);
    fails(await tc.call('createStoragePool', { ...base, capacitybytes: '0', url: 'nfs://h/x' }), 431, /capacityBytes/);
    fails(
      await tc.call('createStoragePool', {
        ...base,
        podid: pod.uuid,
        clusterid: '00000000-0000-4000-8000-000000000000',
        url: 'nfs://h/x',
      }),
      431,
      /Unable to find cluster/,
    );
    const other = await seedZone(tc.core.store.db, { name: 'sp-other' });
    fails(
      await tc.call('createStoragePool', { ...base, zoneid: other.uuid, url: 'nfs://h/x' }),
      431,
      /does not belong to zone/,
    );
    fails(await tc.call('createStoragePool', { ...base, name: '   ', url: 'nfs://h/x' }), 431, /empty/);
    expect(await snapshot(tc)).toBe(before);
    // A duplicate path is fine in another cluster for a local (per-host) path, not for the same cluster.
    fails(
      await tc.call('createStoragePool', { ...base, url: 'file:///var/lib/stackyard/pool' }),
      431,
      /already in use/,
    );
  });

  it('is for root admins only; resource admins may list', async () => {
    const user = await createAccount(tc, { username: `sp-user-${dialect}` });
    const userCaller = await callerOf(tc, user.user[0].id);
    fails(await tc.call('listStoragePools', {}, userCaller), 432);
    fails(await tc.call('createStoragePool', { zoneid: zone.uuid, name: 'u', url: 'nfs://h/u' }, userCaller), 432);
    const ra = await createAccount(tc, { username: `sp-ra-${dialect}`, accounttype: 3 });
    const raCaller = await callerOf(tc, ra.user[0].id);
    expect(ok(await tc.call('listStoragePools', {}, raCaller)).count).toBeGreaterThan(0);
    fails(await tc.call('updateStoragePool', { id: zone.uuid, name: 'x' }, raCaller), 432);
  });

  it('updates name, tags, capacity and enabled state with UPDATE.PS, DISABLE.PS and ENABLE.PS events', async () => {
    const p = ok(await tc.call('listStoragePools', { name: 'local-2' })).storagepool[0];
    const u = ok(
      await tc.call('updateStoragePool', {
        id: p.id,
        name: 'local-two',
        tags: 'gold',
        capacitybytes: String(5 * 1024 ** 3),
        capacityiops: '100',
      }),
    ).storagepool;
    expect(u).toMatchObject({ name: 'local-two', tags: 'gold', disksizetotal: 5 * 1024 ** 3, capacityiops: 100 });
    const disabled = ok(await tc.call('updateStoragePool', { id: p.id, enabled: 'false' })).storagepool;
    expect(disabled.state).toBe('Disabled');
    fails(await tc.call('updateStoragePool', { id: p.id, enabled: 'false' }), 431, /cannot be disabled/);
    const enabled = ok(await tc.call('updateStoragePool', { id: p.id, enabled: 'true' })).storagepool;
    expect(enabled.state).toBe('Up');
    fails(await tc.call('updateStoragePool', { id: p.id, enabled: 'true' }), 431, /cannot be enabled/);
    fails(await tc.call('updateStoragePool', { id: p.id, name: 'primary-1' }), 431, /already exists/);
    // CloudStack records enabling and disabling a pool as ENABLE.PS and DISABLE.PS.
    expect(await eventsOfType(tc, 'UPDATE.PS', p.id)).toBe(1);
    expect(await eventsOfType(tc, 'DISABLE.PS', p.id)).toBe(1);
    expect(await eventsOfType(tc, 'ENABLE.PS', p.id)).toBe(1);
  });

  it('moves through maintenance: Up -> PrepareForMaintenance -> Maintenance -> Up', async () => {
    const p = ok(await tc.call('listStoragePools', { name: 'smp-1' })).storagepool[0];
    const job = await runJob(tc, 'enableStorageMaintenance', { id: p.id });
    expect(job.jobstatus).toBe(1);
    expect(job.jobinstancetype).toBe('StoragePool');
    expect(job.jobinstanceid).toBe(p.id);
    expect(job.jobresult.storagepool.state).toBe('Maintenance');
    expect(await eventsOfType(tc, 'MAINT.PREPARE.PS', p.id)).toBe(1);
    // Already in maintenance: refused before a job is queued.
    fails(await tc.call('enableStorageMaintenance', { id: p.id }), 431, /not ready for migration/);

    const back = await runJob(tc, 'cancelStorageMaintenance', { id: p.id });
    expect(back.jobstatus).toBe(1);
    expect(back.jobresult.storagepool.state).toBe('Up');
    expect(await eventsOfType(tc, 'MAINT.CANCEL.PS', p.id)).toBe(1);
    fails(await tc.call('cancelStorageMaintenance', { id: p.id }), 431, /not ready to complete migration/);
  });

  it('ends in ErrorInMaintenance when the host refuses to let go of the pool, and can retry', async () => {
    const p = ok(await tc.call('listStoragePools', { name: 'local-1' })).storagepool[0];
    const mock = ok(
      await tc.call('configureSimulator', {
        name: 'DeleteStoragePoolCommand',
        value: 'result:fail',
        clusterid: cluster.uuid,
        count: '1',
      }),
    ).simulatormock;
    const failed = await runJob(tc, 'enableStorageMaintenance', { id: p.id });
    expect(failed.jobstatus).toBe(2);
    expect(failed.jobresult.errortext).toMatch(/Failed to prepare storage pool local-1 for maintenance/);
    expect(ok(await tc.call('listStoragePools', { id: p.id })).storagepool[0].state).toBe('ErrorInMaintenance');
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
    const retried = await runJob(tc, 'enableStorageMaintenance', { id: p.id });
    expect(retried.jobstatus).toBe(1);
    expect(retried.jobresult.storagepool.state).toBe('Maintenance');
  });

  it('deletes pools only in Maintenance or Disabled state (or forced)', async () => {
    const up = ok(await tc.call('listStoragePools', { name: 'primary-1' })).storagepool[0];
    fails(await tc.call('deleteStoragePool', { id: up.id }), 431, /put it in maintenance/);

    const inMaintenance = ok(await tc.call('listStoragePools', { name: 'local-1' })).storagepool[0];
    expect(inMaintenance.state).toBe('Maintenance');
    ok(await tc.call('deleteStoragePool', { id: inMaintenance.id }));
    expect(ok(await tc.call('listStoragePools', { id: inMaintenance.id })).count ?? 0).toBe(0);
    expect(await eventsOfType(tc, 'STORAGE.POOL.DELETE', inMaintenance.id)).toBe(1);

    const other = ok(await tc.call('listStoragePools', { name: 'local-two' })).storagepool[0];
    ok(await tc.call('updateStoragePool', { id: other.id, enabled: 'false' }));
    ok(await tc.call('deleteStoragePool', { id: other.id }));
    const tags = await tc.core.store.db.selectFrom('storage_pool_tags').selectAll().execute();
    expect(tags.every((t) => t.tag !== 'gold')).toBe(true);

    ok(await tc.call('deleteStoragePool', { id: up.id, forced: 'true' }));
    fails(await tc.call('deleteStoragePool', { id: up.id }), 431, /Unable to find storage pool/);
    // The path is free again once its pool is gone.
    ok(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        clusterid: cluster.uuid,
        name: 'primary-1',
        url: 'nfs://10.0.0.5/export/primary',
      }),
    );
  });

  it('fails to create when the host refuses the attach, and writes nothing', async () => {
    const mock = ok(
      await tc.call('configureSimulator', {
        name: 'ModifyStoragePoolCommand',
        value: 'result:fail',
        clusterid: cluster.uuid,
      }),
    ).simulatormock;
    const before = await snapshot(tc);
    fails(
      await tc.call('createStoragePool', {
        zoneid: zone.uuid,
        clusterid: cluster.uuid,
        name: 'refused',
        url: 'nfs://10.0.0.5/export/refused',
      }),
      530,
      /Failed to add data store: Can not create storage pool through host sp-host-1/,
    );
    expect(await snapshot(tc)).toBe(before);
    ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
  });
});
