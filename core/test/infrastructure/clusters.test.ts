import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_TYPE } from '../../src/domain/roles';
import { nowIso } from '../../src/domain/time';
import { dialects, startTestCore, type TestCore } from '../harness';
import { createAccount, eventsOfType, fails, ok } from '../tenancy/fixtures';
import { seedCluster, seedHost, seedPod, seedZone } from './seed';

async function clusterCount(tc: TestCore): Promise<number> {
  const r = await tc.core.store.db
    .selectFrom('clusters')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(dialects())('clusters (%s)', (dialect) => {
  let tc: TestCore;
  let zone: Awaited<ReturnType<typeof seedZone>>;
  let pod: Awaited<ReturnType<typeof seedPod>>;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    zone = await seedZone(tc.core.store.db, { name: 'Z1' });
    pod = await seedPod(tc.core.store.db, zone.id, { name: 'P1' });
  });
  afterAll(async () => tc?.close());

  const add = (params: Record<string, string>) =>
    tc.call('addCluster', { zoneid: zone.uuid, podid: pod.uuid, hypervisor: 'Simulator', ...params });

  it("addCluster answers a one-item cluster list; a cluster added without allocationstate is Enabled (as CloudStack's)", async () => {
    const data = ok(await add({ clustername: 'C1', hypervisor: 'simulator' }));
    expect(data.count).toBe(1);
    const c = data.cluster[0];
    expect(c).toMatchObject({
      name: 'C1',
      podid: pod.uuid,
      podname: 'P1',
      zoneid: zone.uuid,
      zonename: 'Z1',
      hypervisortype: 'Simulator',
      clustertype: 'CloudManaged',
      allocationstate: 'Enabled',
      managedstate: 'Managed',
      cpuovercommitratio: '1.0',
      memoryovercommitratio: '1.0',
      arch: 'x86_64',
    });
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await eventsOfType(tc, 'CLUSTER.CREATE', c.id)).toBe(1);
    const row = await tc.core.store.db
      .selectFrom('clusters')
      .select('allocation_state')
      .where('uuid', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.allocation_state).toBe('Enabled');
    const disabled = ok(
      await add({ clustername: 'C1b', allocationstate: 'Disabled', cpuovercommitratio: '2.5', arch: 'aarch64' }),
    ).cluster[0];
    expect(disabled).toMatchObject({ allocationstate: 'Disabled', cpuovercommitratio: '2.5', arch: 'aarch64' });
  });

  it('refuses bad input and writes nothing', async () => {
    const before = await clusterCount(tc);
    fails(await add({ clustername: 'K', hypervisor: 'KVM' }), 431, /Hypervisor KVM is not supported yet/);
    fails(await add({ clustername: 'X', hypervisor: 'XenServer' }), 431, /Unable to resolve hypervisor type/);
    fails(await add({ clustername: 'C1' }), 431, /already exists in pod P1/);
    fails(await add({ clustername: 'c1' }), 431, /already exists/);
    fails(await add({ clustername: '   ' }), 431, /cannot be empty/);
    fails(await add({ clustername: 'R', cpuovercommitratio: '0.5' }), 431, /cpuovercommitratio/);
    fails(await add({ clustername: 'T', clustertype: 'Weird' }), 431, /cluster type/);
    const otherZone = await seedZone(tc.core.store.db, { name: 'Z2' });
    fails(
      await tc.call('addCluster', {
        zoneid: otherZone.uuid,
        podid: pod.uuid,
        clustername: 'Elsewhere',
        hypervisor: 'Simulator',
      }),
      431,
      /does not belong to zone Z2/,
    );
    fails(await tc.call('addCluster', { zoneid: zone.uuid, podid: pod.uuid, hypervisor: 'Simulator' }), 431);
    expect(await clusterCount(tc)).toBe(before);
  });

  it('the same name may be used in another pod', async () => {
    const pod2 = await seedPod(tc.core.store.db, zone.id, { name: 'P2' });
    const data = ok(
      await tc.call('addCluster', { zoneid: zone.uuid, podid: pod2.uuid, clustername: 'C1', hypervisor: 'Simulator' }),
    );
    expect(data.cluster[0].podname).toBe('P2');
  });

  it('updateCluster renames, enables and changes ratios', async () => {
    const c = ok(await add({ clustername: 'U1', allocationstate: 'Disabled' })).cluster[0];
    const updated = ok(
      await tc.call('updateCluster', {
        id: c.id,
        clustername: 'U1-renamed',
        allocationstate: 'Enabled',
        managedstate: 'unmanaged',
        memoryovercommitratio: '1.5',
      }),
    ).cluster;
    expect(updated).toMatchObject({
      id: c.id,
      name: 'U1-renamed',
      allocationstate: 'Enabled',
      managedstate: 'Unmanaged',
      memoryovercommitratio: '1.5',
      cpuovercommitratio: '1.0',
    });
    fails(await tc.call('updateCluster', { id: c.id, clustername: 'C1' }), 431, /already exists/);
    fails(await tc.call('updateCluster', { id: c.id, cpuovercommitratio: 'abc' }), 431);
    fails(await tc.call('updateCluster', { id: crypto.randomUUID() }), 431, /Unable to find cluster/);
    // The call enabled the cluster (with other changes): recorded with the specific verb.
    expect(await eventsOfType(tc, 'CLUSTER.ENABLE', c.id)).toBe(1);
    expect(await eventsOfType(tc, 'CLUSTER.UPDATE', c.id)).toBe(0);
  });

  it('listClusters filters and pages', async () => {
    const all = ok(await tc.call('listClusters', { zoneid: zone.uuid }));
    expect(all.count).toBeGreaterThanOrEqual(4);
    const byPod = ok(await tc.call('listClusters', { podid: pod.uuid, name: 'c1' }));
    expect(byPod.count).toBe(1);
    expect(byPod.cluster[0].name).toBe('C1');
    const kw = ok(await tc.call('listClusters', { keyword: 'renamed' }));
    expect(kw.cluster.map((c: any) => c.name)).toEqual(['U1-renamed']);
    const page1 = ok(await tc.call('listClusters', { zoneid: zone.uuid, page: '1', pagesize: '2' }));
    const page2 = ok(await tc.call('listClusters', { zoneid: zone.uuid, page: '2', pagesize: '2' }));
    expect(page1.cluster).toHaveLength(2);
    expect(page1.count).toBe(all.count);
    expect(page2.cluster[0].id).not.toBe(page1.cluster[0].id);
    // C1 (P1 and P2) and U1-renamed are Enabled; C1b was added Disabled.
    expect(ok(await tc.call('listClusters', { allocationstate: 'Enabled', zoneid: zone.uuid })).count).toBe(3);
    const disabled = ok(await tc.call('listClusters', { allocationstate: 'Disabled', zoneid: zone.uuid }));
    expect(disabled.cluster.map((c: any) => c.name)).toEqual(['C1b']);
    expect(ok(await tc.call('listClusters', { hypervisor: 'kvm' })).count ?? 0).toBe(0);
  });

  it('deleteCluster is refused while hosts or storage pools remain', async () => {
    const db = tc.core.store.db;
    const withHost = await seedCluster(db, pod, { name: 'H' });
    await seedHost(db, withHost, { name: 'h-in-H' });
    fails(await tc.call('deleteCluster', { id: withHost.uuid }), 536, /still has hosts/);
    const withPool = await seedCluster(db, pod, { name: 'S' });
    await db
      .insertInto('storage_pools')
      .values({
        uuid: crypto.randomUUID(),
        name: 'ps1',
        zone_id: zone.id,
        pod_id: pod.id,
        cluster_id: withPool.id,
        scope: 'CLUSTER',
        pool_type: 'NetworkFilesystem',
        url: 'nfs://10.0.0.5/export/ps1',
        host_address: '10.0.0.5',
        path: '/export/ps1',
        hypervisor: 'Simulator',
        provider: 'DefaultPrimary',
        capacity_bytes: 1024 ** 4,
        used_bytes: 0,
        allocated_bytes: 0,
        capacity_iops: null,
        status: 'Up',
        created: nowIso(),
        removed: null,
      })
      .execute();
    fails(await tc.call('deleteCluster', { id: withPool.uuid }), 536, /primary storage/);
    const empty = ok(await add({ clustername: 'Gone' })).cluster[0];
    ok(await tc.call('deleteCluster', { id: empty.id }));
    expect(ok(await tc.call('listClusters', { id: empty.id })).count ?? 0).toBe(0);
    fails(await tc.call('deleteCluster', { id: empty.id }), 431, /Unable to find cluster/);
    expect(await eventsOfType(tc, 'CLUSTER.DELETE', empty.id)).toBe(1);
    // The name is free again.
    ok(await add({ clustername: 'Gone' }));
  });

  it('resource admins list clusters but cannot change them', async () => {
    await createAccount(tc, { username: 'radmin', accounttype: ACCOUNT_TYPE.ResourceAdmin });
    const ra = await tc.callerFor('radmin');
    expect(ok(await tc.call('listClusters', {}, ra)).count).toBeGreaterThan(0);
    fails(
      await tc.call(
        'addCluster',
        { zoneid: zone.uuid, podid: pod.uuid, clustername: 'No', hypervisor: 'Simulator' },
        ra,
      ),
      432,
    );
    await createAccount(tc, { username: 'plainuser' });
    fails(await tc.call('listClusters', {}, await tc.callerFor('plainuser')), 432);
  });
});
