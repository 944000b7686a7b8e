/**
 * Stackyard's sortby/sortorder on list commands (issue 9): a sorted list is sorted as a whole, so
 * its pages, read one after another, are exactly the whole sorted list (no row twice, none
 * skipped), ordered by the key then by id; filters and keyword still apply; a bad key or order is
 * CloudStack's 431 naming what is allowed; without the parameters a list keeps its usual order.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/connect';
import { pageOfIds, type ListOrder } from '../src/db/list-page';
import { listUsers } from '../src/db/repositories/users';
import { snapshotReadsOf, type SnapshotReads } from '../src/db/snapshot-reads';
import { raiseAlert } from '../src/services/alerts';
import { nowIso } from '../src/domain/time';
import { dialects, startTestCore, type TestCore } from './harness';
import { seedCluster, seedHost, seedPod, seedZone } from './infrastructure/seed';
import { createDomain, fails, insertAccount, ok, rootDomainUuid } from './tenancy/fixtures';
import { message } from '../src/domain/messages';

/** A list command, the entity key of its response, its table, and each sort key's column there. */
interface SortedList {
  command: string;
  item: string;
  table: 'hosts' | 'clusters' | 'pods' | 'zones' | 'storage_pools' | 'image_stores';
  keys: Record<string, string>;
}

type TenancyTable = 'events' | 'alerts' | 'accounts' | 'users' | 'domains';

const LISTS: Array<Omit<SortedList, 'table'> & { table: SortedList['table'] | TenancyTable }> = [
  {
    command: 'listHosts',
    item: 'host',
    table: 'hosts',
    keys: {
      name: 'name',
      state: 'status',
      resourcestate: 'resource_state',
      ipaddress: 'private_ip',
      hypervisor: 'hypervisor_type',
      created: 'created',
      cpuallocated: 'cpu_allocated',
      memoryallocated: 'memory_allocated',
      lastpinged: 'last_ping',
      cpuused: 'cpu_used_percent',
      memoryused: 'memory_used',
    },
  },
  {
    command: 'listClusters',
    item: 'cluster',
    table: 'clusters',
    keys: {
      name: 'name',
      hypervisor: 'hypervisor_type',
      allocationstate: 'allocation_state',
      clustertype: 'cluster_type',
      managedstate: 'managed_state',
      created: 'created',
    },
  },
  {
    command: 'listPods',
    item: 'pod',
    table: 'pods',
    keys: { name: 'name', allocationstate: 'allocation_state', created: 'created' },
  },
  {
    command: 'listZones',
    item: 'zone',
    table: 'zones',
    keys: { name: 'name', networktype: 'network_type', allocationstate: 'allocation_state', created: 'created' },
  },
  {
    command: 'listStoragePools',
    item: 'storagepool',
    table: 'storage_pools',
    keys: {
      name: 'name',
      state: 'status',
      scope: 'scope',
      type: 'pool_type',
      ipaddress: 'host_address',
      disksizetotal: 'capacity_bytes',
      disksizeused: 'used_bytes',
      created: 'created',
    },
  },
  {
    command: 'listImageStores',
    item: 'imagestore',
    table: 'image_stores',
    keys: { name: 'name', provider: 'provider', protocol: 'protocol', scope: 'scope', created: 'created' },
  },
  { command: 'listEvents', item: 'event', table: 'events', keys: { created: 'created', type: 'type', level: 'level' } },
  { command: 'listAlerts', item: 'alert', table: 'alerts', keys: { sent: 'created', name: 'name', type: 'type' } },
  {
    command: 'listAccounts',
    item: 'account',
    table: 'accounts',
    keys: { name: 'name', accounttype: 'type', state: 'state', created: 'created' },
  },
  {
    command: 'listUsers',
    item: 'user',
    table: 'users',
    keys: { username: 'username', firstname: 'firstname', lastname: 'lastname', state: 'state', created: 'created' },
  },
  {
    command: 'listDomains',
    item: 'domain',
    table: 'domains',
    keys: { name: 'name', path: 'path', level: 'level', created: 'created' },
  },
];

const PAGE = 4;

