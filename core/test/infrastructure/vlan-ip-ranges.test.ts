import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_TYPE } from '../../src/domain/roles';
import { nowIso } from '../../src/domain/time';
import type { Database } from '../../src/db/schema';
import type { Kysely } from 'kysely';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, createDomain, eventsOfType, fails, ok } from '../tenancy/fixtures';
import { seedPod, seedZone } from './seed';

/**
 * A physical network with traffic types, inserted directly (the physical network commands have
 * their own tests).
 */
async function seedPhysicalNetwork(
  db: Kysely<Database>,
  zoneId: number,
  options: { name?: string; vlan?: string | null; traffic?: string[] } = {},
) {
  const network = await db
    .insertInto('physical_networks')
    .values({
      uuid: crypto.randomUUID(),
      zone_id: zoneId,
      name: options.name ?? `pn-${crypto.randomBytes(3).toString('hex')}`,
      vlan: options.vlan ?? null,
      isolation_methods: 'VLAN',
      tags: null,
      speed: null,
      broadcast_domain_range: 'ZONE',
      domain_id: null,
      state: 'Enabled',
      created: nowIso(),
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const traffic of options.traffic ?? []) {
    await db
      .insertInto('traffic_types')
      .values({
        uuid: crypto.randomUUID(),
        physical_network_id: network.id,
        traffic_type: traffic,
        kvm_label: null,
        vmware_label: null,
        xen_label: null,
        hyperv_label: null,
        ovm3_label: null,
        vlan: null,
        created: nowIso(),
      })
      .execute();
  }
  return network;
}

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

const PUBLIC = { vlan: '50', gateway: '203.0.113.1', netmask: '255.255.255.0' };

describe.each(dialects())('vlan ip ranges (%s)', (dialect) => {
  let tc: TestCore;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
  });
  afterAll(async () => tc?.close());

  const create = async (params: Record<string, string>) => ok(await tc.call('createVlanIpRange', params)).vlan;

  /** An advanced zone whose physical network carries Public and Guest traffic, guest VLANs 100-200. */
  async function advancedZone(name?: string) {
    const db = tc.core.store.db;
    const zone = await seedZone(db, { name, networkType: 'Advanced' });
    const physical = await seedPhysicalNetwork(db, zone.id, {
      name: `${zone.name}-pn`,
      vlan: '100-200',
      traffic: ['Management', 'Public', 'Guest'],
    });
    return { zone, physical };
  }

  it('adds a public range to an advanced zone with the CloudStack vlan shape and VLAN.IP.RANGE.CREATE', async () => {
    const { zone, physical } = await advancedZone('adv-1');
    const range = await create({ zoneid: zone.uuid, ...PUBLIC, startip: '203.0.113.10', endip: '203.0.113.20' });
    expect(range).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      forvirtualnetwork: true,
      zoneid: zone.uuid,
      vlan: 'vlan://50',
      gateway: '203.0.113.1',
      netmask: '255.255.255.0',
      cidr: '203.0.113.0/24',
      startip: '203.0.113.10',
      endip: '203.0.113.20',
      physicalnetworkid: physical.uuid,
      forsystemvms: false,
      description: '203.0.113.10-203.0.113.20',
    });
    const row = await tc.core.store.db
      .selectFrom('vlan_ip_ranges')
      .selectAll()
      .where('uuid', '=', range.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      zone_id: zone.id,
      pod_id: null,
      physical_network_id: physical.id,
      vlan_tag: 'vlan://50',
      start_num: 3405803786,
      end_num: 3405803796,
      for_virtual_network: 1,
    });
    expect(await eventsOfType(tc, 'VLAN.IP.RANGE.CREATE', range.id)).toBe(1);
    expect(ok(await tc.call('listVlanIpRanges', { id: range.id }))).toEqual({ count: 1, vlan: [range] });

    // The same VLAN and subnet extend; "vlan://50" is the same VLAN; a single address needs no endip.
    const more = await create({
      zoneid: zone.uuid,
      ...PUBLIC,
      vlan: 'vlan://50',
      startip: '203.0.113.30',
      endip: '203.0.113.40',
    });
    expect(more.vlan).toBe('vlan://50');
    const one = await create({ zoneid: zone.uuid, ...PUBLIC, startip: '203.0.113.99', forsystemvms: 'true' });
    expect(one).toMatchObject({ startip: '203.0.113.99', endip: '203.0.113.99', forsystemvms: true });
    // Another VLAN with its own subnet, and an untagged one.
    const other = await create({
      zoneid: zone.uuid,
      vlan: '60',
      gateway: '198.51.100.1',
      netmask: '255.255.255.128',
      startip: '198.51.100.2',
      endip: '198.51.100.100',
    });
    expect(other).toMatchObject({ vlan: 'vlan://60', cidr: '198.51.100.0/25' });
    const untagged = await create({
      zoneid: zone.uuid,
      gateway: '192.0.2.1',
      netmask: '255.255.255.0',
      startip: '192.0.2.5',
      endip: '192.0.2.6',
    });
    expect(untagged.vlan).toBe('untagged');
  });

  it('adds a guest range to a basic zone pod, the zone taken from the pod', async () => {
    const db = tc.core.store.db;
    const zone = await seedZone(db, { name: 'basic-1', networkType: 'Basic' });
    const pod = await seedPod(db, zone.id, { name: 'basic-pod' });
    const guestNet = await seedPhysicalNetwork(db, zone.id, { traffic: ['Guest', 'Management'] });
    const range = await create({
      podid: pod.uuid,
      gateway: '10.10.0.1',
      netmask: '255.255.255.0',
      startip: '10.10.0.100',
      endip: '10.10.0.200',
    });
    expect(range).toEqual({
      id: expect.any(String),
      forvirtualnetwork: false,
      zoneid: zone.uuid,
      vlan: 'untagged',
      podid: pod.uuid,
      podname: 'basic-pod',
      gateway: '10.10.0.1',
      netmask: '255.255.255.0',
      cidr: '10.10.0.0/24',
      startip: '10.10.0.100',
      endip: '10.10.0.200',
      physicalnetworkid: guestNet.uuid,
      forsystemvms: false,
      description: '10.10.0.100-10.10.0.200',
    });
    // A second pod may use its own subnet on the same (untagged) VLAN, in the pod's own CIDR too.
    const pod2 = await seedPod(db, zone.id, { gateway: '172.16.16.1', startIp: '172.16.16.2', endIp: '172.16.16.99' });
    const second = await create({
      zoneid: zone.uuid,
      podid: pod2.uuid,
      forvirtualnetwork: 'false',
      gateway: '172.16.16.1',
      netmask: '255.255.255.0',
      startip: '172.16.16.100',
      endip: '172.16.16.200',
    });
    expect(second).toMatchObject({ podid: pod2.uuid, forvirtualnetwork: false });
    const listed = ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid }));
    expect(listed.count).toBe(2);
    expect(ok(await tc.call('listVlanIpRanges', { podid: pod2.uuid })).vlan.map((v: any) => v.id)).toEqual([second.id]);
  });

  it('refuses each invalid public range with 431 and a readable text, changing nothing', async () => {
    const db = tc.core.store.db;
    const { zone, physical } = await advancedZone('adv-checks');
    await seedPod(db, zone.id, { name: 'sys-pod' }); // reserves 172.16.15.2-200
    await create({ zoneid: zone.uuid, ...PUBLIC, startip: '203.0.113.10', endip: '203.0.113.20' });
    const bare = await seedZone(db, { name: 'no-public' });
    const bareNet = await seedPhysicalNetwork(db, bare.id, { name: 'guest-only', traffic: ['Guest'] });
    const basic = await seedZone(db, { name: 'basic-checks', networkType: 'Basic' });
    const basicPod = await seedPod(db, basic.id);
    const otherZone = await seedZone(db);
    const foreignPod = await seedPod(db, otherZone.id);

    const before = await addressSnapshot(tc);
    const base = { zoneid: zone.uuid, ...PUBLIC };
    const cases: [Record<string, string>, RegExp][] = [
      [
        { ...base, startip: '203.0.113.15', endip: '203.0.113.25' },
        /overlaps the existing IP range 203\.0\.113\.10-203\.0\.113\.20 \(vlan:\/\/50\)/,
      ],
      [{ ...base, startip: '203.0.113.5', endip: '203.0.113.10' }, /overlaps the existing IP range/],
      [
        { ...base, startip: '203.0.113.250', endip: '203.0.114.5' },
        /end IP address 203\.0\.114\.5 is not in 203\.0\.113\.0\/24/,
      ],
      [{ ...base, startip: '203.0.112.250', endip: '203.0.113.5' }, /start IP address 203\.0\.112\.250 is not in/],
      [{ ...base, startip: '203.0.113.60', endip: '203.0.113.50' }, /must have a lower value than the end IP/],
      [
        { ...base, vlan: '0', startip: '203.0.113.50', endip: '203.0.113.60' },
        /Invalid VLAN "0": VLANs must be within 1-4094/,
      ],
      [{ ...base, vlan: '4095', startip: '203.0.113.50', endip: '203.0.113.60' }, /Invalid VLAN "4095"/],
      [{ ...base, vlan: 'vlan://abc', startip: '203.0.113.50', endip: '203.0.113.60' }, /Invalid VLAN/],
      [
        { ...base, vlan: '150', gateway: '198.18.0.1', startip: '198.18.0.2', endip: '198.18.0.9' },
        /VLAN tag 150 is already being used for dynamic vlan allocation .*guest VLAN range 100-200 of physical network/,
      ],
      [
        { ...base, gateway: '203.0.113.254', startip: '203.0.113.50', endip: '203.0.113.60' },
        /already been added on vlan:\/\/50 with gateway 203\.0\.113\.1 and netmask 255\.255\.255\.0/,
      ],
      [
        { ...base, netmask: '255.255.255.128', startip: '203.0.113.50', endip: '203.0.113.60' },
        /already been added on vlan:\/\/50 with gateway 203\.0\.113\.1/,
      ],
      [
        { ...base, vlan: '60', startip: '203.0.113.50', endip: '203.0.113.60' },
        /IP range with tag: vlan:\/\/50 .* has overlapped with the subnet 203\.0\.113\.0\/24/,
      ],
      [
        { ...base, vlan: '70', gateway: '172.16.15.1', startip: '172.16.15.150', endip: '172.16.15.210' },
        /overlaps the reserved system IP range 172\.16\.15\.2-172\.16\.15\.200 of pod sys-pod/,
      ],
      [
        { ...base, gateway: '203.0.113.55', startip: '203.0.113.50', endip: '203.0.113.60' },
        /gateway .* shouldn't overlap/,
      ],
      [{ ...base, gateway: '203.0.113.x', startip: '203.0.113.50' }, /valid gateway/],
      [{ ...base, netmask: '255.255.0.255', startip: '203.0.113.50' }, /valid netmask/],
      [{ ...base, netmask: '', startip: '203.0.113.50' }, /netmask/],
      [{ ...base, startip: '203.0.113.500' }, /start IP address 203\.0\.113\.500 is not a valid/],
      [{ ...base }, /startip/],
      [
        { ...base, zoneid: '00000000-0000-4000-8000-000000000000', startip: '203.0.113.50' },
        /Unable to find zone by zoneid/,
      ],
      [{ ...PUBLIC, startip: '203.0.113.50' }, /Please specify a zone/],
      [{ ...base, startip: '203.0.113.50', forvirtualnetwork: 'false' }, /not supported yet/],
      [{ ...base, startip: '203.0.113.50', networkid: crypto.randomUUID() }, /networkid\) is not supported yet/],
      [{ ...base, startip: '203.0.113.50', podid: foreignPod.uuid }, /doesn't belong to zone adv-checks/],
      [{ ...base, startip: '203.0.113.50', physicalnetworkid: bareNet.uuid }, /doesn't belong to zone adv-checks/],
      [
        { ...base, zoneid: bare.uuid, startip: '203.0.113.50' },
        /No physical network in zone no-public carries Public traffic/,
      ],
      [
        { ...base, zoneid: bare.uuid, physicalnetworkid: bareNet.uuid, startip: '203.0.113.50' },
        /Physical network guest-only does not carry Public traffic/,
      ],
      [{ ...base, startip: '203.0.113.50', account: 'admin', domainid: crypto.randomUUID() }, /Unable to find domain/],
      [{ ...base, startip: '203.0.113.50', account: 'no-such-account' }, /Unable to find account no-such-account/],
      [{ ...base, zoneid: basic.uuid, gateway: '10.9.0.1', startip: '10.9.0.5' }, /A pod \(podid\) is required/],
      [
        {
          ...base,
          zoneid: basic.uuid,
          podid: basicPod.uuid,
          gateway: '10.9.0.1',
          startip: '10.9.0.5',
          forvirtualnetwork: 'true',
        },
        /has no public IP ranges/,
      ],
      [
        {
          ...base,
          podid: basicPod.uuid,
          zoneid: basic.uuid,
          gateway: '10.9.0.1',
          startip: '10.9.0.5',
          domainid: crypto.randomUUID(),
        },
        /only in an Advanced zone/,
      ],
    ];
    for (const [params, text] of cases) {
      const r = fails(await tc.call('createVlanIpRange', params), 431, text);
      expect(r.errortext.length).toBeGreaterThan(10);
    }
    expect(await addressSnapshot(tc)).toBe(before);
    expect(physical.id).toBeGreaterThan(0);
  });

  it('keeps pods and ranges apart from the pod side too', async () => {
    const { zone } = await advancedZone();
    await create({ zoneid: zone.uuid, ...PUBLIC, startip: '203.0.113.10', endip: '203.0.113.20' });
    const before = await addressSnapshot(tc);
    fails(
      await tc.call('createPod', {
        zoneid: zone.uuid,
        name: 'clash',
        gateway: '203.0.113.1',
        netmask: '255.255.255.0',
        startip: '203.0.113.2',
        endip: '203.0.113.12',
      }),
      431,
      /pod's IP range 203\.0\.113\.2-203\.0\.113\.12 overlaps the public IP range 203\.0\.113\.10-203\.0\.113\.20/,
    );
    expect(await addressSnapshot(tc)).toBe(before);
  });

  it('dedicates ranges to accounts and domains, shows them in the list, and releases them', async () => {
    const { zone } = await advancedZone();
    const domain = await createDomain(tc, 'ip-owners');
    const account = await createAccount(tc, { username: 'ip-owner', domainid: domain.id });

    const forAccount = await create({
      zoneid: zone.uuid,
      ...PUBLIC,
      startip: '203.0.113.10',
      endip: '203.0.113.20',
      account: account.name,
      domainid: domain.id,
    });
    expect(forAccount).toMatchObject({ account: account.name, domainid: domain.id, domain: 'ip-owners' });
    const forDomain = await create({
      zoneid: zone.uuid,
      ...PUBLIC,
      startip: '203.0.113.30',
      endip: '203.0.113.40',
      domainid: domain.id,
    });
    expect(forDomain).toMatchObject({ domainid: domain.id, domain: 'ip-owners' });
    expect(forDomain.account).toBeUndefined();
    const free = await create({ zoneid: zone.uuid, ...PUBLIC, startip: '203.0.113.50', endip: '203.0.113.60' });
    expect(free.account).toBeUndefined();
    expect(free.domainid).toBeUndefined();

    const listed = ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid }));
    expect(listed.vlan.find((v: any) => v.id === forAccount.id)).toMatchObject({
      account: account.name,
      domainid: domain.id,
      domain: 'ip-owners',
    });
    const byAccount = ok(await tc.call('listVlanIpRanges', { account: account.name, domainid: domain.id }));
    expect(byAccount.vlan.map((v: any) => v.id)).toEqual([forAccount.id]);
    const byDomain = ok(await tc.call('listVlanIpRanges', { domainid: domain.id }));
    expect(byDomain.vlan.map((v: any) => v.id)).toEqual([forAccount.id, forDomain.id]);

    const dedicated = ok(
      await tc.call('dedicatePublicIpRange', { id: free.id, account: account.name, domainid: domain.id }),
    ).vlan;
    expect(dedicated).toMatchObject({ id: free.id, account: account.name, domainid: domain.id });
    expect(await eventsOfType(tc, 'VLAN.IP.RANGE.DEDICATE', free.id)).toBe(1);

    const before = await addressSnapshot(tc);
    fails(await tc.call('dedicatePublicIpRange', { id: free.id, domainid: domain.id }), 431, /already dedicated/);
    expect(await addressSnapshot(tc)).toBe(before);

    expect(ok(await tc.call('releasePublicIpRange', { id: free.id }))).toEqual({ success: true });
    expect(await eventsOfType(tc, 'VLAN.IP.RANGE.RELEASE', free.id)).toBe(1);
    const released = ok(await tc.call('listVlanIpRanges', { id: free.id })).vlan[0];
    expect(released.account).toBeUndefined();
    expect(released.domainid).toBeUndefined();
    fails(await tc.call('releasePublicIpRange', { id: free.id }), 431, /is not dedicated/);
    fails(
      await tc.call('dedicatePublicIpRange', { id: crypto.randomUUID(), domainid: domain.id }),
      431,
      /Unable to find IP range/,
    );

    // Domain-only dedication through dedicatePublicIpRange.
    const toDomain = ok(await tc.call('dedicatePublicIpRange', { id: free.id, domainid: domain.id })).vlan;
    expect(toDomain).toMatchObject({ domainid: domain.id, domain: 'ip-owners' });
    expect(toDomain.account).toBeUndefined();
  });

  it('lists by zone, physical network, VLAN, type and keyword, with paging; deletes with an event', async () => {
    const db = tc.core.store.db;
    const { zone, physical } = await advancedZone();
    const made = [];
    for (let i = 0; i < 4; i++) {
      made.push(
        await create({
          zoneid: zone.uuid,
          vlan: String(10 + (i % 2)),
          gateway: `100.64.${i}.1`,
          netmask: '255.255.255.0',
          startip: `100.64.${i}.10`,
          endip: `100.64.${i}.20`,
        }),
      );
    }
    const basic = await seedZone(db, { networkType: 'Basic' });
    const pod = await seedPod(db, basic.id);
    const guest = await create({
      podid: pod.uuid,
      gateway: '100.64.9.1',
      netmask: '255.255.255.0',
      startip: '100.64.9.5',
      endip: '100.64.9.6',
    });

    expect(ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid })).count).toBe(4);
    expect(ok(await tc.call('listVlanIpRanges', { physicalnetworkid: physical.uuid })).count).toBe(4);
    expect(ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid, vlan: '11' })).vlan.map((v: any) => v.id)).toEqual(
      [made[1].id, made[3].id],
    );
    expect(ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid, vlan: 'vlan://10' })).count).toBe(2);
    const direct = ok(await tc.call('listVlanIpRanges', { forvirtualnetwork: 'false', podid: pod.uuid }));
    expect(direct.vlan.map((v: any) => v.id)).toEqual([guest.id]);
    expect(ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid, keyword: '100.64.2.' })).vlan[0].id).toBe(
      made[2].id,
    );
    const page = ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid, page: '2', pagesize: '3' }));
    expect(page.count).toBe(4);
    expect(page.vlan.map((v: any) => v.id)).toEqual([made[3].id]);
    fails(await tc.call('listVlanIpRanges', { podid: crypto.randomUUID() }), 431, /Unable to find pod/);

    expect(ok(await tc.call('deleteVlanIpRange', { id: made[0].id }))).toEqual({ success: true });
    expect(await eventsOfType(tc, 'VLAN.IP.RANGE.DELETE', made[0].id)).toBe(1);
    expect(ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid })).count).toBe(3);
    fails(await tc.call('deleteVlanIpRange', { id: made[0].id }), 431, /Unable to find IP range/);
    // Its addresses are free again.
    await create({
      zoneid: zone.uuid,
      vlan: '10',
      gateway: '100.64.0.1',
      netmask: '255.255.255.0',
      startip: '100.64.0.10',
    });
  });

  it('lets only root admins change ranges; resource admins may list them', async () => {
    const { zone } = await advancedZone();
    const range = await create({ zoneid: zone.uuid, ...PUBLIC, startip: '203.0.113.10', endip: '203.0.113.20' });
    const user = await createAccount(tc, { username: 'range-user' });
    const ra = await createAccount(tc, { username: 'range-radmin', accounttype: ACCOUNT_TYPE.ResourceAdmin });
    const userCaller = await callerOf(tc, user.user[0].id);
    const raCaller = await callerOf(tc, ra.user[0].id);
    const before = await addressSnapshot(tc);
    for (const caller of [userCaller, raCaller]) {
      expect(
        (await tc.call('createVlanIpRange', { zoneid: zone.uuid, ...PUBLIC, startip: '203.0.113.50' }, caller)).status,
      ).not.toBe(200);
      expect((await tc.call('deleteVlanIpRange', { id: range.id }, caller)).status).not.toBe(200);
      expect(
        (await tc.call('dedicatePublicIpRange', { id: range.id, domainid: user.domainid }, caller)).status,
      ).not.toBe(200);
    }
    expect((await tc.call('listVlanIpRanges', {}, userCaller)).status).not.toBe(200);
    expect(await addressSnapshot(tc)).toBe(before);
    expect(ok(await tc.call('listVlanIpRanges', { zoneid: zone.uuid }, raCaller)).count).toBe(1);
  });
});
