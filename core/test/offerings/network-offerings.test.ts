import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { seedZone } from '../infrastructure/seed';
import { eventsOfType, fails, ok } from '../tenancy/fixtures';
import { names, offeringSnapshot, offeringWorld, type OfferingWorld } from './fixtures';

/**
 * Network offerings: CloudStack's createNetworkOffering, updateNetworkOffering,
 * deleteNetworkOffering and listNetworkOfferings; the services, providers and capabilities an
 * offering takes and the checks CloudStack makes of them (431, nothing written); what an update
 * may change; the soft delete; the list's filters; who may do what.
 */

/** A map parameter as CloudStack clients send it: name[0].key=value ... */
function mapParam(name: string, entries: Record<string, string>[]): Record<string, string> {
  const out: Record<string, string> = {};
  entries.forEach((e, i) => {
    for (const [k, v] of Object.entries(e)) out[`${name}[${i}].${k}`] = v;
  });
  return out;
}

const providers = (list: [string, string][]) =>
  mapParam(
    'serviceProviderList',
    list.map(([service, provider]) => ({ service, provider })),
  );

const capabilities = (list: [string, string, string][]) =>
  mapParam(
    'serviceCapabilityList',
    list.map(([service, capabilitytype, capabilityvalue]) => ({ service, capabilitytype, capabilityvalue })),
  );

const isolated = (name: string, extra: Record<string, string> = {}) => ({
  name,
  guestiptype: 'Isolated',
  traffictype: 'GUEST',
  supportedservices: 'Dhcp,Dns,SourceNat,StaticNat,PortForwarding,Lb,Firewall,UserData',
  ...extra,
});

const shared = (name: string, extra: Record<string, string> = {}) => ({
  name,
  guestiptype: 'Shared',
  traffictype: 'Guest',
  supportedservices: 'Dhcp,Dns,UserData',
  specifyvlan: 'true',
  specifyipranges: 'true',
  ...extra,
});

const serviceNames = (o: Record<string, any>) => (o.service as { name: string }[]).map((s) => s.name);
const providerOf = (o: Record<string, any>, service: string) =>
  (o.service as { name: string; provider: { name: string }[] }[]).find((s) => s.name === service)?.provider;

const DEFAULTS = [
  'DefaultSharedNetworkOfferingWithSGService',
  'DefaultSharedNetworkOffering',
  'DefaultIsolatedNetworkOfferingWithSourceNatService',
  'DefaultIsolatedNetworkOffering',
];