/** Text compares as in the C collation (byte order), numbers as numbers. */
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A varied cloud: duplicate names and states (so ties are broken by id), several of each list. */
async function seed(tc: TestCore): Promise<void> {
  const db = tc.core.store.db;
  const zones = [];
  for (let i = 0; i < 9; i++) {
    zones.push(
      await seedZone(db, {
        name: `zone-${'cab'[i % 3]}${i % 4}`,
        networkType: i % 2 ? 'Basic' : 'Advanced',
        allocationState: i % 3 ? 'Enabled' : 'Disabled',
      }),
    );
  }
  const zone = zones[0]!;
  const pods = [];
  for (let i = 0; i < 9; i++) pods.push(await seedPod(db, zone.id, { name: `pod-${(i * 7) % 5}` }));
  const pod = pods[0]!;
  const clusters = [];
  for (let i = 0; i < 9; i++) {
    clusters.push(
      await seedCluster(db, pod, { name: `cluster-${(i * 5) % 4}`, hypervisor: i % 2 ? 'KVM' : 'Simulator' }),
    );
  }
  const statuses = ['Up', 'Down', 'Alert', 'Disconnected', 'Up', 'Up'];
  for (let i = 0; i < 30; i++) {
    const host = await seedHost(db, clusters[i % 3]!, {
      name: `host-${(i * 11) % 13}`,
      status: statuses[i % statuses.length],
      resourceState: i % 4 === 0 ? 'Maintenance' : 'Enabled',
    });
    await db
      .updateTable('hosts')
      .set({
        private_ip: `10.0.${i % 3}.${(i * 7) % 20}`,
        cpu_allocated: (i % 5) * 1000,
        memory_allocated: (i % 4) * 2 ** 31,
        last_ping: new Date(Date.UTC(2026, 0, 1, 0, (i * 7) % 11)).toISOString(),
        cpu_used_percent: ((i * 13) % 9) * 7.25,
        memory_used: ((i * 5) % 6) * 2 ** 30,
      })
      .where('id', '=', host.id)
      .execute();
  }
  await db.updateTable('hosts').set({ hypervisor_type: 'KVM' }).where('cluster_id', '=', clusters[1]!.id).execute();
  for (let i = 0; i < 9; i++) {
    await db
      .insertInto('storage_pools')
      .values({
        uuid: crypto.randomUUID(),
        name: `pool-${i % 4}`,
        zone_id: zone.id,
        pod_id: i % 2 ? null : pod.id,
        cluster_id: i % 2 ? null : clusters[0]!.id,
        scope: i % 2 ? 'ZONE' : 'CLUSTER',
        pool_type: i % 3 ? 'NetworkFilesystem' : 'Filesystem',
        url: `nfs://10.0.0.${i}/pool`,
        host_address: `10.0.0.${(i * 5) % 9}`,
        path: `/pool${i}`,
        hypervisor: null,
        provider: 'DefaultPrimary',
        capacity_bytes: ((i % 3) + 1) * 2 ** 40,
        used_bytes: (i % 4) * 2 ** 30,
        allocated_bytes: 0,
        capacity_iops: null,
        status: i % 3 ? 'Up' : 'Maintenance',
        created: nowIso(),
        removed: null,
      })
      .execute();
  }
  for (let i = 0; i < 9; i++) {
    await db
      .insertInto('image_stores')
      .values({
        uuid: crypto.randomUUID(),
        name: `store-${i % 3}`,
        zone_id: i % 3 ? zone.id : null,
        provider: i % 2 ? 'NFS' : 'Filesystem',
        protocol: i % 2 ? 'nfs' : 'file',
        url: `nfs://10.0.1.${i}/sec`,
        scope: i % 3 ? 'ZONE' : 'REGION',
        read_only: 0,
        total_bytes: 2 ** 40,
        used_bytes: i * 2 ** 30,
        created: nowIso(),
        removed: null,
      })
      .execute();
  }
  for (let i = 0; i < 9; i++) {
    await raiseAlert(tc.core.services, {
      type: [7, 0, 1][i % 3]!,
      name: ['ALERT.HOST', 'ALERT.MEMORY', 'ALERT.CPU'][i % 3]!,
      message: message('alert.host.down', { name: `alert ${i}`, id: i, zone: 'z', pod: 'p' }),
      resourceId: crypto.randomUUID(),
    });
  }
  const root = await rootDomainUuid(tc);
  const parents = [root];
  for (let i = 0; i < 8; i++) {
    const domain = await createDomain(tc, `dom-${i % 3}-${i}`, parents[i % parents.length]);
    parents.push(domain.id);
  }
  const rootId = tc.admin.domainId;
  for (let i = 0; i < 12; i++) {
    await insertAccount(tc, {
      name: `acct-${(i * 5) % 7}-${i}`,
      domainId: rootId,
      roleType: i % 3 ? 'User' : 'DomainAdmin',
      state: i % 4 ? 'enabled' : 'disabled',
    });
  }
  for (let i = 0; i < 12; i++) {
    await tc.core.services.events.record({
      type: ['VM.CREATE', 'HOST.UPDATE', 'ZONE.CREATE'][i % 3]!,
      level: (['INFO', 'WARN', 'ERROR'] as const)[(i * 2) % 3],
      message: message('event.role.updated', { name: `event ${i}` }),
      caller: tc.admin,
    });
  }
}

