import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { seedZone } from '../infrastructure/seed';
import { createDomain, eventsOfType, fails, ok } from '../tenancy/fixtures';
import { createDisk, names, offeringSnapshot } from './fixtures';

/**
 * Disk offerings as a root admin: CloudStack's parameters, checks (431, nothing written) and
 * response fields; the update; the soft delete; the list's filters and paging.
 */
describe.each(dialects())('disk offerings (%s)', (dialect) => {
  let tc: TestCore;
  let zone: { uuid: string };
  let ops: string;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    zone = await seedZone(tc.core.store.db, { name: 'do-zone' });
    ops = (await createDomain(tc, 'do-ops')).id;
  });
  afterAll(async () => tc?.close());

  it('creates a fixed-size offering with CloudStack fields and a DISK.OFFERING.CREATE event', async () => {
    const d = await createDisk(tc, 'Fast 50', {
      disksize: '50',
      displaytext: 'Fast, 50 GB',
      storagetype: 'local',
      provisioningtype: 'fat',
      cachemode: 'none',
      tags: 'ssd',
      customizediops: 'false',
      miniops: '500',
      maxiops: '1000',
      byteswriterate: '4096',
      displayoffering: 'false',
      domainid: ops,
      zoneid: zone.uuid,
    });
    expect(d).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      domainid: ops,
      domain: 'do-ops',
      zoneid: zone.uuid,
      zone: 'do-zone',
      name: 'Fast 50',
      displaytext: 'Fast, 50 GB',
      disksize: 50,
      created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      iscustomized: false,
      iscustomizediops: false,
      miniops: 500,
      maxiops: 1000,
      tags: 'ssd',
      storagetype: 'local',
      provisioningtype: 'fat',
      diskBytesWriteRate: 4096,
      cacheMode: 'none',
      displayoffering: false,
      state: 'Active',
    });
    const row = await tc.core.store.db
      .selectFrom('disk_offerings')
      .select('disk_size_bytes')
      .where('uuid', '=', d.id)
      .executeTakeFirstOrThrow();
    expect(Number(row.disk_size_bytes)).toBe(50 * 1024 ** 3);
    expect(await eventsOfType(tc, 'DISK.OFFERING.CREATE', d.id)).toBe(1);
    expect(ok(await tc.call('listDiskOfferings', { id: d.id })).diskoffering).toEqual([d]);
  });

  it('creates a customized offering without a size; display text defaults to the name', async () => {
    const d = ok(await tc.call('createDiskOffering', { name: 'Any size', customized: 'true' })).diskoffering;
    expect(d).toMatchObject({ name: 'Any size', displaytext: 'Any size', disksize: 0, iscustomized: true });
    expect(d.iscustomizediops).toBeUndefined();
  });

  it("refuses CloudStack's bad parameters with 431 and writes nothing", async () => {
    const before = await offeringSnapshot(tc);
    const refusals: [Record<string, string>, RegExp][] = [
      [{ name: 'x' }, /Disksize is required for a non-customized disk offering/],
      [{ name: 'x', customized: 'true', disksize: '5' }, /Disksize is not allowed for a customized disk offering/],
      [{ name: 'x', disksize: '0' }, /at least 1 GB/],
      [{ name: 'x', disksize: '-3' }, /at least 1 GB/],
      [{ name: 'x', disksize: '2001' }, /maximum size for a disk is 2000 GB/],
      [{ name: 'x', disksize: '5', storagetype: 'tape' }, /Invalid storage type tape/],
      [{ name: 'x', disksize: '5', provisioningtype: 'lazy' }, /Invalid provisioning type lazy/],
      [{ name: 'x', disksize: '5', cachemode: 'sometimes' }, /Invalid cache mode/],
      [
        { name: 'x', disksize: '5', customizediops: 'false', miniops: '0', maxiops: '9' },
        /min IOPS must be greater than 0/,
      ],
      [{ name: 'x', disksize: '5', customizediops: 'false', miniops: '10' }, /min IOPS must be less than or equal/],
      [{ name: 'x', disksize: '5', bytesreadrate: '10', bytesreadratemax: '5' }, /cannot be greater than its maximum/],
      [{ name: 'x', disksize: '5', domainid: '00000000-0000-4000-8000-000000000000' }, /valid domain id/],
      [{ name: 'x', disksize: '5', zoneid: '00000000-0000-4000-8000-000000000000' }, /valid zone id/],
      [{ name: ' ', disksize: '5' }, /blank/],
    ];
    for (const [params, text] of refusals) fails(await tc.call('createDiskOffering', params), 431, text);
    expect(await offeringSnapshot(tc)).toBe(before);
    // storage.max.volume.size bounds the size.
    ok(await tc.call('updateConfiguration', { name: 'storage.max.volume.size', value: '100' }));
    fails(
      await tc.call('createDiskOffering', { name: 'x', disksize: '101' }),
      431,
      /maximum size for a disk is 100 GB/,
    );
    ok(await tc.call('resetConfiguration', { name: 'storage.max.volume.size' }));
  });

  it('updates name, display text, sort key, domains and zones', async () => {
    const d = await createDisk(tc, 'Renamed later');
    const updated = ok(
      await tc.call('updateDiskOffering', {
        id: d.id,
        name: 'Renamed',
        displaytext: 'Renamed disk',
        sortkey: '3',
        domainid: ops,
        zoneid: zone.uuid,
      }),
    ).diskoffering;
    expect(updated).toEqual({
      ...d,
      name: 'Renamed',
      displaytext: 'Renamed disk',
      domainid: ops,
      domain: 'do-ops',
      zoneid: zone.uuid,
      zone: 'do-zone',
    });
    expect(await eventsOfType(tc, 'DISK.OFFERING.EDIT', d.id)).toBe(1);
    const before = await offeringSnapshot(tc);
    fails(await tc.call('updateDiskOffering', { id: d.id, displaytext: '   ' }), 431, /cannot be empty/);
    fails(await tc.call('updateDiskOffering', { id: d.id, name: '\u0000' }), 431, /control character/);
    expect(await offeringSnapshot(tc)).toBe(before);
  });

  it('deletes softly, with DISK.OFFERING.DELETE', async () => {
    const d = await createDisk(tc, 'Temporary');
    ok(await tc.call('deleteDiskOffering', { id: d.id }));
    expect(await eventsOfType(tc, 'DISK.OFFERING.DELETE', d.id)).toBe(1);
    expect(ok(await tc.call('listDiskOfferings', { id: d.id, state: 'all' })).count ?? 0).toBe(0);
    fails(await tc.call('deleteDiskOffering', { id: d.id }), 431, /Unable to find disk offering/);
  });

  it('lists in sort-key order by keyword, zone, domain and storage type, with paging', async () => {
    await createDisk(tc, 'Pick one', { zoneid: zone.uuid });
    await createDisk(tc, 'Pick two', { storagetype: 'local' });
    await createDisk(tc, 'Pick three', { domainid: ops });
    const picked = async (params: Record<string, string> = {}) =>
      names(ok(await tc.call('listDiskOfferings', { keyword: 'pick', ...params })).diskoffering);
    expect(await picked()).toEqual(['Pick one', 'Pick two', 'Pick three']);
    expect(await picked({ zoneid: zone.uuid })).toEqual(['Pick one', 'Pick two', 'Pick three']);
    expect(await picked({ storagetype: 'local' })).toEqual(['Pick two']);
    expect(await picked({ domainid: ops })).toEqual(['Pick three']);
    const page = ok(await tc.call('listDiskOfferings', { keyword: 'pick', page: '1', pagesize: '2' }));
    expect(page.count).toBe(3);
    expect(names(page.diskoffering)).toEqual(['Pick one', 'Pick two']);
  });
});
