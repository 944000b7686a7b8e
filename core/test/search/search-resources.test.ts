import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchResult } from '../../src/api/schemas/search';
import { nowIso } from '../../src/domain/time';
import type { Caller } from '../../src/services/caller';
import { dialects, startTestCore, type TestCore } from '../harness';
import { seedCluster, seedHost, seedPod, seedZone } from '../infrastructure/seed';
import { callerOf, createAccount, createDomain, fails, ok, tenancySnapshot } from '../tenancy/fixtures';

type Hit = SearchResult;
const INVENTORY = [
  'zones',
  'pods',
  'vlan_ip_ranges',
  'clusters',
  'hosts',
  'storage_pools',
  'image_stores',
  'async_jobs',
];

async function everything(tc: TestCore): Promise<string> {
  const db = tc.core.store.db;
  const rows = await Promise.all(
    INVENTORY.map((t) =>
      db
        .selectFrom(t as 'hosts')
        .selectAll()
        .orderBy('id')
        .execute(),
    ),
  );
  return JSON.stringify(rows) + (await tenancySnapshot(tc));
}

describe.each(dialects())('searchResources (%s)', (dialect) => {
  let tc: TestCore;
  const ids: Record<string, string> = {};
  const idOf = (key: string): string => {
    const value = ids[key];
    if (value === undefined) throw new Error(`no id for ${key}`);
    return value;
  };
  const callers: Record<'user' | 'domainAdmin' | 'resourceAdmin', Caller> = {} as never;

  async function search(params: Record<string, string>, caller: Caller = tc.admin): Promise<Hit[]> {
    const data = ok(await tc.call('searchResources', params, caller));
    const hits = (data.searchresult ?? []) as Hit[];
    expect(data.count ?? 0).toBe(hits.length);
    for (const hit of hits) SearchResult.parse(hit);
    return hits;
  }
  const names = (hits: Hit[]) => hits.map((h) => `${h.kind}:${h.name}:${h.matchedby}`);

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const db = tc.core.store.db;
    const zone = await seedZone(db, { name: 'srch-zone' });
    const pod = await seedPod(db, zone.id, { name: 'srch-pod' });
    const cluster = await seedCluster(db, pod, { name: 'dc1-c03' });
    await seedCluster(db, pod, { name: 'dc1-c04' });
    const addresses: Record<string, string> = {
      'sim-c7-h2': '10.9.0.12',
      'sim-c7': '10.9.0.10',
      'x-sim-c7': '10.9.0.30',
      'sim-c7-h1': '10.9.0.11',
      'SIM-C8': '10.9.1.5',
    };
    for (const [name, ip] of Object.entries(addresses)) {
      const host = await seedHost(db, cluster, { name });
      await db.updateTable('hosts').set({ private_ip: ip }).where('id', '=', host.id).execute();
      ids[name] = host.uuid;
    }
    ids.cluster = cluster.uuid;
    ids.zone = zone.uuid;
    await db
      .insertInto('storage_pools')
      .values({
        uuid: crypto.randomUUID(),
        name: 'srch-nfs',
        zone_id: zone.id,
        pod_id: pod.id,
        cluster_id: cluster.id,
        scope: 'CLUSTER',
        pool_type: 'NetworkFilesystem',
        url: 'nfs://10.9.0.50/export/primary',
        host_address: '10.9.0.50',
        path: '/export/primary',
        hypervisor: 'Simulator',
        provider: 'DefaultPrimary',
        capacity_bytes: 1,
        used_bytes: 0,
        allocated_bytes: 0,
        capacity_iops: null,
        status: 'Up',
        created: nowIso(),
        removed: null,
      })
      .execute();
    await db
      .insertInto('vlan_ip_ranges')
      .values({
        uuid: crypto.randomUUID(),
        zone_id: zone.id,
        pod_id: null,
        physical_network_id: null,
        network_id: null,
        vlan_tag: 'untagged',
        gateway: '10.20.0.1',
        netmask: '255.255.255.0',
        start_ip: '10.20.0.10',
        end_ip: '10.20.0.50',
        start_num: 0x0a14000a,
        end_num: 0x0a140032,
        for_virtual_network: 1,
        for_system_vms: 0,
        account_id: null,
        domain_id: null,
        description: null,
        created: nowIso(),
        removed: null,
      })
      .execute();
    const sales = await createDomain(tc, 'srch-sales');
    const other = await createDomain(tc, 'srch-other');
    ids.sales = sales.id;
    const alice = await createAccount(tc, { username: 'srch-alice', domainid: sales.id });
    const da = await createAccount(tc, { username: 'srch-da', domainid: sales.id, accounttype: 2 });
    await createAccount(tc, { username: 'srch-bob', domainid: other.id });
    const ra = await createAccount(tc, { username: 'srch-ra', accounttype: 3 });
    callers.user = await callerOf(tc, alice.user[0].id);
    callers.domainAdmin = await callerOf(tc, da.user[0].id);
    callers.resourceAdmin = await callerOf(tc, ra.user[0].id);
  });
  afterAll(async () => tc?.close());

  it('finds hosts by name, ignoring case: exact, then prefix, then contains', async () => {
    const hits = await search({ query: 'SIM-c7', kinds: 'host', limit: '10' });
    expect(names(hits)).toEqual([
      'host:sim-c7:name',
      'host:sim-c7-h1:prefix',
      'host:sim-c7-h2:prefix',
      'host:x-sim-c7:contains',
    ]);
    expect(hits[0]).toMatchObject({ id: ids['sim-c7'], context: 'srch-zone / srch-pod / dc1-c03', state: 'Up' });
    expect(hits[0]).toMatchObject({ resourcestate: 'Enabled', ipaddress: '10.9.0.10', clusterid: ids.cluster });
  });

  it('keeps to the limit per kind, best matches first', async () => {
    expect(names(await search({ query: 'sim-c7', kinds: 'host', limit: '2' }))).toEqual([
      'host:sim-c7:name',
      'host:sim-c7-h1:prefix',
    ]);
    const all = await search({ query: 'c0', limit: '1' });
    expect(all.filter((h) => h.kind === 'cluster')).toHaveLength(1);
  });

  it('finds a host by its IP address first, and by the start of an address', async () => {
    const hits = await search({ query: '10.9.0.11' });
    expect(names(hits)[0]).toBe('host:sim-c7-h1:ip');
    const start = await search({ query: '10.9.0.1', kinds: 'host' });
    expect(names(start)).toEqual(['host:sim-c7:prefix', 'host:sim-c7-h1:prefix', 'host:sim-c7-h2:prefix']);
  });

  it('finds a pool by its server address, a pod and a zone by the ranges that hold an address', async () => {
    expect(names(await search({ query: '10.9.0.50' }))).toEqual(['storagepool:srch-nfs:ip']);
    expect(names(await search({ query: '172.16.15.77' }))).toEqual(['pod:srch-pod:range']);
    expect(names(await search({ query: '10.20.0.20' }))).toEqual(['zone:srch-zone:range']);
  });

  it('finds any kind by its exact id, and only that', async () => {
    expect(names(await search({ query: idOf('sim-c7-h2').toUpperCase() }))).toEqual(['host:sim-c7-h2:id']);
    expect(names(await search({ query: idOf('cluster') }))).toEqual(['cluster:dc1-c03:id']);
    expect(names(await search({ query: idOf('sales') }))).toEqual(['domain:srch-sales:id']);
    expect(await search({ query: crypto.randomUUID() })).toEqual([]);
  });

  it('finds clusters, accounts, users and domains by name', async () => {
    expect(names(await search({ query: 'dc1-c03' }))).toEqual(['cluster:dc1-c03:name']);
    const hits = await search({ query: 'srch-', kinds: 'account,user,domain', limit: '10' });
    expect(hits.map((h) => `${h.kind}:${h.name}`).sort()).toEqual(
      [
        'account:srch-alice',
        'account:srch-bob',
        'account:srch-da',
        'account:srch-ra',
        'user:srch-alice',
        'user:srch-bob',
        'user:srch-da',
        'user:srch-ra',
        'domain:srch-other',
        'domain:srch-sales',
      ].sort(),
    );
    expect(hits.find((h) => h.kind === 'user' && h.name === 'srch-alice')?.context).toBe(
      'srch-alice · ROOT/srch-sales',
    );
  });

  it('shows a user only its own account, user and domain, and no infrastructure', async () => {
    expect(await search({ query: 'sim' }, callers.user)).toEqual([]);
    expect(await search({ query: 'srch-zone' }, callers.user)).toEqual([]);
    expect(await search({ query: idOf('sim-c7') }, callers.user)).toEqual([]);
    const hits = await search({ query: 'srch', limit: '10' }, callers.user);
    expect(names(hits).sort()).toEqual(
      ['account:srch-alice:prefix', 'user:srch-alice:prefix', 'domain:srch-sales:prefix'].sort(),
    );
    expect(names(await search({ query: 'srch-sales' }, callers.user))).toEqual(['domain:srch-sales:name']);
  });

  it("shows a domain admin its domain's accounts, users and subdomains only", async () => {
    const hits = await search({ query: 'srch', limit: '10' }, callers.domainAdmin);
    expect(hits.map((h) => `${h.kind}:${h.name}`).sort()).toEqual(
      ['account:srch-alice', 'account:srch-da', 'user:srch-alice', 'user:srch-da', 'domain:srch-sales'].sort(),
    );
    expect(await search({ query: 'srch-bob' }, callers.domainAdmin)).toEqual([]);
    expect(await search({ query: '10.9.0.11' }, callers.domainAdmin)).toEqual([]);
  });

  it('lets a resource admin find infrastructure, as its list commands would', async () => {
    expect(names(await search({ query: '10.9.0.11' }, callers.resourceAdmin))[0]).toBe('host:sim-c7-h1:ip');
    expect(names(await search({ query: 'srch-zone' }, callers.resourceAdmin))).toEqual(['zone:srch-zone:name']);
  });

  it('refuses bad input with 431 and a clear text', async () => {
    fails(await tc.call('searchResources', { query: '   ' }), 431, /must not be empty/);
    fails(await tc.call('searchResources', {}), 431, /query/);
    fails(await tc.call('searchResources', { query: 'x'.repeat(256) }), 431, /max allowed length 255/);
    fails(await tc.call('searchResources', { query: 'x', kinds: 'host,vm' }), 431, /Unknown kind vm/);
    fails(await tc.call('searchResources', { query: 'x', limit: '0' }), 431, /limit/);
    fails(await tc.call('searchResources', { query: 'x', limit: '21' }), 431, /limit/);
  });

  it('treats LIKE wildcards as text', async () => {
    expect(await search({ query: '%' })).toEqual([]);
    expect(await search({ query: 'sim_c7' })).toEqual([]);
  });

  it('changes nothing', async () => {
    const before = await everything(tc);
    await search({ query: 'sim' });
    await search({ query: '10.9.0.11' });
    await search({ query: 'srch' }, callers.user);
    await tc.call('searchResources', { query: ' ' });
    expect(await everything(tc)).toBe(before);
  });
});
