import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_TYPE } from '../../src/domain/roles';
import { nowIso } from '../../src/domain/time';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, eventsOfType, fails, ok } from '../tenancy/fixtures';
import { seedCluster, seedPod, seedZone } from './seed';

/** Pods, IP ranges and the event count: what a refused call must leave as it was. */
async function addressSnapshot(tc: TestCore): Promise<string> {
  const db = tc.core.store.db;
  const [pods, ranges, events] = await Promise.all([
    db.selectFrom('pods').selectAll().orderBy('id').execute(),
    db.selectFrom('vlan_ip_ranges').selectAll().orderBy('id').execute(),
    db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ pods, ranges, events: Number(events.n) });
}

const POD = { gateway: '172.16.15.1', netmask: '255.255.255.0', startip: '172.16.15.2', endip: '172.16.15.200' };

describe.each(dialects())('pods (%s)', (dialect) => {
  let tc: TestCore;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
  });
  afterAll(async () => tc?.close());

  const createPod = async (params: Record<string, string>) => ok(await tc.call('createPod', params)).pod;

  it('creates a pod Enabled without allocationstate (as CloudStack does), in the CloudStack pod shape, with POD.CREATE', async () => {
    const zone = await seedZone(tc.core.store.db, { name: 'pod-zone-1' });
    const pod = await createPod({ zoneid: zone.uuid, name: 'pod-a', ...POD });
    expect(pod).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'pod-a',
      zoneid: zone.uuid,
      zonename: 'pod-zone-1',
      gateway: '172.16.15.1',
      netmask: '255.255.255.0',
      startip: ['172.16.15.2'],
      endip: ['172.16.15.200'],
      allocationstate: 'Enabled',
      ipranges: [
        {
          startip: '172.16.15.2',
          endip: '172.16.15.200',
          gateway: '172.16.15.1',
          forsystemvms: false,
          vlanid: 'untagged',
        },
      ],
    });
    expect(await eventsOfType(tc, 'POD.CREATE', pod.id)).toBe(1);
    const row = await tc.core.store.db
      .selectFrom('pods')
      .selectAll()
      .where('uuid', '=', pod.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      zone_id: zone.id,
      cidr: '172.16.15.0/24',
      start_ip: '172.16.15.2',
      end_ip: '172.16.15.200',
      allocation_state: 'Enabled',
    });

    const listed = ok(await tc.call('listPods', { id: pod.id }));
    expect(listed).toEqual({ count: 1, pod: [pod] });
  });

  it('runs the range to the last usable address without endip, and takes allocationstate', async () => {
    const zone = await seedZone(tc.core.store.db);
    const pod = await createPod({
      zoneid: zone.uuid,
      name: 'wide',
      gateway: '192.168.8.1',
      netmask: '255.255.252.0',
      startip: '192.168.8.10',
      allocationstate: 'disabled',
    });
    expect(pod).toMatchObject({ startip: ['192.168.8.10'], endip: ['192.168.11.254'], allocationstate: 'Disabled' });
  });

  it('refuses invalid networks, overlaps, duplicate names and unknown zones with 431, changing nothing', async () => {
    const db = tc.core.store.db;
    const zone = await seedZone(db, { name: 'checks' });
    await createPod({ zoneid: zone.uuid, name: 'first', ...POD });
    // A public range of the zone that a pod's reserved range may not overlap.
    await db
      .insertInto('vlan_ip_ranges')
      .values({
        uuid: crypto.randomUUID(),
        zone_id: zone.id,
        pod_id: null,
        physical_network_id: null,
        network_id: null,
        vlan_tag: 'vlan://50',
        gateway: '203.0.113.1',
        netmask: '255.255.255.0',
        start_ip: '203.0.113.10',
        end_ip: '203.0.113.20',
        start_num: 3405803786,
        end_num: 3405803796,
        for_virtual_network: 1,
        for_system_vms: 0,
        account_id: null,
        domain_id: null,
        description: null,
        created: nowIso(),
        removed: null,
      })
      .execute();
    const before = await addressSnapshot(tc);
    const base = { zoneid: zone.uuid, name: 'second', gateway: '172.16.20.1', netmask: '255.255.255.0' };
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...base, gateway: '172.16.20.300', startip: '172.16.20.2' }, /gateway 172\.16\.20\.300 is not a valid IP/],
      [{ ...base, netmask: '255.0.255.0', startip: '172.16.20.2' }, /netmask 255\.0\.255\.0 is invalid/],
      [{ ...base, startip: '172.16.20.x' }, /start address .* is not a valid IP/],
      [{ ...base, startip: '172.16.20.2', endip: '172.16.20.256' }, /end address .* is not a valid IP/],
      [
        { ...base, startip: '172.16.21.2' },
        /start address of the IP range \(172\.16\.21\.2\) is not in the CIDR subnet 172\.16\.20\.0\/24/,
      ],
      [{ ...base, startip: '172.16.20.2', endip: '172.16.21.5' }, /end address .* is not in the CIDR subnet/],
      [{ ...base, startip: '172.16.20.100', endip: '172.16.20.50' }, /must have a lower value than the end IP/],
      [
        { ...base, gateway: '172.16.20.50', startip: '172.16.20.2', endip: '172.16.20.100' },
        /gateway .* shouldn't overlap/,
      ],
      [
        {
          ...base,
          gateway: '172.16.15.129',
          netmask: '255.255.255.128',
          startip: '172.16.15.130',
          endip: '172.16.15.140',
        },
        /conflicts with the subnet of pod first \(172\.16\.15\.0\/24\)/,
      ],
      [
        { ...base, gateway: '172.16.0.1', netmask: '255.255.0.0', startip: '172.16.100.2', endip: '172.16.100.9' },
        /conflicts with the subnet of pod first/,
      ],
      [{ ...base, gateway: '10.1.1.1', startip: '10.1.1.2', endip: '10.1.1.9' }, /guest CIDR 10\.1\.1\.0\/24/],
      [
        { ...base, gateway: '203.0.113.1', startip: '203.0.113.2', endip: '203.0.113.12' },
        /overlaps the public IP range 203\.0\.113\.10-203\.0\.113\.20/,
      ],
      [{ ...base, name: 'FIRST', startip: '172.16.20.2' }, /A pod with name: FIRST already exists in zone checks/],
      [{ ...base, name: '  ', startip: '172.16.20.2' }, /cannot be empty/],
      [{ ...base, zoneid: '00000000-0000-4000-8000-000000000000', startip: '172.16.20.2' }, /Unable to find zone/],
      [{ ...base, allocationstate: 'Maybe', startip: '172.16.20.2' }, /allocationstate/i],
      [{ ...base }, /startip/],
    ];
    for (const [params, text] of cases) {
      const r = fails(await tc.call('createPod', params), 431, text);
      expect(r.errortext.length).toBeGreaterThan(10);
    }
    expect(await addressSnapshot(tc)).toBe(before);

    // The same CIDR is fine in another zone, and the refused name is fine once unique.
    const other = await seedZone(db);
    await createPod({ zoneid: other.uuid, name: 'first', ...POD });
    await createPod({ ...base, startip: '172.16.20.2' });
  });

  it('lists pods by zone, name, state and keyword, with paging', async () => {
    const zone = await seedZone(tc.core.store.db);
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await createPod({
          zoneid: zone.uuid,
          name: `rack-${i}`,
          gateway: `10.20.${i}.1`,
          netmask: '255.255.255.0',
          startip: `10.20.${i}.10`,
          endip: `10.20.${i}.20`,
          allocationstate: i % 2 === 0 ? 'Enabled' : 'Disabled',
        }),
      );
    }
    const all = ok(await tc.call('listPods', { zoneid: zone.uuid }));
    expect(all.count).toBe(5);
    expect(all.pod.map((p: any) => p.name)).toEqual(['rack-0', 'rack-1', 'rack-2', 'rack-3', 'rack-4']);
    expect(ok(await tc.call('listPods', { zoneid: zone.uuid, allocationstate: 'Enabled' })).count).toBe(3);
    expect(ok(await tc.call('listPods', { zoneid: zone.uuid, name: 'RACK-3' })).pod[0].id).toBe(made[3].id);
    expect(ok(await tc.call('listPods', { zoneid: zone.uuid, keyword: 'ck-4' })).pod).toHaveLength(1);
    const page = ok(await tc.call('listPods', { zoneid: zone.uuid, page: '2', pagesize: '2' }));
    expect(page.count).toBe(5);
    expect(page.pod.map((p: any) => p.name)).toEqual(['rack-2', 'rack-3']);
    expect(ok(await tc.call('listPods', { zoneid: zone.uuid, keyword: 'nothing-like-it' }))).toEqual({});
    fails(await tc.call('listPods', { zoneid: '00000000-0000-4000-8000-000000000000' }), 431, /Unable to find zone/);
  });

  it('updates name, state and range with the same checks, and records POD.EDIT', async () => {
    const db = tc.core.store.db;
    const zone = await seedZone(db);
    const pod = await createPod({ zoneid: zone.uuid, name: 'edit-me', ...POD, allocationstate: 'Disabled' });
    const neighbour = await createPod({
      zoneid: zone.uuid,
      name: 'neighbour',
      gateway: '172.16.30.1',
      netmask: '255.255.255.0',
      startip: '172.16.30.2',
      endip: '172.16.30.50',
    });

    const renamed = ok(await tc.call('updatePod', { id: pod.id, name: 'edited', allocationstate: 'Enabled' })).pod;
    expect(renamed).toMatchObject({ name: 'edited', allocationstate: 'Enabled', startip: ['172.16.15.2'] });
    const ranged = ok(await tc.call('updatePod', { id: pod.id, startip: '172.16.15.20', endip: '172.16.15.30' })).pod;
    expect(ranged).toMatchObject({ startip: ['172.16.15.20'], endip: ['172.16.15.30'], gateway: '172.16.15.1' });
    // The first call enabled the pod too: recorded as POD.ENABLE, the range change as POD.EDIT.
    expect(await eventsOfType(tc, 'POD.ENABLE', pod.id)).toBe(1);
    expect(await eventsOfType(tc, 'POD.EDIT', pod.id)).toBe(1);

    const before = await addressSnapshot(tc);
    fails(await tc.call('updatePod', { id: pod.id, name: 'NEIGHBOUR' }), 431, /already exists/);
    fails(
      await tc.call('updatePod', { id: pod.id, gateway: '172.16.40.1' }),
      431,
      /cannot change to 172\.16\.40\.0\/24: its IP range 172\.16\.15\.20-172\.16\.15\.30 would fall outside/,
    );
    fails(await tc.call('updatePod', { id: pod.id, netmask: '255.255.255.240' }), 431, /would fall outside/);
    fails(
      await tc.call('updatePod', {
        id: pod.id,
        gateway: '172.16.30.129',
        startip: '172.16.30.130',
        endip: '172.16.30.140',
      }),
      431,
      /conflicts with the subnet of pod neighbour/,
    );
    fails(
      await tc.call('updatePod', { id: pod.id, startip: '172.16.15.40', endip: '172.16.15.35' }),
      431,
      /lower value/,
    );
    fails(await tc.call('updatePod', { id: pod.id, endip: '172.16.15.1' }), 431, /lower value|shouldn't overlap/);
    fails(await tc.call('updatePod', { id: pod.id, startip: '172.16.15.1' }), 431, /gateway .* shouldn't overlap/);
    fails(
      await tc.call('updatePod', { id: '00000000-0000-4000-8000-000000000000', name: 'x' }),
      431,
      /Unable to find pod/,
    );
    expect(await addressSnapshot(tc)).toBe(before);

    // A CIDR change that brings its own range is fine; one that strands a host's address is not.
    const moved = ok(
      await tc.call('updatePod', {
        id: pod.id,
        gateway: '172.16.40.1',
        netmask: '255.255.255.0',
        startip: '172.16.40.2',
        endip: '172.16.40.9',
      }),
    ).pod;
    expect(moved).toMatchObject({ gateway: '172.16.40.1', startip: ['172.16.40.2'], endip: ['172.16.40.9'] });
    const n = await db.selectFrom('pods').select('cidr').where('uuid', '=', pod.id).executeTakeFirstOrThrow();
    expect(n.cidr).toBe('172.16.40.0/24');
    expect(neighbour.id).not.toBe(pod.id);
  });

  it('refuses a CIDR change that leaves a host outside', async () => {
    const db = tc.core.store.db;
    const zone = await seedZone(db);
    const pod = await seedPod(db, zone.id); // 172.16.15.0/24; seeded hosts use 172.16.15.10
    const cluster = await seedCluster(db, pod);
    await db
      .insertInto('hosts')
      .values({
        uuid: crypto.randomUUID(),
        name: 'h1',
        zone_id: zone.id,
        pod_id: pod.id,
        cluster_id: cluster.id,
        type: 'Routing',
        hypervisor_type: 'Simulator',
        hypervisor_version: null,
        url: 'http://sim/h1',
        private_ip: '172.16.15.250',
        username: null,
        password: null,
        status: 'Up',
        resource_state: 'Enabled',
        cpu_sockets: 1,
        cpu_number: 4,
        cpu_speed: 2000,
        total_memory: 1024,
        cpu_allocated: 0,
        memory_allocated: 0,
        cpu_used_percent: 0,
        memory_used: 0,
        capabilities: null,
        arch: 'x86_64',
        last_ping: null,
        status_changed: nowIso(),
        owner_server: null,
        created: nowIso(),
        removed: null,
      })
      .execute();
    const before = await addressSnapshot(tc);
    fails(
      await tc.call('updatePod', {
        id: pod.uuid,
        netmask: '255.255.255.128',
        startip: '172.16.15.2',
        endip: '172.16.15.100',
      }),
      431,
      /host h1 has the management address 172\.16\.15\.250 outside it/,
    );
    expect(await addressSnapshot(tc)).toBe(before);
  });

  it('refuses deletePod while clusters or guest ranges remain (536), then deletes and records POD.DELETE', async () => {
    const db = tc.core.store.db;
    const zone = await seedZone(db, { networkType: 'Basic' });
    const pod = await createPod({ zoneid: zone.uuid, name: 'doomed', ...POD });
    const podRow = await db.selectFrom('pods').selectAll().where('uuid', '=', pod.id).executeTakeFirstOrThrow();
    const cluster = await seedCluster(db, podRow);

    const before = await addressSnapshot(tc);
    fails(
      await tc.call('deletePod', { id: pod.id }),
      536,
      /The pod cannot be deleted because there are clusters in this pod/,
    );
    expect(await addressSnapshot(tc)).toBe(before);

    await db.updateTable('clusters').set({ removed: nowIso() }).where('id', '=', cluster.id).execute();
    const range = ok(
      await tc.call('createVlanIpRange', {
        podid: pod.id,
        gateway: '10.50.0.1',
        netmask: '255.255.255.0',
        startip: '10.50.0.100',
        endip: '10.50.0.150',
      }),
    ).vlan;
    fails(await tc.call('deletePod', { id: pod.id }), 536, /guest IP ranges in this pod/);
    ok(await tc.call('deleteVlanIpRange', { id: range.id }));

    expect(ok(await tc.call('deletePod', { id: pod.id }))).toEqual({ success: true });
    expect(await eventsOfType(tc, 'POD.DELETE', pod.id)).toBe(1);
    expect(ok(await tc.call('listPods', { id: pod.id }))).toEqual({});
    fails(await tc.call('deletePod', { id: pod.id }), 431, /Unable to find pod/);
    // The name and CIDR are free again.
    await createPod({ zoneid: zone.uuid, name: 'doomed', ...POD });
  });

  it('lets only root admins change pods; resource admins may list them', async () => {
    const zone = await seedZone(tc.core.store.db);
    const user = await createAccount(tc, { username: 'pod-user' });
    const resourceAdmin = await createAccount(tc, { username: 'pod-radmin', accounttype: ACCOUNT_TYPE.ResourceAdmin });
    const userCaller = await callerOf(tc, user.user[0].id);
    const raCaller = await callerOf(tc, resourceAdmin.user[0].id);
    const before = await addressSnapshot(tc);
    for (const caller of [userCaller, raCaller]) {
      const r = await tc.call('createPod', { zoneid: zone.uuid, name: 'nope', ...POD }, caller);
      expect(r.status).not.toBe(200);
    }
    expect((await tc.call('listPods', {}, userCaller)).status).not.toBe(200);
    expect(await addressSnapshot(tc)).toBe(before);
    await createPod({ zoneid: zone.uuid, name: 'seen', ...POD });
    expect(ok(await tc.call('listPods', { zoneid: zone.uuid }, raCaller)).count).toBe(1);
  });
});
