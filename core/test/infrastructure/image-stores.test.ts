import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { eventsOfType, fails, ok } from '../tenancy/fixtures';
import { seedZone } from './seed';

async function storeRows(tc: TestCore): Promise<string> {
  const [stores, events] = await Promise.all([
    tc.core.store.db.selectFrom('image_stores').selectAll().orderBy('id').execute(),
    tc.core.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return JSON.stringify({ stores, events: Number(events.n) });
}

describe.each(dialects())('image stores (%s)', (dialect) => {
  let tc: TestCore;
  let zone: { id: number; uuid: string; name: string };
  let dir: string;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    zone = await seedZone(tc.core.store.db, { name: 'is-zone' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-secondary-'));
  });
  afterAll(async () => {
    await tc?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds a local directory with its real size from statfs', async () => {
    const s = ok(await tc.call('addImageStore', { name: 'local-secondary', url: dir, zoneid: zone.uuid })).imagestore;
    const stat = fs.statfsSync(dir);
    expect(s).toMatchObject({
      name: 'local-secondary',
      zoneid: zone.uuid,
      zonename: 'is-zone',
      protocol: 'file',
      providername: 'Filesystem',
      scope: 'ZONE',
      url: `file://${dir}`,
      readonly: false,
    });
    expect(s.disksizetotal).toBe(stat.blocks * stat.bsize);
    expect(s.disksizetotal).toBeGreaterThan(0);
    expect(s.disksizeused).toBeGreaterThan(0);
    expect(s.disksizeused).toBeLessThanOrEqual(s.disksizetotal);
    expect(await eventsOfType(tc, 'IMAGE.STORE.ADD', s.id)).toBe(1);
  });

  it('adds an NFS store without contacting it, sized by simulator.storage.capacity.gb', async () => {
    ok(await tc.call('updateConfiguration', { name: 'simulator.storage.capacity.gb', value: '100' }));
    const s = ok(
      await tc.call('addImageStore', {
        name: 'nfs-secondary',
        url: 'nfs://10.0.0.7:/export/secondary',
        provider: 'NFS',
        zoneid: zone.uuid,
      }),
    ).imagestore;
    expect(s).toMatchObject({ protocol: 'nfs', providername: 'NFS', disksizetotal: 100 * 1024 ** 3, disksizeused: 0 });
    // Name defaults to the URL, as in CloudStack.
    const unnamed = ok(await tc.call('addImageStore', { url: 'nfs://10.0.0.8/sec', zoneid: zone.uuid })).imagestore;
    expect(unnamed.name).toBe('nfs://10.0.0.8/sec');
  });

  it('refuses bad input and duplicates without writing anything', async () => {
    const before = await storeRows(tc);
    fails(
      await tc.call('addImageStore', { url: 'nfs://10.0.0.7:/export/secondary', zoneid: zone.uuid }),
      431,
      /already uses/,
    );
    fails(await tc.call('addImageStore', { url: dir, zoneid: zone.uuid }), 431, /already uses/);
    const missing = path.join(dir, 'missing');
    expect(fails(await tc.call('addImageStore', { url: missing, zoneid: zone.uuid }), 431)).toMatchObject({
      errortext: `The path ${missing} does not exist on the management server`,
      errorkey: 'error.localPath.missing',
      errorparams: { path: missing },
    });
    const file = path.join(dir, 'a-file');
    fs.writeFileSync(file, 'x');
    expect(fails(await tc.call('addImageStore', { url: file, zoneid: zone.uuid }), 431)).toMatchObject({
      errortext: `The path ${file} is not a directory`,
      errorkey: 'error.localPath.notDirectory',
    });
    fails(await tc.call('addImageStore', { url: 's3://bucket/x', zoneid: zone.uuid }), 431, /unsupported scheme/);
    fails(
      await tc.call('addImageStore', { url: 'nfs://h/x', provider: 'S3', zoneid: zone.uuid }),
      431,
      /not supported/,
    );
    fails(
      await tc.call('addImageStore', { url: 'nfs://h/x', provider: 'Filesystem', zoneid: zone.uuid }),
      431,
      /local directory/,
    );
    fails(await tc.call('addImageStore', { url: 'nfs://h/x' }), 431, /zone id is required/);
    fails(await tc.call('addImageStore', { zoneid: zone.uuid }), 431, /url is required/);
    expect(await storeRows(tc)).toBe(before);
  });

  it('lists by zone, provider, protocol and keyword, with paging', async () => {
    const all = ok(await tc.call('listImageStores', { zoneid: zone.uuid }));
    expect(all.count).toBe(3);
    expect(ok(await tc.call('listImageStores', { provider: 'nfs' })).count).toBe(2);
    expect(ok(await tc.call('listImageStores', { protocol: 'file' })).imagestore[0].name).toBe('local-secondary');
    expect(ok(await tc.call('listImageStores', { keyword: 'SECONDARY' })).count).toBe(2);
    const page = ok(await tc.call('listImageStores', { pagesize: '1', page: '2' }));
    expect(page.count).toBe(3);
    expect(page.imagestore.map((s: any) => s.name)).toEqual(['nfs-secondary']);
  });

  it('deletes a store with an IMAGE.STORE.DELETE event, and frees its URL', async () => {
    const s = ok(await tc.call('listImageStores', { name: 'nfs-secondary' })).imagestore[0];
    ok(await tc.call('deleteImageStore', { id: s.id }));
    expect(ok(await tc.call('listImageStores', { id: s.id })).count ?? 0).toBe(0);
    expect(await eventsOfType(tc, 'IMAGE.STORE.DELETE', s.id)).toBe(1);
    fails(await tc.call('deleteImageStore', { id: s.id }), 431, /Unable to find image store/);
    ok(await tc.call('addImageStore', { url: 'nfs://10.0.0.7:/export/secondary', zoneid: zone.uuid }));
  });
});
