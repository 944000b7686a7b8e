import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { ACCOUNT_TYPE } from '../src/domain/roles';
import type { Database } from '../src/db/schema';
import { SettingsService } from '../src/services/settings';
import { dialects, startTestCore, type TestCore } from './harness';
import { callerOf, createAccount, createDomain, fails, ok } from './tenancy/fixtures';
import { seedCluster, seedHost, seedPod, seedZone } from './infrastructure/seed';

const GiB = 1024 ** 3;

describe.each(dialects())('scoped settings (%s)', (dialect) => {
  let tc: TestCore;
  let db: Kysely<Database>;
  let zone: Awaited<ReturnType<typeof seedZone>>;
  let c1: Awaited<ReturnType<typeof seedCluster>>;
  let c2: Awaited<ReturnType<typeof seedCluster>>;

  const list = async (params: Record<string, string>) =>
    ok(await tc.call('listConfigurations', params)).configuration as Record<string, any>[];
  const one = async (name: string, params: Record<string, string> = {}) =>
    (await list({ name, ...params })).find((c) => c.name === name);
  const capacity = async (clusterId: string, type: string) =>
    ok(await tc.call('listCapacity', { clusterid: clusterId, type, fetchlatest: 'true' })).capacity[0];

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    db = tc.core.store.db;
    zone = await seedZone(db, { name: 'scope-z' });
    const pod = await seedPod(db, zone.id, { name: 'scope-p' });
    c1 = await seedCluster(db, pod, { name: 'scope-c1' });
    c2 = await seedCluster(db, pod, { name: 'scope-c2' });
    await seedHost(db, c1, { name: 'scope-h1', cpuNumber: 10, memoryGiB: 16 });
    await seedHost(db, c2, { name: 'scope-h2', cpuNumber: 10, memoryGiB: 16 });
  });

  afterAll(async () => {
    await tc?.close();
  });

  it('lists the settings of a cluster with the value in effect there and where it comes from', async () => {
    const names = (await list({ clusterid: c1.uuid })).map((c) => c.name);
    expect(names).toContain('cpu.overprovisioning.factor');
    expect(names).toContain('cluster.cpu.allocated.capacity.notificationthreshold');
    expect(names).not.toContain('session.timeout');
    expect(names).not.toContain('pool.storage.capacity.disablethreshold');
    expect(await one('cpu.overprovisioning.factor', { clusterid: c1.uuid })).toMatchObject({
      value: '1',
      scope: 'cluster',
      valuesource: 'default',
      isdefault: true,
    });
    expect((await list({ zoneid: zone.uuid })).map((c) => c.name)).toEqual([
      'pool.storage.allocated.capacity.disablethreshold',
      'pool.storage.capacity.disablethreshold',
    ]);
  });

  it('sets a factor on one cluster: its capacity follows, the global value and other clusters do not', async () => {
    const before = await capacity(c1.uuid, '1');
    const r = ok(
      await tc.call('updateConfiguration', { name: 'cpu.overprovisioning.factor', value: '3', clusterid: c1.uuid }),
    );
    expect(r.configuration).toMatchObject({ value: '3', scope: 'cluster', valuesource: 'cluster', isdefault: false });
    expect(await one('cpu.overprovisioning.factor')).toMatchObject({ value: '1', valuesource: 'default' });
    expect((await capacity(c1.uuid, '1')).capacitytotal).toBe(before.capacitytotal * 3);
    expect((await capacity(c2.uuid, '1')).capacitytotal).toBe(before.capacitytotal);
    const cluster = ok(await tc.call('listClusters', { id: c1.uuid })).cluster[0];
    expect(cluster.cpuovercommitratio).toBe('3.0');

    // The global value moves c2, not c1, whose own value wins.
    ok(await tc.call('updateConfiguration', { name: 'cpu.overprovisioning.factor', value: '2' }));
    expect((await capacity(c1.uuid, '1')).capacitytotal).toBe(before.capacitytotal * 3);
    expect((await capacity(c2.uuid, '1')).capacitytotal).toBe(before.capacitytotal * 2);
    expect(await one('cpu.overprovisioning.factor', { clusterid: c2.uuid })).toMatchObject({
      value: '2',
      valuesource: 'global',
    });

    const events = ok(await tc.call('listEvents', { type: 'CONFIGURATION.VALUE.EDIT', listall: 'true' })).event;
    expect(events.map((e: any) => e.description)).toContain(
      `Value of configuration cpu.overprovisioning.factor for cluster scope-c1 (id: ${c1.uuid}) updated to 3`,
    );

    // Reset on the cluster: the global value applies there again.
    const reset = ok(await tc.call('resetConfiguration', { name: 'cpu.overprovisioning.factor', clusterid: c1.uuid }));
    expect(reset.configuration).toMatchObject({ value: '2', scope: 'cluster', valuesource: 'global' });
    expect((await capacity(c1.uuid, '1')).capacitytotal).toBe(before.capacitytotal * 2);
    ok(await tc.call('resetConfiguration', { name: 'cpu.overprovisioning.factor' }));
  });

  it('keeps updateCluster cpuovercommitratio and the cluster-scoped factor one value', async () => {
    ok(await tc.settle('updateCluster', { id: c2.uuid, memoryovercommitratio: '2.5' }));
    expect(await one('mem.overprovisioning.factor', { clusterid: c2.uuid })).toMatchObject({
      value: '2.5',
      valuesource: 'cluster',
    });
    ok(await tc.call('resetConfiguration', { name: 'mem.overprovisioning.factor', clusterid: c2.uuid }));
    expect(ok(await tc.call('listClusters', { id: c2.uuid })).cluster[0].memoryovercommitratio).toBe('1.0');
  });

  it('raises a capacity alert from the threshold set on the cluster only', async () => {
    await db
      .updateTable('hosts')
      .set({ memory_allocated: 8 * GiB })
      .where('cluster_id', 'in', [c1.id, c2.id])
      .execute();
    const memoryAlerts = async () =>
      (
        await db
          .selectFrom('alerts')
          .select(['resource_id'])
          .where('name', '=', 'ALERT.MEMORY')
          .where('archived', '=', 0)
          .execute()
      ).map((a) => a.resource_id);
    await tc.core.capacityMonitor.sample();
    expect(await memoryAlerts()).toEqual([]); // 50% < 75%
    ok(
      await tc.call('updateConfiguration', {
        name: 'cluster.memory.allocated.capacity.notificationthreshold',
        value: '0.4',
        clusterid: c2.uuid,
      }),
    );
    await tc.core.capacityMonitor.sample();
    expect(await memoryAlerts()).toEqual([c2.uuid]);
  });

  it('refuses bad values, scopes, ids and combinations with CloudStack errors', async () => {
    fails(
      await tc.call('updateConfiguration', { name: 'session.timeout', value: '60', clusterid: c1.uuid }),
      431,
      /^Invalid scope id provided for the parameter session.timeout$/,
    );
    fails(
      await tc.call('updateConfiguration', { name: 'cpu.overprovisioning.factor', value: '0.5', clusterid: c1.uuid }),
      431,
      /must be between 1 and 100/,
    );
    fails(
      await tc.call('listConfigurations', { clusterid: c1.uuid, zoneid: zone.uuid }),
      431,
      /cannot handle multiple IDs, provide only one ID corresponding to the scope/,
    );
    fails(
      await tc.call('listConfigurations', { clusterid: '00000000-0000-4000-8000-000000000000' }),
      431,
      /unable to find cluster by id 00000000-0000-4000-8000-000000000000/,
    );
    const stored = await db.selectFrom('scoped_configurations').selectAll().where('resource_id', '=', c1.id).execute();
    expect(stored.filter((r) => r.scope === 'cluster')).toEqual([]);
  });

  it('lets domain admins set account values in their subtree, with the domain fallback when enabled', async () => {
    const sub = await createDomain(tc, 'scoped-sub');
    const other = await createDomain(tc, 'scoped-other');
    const adminAccount = await createAccount(tc, {
      username: 'scoped-da',
      domainid: sub.id,
      accounttype: ACCOUNT_TYPE.DomainAdmin,
    });
    const mine = await createAccount(tc, { username: 'scoped-u1', domainid: sub.id });
    const theirs = await createAccount(tc, { username: 'scoped-u2', domainid: other.id });
    const da = await callerOf(tc, adminAccount.user[0].id);
    const name = 'allow.user.expunge.recover.vm';

    ok(await tc.call('updateConfiguration', { name, value: 'true', accountid: mine.id }, da));
    expect((await tc.call('listConfigurations', { name, accountid: mine.id }, da)).data.configuration[0]).toMatchObject(
      { value: 'true', scope: 'account', valuesource: 'account' },
    );
    fails(await tc.call('updateConfiguration', { name, value: 'true', accountid: theirs.id }, da), 531);
    fails(
      await tc.call('updateConfiguration', { name: 'cpu.overprovisioning.factor', value: '2', clusterid: c1.uuid }, da),
      431,
      /cannot handle multiple IDs/,
    );

    // Account settings on a domain only with enable.account.settings.for.domain, as in CloudStack.
    fails(await tc.call('updateConfiguration', { name, value: 'true', domainid: other.id }), 431, /Invalid scope id/);
    ok(await tc.call('updateConfiguration', { name: 'enable.account.settings.for.domain', value: 'true' }));
    ok(await tc.call('updateConfiguration', { name, value: 'true', domainid: other.id }));
    expect(await one(name, { accountid: theirs.id })).toMatchObject({ value: 'true', valuesource: 'domain' });
    ok(await tc.call('resetConfiguration', { name: 'enable.account.settings.for.domain' }));
    expect(await one(name, { accountid: theirs.id })).toMatchObject({ value: 'false', valuesource: 'default' });
  });

  it('drops the values of a deleted resource (no orphans) and other servers read scoped values', async () => {
    const pod = await db.selectFrom('pods').selectAll().where('id', '=', c1.pod_id).executeTakeFirstOrThrow();
    const doomed = await seedCluster(db, pod, { name: 'scope-doomed' });
    ok(
      await tc.call('updateConfiguration', { name: 'cpu.overprovisioning.factor', value: '5', clusterid: doomed.uuid }),
    );

    const other = new SettingsService(tc.core.store);
    await other.load();
    expect(other.forCluster(doomed.id, doomed.zone_id).get<number>('cpu.overprovisioning.factor')).toBe(5);

    ok(await tc.settle('deleteCluster', { id: doomed.uuid }));
    await tc.core.settings.idle();
    const left = await db
      .selectFrom('scoped_configurations')
      .selectAll()
      .where('resource_id', '=', doomed.id)
      .execute();
    expect(left.filter((r) => r.scope === 'cluster')).toEqual([]);
    expect(tc.core.settings.forCluster(doomed.id, doomed.zone_id).get<number>('cpu.overprovisioning.factor')).toBe(1);
  });
});
