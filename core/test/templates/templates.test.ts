import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { eventsOfType, fails, ok, runAsync } from '../tenancy/fixtures';
import {
  PUBLIC_URL,
  finishDownloads,
  startedAt,
  names,
  osType,
  register,
  templateSnapshot,
  templateWorld,
  type TemplateWorld,
} from './fixtures';

/**
 * registerTemplate / registerIso with CloudStack's parameters and refusals (431, nothing written),
 * the simulated download to Ready, updateTemplate / updateIso, deleteTemplate / deleteIso (async,
 * per zone or everywhere), copyTemplate / copyIso between zones and the template permissions.
 */
describe.each(dialects())('templates and ISOs (%s)', (dialect) => {
  let tc: TestCore;
  let w: TemplateWorld;
  let linux: string;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    w = await templateWorld(tc, 'tp');
    linux = await osType(tc);
    // Names resolve without the network: a public name and one that points at loopback.
    tc.core.directory.templates.resolver = async (host) =>
      ({ 'images.example.com': ['203.0.113.20'], 'sneaky.example.com': ['203.0.113.21', '127.0.0.1'] })[host] ?? [];
  });
  afterAll(async () => tc?.close());

  it('registers a template in a zone with CloudStack fields, downloading, and a TEMPLATE.CREATE event', async () => {
    const t = await register(tc, w.zone.uuid, 'centos', {
      displaytext: 'CentOS 8',
      ostypeid: linux,
      ispublic: 'true',
      isfeatured: 'true',
      isextractable: 'true',
      passwordenabled: 'true',
      checksum: '{SHA-256}' + 'A'.repeat(64),
      templatetag: 'base',
      'details[0].key': 'rootDiskController',
      'details[0].value': 'virtio',
    });
    expect(t).toMatchObject({
      name: 'centos',
      displaytext: 'CentOS 8',
      ispublic: true,
      isfeatured: true,
      isextractable: true,
      passwordenabled: true,
      isready: false,
      status: '0% Downloaded',
      format: 'QCOW2',
      hypervisor: 'Simulator',
      templatetype: 'USER',
      ostypeid: linux,
      ostypename: 'Other Linux (64-bit)',
      zoneid: w.zone.uuid,
      zonename: 'tp-zone',
      account: 'admin',
      crossZones: false,
      bits: 64,
      checksum: '{SHA-256}' + 'a'.repeat(64),
      templatetag: 'base',
      url: PUBLIC_URL,
      details: { rootDiskController: 'virtio' },
    });
    expect(t.size).toBeUndefined();
    expect(await eventsOfType(tc, 'TEMPLATE.CREATE', t.id)).toBe(1);
  });

  it('advances the simulated download with progress seen in between, then is ready', async () => {
    const t = await register(tc, w.zone.uuid, 'progress');
    const status = async () =>
      ok(await tc.call('listTemplates', { templatefilter: 'self', id: t.id })).template[0] as Record<string, any>;
    // The clock of the download is its row's: when it started.
    const start = await startedAt(tc.core.store.db, t.id);
    // 512 MiB/s by default: a 2 GiB image takes 4 s; one second is a quarter.
    await tc.core.templateDownloader.tick(start + 1000);
    const quarter = await status();
    expect(quarter.isready).toBe(false);
    expect(quarter.status).toMatch(/^2[45]% Downloaded$/);
    await tc.core.templateDownloader.tick(start + 3000);
    expect((await status()).status).toMatch(/^7[45]% Downloaded$/);
    await tc.core.templateDownloader.tick(start + 5000);
    const done = await status();
    expect(done).toMatchObject({
      isready: true,
      status: 'Download Complete',
      size: 2 * 1024 ** 3,
      physicalsize: 2 * 1024 ** 3,
    });
    expect(await eventsOfType(tc, 'TEMPLATE.DOWNLOAD.SUCCESS', t.id)).toBe(1);
  });

  it('drives downloads on its own with the monitors started, at the speed setting', async () => {
    ok(await tc.call('updateConfiguration', { name: 'simulator.template.download.speed', value: '4096' }));
    ok(await tc.call('updateConfiguration', { name: 'simulator.template.download.interval', value: '50' }));
    const t = await register(tc, w.zone.uuid, 'running');
    tc.core.templateDownloader.start();
    try {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const now = ok(await tc.call('listTemplates', { templatefilter: 'self', id: t.id })).template[0];
        if (now.isready) break;
        if (Date.now() > deadline) throw new Error(`not ready: ${now.status}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await tc.core.templateDownloader.stop();
    }
  });

  it('registers in every zone with -1, one entry per zone, crossZones', async () => {
    const data = ok(
      await tc.call('registerTemplate', {
        name: 'everywhere',
        url: PUBLIC_URL,
        format: 'RAW',
        hypervisor: 'KVM',
        zoneid: '-1',
      }),
    );
    expect(data.template.map((t: any) => t.zonename).sort()).toEqual(['tp-zone', 'tp-zone2']);
    expect(data.template.every((t: any) => t.crossZones === true)).toBe(true);
    expect(data.count).toBe(2);
  });

  it("refuses CloudStack's bad parameters with 431 and writes nothing", async () => {
    const before = await templateSnapshot(tc);
    const base = { name: 'bad', url: PUBLIC_URL, format: 'QCOW2', hypervisor: 'Simulator', zoneid: w.zone.uuid };
    const refusals: [Record<string, string>, RegExp][] = [
      [{ format: 'VMDK' }, /Image format: VMDK is incorrect/],
      [{ hypervisor: 'KVM', format: 'OVA' }, /not supported by hypervisor KVM/],
      [{ hypervisor: 'XenServer' }, /Hypervisor XenServer is not supported/],
      [{ checksum: 'nothex' }, /Invalid checksum/],
      [{ checksum: '{SHA-256}abcd' }, /Invalid checksum/],
      [{ bits: '16' }, /32 or 64/],
      [{ ostypeid: '00000000-0000-0000-0000-000000000000' }, /no OS type has id/],
      [{ zoneid: '00000000-0000-0000-0000-000000000000' }, /no zone has id/],
      [{ url: 'ftp://203.0.113.10/x.qcow2' }, /Unsupported scheme/],
      [{ url: 'file:///etc/passwd' }, /Unsupported scheme/],
      [{ url: 'not a url' }, /Invalid URL/],
      [{ url: 'http://nowhere.example.com/x.qcow2' }, /Unable to resolve the host/],
      [{ account: 'admin' }, /Account and domainid must be given together/],
    ];
    for (const [params, text] of refusals) {
      fails(await tc.call('registerTemplate', { ...base, ...params }), 431, text);
    }
    fails(
      await tc.call('registerTemplate', { name: 'bad', url: PUBLIC_URL, format: 'QCOW2', hypervisor: 'KVM' }),
      431,
      /zoneid/,
    );
    fails(await tc.call('registerIso', { name: 'bad', url: 'ftp://x/y.iso', zoneid: w.zone.uuid }), 431, /scheme/);
    expect(await templateSnapshot(tc)).toBe(before);
  });

  it('refuses URLs that reach loopback, private or link-local addresses unless allowed', async () => {
    const before = await templateSnapshot(tc);
    const base = { name: 'internal', format: 'QCOW2', hypervisor: 'Simulator', zoneid: w.zone.uuid };
    for (const [url, address] of [
      ['http://127.0.0.1/x.qcow2', '127.0.0.1'],
      ['http://10.1.2.3/x.qcow2', '10.1.2.3'],
      ['http://192.168.1.1/x.qcow2', '192.168.1.1'],
      ['http://172.20.0.1/x.qcow2', '172.20.0.1'],
      ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
      ['http://[::1]/x.qcow2', '::1'],
      ['http://[fe80::1]/x.qcow2', 'fe80::1'],
      ['http://[::ffff:127.0.0.1]/x.qcow2', '::ffff:7f00:1'],
      ['http://sneaky.example.com/x.qcow2', '127.0.0.1'],
    ] as const) {
      const e = fails(await tc.call('registerTemplate', { ...base, url }), 431, /internal address/);
      expect(e.errortext).toContain(address);
    }
    // A name the system resolves to loopback (/etc/hosts): the real resolver is asked.
    const resolver = tc.core.directory.templates.resolver;
    tc.core.directory.templates.resolver = (await import('../../src/services/templates/url-safety')).systemResolver;
    try {
      fails(
        await tc.call('registerTemplate', { ...base, url: 'http://localhost:8080/x.qcow2' }),
        431,
        /internal address 127\.0\.0\.1|internal address ::1/,
      );
    } finally {
      tc.core.directory.templates.resolver = resolver;
    }
    expect(await templateSnapshot(tc)).toBe(before);

    ok(
      await tc.call('updateConfiguration', {
        name: 'secstorage.allowed.internal.sites',
        value: '127.0.0.0/8, 10.1.0.0/16',
      }),
    );
    try {
      expect((await register(tc, w.zone.uuid, 'lab-loopback', { url: 'http://127.0.0.1:8000/x.qcow2' })).name).toBe(
        'lab-loopback',
      );
      expect((await register(tc, w.zone.uuid, 'lab-ten', { url: 'http://10.1.2.3/x.qcow2' })).name).toBe('lab-ten');
      fails(
        await tc.call('registerTemplate', { ...base, url: 'http://10.2.0.1/x.qcow2' }),
        431,
        /internal address 10\.2\.0\.1/,
      );
      fails(await tc.call('registerTemplate', { ...base, url: 'http://[::1]/x.qcow2' }), 431, /internal address ::1/);
    } finally {
      ok(await tc.call('resetConfiguration', { name: 'secstorage.allowed.internal.sites' }));
    }
    expect((await register(tc, w.zone.uuid, 'by-name', { url: 'https://images.example.com/x.qcow2' })).name).toBe(
      'by-name',
    );
  });

  it('lets only root admins make a template featured; admins register for other accounts', async () => {
    const before = await templateSnapshot(tc);
    fails(
      await tc.call(
        'registerTemplate',
        {
          name: 'f',
          url: PUBLIC_URL,
          format: 'QCOW2',
          hypervisor: 'Simulator',
          zoneid: w.zone.uuid,
          isfeatured: 'true',
        },
        w.da1,
      ),
      531,
      /Only root admins/,
    );
    fails(
      await tc.call(
        'registerTemplate',
        {
          name: 'f',
          url: PUBLIC_URL,
          format: 'QCOW2',
          hypervisor: 'Simulator',
          zoneid: w.zone.uuid,
          account: 'tp-userc',
          domainid: w.d2,
        },
        w.da1,
      ),
      531,
    );
    expect(await templateSnapshot(tc)).toBe(before);
    const t = await register(tc, w.zone.uuid, 'for-usera', { account: 'tp-usera', domainid: w.d1 }, w.da1);
    expect(t).toMatchObject({ account: 'tp-usera', domainid: w.d1 });
  });

  it('registers an ISO (bootable by default) that listIsos shows and listTemplates does not', async () => {
    const iso = ok(
      await tc.call('registerIso', {
        name: 'netinst',
        url: 'https://203.0.113.10/debian.iso',
        zoneid: w.zone.uuid,
        ostypeid: linux,
      }),
    ).iso[0];
    expect(iso).toMatchObject({
      name: 'netinst',
      format: 'ISO',
      bootable: true,
      isready: false,
      status: '0% Downloaded',
    });
    expect(iso.hypervisor).toBeUndefined();
    expect(await eventsOfType(tc, 'ISO.CREATE', iso.id)).toBe(1);
    expect(names(ok(await tc.call('listIsos', { isofilter: 'self', id: iso.id })).iso)).toEqual(['netinst']);
    expect(ok(await tc.call('listTemplates', { templatefilter: 'self', id: iso.id })).template).toBeUndefined();
    await finishDownloads(tc);
    expect(ok(await tc.call('listIsos', { id: iso.id })).iso[0]).toMatchObject({
      isready: true,
      size: 512 * 1024 ** 2,
    });
    expect(names(ok(await tc.call('listIsos', { isofilter: 'self', bootable: 'false', id: iso.id })).iso)).toEqual([]);
  });

  it('updates names, texts, OS type and flags; refuses others and bad values without change', async () => {
    const t = await register(tc, w.zone.uuid, 'to-update', {}, w.userA);
    const windows = await osType(tc, 'Windows Server 2022 (64-bit)');
    const u = ok(
      await tc.call(
        'updateTemplate',
        {
          id: t.id,
          name: 'updated',
          displaytext: 'new text',
          ostypeid: windows,
          passwordenabled: 'true',
          sortkey: '3',
          isdynamicallyscalable: 'true',
        },
        w.userA,
      ),
    ).template;
    expect(u).toMatchObject({
      id: t.id,
      name: 'updated',
      displaytext: 'new text',
      ostypename: 'Windows Server 2022 (64-bit)',
      passwordenabled: true,
      isdynamicallyscalable: true,
    });
    expect(await eventsOfType(tc, 'TEMPLATE.UPDATE', t.id)).toBe(1);
    const before = await templateSnapshot(tc);
    fails(await tc.call('updateTemplate', { id: t.id, name: 'stolen' }, w.userB), 531);
    fails(await tc.call('updateTemplate', { id: t.id, name: 'stolen' }, w.userC), 531);
    fails(await tc.call('updateTemplate', { id: t.id, displaytext: ' ' }, w.userA), 431, /cannot be empty/);
    fails(await tc.call('updateTemplate', { id: t.id, format: 'VMDK' }, w.userA), 431, /Image format/);
    fails(
      await tc.call('updateTemplate', { id: t.id, ostypeid: '00000000-0000-0000-0000-000000000000' }, w.userA),
      431,
    );
    fails(await tc.call('updateIso', { id: t.id, name: 'x' }), 431, /Unable to find ISO/);
    expect(await templateSnapshot(tc)).toBe(before);
    // The domain admin of the owner's domain may change it.
    expect(ok(await tc.call('updateTemplate', { id: t.id, name: 'by-da' }, w.da1)).template.name).toBe('by-da');
  });

  it('copies a ready template to another zone (async), downloading there; refuses what CloudStack refuses', async () => {
    const t = await register(tc, w.zone.uuid, 'to-copy', {}, w.userA);
    const before = await templateSnapshot(tc);
    const notReady = await tc.settle('copyTemplate', { id: t.id, destzoneid: w.zone2.uuid }, w.userA);
    expect(notReady.status).toBe(431);
    expect(await templateSnapshot(tc)).toBe(before);
    await finishDownloads(tc);
    fails(await tc.call('copyTemplate', { id: t.id, destzoneid: w.zone2.uuid }, w.userB), 531);
    expect((await tc.settle('copyTemplate', { id: t.id, destzoneid: w.zone.uuid }, w.userA)).status).toBe(431);
    const copied = await tc.settle('copyTemplate', { id: t.id, destzoneid: w.zone2.uuid }, w.userA);
    expect(copied.status).toBe(200);
    expect(copied.data.template).toMatchObject({
      id: t.id,
      zoneid: w.zone2.uuid,
      isready: false,
      status: '0% Downloaded',
    });
    expect(await eventsOfType(tc, 'TEMPLATE.COPY', t.id)).toBe(1);
    expect((await tc.settle('copyTemplate', { id: t.id, destzoneid: w.zone2.uuid }, w.userA)).status).toBe(431);
    await finishDownloads(tc);
    const both = ok(await tc.call('listTemplates', { templatefilter: 'selfexecutable', id: t.id }, w.userA)).template;
    expect(both.map((x: any) => x.zonename).sort()).toEqual(['tp-zone', 'tp-zone2']);
  });

  it('deletes from one zone, then everywhere (async), with TEMPLATE.DELETE; others may not', async () => {
    const t = await register(tc, '-1', 'to-delete', {}, w.userA);
    fails(await tc.call('deleteTemplate', { id: t.id }, w.userC), 531);
    expect((await runAsync(tc, 'deleteTemplate', { id: t.id, zoneid: w.zone.uuid }, w.userA)).jobstatus).toBe(1);
    const left = ok(await tc.call('listTemplates', { templatefilter: 'self', id: t.id }, w.userA)).template;
    expect(left.map((x: any) => x.zonename)).toEqual(['tp-zone2']);
    const again = await tc.settle('deleteTemplate', { id: t.id, zoneid: w.zone.uuid }, w.userA);
    expect(again.status).toBe(431);
    expect((await runAsync(tc, 'deleteTemplate', { id: t.id }, w.userA)).jobstatus).toBe(1);
    expect(ok(await tc.call('listTemplates', { templatefilter: 'self', id: t.id }, w.userA)).template).toBeUndefined();
    expect(await eventsOfType(tc, 'TEMPLATE.DELETE', t.id)).toBe(2);
    const removed = await tc.core.store.db
      .selectFrom('templates')
      .select('removed')
      .where('uuid', '=', t.id)
      .executeTakeFirstOrThrow();
    expect(removed.removed).not.toBeNull();
    fails(await tc.call('deleteTemplate', { id: t.id }, w.userA), 431, /Unable to find template/);
  });

  it('deletes and copies ISOs with deleteIso and copyIso', async () => {
    const iso = ok(await tc.call('registerIso', { name: 'iso-copy', url: PUBLIC_URL, zoneid: w.zone.uuid }, w.userA))
      .iso[0];
    await finishDownloads(tc);
    const copied = await tc.settle('copyIso', { id: iso.id, destzoneid: w.zone2.uuid }, w.userA);
    expect(copied.status).toBe(200);
    expect(copied.data.iso).toMatchObject({ zoneid: w.zone2.uuid });
    expect(await eventsOfType(tc, 'ISO.COPY', iso.id)).toBe(1);
    expect((await tc.settle('deleteTemplate', { id: iso.id }, w.userA)).status).toBe(431);
    expect((await runAsync(tc, 'deleteIso', { id: iso.id }, w.userA)).jobstatus).toBe(1);
    expect(await eventsOfType(tc, 'ISO.DELETE', iso.id)).toBe(1);
  });

  it('refuses to delete an image store that holds templates or ISOs, and changes nothing', async () => {
    const store = ok(await tc.call('listImageStores', { zoneid: w.zone.uuid })).imagestore[0];
    const before = await templateSnapshot(tc);
    fails(await tc.call('deleteImageStore', { id: store.id }), 431, /active templates/);
    expect(await templateSnapshot(tc)).toBe(before);
    expect(ok(await tc.call('listImageStores', { id: store.id })).imagestore).toHaveLength(1);
  });

  it('shares a template with accounts of its domain (updateTemplatePermissions / listTemplatePermissions)', async () => {
    const t = await register(tc, w.zone.uuid, 'shared', {}, w.userA);
    await finishDownloads(tc);
    const shared = async () =>
      names(ok(await tc.call('listTemplates', { templatefilter: 'sharedexecutable' }, w.userB)).template);
    expect(await shared()).not.toContain('shared');
    fails(await tc.call('updateTemplatePermissions', { id: t.id, accounts: 'tp-userb' }, w.userA), 431, /operator/);
    fails(
      await tc.call('updateTemplatePermissions', { id: t.id, accounts: 'nobody', op: 'add' }, w.userA),
      431,
      /nobody/,
    );
    fails(await tc.call('updateTemplatePermissions', { id: t.id, accounts: 'tp-userb', op: 'add' }, w.userB), 531);
    ok(await tc.call('updateTemplatePermissions', { id: t.id, accounts: 'tp-userb', op: 'add' }, w.userA));
    expect(await shared()).toContain('shared');
    expect(ok(await tc.call('listTemplatePermissions', { id: t.id }, w.userA)).templatepermission).toEqual({
      id: t.id,
      ispublic: false,
      domainid: w.d1,
      account: ['tp-userb'],
    });
    ok(await tc.call('updateTemplatePermissions', { id: t.id, op: 'reset' }, w.userA));
    expect(await shared()).not.toContain('shared');
    fails(await tc.call('updateTemplatePermissions', { id: t.id, isfeatured: 'true' }, w.userA), 531);
    ok(await tc.call('updateTemplatePermissions', { id: t.id, ispublic: 'true' }, w.userA));
    expect(names(ok(await tc.call('listTemplates', { templatefilter: 'community' }, w.userC)).template)).toContain(
      'shared',
    );
  });
});