describe.each(dialects())('sorted lists on %s', (dialect) => {
  let tc: TestCore;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    await seed(tc);
  });
  afterAll(async () => tc?.close());

  const items = (data: Record<string, any>, item: string): Array<Record<string, any>> => data[item] ?? [];

  /** Every page of a list, read in turn, with the count each page gave. */
  async function pages(command: string, item: string, params: Record<string, string>) {
    const ids: string[] = [];
    const counts = new Set<number>();
    for (let page = 1; page < 100; page++) {
      const data = ok(await tc.call(command, { ...params, page: String(page), pagesize: String(PAGE) }));
      counts.add(Number(data.count ?? 0));
      const rows = items(data, item);
      ids.push(...rows.map((r) => String(r.id)));
      if (rows.length < PAGE) break;
    }
    return { ids, counts };
  }

  /** The sort column and id of each listed row, by uuid. */
  async function keysOf(table: string, column: string, uuids: string[]) {
    const rows = await tc.core.store.db
      // The table varies by case; its columns are read by name.
      .selectFrom(table as 'hosts')
      .select(['uuid', 'id', `${column} as k` as 'name'])
      .where('uuid', 'in', uuids.length > 0 ? uuids : [''])
      .execute();
    return new Map(rows.map((r) => [r.uuid, { key: (r as unknown as { k: unknown }).k, id: r.id }]));
  }

  /** Asserts that sorting a list by a key reads every row once, in (key, id) order, over all pages. */
  async function checkSorted(
    list: (typeof LISTS)[number],
    key: string,
    direction: 'asc' | 'desc',
    filter: Record<string, string> = {},
  ): Promise<string[]> {
    const everyRow = items(ok(await tc.call(list.command, { ...filter, pagesize: '-1' })), list.item).map((r) =>
      String(r.id),
    );
    const sort = { ...filter, sortby: key, sortorder: direction };
    const whole = items(ok(await tc.call(list.command, { ...sort, pagesize: '-1' })), list.item).map((r) =>
      String(r.id),
    );
    const paged = await pages(list.command, list.item, sort);
    const what = `${list.command} by ${key} ${direction} ${JSON.stringify(filter)}`;
    expect(paged.ids, what).toEqual(whole);
    expect([...paged.counts], what).toEqual([everyRow.length]);
    expect([...whole].sort(), what).toEqual([...everyRow].sort());
    const keys = await keysOf(list.table, list.keys[key]!, whole);
    const sign = direction === 'asc' ? 1 : -1;
    const expected = [...whole].sort((a, b) => {
      const [x, y] = [keys.get(a)!, keys.get(b)!];
      return sign * (compareValues(x.key, y.key) || x.id - y.id);
    });
    expect(whole, what).toEqual(expected);
    return whole;
  }

  it.each(LISTS.map((l) => [l.command, l] as const))(
    '%s reads every row once over its pages, in key then id order, either way',
    async (_command, list) => {
      for (const key of Object.keys(list.keys)) {
        const asc = await checkSorted(list, key, 'asc');
        expect(asc.length, `${list.command} has rows over several pages`).toBeGreaterThan(2 * PAGE);
        await checkSorted(list, key, 'desc');
      }
    },
  );

  it('sorts within filters and the keyword, and takes the key and order in any case', async () => {
    const hosts = LISTS[0]!;
    const down = await checkSorted(hosts, 'name', 'desc', { state: 'Down' });
    expect(down.length).toBeGreaterThan(0);
    const keyword = await checkSorted(hosts, 'state', 'asc', { keyword: 'host-1' });
    expect(keyword.length).toBeGreaterThan(PAGE);
    const cluster = items(ok(await tc.call('listClusters', { name: 'cluster-1' })), 'cluster')[0]!;
    await checkSorted(hosts, 'cpuallocated', 'desc', { clusterid: String(cluster.id), resourcestate: 'Enabled' });
    const mixed = items(ok(await tc.call('listHosts', { sortby: 'STATE', sortorder: 'Desc', pagesize: '-1' })), 'host');
    const lower = items(ok(await tc.call('listHosts', { sortby: 'state', sortorder: 'desc', pagesize: '-1' })), 'host');
    expect(mixed.map((h) => h.id)).toEqual(lower.map((h) => h.id));
    await checkSorted(
      LISTS.find((l) => l.command === 'listUsers')!,
      'username',
      'desc',
      { keyword: 'acct-1' },
    );
  });

  it('keeps the usual order without sortby, and sortorder alone turns it around', async () => {
    const usual = items(ok(await tc.call('listHosts', { pagesize: '-1' })), 'host').map((h) => h.id);
    const ids = await keysOf('hosts', 'id', usual);
    expect(usual.map((u) => ids.get(u)!.id)).toEqual([...usual.map((u) => ids.get(u)!.id)].sort((a, b) => a - b));
    const reversed = items(ok(await tc.call('listHosts', { sortorder: 'desc', pagesize: '-1' })), 'host');
    expect(reversed.map((h) => h.id)).toEqual([...usual].reverse());
    // Events stay newest first (CloudStack's order) unless asked otherwise.
    const events = items(ok(await tc.call('listEvents', { pagesize: '-1' })), 'event').map((e) => e.id);
    const eventIds = await keysOf('events', 'id', events);
    const numeric = events.map((e) => eventIds.get(e)!.id);
    expect(numeric).toEqual([...numeric].sort((a, b) => b - a));
  });

  it('answers a bad sort key or order with a 431 naming what is allowed, whatever else is asked', async () => {
    const bad = fails(await tc.call('listHosts', { sortby: 'clustername' }), 431, /sortby/);
    expect(bad.errortext).toMatch(/name, state, resourcestate, ipaddress, hypervisor, created, cpuallocated/);
    fails(await tc.call('listHosts', { sortby: 'name', sortorder: 'up' }), 431, /sortorder.*asc, desc/);
    fails(
      await tc.call('listEvents', { sortby: 'description', page: '1', pagesize: '5' }),
      431,
      /created, type, level/,
    );
    fails(await tc.call('listUsers', { sortby: 'email' }), 431, /username/);
  });
});