describe.each(dialects())('network offerings (%s)', (dialect) => {
  let tc: TestCore;
  let zone: { uuid: string };
  let otherZone: { uuid: string };
  let w: OfferingWorld;

  const create = async (params: Record<string, string>) =>
    ok(await tc.call('createNetworkOffering', params)).networkoffering as Record<string, any>;
  const list = async (params: Record<string, string> = {}, caller = tc.admin) =>
    ok(await tc.call('listNetworkOfferings', params, caller));

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    zone = await seedZone(tc.core.store.db, { name: 'no-zone' });
    otherZone = await seedZone(tc.core.store.db, { name: 'no-other-zone' });
    w = await offeringWorld(tc, 'no');
  });
  afterAll(async () => tc?.close());

  it("has CloudStack's default network offerings, Enabled and default, with their services and providers", async () => {
    const all = await list({ isdefault: 'true' });
    expect(names(all.networkoffering).sort()).toEqual([...DEFAULTS].sort());
    const byName = new Map<string, any>(all.networkoffering.map((o: any) => [o.name, o]));
    const snat = byName.get('DefaultIsolatedNetworkOfferingWithSourceNatService');
    expect(snat).toMatchObject({
      displaytext: 'Offering for Isolated networks with Source Nat service enabled',
      traffictype: 'Guest',
      guestiptype: 'Isolated',
      isdefault: true,
      state: 'Enabled',
      availability: 'Required',
      specifyvlan: false,
      specifyipranges: false,
      conservemode: true,
      forvpc: false,
      ispersistent: false,
      networkrate: 200,
    });
    expect(serviceNames(snat)).toEqual([
      'Vpn',
      'Dhcp',
      'Dns',
      'SourceNat',
      'PortForwarding',
      'Lb',
      'UserData',
      'StaticNat',
      'Firewall',
      'Gateway',
    ]);
    for (const s of snat.service) expect(s.provider).toEqual([{ name: 'VirtualRouter' }]);
    expect(snat.service.find((s: any) => s.name === 'SourceNat').capability).toEqual([
      { name: 'SupportedSourceNatTypes', value: 'peraccount', canchooseservicecapability: true },
    ]);
    const sg = byName.get('DefaultSharedNetworkOfferingWithSGService');
    expect(sg).toMatchObject({
      guestiptype: 'Shared',
      specifyvlan: true,
      specifyipranges: true,
      availability: 'Optional',
    });
    expect(serviceNames(sg)).toEqual(['Dhcp', 'Dns', 'UserData', 'SecurityGroup']);
    expect(providerOf(sg, 'SecurityGroup')).toEqual([{ name: 'SecurityGroupProvider' }]);
    expect(serviceNames(byName.get('DefaultSharedNetworkOffering'))).toEqual(['Dhcp', 'Dns', 'UserData']);
    expect(byName.get('DefaultIsolatedNetworkOffering')).toMatchObject({
      guestiptype: 'Isolated',
      specifyvlan: true,
      specifyipranges: true,
    });
    expect(serviceNames(byName.get('DefaultIsolatedNetworkOffering'))).toEqual(['Dhcp', 'Dns', 'UserData']);

    const before = await offeringSnapshot(tc);
    fails(
      await tc.call('deleteNetworkOffering', { id: byName.get('DefaultSharedNetworkOffering').id }),
      431,
      /Default network offering DefaultSharedNetworkOffering can't be deleted/,
    );
    expect(await offeringSnapshot(tc)).toBe(before);
  });

  it('creates an isolated offering, Disabled, with providers, capabilities and a NETWORK.OFFERING.CREATE event', async () => {
    const o = await create(
      isolated('Isolated SNAT', {
        displaytext: 'Isolated with NAT',
        ...providers([
          ['Dhcp', 'VirtualRouter'],
          ['lb', 'virtualrouter'],
        ]),
        ...capabilities([
          ['SourceNat', 'SupportedSourceNatTypes', 'perzone'],
          ['Lb', 'SupportedLBIsolation', 'shared'],
        ]),
        egressdefaultpolicy: 'false',
        conservemode: 'false',
        networkrate: '100',
        ispersistent: 'true',
        tags: ' fast , ,gold',
        zoneid: zone.uuid,
        domainid: w.d1,
      }),
    );
    expect(o).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Isolated SNAT',
      displaytext: 'Isolated with NAT',
      tags: 'fast,gold',
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      traffictype: 'Guest',
      isdefault: false,
      specifyvlan: false,
      conservemode: false,
      specifyipranges: false,
      availability: 'Optional',
      networkrate: 100,
      state: 'Disabled',
      guestiptype: 'Isolated',
      service: [
        { name: 'Dhcp', provider: [{ name: 'VirtualRouter' }] },
        { name: 'Dns', provider: [{ name: 'VirtualRouter' }] },
        {
          name: 'SourceNat',
          provider: [{ name: 'VirtualRouter' }],
          capability: [{ name: 'SupportedSourceNatTypes', value: 'perzone', canchooseservicecapability: true }],
        },
        { name: 'PortForwarding', provider: [{ name: 'VirtualRouter' }] },
        {
          name: 'Lb',
          provider: [{ name: 'VirtualRouter' }],
          capability: [{ name: 'SupportedLBIsolation', value: 'shared', canchooseservicecapability: true }],
        },
        { name: 'UserData', provider: [{ name: 'VirtualRouter' }] },
        { name: 'StaticNat', provider: [{ name: 'VirtualRouter' }] },
        { name: 'Firewall', provider: [{ name: 'VirtualRouter' }] },
      ],
      forvpc: false,
      ispersistent: true,
      egressdefaultpolicy: false,
      domainid: w.d1,
      domain: 'no-d1',
      zoneid: zone.uuid,
      zone: 'no-zone',
    });
    expect(await eventsOfType(tc, 'NETWORK.OFFERING.CREATE', o.id)).toBe(1);
    expect((await list({ id: o.id })).networkoffering).toEqual([o]);
  });

  it('creates a shared offering with security groups, enabled at once with enable=true; display text defaults to the name', async () => {
    const o = await create(shared('Shared SG', { supportedservices: 'Dhcp,Dns,SecurityGroup', enable: 'true' }));
    expect(o).toMatchObject({
      displaytext: 'Shared SG',
      state: 'Enabled',
      guestiptype: 'Shared',
      specifyvlan: true,
      specifyipranges: true,
      egressdefaultpolicy: true,
      conservemode: true,
      networkrate: 200,
    });
    expect(providerOf(o, 'SecurityGroup')).toEqual([{ name: 'SecurityGroupProvider' }]);
    expect(providerOf(o, 'Dhcp')).toEqual([{ name: 'VirtualRouter' }]);

    // An offering without a network rate reports network.throttling.rate.
    ok(await tc.call('updateConfiguration', { name: 'network.throttling.rate', value: '300' }));
    try {
      expect((await list({ id: o.id })).networkoffering[0].networkrate).toBe(300);
    } finally {
      ok(await tc.call('updateConfiguration', { name: 'network.throttling.rate', value: '200' }));
    }
  });

  it("refuses CloudStack's bad parameters with 431 and writes nothing", async () => {
    const before = await offeringSnapshot(tc);
    const refusals: [Record<string, string>, RegExp][] = [
      [isolated('x', { guestiptype: 'L2' }), /guestiptype/],
      [isolated('x', { traffictype: 'Public' }), /traffictype/],
      [isolated('x', { supportedservices: 'Dhcp,Bogus' }), /Invalid service Bogus/],
      [isolated('x', providers([['Dhcp', 'Nowhere']])), /Invalid service provider: Nowhere/],
      [
        isolated('x', providers([['Dhcp', 'SecurityGroupProvider']])),
        /SecurityGroupProvider doesn't support service Dhcp/,
      ],
      [isolated('x', providers([['Dhcp', 'VpcVirtualRouter']])), /VPC/],
      [isolated('x', providers([['Vpn', 'VirtualRouter']])), /Service Vpn is not enabled for the network offering/],
      [
        isolated(
          'x',
          providers([
            ['Dhcp', 'VirtualRouter'],
            ['Dhcp', 'ConfigDrive'],
          ]),
        ),
        /ConfigDrive doesn't support service Dhcp/,
      ],
      [
        isolated('x', {
          supportedservices: 'Dhcp,UserData',
          ...providers([
            ['UserData', 'VirtualRouter'],
            ['UserData', 'ConfigDrive'],
          ]),
        }),
        /one provider only/,
      ],
      [
        isolated('x', { 'serviceProviderList[0].service': 'Dhcp' }),
        /serviceproviderlist entry needs service, provider/,
      ],
      [shared('x', { supportedservices: 'Dhcp,SourceNat' }), /SourceNat service is supported only for Isolated/],
      [
        isolated('x', { supportedservices: 'Dhcp,SecurityGroup' }),
        /SecurityGroup service is supported only for Shared/,
      ],
      [shared('x', { specifyvlan: 'false' }), /specifyvlan should be true/],
      [shared('x', { specifyipranges: undefined as unknown as string }), /specifyipranges should be true/],
      [isolated('x', { specifyipranges: 'true' }), /specifyipranges can only be true for Shared/],
      [shared('x', { egressdefaultpolicy: 'false' }), /egressdefaultpolicy can be set only for Isolated/],
      [shared('x', { ispersistent: 'true' }), /Persistent network offerings/],
      [isolated('x', { networkrate: '-1' }), /network rate -1/],
      [isolated('x', { forvpc: 'true' }), /forvpc=true\) are not supported/],
      [isolated('x', { supportedservices: 'Dhcp,Dns', availability: 'Required' }), /Availability can be Required only/],
      [
        isolated('x', { availability: 'Required' }),
        /already has network offering DefaultIsolatedNetworkOfferingWithSourceNatService/,
      ],
      [isolated('x', { availability: 'Sometimes' }), /availability/],
      [isolated('x', capabilities([['SourceNat', 'SupportedSourceNatTypes', 'perhost']])), /Invalid value perhost/],
      [isolated('x', capabilities([['Dhcp', 'SupportedSourceNatTypes', 'peraccount']])), /cannot be chosen/],
      [
        isolated('x', { supportedservices: 'Dhcp', ...capabilities([['Lb', 'SupportedLBIsolation', 'shared']]) }),
        /Service Lb is not enabled/,
      ],
      [isolated('x', { domainid: '00000000-0000-4000-8000-000000000000' }), /no domain has id/],
      [isolated('x', { zoneid: '00000000-0000-4000-8000-000000000000' }), /no zone has id/],
    ];
    for (const [params, text] of refusals) {
      const clean = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
      fails(await tc.call('createNetworkOffering', clean), 431, text);
    }
    expect(await offeringSnapshot(tc)).toBe(before);
  });

  it('updates the name, texts, sort key, state, availability, tags and scope; nothing else', async () => {
    const o = await create(isolated('To change', { tags: 'a' }));
    const updated = ok(
      await tc.call('updateNetworkOffering', {
        id: o.id,
        name: 'Changed',
        displaytext: 'Changed text',
        sortkey: '5',
        state: 'enabled',
        tags: 'b',
        zoneid: zone.uuid,
        domainid: w.d2,
        guestiptype: 'Shared',
        networkrate: '1',
      }),
    ).networkoffering;
    expect(updated).toEqual({
      ...o,
      name: 'Changed',
      displaytext: 'Changed text',
      state: 'Enabled',
      tags: 'b',
      zoneid: zone.uuid,
      zone: 'no-zone',
      domainid: w.d2,
      domain: 'no-d2',
    });
    expect(await eventsOfType(tc, 'NETWORK.OFFERING.EDIT', o.id)).toBe(1);
    const row = await tc.core.store.db
      .selectFrom('network_offerings')
      .select('sort_key')
      .where('uuid', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.sort_key).toBe(5);

    // An empty parameter is no parameter: the tags stay; `all` and `public` clear the scope.
    const back = ok(
      await tc.call('updateNetworkOffering', {
        id: o.id,
        state: 'Disabled',
        tags: '',
        zoneid: 'all',
        domainid: 'public',
      }),
    ).networkoffering;
    expect(back).toMatchObject({ state: 'Disabled', tags: 'b' });
    for (const gone of ['zoneid', 'zone', 'domainid', 'domain']) expect(back[gone]).toBeUndefined();

    const before = await offeringSnapshot(tc);
    fails(await tc.call('updateNetworkOffering', { id: o.id, state: 'Inactive' }), 431, /state/);
    fails(await tc.call('updateNetworkOffering', { id: o.id, displaytext: ' ' }), 431, /cannot be empty/);
    fails(await tc.call('updateNetworkOffering', { id: o.id, zoneid: '00000000-0000-4000-8000-000000000000' }), 431);
    fails(
      await tc.call('updateNetworkOffering', { id: o.id, availability: 'Required' }),
      431,
      /already has network offering DefaultIsolatedNetworkOfferingWithSourceNatService/,
    );
    const plain = (await list({ name: 'DefaultIsolatedNetworkOffering' })).networkoffering[0];
    fails(
      await tc.call('updateNetworkOffering', { id: plain.id, availability: 'Required' }),
      431,
      /Availability can be Required only/,
    );
    fails(await tc.call('updateNetworkOffering', { id: '00000000-0000-4000-8000-000000000000', name: 'y' }), 431);
    expect(await offeringSnapshot(tc)).toBe(before);

    // Required moves to another offering once the default's is Optional.
    const snat = (await list({ name: 'DefaultIsolatedNetworkOfferingWithSourceNatService' })).networkoffering[0];
    ok(await tc.call('updateNetworkOffering', { id: snat.id, availability: 'Optional' }));
    const required = ok(await tc.call('updateNetworkOffering', { id: o.id, availability: 'Required' })).networkoffering;
    expect(required.availability).toBe('Required');
    expect(names((await list({ availability: 'Required' })).networkoffering)).toEqual(['Changed']);
    ok(await tc.call('updateNetworkOffering', { id: o.id, availability: 'Optional' }));

    // Two offerings made Required at once: one is, the other refused.
    const racing = await Promise.all(
      ['Race 1', 'Race 2'].map((name) =>
        tc.call('createNetworkOffering', isolated(name, { availability: 'Required' })),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 431]);
    expect(names((await list({ availability: 'Required' })).networkoffering)).toHaveLength(1);
    for (const r of racing)
      if (r.status === 200) ok(await tc.call('deleteNetworkOffering', { id: r.data.networkoffering.id }));
    ok(await tc.call('updateNetworkOffering', { id: snat.id, availability: 'Required' }));
  });

  it('deletes an offering softly: gone from lists, the row stays, a NETWORK.OFFERING.DELETE event', async () => {
    const o = await create(isolated('To delete'));
    ok(await tc.call('deleteNetworkOffering', { id: o.id }));
    expect((await list({ id: o.id })).networkoffering).toBeUndefined();
    const row = await tc.core.store.db
      .selectFrom('network_offerings')
      .select('removed')
      .where('uuid', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.removed).not.toBeNull();
    expect(await eventsOfType(tc, 'NETWORK.OFFERING.DELETE', o.id)).toBe(1);
    const before = await offeringSnapshot(tc);
    fails(await tc.call('deleteNetworkOffering', { id: o.id }), 431, /Unable to find network offering/);
    fails(await tc.call('updateNetworkOffering', { id: o.id, name: 'back' }), 431, /Unable to find network offering/);
    expect(await offeringSnapshot(tc)).toBe(before);
  });

  it('lists by every filter, in sort-key order, a page at a time', async () => {
    const a = await create(
      isolated('Filter A', { supportedservices: 'Dhcp,Dns,UserData', specifyvlan: 'true', zoneid: zone.uuid }),
    );
    const b = await create(shared('Filter B', { zoneid: otherZone.uuid, enable: 'true' }));
    const c = await create(isolated('Filter C', { domainid: w.d1 }));
    const mine = (items: Record<string, any>[] | undefined) => names(items).filter((n) => n.startsWith('Filter '));
    expect(mine((await list({ keyword: 'filter' })).networkoffering)).toEqual(['Filter A', 'Filter B', 'Filter C']);
    expect(names((await list({ name: 'filter b' })).networkoffering)).toEqual(['Filter B']);
    expect(mine((await list({ keyword: 'filter', guestiptype: 'shared' })).networkoffering)).toEqual(['Filter B']);
    expect(mine((await list({ keyword: 'filter', state: 'Enabled' })).networkoffering)).toEqual(['Filter B']);
    expect(mine((await list({ keyword: 'filter', state: 'Disabled' })).networkoffering)).toEqual([
      'Filter A',
      'Filter C',
    ]);
    expect(mine((await list({ keyword: 'filter', specifyvlan: 'true' })).networkoffering)).toEqual([
      'Filter A',
      'Filter B',
    ]);
    expect(mine((await list({ keyword: 'filter', sourcenatsupported: 'true' })).networkoffering)).toEqual(['Filter C']);
    expect(mine((await list({ keyword: 'filter', sourcenatsupported: 'false' })).networkoffering)).toEqual([
      'Filter A',
      'Filter B',
    ]);
    expect(mine((await list({ keyword: 'filter', supportedservices: 'lb,firewall' })).networkoffering)).toEqual([
      'Filter C',
    ]);
    expect(mine((await list({ keyword: 'filter', forvpc: 'false' })).networkoffering)).toHaveLength(3);
    expect((await list({ forvpc: 'true' })).networkoffering).toBeUndefined();
    expect(mine((await list({ keyword: 'filter', zoneid: zone.uuid })).networkoffering)).toEqual([
      'Filter A',
      'Filter C',
    ]);
    expect(mine((await list({ keyword: 'filter', domainid: w.d1 })).networkoffering)).toEqual(['Filter C']);
    expect(names((await list({ isdefault: 'true', availability: 'Required' })).networkoffering)).toEqual([
      'DefaultIsolatedNetworkOfferingWithSourceNatService',
    ]);
    expect((await list({ isdefault: 'false', keyword: 'Default' })).networkoffering).toBeUndefined();
    fails(await tc.call('listNetworkOfferings', { supportedservices: 'Bogus' }), 431, /Invalid service Bogus/);
    fails(await tc.call('listNetworkOfferings', { guestiptype: 'L2' }), 431);

    // Sort key first, then creation order; pages do not overlap.
    ok(await tc.call('updateNetworkOffering', { id: c.id, sortkey: '-1' }));
    const first = await list({ keyword: 'filter', page: '1', pagesize: '2' });
    expect(names(first.networkoffering)).toEqual(['Filter C', 'Filter A']);
    expect(first.count).toBe(3);
    expect(names((await list({ keyword: 'filter', page: '2', pagesize: '2' })).networkoffering)).toEqual(['Filter B']);
    expect([a.id, b.id, c.id]).toHaveLength(3);
  });

  it('lets only root admins make, change and delete offerings; everyone lists what its domain may use', async () => {
    const publicOne = await create(isolated('Perm public'));
    const ofD1 = await create(isolated('Perm D1', { domainid: w.d1 }));
    const ofC1 = await create(isolated('Perm C1', { domainid: w.c1 }));
    const ofD2 = await create(isolated('Perm D2', { domainid: w.d2 }));
    const before = await offeringSnapshot(tc);
    for (const caller of [w.da1, w.user1, w.da2]) {
      fails(await tc.call('createNetworkOffering', isolated('Perm x', { domainid: w.d1 }), caller), 432);
      fails(await tc.call('updateNetworkOffering', { id: ofD1.id, name: 'Perm y' }, caller), 432);
      fails(await tc.call('deleteNetworkOffering', { id: ofD1.id }, caller), 432);
    }
    expect(await offeringSnapshot(tc)).toBe(before);

    const perm = (items: Record<string, any>[] | undefined) => names(items).filter((n) => n.startsWith('Perm '));
    expect(perm((await list({ keyword: 'perm' })).networkoffering)).toEqual([
      'Perm public',
      'Perm D1',
      'Perm C1',
      'Perm D2',
    ]);
    expect(perm((await list({ keyword: 'perm' }, w.da1)).networkoffering)).toEqual(['Perm public', 'Perm D1']);
    expect(perm((await list({ keyword: 'perm' }, w.user1)).networkoffering)).toEqual(['Perm public', 'Perm D1']);
    expect(perm((await list({ keyword: 'perm' }, w.da2)).networkoffering)).toEqual(['Perm public', 'Perm D2']);
    expect(names((await list({ isdefault: 'true' }, w.user1)).networkoffering)).toHaveLength(4);
    expect((await list({ id: ofD2.id }, w.user1)).networkoffering).toBeUndefined();
    fails(await tc.call('listNetworkOfferings', { domainid: w.d2 }, w.user1), 531);
    expect([publicOne.id, ofC1.id]).toHaveLength(2);
  });
});
