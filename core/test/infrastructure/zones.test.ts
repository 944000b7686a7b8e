import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/domain/time';
import type { Caller } from '../../src/services/caller';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, createDomain, eventsOfType, fails, ok } from '../tenancy/fixtures';
import { seedPod } from './seed';

const ZONE = { networktype: 'Advanced', dns1: '8.8.8.8', internaldns1: '10.0.0.2' };

/** Every row of the tables zone commands write, and the number of events: a refused call changes none. */
async function snapshot(tc: TestCore): Promise<string> {
  const db = tc.core.store.db;
  const [zones, networks, traffic, providers, elements, events] = await Promise.all([
    db.selectFrom('zones').selectAll().orderBy('id').execute(),
    db.selectFrom('physical_networks').selectAll().orderBy('id').execute(),
    db.selectFrom('traffic_types').selectAll().orderBy('id').execute(),
    db.selectFrom('network_service_providers').selectAll().orderBy('id').execute(),
    db.selectFrom('virtual_router_elements').selectAll().orderBy('id').execute(),
    db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ zones, networks, traffic, providers, elements, events: Number(events.n) });
}

async function zoneRow(tc: TestCore, uuid: string) {
  return tc.core.store.db.selectFrom('zones').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
}

async function runJob(tc: TestCore, command: string, params: Record<string, string>) {
  const r = ok(await tc.call(command, params));
  const job = await tc.waitForJob(r.jobid);
  if (job.jobstatus !== 1) throw new Error(`${command} failed: ${JSON.stringify(job.jobresult)}`);
  return job.jobresult;
}