describe.runIf(dialects().includes('postgres'))('sorted lists kept whole on a PostgreSQL read view', () => {
  let tc: TestCore;

  beforeAll(async () => {
    tc = await startTestCore('postgres');
    await seed(tc);
  });
  afterAll(async () => tc?.close());

  it('pages a sorted list from memory exactly as SQL pages it, in the sort order', async () => {
    const view = tc.core.readView as Store;
    const reads = snapshotReadsOf(view.db) as SnapshotReads;
    const listsBefore = reads.wholeListsRead;
    const hosts = (db: Store['db']) => () => db.selectFrom('hosts').where('removed', 'is', null);
    const users = (db: Store['db'], order: ListOrder, offset: number) =>
      listUsers(db, { scope: { kind: 'all' } }, { offset, limit: PAGE }, order).then(({ rows, count }) => ({
        ids: rows.map((r) => r.id),
        count,
      }));
    for (const direction of ['asc', 'desc'] as const) {
      const byState: ListOrder = { key: 'status', id: 'id', direction };
      const byName: ListOrder = { key: 'u.username', id: 'u.id', direction };
      const offsets = [0, PAGE, 2 * PAGE, 3 * PAGE, 7 * PAGE];
      const sqlHosts = await Promise.all(
        offsets.map((offset) => pageOfIds(tc.core.store.db, hosts(tc.core.store.db), { offset, limit: PAGE }, byState)),
      );
      const sqlUsers = await Promise.all(offsets.map((offset) => users(tc.core.store.db, byName, offset)));
      // Asked often enough, the lists are read whole; every round answers the same pages.
      for (let round = 0; round < 3; round++) {
        expect(
          await Promise.all(
            offsets.map((offset) => pageOfIds(view.db, hosts(view.db), { offset, limit: PAGE }, byState)),
          ),
        ).toEqual(sqlHosts);
        expect(await Promise.all(offsets.map((offset) => users(view.db, byName, offset)))).toEqual(sqlUsers);
      }
    }
    expect(reads.wholeListsRead).toBeGreaterThanOrEqual(listsBefore + 4);
  });
});
