import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { seedZone } from '../infrastructure/seed';
import { createDomain, eventsOfType, fails, ok } from '../tenancy/fixtures';
import { computeParams, createCompute, names, offeringSnapshot } from './fixtures';

/**
 * Compute offerings as a root admin: CloudStack's parameters, checks (431, nothing written) and
 * response fields; the update of name, display text, sort key, domains and zones; the soft
 * delete; and the list's filters and paging.
 */
describe.each(dialects())('service offerings (%s)', (dialect) => {
  let tc: TestCore;
  let zone: { uuid: string; name: string };
  let otherZone: { uuid: string; name: string };
  let sales: string;
  let salesEu: string;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    zone = await seedZone(tc.core.store.db, { name: 'so-zone-1' });
    otherZone = await seedZone(tc.core.store.db, { name: 'so-zone-2' });
    sales = (await createDomain(tc, 'so-sales')).id;
    salesEu = (await createDomain(tc, 'so-sales-eu', sales)).id;
  });
  afterAll(async () => tc?.close());

  it('creates a fixed offering with CloudStack fields and a SERVICE.OFFERING.CREATE event', async () => {
    const o = await createCompute(tc, 'Web 2x2', {
      displaytext: 'Two cores, 2 GiB',
      offerha: 'true',
      limitcpuuse: 'true',
      isvolatile: 'true',
      storagetype: 'SHARED',
      provisioningtype: 'sparse',
      cachemode: 'writeback',
      tags: ' ssd , fast ,',
      hosttags: 'web',
      networkrate: '200',
      customizediops: 'false',
      miniops: '100',
      maxiops: '500',
      bytesreadrate: '1000',
      bytesreadratemax: '2000',
      bytesreadratemaxlength: '10',
      iopswriterate: '300',
    });
    expect(o).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Web 2x2',
      displaytext: 'Two cores, 2 GiB',
      cpunumber: 2,
      cpuspeed: 1000,
      memory: 2048,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      storagetype: 'shared',
      provisioningtype: 'sparse',
      offerha: true,
      limitcpuuse: true,
      isvolatile: true,
      storagetags: 'ssd,fast',
      hosttags: 'web',
      issystem: false,
      defaultuse: false,
      networkrate: 200,
      iscustomizediops: false,
      miniops: 100,
      maxiops: 500,
      diskBytesReadRate: 1000,
      diskBytesReadRateMax: 2000,
      diskBytesReadRateMaxLength: 10,
      diskIopsWriteRate: 300,
      iscustomized: false,
      cacheMode: 'writeback',
      dynamicscalingenabled: true,
      state: 'Active',
    });
    expect(await eventsOfType(tc, 'SERVICE.OFFERING.CREATE', o.id)).toBe(1);
    expect(ok(await tc.call('listServiceOfferings', { id: o.id })).serviceoffering).toEqual([o]);
  });

  it('creates customized offerings, with and without bounds', async () => {
    const custom = ok(
      await tc.call('createServiceOffering', { name: 'Custom any', customized: 'true' }),
    ).serviceoffering;
    expect(custom).toMatchObject({ name: 'Custom any', displaytext: 'Custom any', iscustomized: true });
    expect(custom.cpunumber).toBeUndefined();
    expect(custom.memory).toBeUndefined();
    expect(custom.serviceofferingdetails).toBeUndefined();
    const bounded = ok(
      await tc.call('createServiceOffering', {
        name: 'Custom bounded',
        customized: 'true',
        mincpunumber: '1',
        maxcpunumber: '8',
        minmemory: '512',
        maxmemory: '16384',
        cpuspeed: '2000',
      }),
    ).serviceoffering;
    expect(bounded).toMatchObject({
      iscustomized: true,
      cpuspeed: 2000,
      serviceofferingdetails: { mincpunumber: '1', maxcpunumber: '8', minmemory: '512', maxmemory: '16384' },
    });
    // Without cpunumber or memory an offering is customized, as CloudStack decides.
    const implicit = ok(await tc.call('createServiceOffering', { name: 'Implicit custom' })).serviceoffering;
    expect(implicit.iscustomized).toBe(true);
  });

  it('creates system offerings, for a virtual router when no type is given', async () => {
    const router = await createCompute(tc, 'Big router', { issystem: 'true', networkrate: '1000' });
    expect(router).toMatchObject({
      issystem: true,
      systemvmtype: 'domainrouter',
      defaultuse: false,
      networkrate: 1000,
    });
    const proxy = await createCompute(tc, 'Big proxy', { issystem: 'true', systemvmtype: 'consoleproxy' });
    expect(proxy.systemvmtype).toBe('consoleproxy');
    // System offerings stay out of the usual list.
    expect(names(ok(await tc.call('listServiceOfferings', { keyword: 'Big' })).serviceoffering)).toEqual([]);
    expect(
      names(ok(await tc.call('listServiceOfferings', { keyword: 'Big', issystem: 'true' })).serviceoffering),
    ).toEqual(['Big router', 'Big proxy']);
  });

  it("refuses CloudStack's bad parameters with 431 and writes nothing", async () => {
    const before = await offeringSnapshot(tc);
    const refusals: [Record<string, string>, RegExp][] = [
      [computeParams('x', { cpunumber: '0' }), /cpu number value between 1 and/],
      [computeParams('x', { memory: '31' }), /memory value between 32 and/],
      [computeParams('x', { cpuspeed: '-1' }), /cpu speed value between 0 and/],
      [{ name: 'x', cpunumber: '2', memory: '1024' }, /cpu speed/],
      [{ name: 'x', customized: 'false', cpunumber: '2', cpuspeed: '100' }, /cpunumber and memory are required/],
      [computeParams('x', { customized: 'true' }), /custom compute offering cpu and memory all should be null/],
      [{ name: 'x', customized: 'true', mincpunumber: '1', maxcpunumber: '2' }, /should all be null or all specified/],
      [
        {
          name: 'x',
          customized: 'true',
          mincpunumber: '4',
          maxcpunumber: '2',
          minmemory: '512',
          maxmemory: '1024',
          cpuspeed: '1',
        },
        /minimum cpu number \(4\) is greater than the maximum \(2\)/,
      ],
      [
        {
          name: 'x',
          customized: 'true',
          mincpunumber: '1',
          maxcpunumber: '2',
          minmemory: '2048',
          maxmemory: '1024',
          cpuspeed: '1',
        },
        /minimum memory \(2048 MB\) is greater than the maximum/,
      ],
      [
        {
          name: 'x',
          customized: 'true',
          mincpunumber: '0',
          maxcpunumber: '2',
          minmemory: '512',
          maxmemory: '1024',
          cpuspeed: '1',
        },
        /minimum or maximum cpu number/,
      ],
      [computeParams('x', { storagetype: 'nvme' }), /Invalid storage type nvme/],
      [
        computeParams('x', { storagetype: 'local', offerha: 'true' }),
        /HA offering with local storage is not supported/,
      ],
      [computeParams('x', { provisioningtype: 'thick' }), /Invalid provisioning type thick/],
      [computeParams('x', { cachemode: 'always' }), /Invalid cache mode \(always\)/],
      [computeParams('x', { issystem: 'true', systemvmtype: 'loadbalancer' }), /Invalid systemVmType loadbalancer/],
      [
        computeParams('x', { issystem: 'true', systemvmtype: 'consoleproxy', networkrate: '10' }),
        /Network rate can be specified only/,
      ],
      [
        computeParams('x', { issystem: 'true', customizediops: 'true' }),
        /Customized IOPS is not a valid parameter for a system VM/,
      ],
      [computeParams('x', { networkrate: '-1' }), /network rate value more than 0/],
      [computeParams('x', { customizediops: 'false', miniops: '0', maxiops: '10' }), /min IOPS must be greater than 0/],
      [
        computeParams('x', { customizediops: 'false', miniops: '20', maxiops: '10' }),
        /min IOPS must be less than or equal/,
      ],
      [
        computeParams('x', { iopsreadrate: '20', iopsreadratemax: '10' }),
        /iopsreadrate \(20\) cannot be greater than its maximum iopsreadratemax \(10\)/,
      ],
      [computeParams('x', { domainid: '00000000-0000-4000-8000-000000000000' }), /valid domain id/],
      [computeParams('x', { zoneid: `${zone.uuid},00000000-0000-4000-8000-000000000001` }), /valid zone id/],
      [computeParams('x', { cpunumber: 'two' }), /cpunumber/],
      [computeParams(''), /name/],
    ];
    for (const [params, text] of refusals) fails(await tc.call('createServiceOffering', params), 431, text);
    expect(await offeringSnapshot(tc)).toBe(before);
    // vm.serviceoffering.cpu.cores.max and .ram.size.max bound fixed offerings when set.
    ok(await tc.call('updateConfiguration', { name: 'vm.serviceoffering.cpu.cores.max', value: '4' }));
    ok(await tc.call('updateConfiguration', { name: 'vm.serviceoffering.ram.size.max', value: '4096' }));
    const limited = await offeringSnapshot(tc);
    fails(await tc.call('createServiceOffering', computeParams('x', { cpunumber: '8' })), 431, /between 1 and 4$/);
    fails(
      await tc.call('createServiceOffering', computeParams('x', { memory: '8192' })),
      431,
      /between 32 and 4096 MB/,
    );
    expect(await offeringSnapshot(tc)).toBe(limited);
    ok(await tc.call('resetConfiguration', { name: 'vm.serviceoffering.cpu.cores.max' }));
    ok(await tc.call('resetConfiguration', { name: 'vm.serviceoffering.ram.size.max' }));
  });

  it('limits an offering to domains and zones, a subdomain beside its parent adding nothing', async () => {
    const o = await createCompute(tc, 'Sales only', {
      domainid: `${salesEu},${sales}`,
      zoneid: `${zone.uuid},${otherZone.uuid},${zone.uuid}`,
    });
    expect(o).toMatchObject({
      domainid: sales,
      domain: 'so-sales',
      zoneid: `${zone.uuid},${otherZone.uuid}`,
      zone: 'so-zone-1,so-zone-2',
    });
  });

  it('updates name, display text, sort key, domains and zones, and nothing else', async () => {
    const a = await createCompute(tc, 'Sort A');
    const b = await createCompute(tc, 'Sort B');
    const updated = ok(
      await tc.call('updateServiceOffering', {
        id: b.id,
        name: 'Sort B2',
        displaytext: 'Second, now first',
        sortkey: '-5',
        domainid: `${sales}`,
        zoneid: zone.uuid,
      }),
    ).serviceoffering;
    expect(updated).toEqual({
      ...b,
      name: 'Sort B2',
      displaytext: 'Second, now first',
      domainid: sales,
      domain: 'so-sales',
      zoneid: zone.uuid,
      zone: 'so-zone-1',
    });
    expect(await eventsOfType(tc, 'SERVICE.OFFERING.EDIT', b.id)).toBe(1);
    // The sort key orders the list (then id): B2 now comes first.
    expect(names(ok(await tc.call('listServiceOfferings', { keyword: 'Sort' })).serviceoffering)).toEqual([
      'Sort B2',
      'Sort A',
    ]);
    // "public" and "all" lift the limits; an absent or empty list keeps them.
    const kept = ok(await tc.call('updateServiceOffering', { id: b.id, domainid: '', zoneid: '' })).serviceoffering;
    expect(kept).toMatchObject({ domainid: sales, zoneid: zone.uuid });
    const open = ok(
      await tc.call('updateServiceOffering', { id: b.id, domainid: 'public', zoneid: 'all' }),
    ).serviceoffering;
    expect(open.domainid).toBeUndefined();
    expect(open.zoneid).toBeUndefined();
    // Everything else is immutable: the parameters do not exist.
    const r = await tc.call('updateServiceOffering', { id: a.id, cpunumber: '16', memory: '65536' });
    expect(ok(r).serviceoffering).toEqual(a);
    const before = await offeringSnapshot(tc);
    fails(await tc.call('updateServiceOffering', { id: a.id, displaytext: '   ' }), 431, /cannot be empty/);
    fails(await tc.call('updateServiceOffering', { id: a.id, domainid: 'not-a-domain' }), 431, /valid domain id/);
    fails(await tc.call('updateServiceOffering', { id: a.id, zoneid: 'nowhere' }), 431, /valid zone id/);
    fails(
      await tc.call('updateServiceOffering', { id: '00000000-0000-4000-8000-000000000000', name: 'n' }),
      431,
      /Unable to find service offering/,
    );
    expect(await offeringSnapshot(tc)).toBe(before);
  });

  it('deletes softly: removed and Inactive, no longer listed nor deletable, with SERVICE.OFFERING.DELETE', async () => {
    const o = await createCompute(tc, 'Short lived');
    ok(await tc.call('deleteServiceOffering', { id: o.id }));
    const row = await tc.core.store.db
      .selectFrom('service_offerings')
      .select(['removed', 'state'])
      .where('uuid', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.removed).not.toBeNull();
    expect(row.state).toBe('Inactive');
    expect(await eventsOfType(tc, 'SERVICE.OFFERING.DELETE', o.id)).toBe(1);
    for (const state of ['Active', 'Inactive', 'all']) {
      expect(ok(await tc.call('listServiceOfferings', { id: o.id, state })).count ?? 0).toBe(0);
    }
    fails(await tc.call('deleteServiceOffering', { id: o.id }), 431, /Unable to find service offering/);
    fails(await tc.call('updateServiceOffering', { id: o.id, name: 'back' }), 431, /Unable to find service offering/);
  });

  it('lists by keyword (name or display text), name, zone, domain, storage type, with paging', async () => {
    const east = await createCompute(tc, 'List east', { displaytext: 'for the EAST', zoneid: zone.uuid });
    await createCompute(tc, 'List west', { zoneid: otherZone.uuid, storagetype: 'local' });
    await createCompute(tc, 'List everywhere');
    await createCompute(tc, 'List eu', { domainid: salesEu });
    const keyword = async (params: Record<string, string>) =>
      names(ok(await tc.call('listServiceOfferings', { keyword: 'List', ...params })).serviceoffering);
    expect(await keyword({})).toEqual(['List east', 'List west', 'List everywhere', 'List eu']);
    expect(names(ok(await tc.call('listServiceOfferings', { keyword: 'east' })).serviceoffering)).toEqual([
      'List east',
    ]);
    expect(names(ok(await tc.call('listServiceOfferings', { name: 'list EAST' })).serviceoffering)).toEqual([
      'List east',
    ]);
    expect(await keyword({ zoneid: zone.uuid })).toEqual(['List east', 'List everywhere', 'List eu']);
    expect(await keyword({ storagetype: 'local' })).toEqual(['List west']);
    expect(await keyword({ domainid: salesEu })).toEqual(['List eu']);
    expect(await keyword({ domainid: sales })).toEqual([]);
    expect(await keyword({ domainid: sales, isrecursive: 'true' })).toEqual(['List eu']);
    const page = ok(await tc.call('listServiceOfferings', { keyword: 'List', page: '2', pagesize: '3' }));
    expect(page.count).toBe(4);
    expect(names(page.serviceoffering)).toEqual(['List eu']);
    fails(await tc.call('listServiceOfferings', { zoneid: '00000000-0000-4000-8000-000000000000' }), 431);
    fails(await tc.call('listServiceOfferings', { domainid: '00000000-0000-4000-8000-000000000000' }), 431);
    fails(await tc.call('listServiceOfferings', { state: 'Gone' }), 431);
    expect(east.zone).toBe('so-zone-1');
  });
});