describe.each(dialects())('zones (%s)', (dialect) => {
  let tc: TestCore;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
  });
  afterAll(async () => tc?.close());

  it('creates an advanced zone, Disabled by default, in CloudStack wire shape with a ZONE.CREATE event', async () => {
    const z = ok(
      await tc.call('createZone', {
        ...ZONE,
        name: 'Alpha',
        dns2: '8.8.4.4',
        ip6dns1: '2001:4860:4860::8888',
        internaldns2: '10.0.0.3',
        guestcidraddress: '10.1.0.0/16',
        domain: 'alpha.example',
        localstorageenabled: 'true',
      }),
    ).zone;
    expect(z).toMatchObject({
      name: 'Alpha',
      networktype: 'Advanced',
      dns1: '8.8.8.8',
      dns2: '8.8.4.4',
      ip6dns1: '2001:4860:4860::8888',
      internaldns1: '10.0.0.2',
      internaldns2: '10.0.0.3',
      guestcidraddress: '10.1.0.0/16',
      domain: 'alpha.example',
      allocationstate: 'Disabled',
      securitygroupsenabled: false,
      localstorageenabled: true,
      dhcpprovider: 'VirtualRouter',
      type: 'Core',
    });
    expect(z.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(z.domainid).toBeUndefined();
    expect(await eventsOfType(tc, 'ZONE.CREATE', z.id)).toBe(1);
  });

  it('creates a basic zone with security groups always on, and honours allocationstate and domainid', async () => {
    const d = await createDomain(tc, 'ZoneOwners');
    const z = ok(
      await tc.call('createZone', {
        ...ZONE,
        networktype: 'basic',
        name: 'BasicOne',
        allocationstate: 'Enabled',
        domainid: d.id,
      }),
    ).zone;
    expect(z).toMatchObject({
      networktype: 'Basic',
      securitygroupsenabled: true,
      allocationstate: 'Enabled',
      domainid: d.id,
      domainname: 'ZoneOwners',
    });
    expect(z.guestcidraddress).toBeUndefined();
  });

  it('refuses bad input with 431 and changes nothing', async () => {
    ok(await tc.call('createZone', { ...ZONE, name: 'Taken' }));
    const before = await snapshot(tc);
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...ZONE, name: 'z1', dns1: '8.8.8' }, /valid IP address for DNS1/],
      [{ ...ZONE, name: 'z1', dns2: '300.1.1.1' }, /DNS2/],
      [{ ...ZONE, name: 'z1', internaldns1: 'dns.example' }, /internal DNS1/],
      [{ ...ZONE, name: 'z1', internaldns2: '10.0.0' }, /internal DNS2/],
      [{ ...ZONE, name: 'z1', ip6dns1: '2001:::1::' }, /IPv6 address for IP6 DNS1/],
      [{ ...ZONE, name: 'z1', guestcidraddress: '10.1.1.0' }, /valid guest cidr/],
      [{ ...ZONE, name: 'z1', guestcidraddress: '8.8.8.0/24' }, /valid guest cidr/],
      [{ ...ZONE, name: 'z1', guestcidraddress: '10.1.1.0/33' }, /valid guest cidr/],
      [{ ...ZONE, name: 'z1', networktype: 'Basic', guestcidraddress: '10.1.1.0/24' }, /not supported for Basic/],
      [{ ...ZONE, name: 'z1', networktype: 'Hybrid' }, /networktype/],
      [{ ...ZONE, name: 'z1', allocationstate: 'Maybe' }, /allocationstate/],
      [{ ...ZONE, name: 'z1', domain: '-bad-.example' }, /network domain/i],
      [{ ...ZONE, name: 'z1', domainid: crypto.randomUUID() }, /valid domain id/],
      [{ ...ZONE, name: '   ' }, /empty or blank/],
      [{ ...ZONE, name: 'tAkEn' }, /already exists/],
      [{ networktype: 'Advanced', name: 'z1', internaldns1: '10.0.0.2' }, /missing parameter dns1/],
      [{ networktype: 'Advanced', name: 'z1', dns1: '8.8.8.8' }, /missing parameter internaldns1/],
      [{ ...ZONE }, /missing parameter name/],
    ];
    for (const [params, text] of cases) fails(await tc.call('createZone', params), 431, text);
    expect(await snapshot(tc)).toBe(before);
  });

  it('updates a zone: name, addresses, network domain, local storage; ZONE.EDIT', async () => {
    const z = ok(await tc.call('createZone', { ...ZONE, name: 'Editable' })).zone;
    const u = ok(
      await tc.call('updateZone', {
        id: z.id,
        name: 'edited',
        dns1: '1.1.1.1',
        internaldns2: '10.0.0.9',
        ip6dns2: '2001:db8::53',
        guestcidraddress: '192.168.0.0/20',
        domain: 'edit.example',
        localstorageenabled: 'true',
      }),
    ).zone;
    expect(u).toMatchObject({
      id: z.id,
      name: 'edited',
      dns1: '1.1.1.1',
      internaldns2: '10.0.0.9',
      ip6dns2: '2001:db8::53',
      guestcidraddress: '192.168.0.0/20',
      domain: 'edit.example',
      localstorageenabled: true,
      allocationstate: 'Disabled',
    });
    // Only the case changes: not a clash with itself.
    expect(ok(await tc.call('updateZone', { id: z.id, name: 'Edited' })).zone.name).toBe('Edited');
    expect(await eventsOfType(tc, 'ZONE.EDIT', z.id)).toBe(2);
  });

  it('refuses bad updates with 431 and changes nothing', async () => {
    const z = ok(await tc.call('createZone', { ...ZONE, name: 'Stable' })).zone;
    ok(await tc.call('createZone', { ...ZONE, name: 'Other' }));
    const b = ok(await tc.call('createZone', { ...ZONE, networktype: 'Basic', name: 'StableBasic' })).zone;
    const before = await snapshot(tc);
    fails(await tc.call('updateZone', { id: z.id, name: 'OTHER' }), 431, /already exists/);
    fails(await tc.call('updateZone', { id: z.id, dns1: 'x' }), 431, /DNS1/);
    fails(await tc.call('updateZone', { id: z.id, guestcidraddress: '1.2.3.0/24' }), 431, /guest cidr/);
    fails(await tc.call('updateZone', { id: z.id, allocationstate: 'Paused' }), 431, /allocationstate/);
    fails(await tc.call('updateZone', { id: b.id, guestcidraddress: '10.0.0.0/24' }), 431, /Basic zone/);
    fails(await tc.call('updateZone', { id: crypto.randomUUID(), name: 'x' }), 431, /Unable to find zone/);
    fails(await tc.call('updateZone', { id: 'not-a-uuid' }), 431);
    // Enabling needs the zone's physical networks: Management traffic first.
    fails(await tc.call('updateZone', { id: z.id, allocationstate: 'Enabled' }), 431, /traffic=Management/);
    expect(await snapshot(tc)).toBe(before);
  });

  it('enables a zone once its physical network carries Management and Public traffic, adding Storage traffic', async () => {
    const z = ok(await tc.call('createZone', { ...ZONE, name: 'Enable-me' })).zone;
    const pn = (await runJob(tc, 'createPhysicalNetwork', { zoneid: z.id, name: 'pn-enable' })).physicalnetwork;
    await runJob(tc, 'addTrafficType', {
      physicalnetworkid: pn.id,
      traffictype: 'Management',
      kvmnetworklabel: 'cloudbr0',
    });
    await runJob(tc, 'addTrafficType', { physicalnetworkid: pn.id, traffictype: 'Guest' });
    const before = await snapshot(tc);
    fails(await tc.call('updateZone', { id: z.id, allocationstate: 'Enabled' }), 431, /traffic=Public/);
    expect(await snapshot(tc)).toBe(before);

    await runJob(tc, 'addTrafficType', { physicalnetworkid: pn.id, traffictype: 'Public' });
    const u = ok(await tc.call('updateZone', { id: z.id, allocationstate: 'Enabled' })).zone;
    expect(u.allocationstate).toBe('Enabled');
    const traffic = ok(await tc.call('listTrafficTypes', { physicalnetworkid: pn.id }));
    const storage = traffic.traffictype.find((t: any) => t.traffictype === 'Storage');
    expect(storage).toMatchObject({ physicalnetworkid: pn.id, kvmnetworklabel: 'cloudbr0' });
    expect(traffic.count).toBe(4);
    // Disabling again needs no checks.
    expect(ok(await tc.call('updateZone', { id: z.id, allocationstate: 'Disabled' })).zone.allocationstate).toBe(
      'Disabled',
    );
  });

  it('refuses to delete a zone while it has pods, physical networks, IP ranges or storage (536)', async () => {
    const db = tc.core.store.db;
    const z = ok(await tc.call('createZone', { ...ZONE, name: 'Doomed' })).zone;
    const row = await zoneRow(tc, z.id);
    const now = nowIso();

    const pod = await seedPod(db, row.id);
    let before = await snapshot(tc);
    fails(await tc.call('deleteZone', { id: z.id }), 536, /cannot be deleted because there are pods in this zone/);
    expect(await snapshot(tc)).toBe(before);
    await db.updateTable('pods').set({ removed: now }).where('id', '=', pod.id).execute();

    const pn = (await runJob(tc, 'createPhysicalNetwork', { zoneid: z.id, name: 'pn-doomed' })).physicalnetwork;
    before = await snapshot(tc);
    fails(await tc.call('deleteZone', { id: z.id }), 536, /there are physical networks in this zone/);
    expect(await snapshot(tc)).toBe(before);
    await runJob(tc, 'deletePhysicalNetwork', { id: pn.id });

    const range = await db
      .insertInto('vlan_ip_ranges')
      .values({
        uuid: crypto.randomUUID(),
        zone_id: row.id,
        pod_id: null,
        physical_network_id: null,
        network_id: null,
        vlan_tag: 'untagged',
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
        created: now,
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fails(await tc.call('deleteZone', { id: z.id }), 536, /there are IP ranges in this zone/);
    await db.updateTable('vlan_ip_ranges').set({ removed: now }).where('id', '=', range.id).execute();

    const pool = await db
      .insertInto('storage_pools')
      .values({
        uuid: crypto.randomUUID(),
        name: 'ps',
        zone_id: row.id,
        pod_id: null,
        cluster_id: null,
        scope: 'ZONE',
        pool_type: 'NetworkFilesystem',
        url: 'nfs://192.0.2.5/export/primary',
        host_address: '192.0.2.5',
        path: '/export/primary',
        hypervisor: 'Simulator',
        provider: 'DefaultPrimary',
        capacity_bytes: 1,
        used_bytes: 0,
        allocated_bytes: 0,
        capacity_iops: null,
        status: 'Up',
        created: now,
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fails(await tc.call('deleteZone', { id: z.id }), 536, /primary storages/);
    await db.updateTable('storage_pools').set({ removed: now }).where('id', '=', pool.id).execute();

    const store = await db
      .insertInto('image_stores')
      .values({
        uuid: crypto.randomUUID(),
        name: 'ss',
        zone_id: row.id,
        provider: 'NFS',
        protocol: 'nfs',
        url: 'nfs://192.0.2.5/export/secondary',
        scope: 'ZONE',
        read_only: 0,
        total_bytes: 1,
        used_bytes: 0,
        created: now,
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    fails(await tc.call('deleteZone', { id: z.id }), 536, /Secondary storages/);
    await db.updateTable('image_stores').set({ removed: now }).where('id', '=', store.id).execute();

    expect(ok(await tc.call('deleteZone', { id: z.id })).success).toBe(true);
    expect((await zoneRow(tc, z.id)).removed).not.toBeNull();
    expect(await eventsOfType(tc, 'ZONE.DELETE', z.id)).toBe(1);
    // Gone from the list; the name is free again; a second delete is a 431.
    expect(ok(await tc.call('listZones', { id: z.id }))).toEqual({});
    ok(await tc.call('createZone', { ...ZONE, name: 'Doomed' }));
    fails(await tc.call('deleteZone', { id: z.id }), 431, /Unable to find zone/);
  });

  it('lists zones in CloudStack shape with filters and paging', async () => {
    const all = ok(await tc.call('listZones', { pagesize: '-1' }));
    expect(all.count).toBe(all.zone.length);
    expect(all.count).toBeGreaterThan(3);
    expect(typeof all.zone[0].allocationstate).toBe('string');
    expect(typeof all.zone[0].securitygroupsenabled).toBe('boolean');

    const basic = ok(await tc.call('listZones', { networktype: 'Basic' }));
    expect(basic.zone.every((z: any) => z.networktype === 'Basic')).toBe(true);
    expect(ok(await tc.call('listZones', { name: 'alpha' })).zone.map((z: any) => z.name)).toEqual(['Alpha']);
    expect(ok(await tc.call('listZones', { keyword: 'LPH' })).zone.map((z: any) => z.name)).toEqual(['Alpha']);

    const page2 = ok(await tc.call('listZones', { page: '2', pagesize: '2' }));
    expect(page2.count).toBe(all.count);
    expect(page2.zone.map((z: any) => z.id)).toEqual(all.zone.slice(2, 4).map((z: any) => z.id));

    const one = ok(await tc.call('listZones', { id: all.zone[0].id }));
    expect(one.count).toBe(1);
    fails(await tc.call('listZones', { id: crypto.randomUUID() }), 431);
  });

  describe('as a plain user and a domain admin', () => {
    let user: Caller;
    let domainAdmin: Caller;
    let names: Record<string, string>;

    beforeAll(async () => {
      const d1 = await createDomain(tc, 'VisD1');
      const d1sub = await createDomain(tc, 'VisD1Sub', d1.id);
      const d2 = await createDomain(tc, 'VisD2');
      const u = await createAccount(tc, { username: 'zone-user', domainid: d1.id });
      user = await callerOf(tc, u.user[0].id);
      const da = await createAccount(tc, { username: 'zone-dadmin', domainid: d1.id, accounttype: 2 });
      domainAdmin = await callerOf(tc, da.user[0].id);
      const mk = async (name: string, extra: Record<string, string>) =>
        ok(await tc.call('createZone', { ...ZONE, name, ...extra })).zone.id as string;
      names = {
        [await mk('vis-public-enabled', { allocationstate: 'Enabled' })]: 'vis-public-enabled',
        [await mk('vis-public-disabled', {})]: 'vis-public-disabled',
        [await mk('vis-d1', { allocationstate: 'Enabled', domainid: d1.id })]: 'vis-d1',
        [await mk('vis-d1sub', { allocationstate: 'Enabled', domainid: d1sub.id })]: 'vis-d1sub',
        [await mk('vis-d2', { allocationstate: 'Enabled', domainid: d2.id })]: 'vis-d2',
      };
    });

    const visible = async (caller: Caller) => {
      const data = ok(await tc.call('listZones', { pagesize: '-1' }, caller));
      return (data.zone ?? []).map((z: any) => z.name).filter((n: string) => n.startsWith('vis-'));
    };

    it('a user sees only Enabled zones that are public or dedicated to its domain, without internal fields', async () => {
      expect((await visible(user)).sort()).toEqual(['vis-d1', 'vis-public-enabled']);
      const data = ok(await tc.call('listZones', { keyword: 'vis-d1' }, user));
      expect(data.count).toBe(1);
      expect(data.zone[0].name).toBe('vis-d1');
      expect(data.zone[0].dns1).toBe('8.8.8.8');
      expect(data.zone[0].internaldns1).toBeUndefined();
      expect(data.zone[0].guestcidraddress).toBeUndefined();
      void names;
    });

    it('a domain admin also sees zones dedicated below its domain', async () => {
      expect((await visible(domainAdmin)).sort()).toEqual(['vis-d1', 'vis-d1sub', 'vis-public-enabled']);
    });

    it('the root admin sees every zone with its internal fields', async () => {
      const all = await visible(tc.admin);
      expect(all.sort()).toEqual(['vis-d1', 'vis-d1sub', 'vis-d2', 'vis-public-disabled', 'vis-public-enabled']);
      const data = ok(await tc.call('listZones', { name: 'vis-d2' }));
      expect(data.zone[0].internaldns1).toBe('10.0.0.2');
    });

    it('denies zone changes to non-admins (432) and changes nothing', async () => {
      const target = Object.keys(names)[0] as string;
      const before = await snapshot(tc);
      for (const caller of [user, domainAdmin]) {
        fails(await tc.call('createZone', { ...ZONE, name: 'sneaky' }, caller), 432);
        fails(await tc.call('updateZone', { id: target, name: 'sneaky' }, caller), 432);
        fails(await tc.call('deleteZone', { id: target }, caller), 432);
      }
      expect(await snapshot(tc)).toBe(before);
    });
  });
});
