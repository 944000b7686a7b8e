import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/services/caller';
import { dialects, startTestCore, type TestCore } from '../harness';
import { fails, ok } from '../tenancy/fixtures';
import { finishDownloads, names, register, templateWorld, type TemplateWorld } from './fixtures';

/**
 * Every templatefilter (and isofilter) of CloudStack, as root admin, domain admin, user and a user
 * of another account and domain see it:
 *
 *   featured     public and featured                 community  public, not featured
 *   self         the caller's own (listall/domainid as other owned lists)
 *   selfexecutable  own and ready                    sharedexecutable  shared with the caller and ready
 *   executable   ready, and public, own, shared (domain admins: also their domain's)
 *   all          every template: root admins only (431 otherwise)
 */
describe.each(dialects())('template filters (%s)', (dialect) => {
  let tc: TestCore;
  let w: TemplateWorld;
  let callers: Record<'root' | 'da1' | 'userA' | 'userB' | 'userC', Caller>;

  const listed = async (caller: Caller, filter: string, extra: Record<string, string> = {}) =>
    names(ok(await tc.call('listTemplates', { templatefilter: filter, ...extra }, caller)).template).sort();

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    w = await templateWorld(tc, 'tf');
    callers = { root: tc.admin, da1: w.da1, userA: w.userA, userB: w.userB, userC: w.userC };
    // Ready ones first (their downloads finish), then ones still downloading.
    await register(tc, w.zone.uuid, 'root-featured', { ispublic: 'true', isfeatured: 'true' });
    await register(tc, w.zone.uuid, 'root-private');
    await register(tc, w.zone.uuid, 'a-public', { ispublic: 'true' }, w.userA);
    const shared = await register(tc, w.zone.uuid, 'a-shared', {}, w.userA);
    await register(tc, w.zone.uuid, 'a-private', {}, w.userA);
    await register(tc, w.zone.uuid, 'b-private', {}, w.userB);
    await register(tc, w.zone.uuid, 'c-private', {}, w.userC);
    ok(await tc.call('updateTemplatePermissions', { id: shared.id, accounts: 'tf-userb', op: 'add' }, w.userA));
    await finishDownloads(tc);
    await register(tc, w.zone.uuid, 'a-downloading', {}, w.userA);
    await register(tc, w.zone.uuid, 'public-downloading', { ispublic: 'true' }, w.userC);
  });
  afterAll(async () => tc?.close());

  it('featured: public featured templates, for everyone', async () => {
    for (const c of Object.values(callers)) expect(await listed(c, 'featured')).toEqual(['root-featured']);
  });

  it('community: public templates that are not featured, for everyone, ready or not', async () => {
    for (const c of Object.values(callers))
      expect(await listed(c, 'community')).toEqual(['a-public', 'public-downloading']);
  });

  it("self: the caller's own; listall widens it for admins only", async () => {
    expect(await listed(callers.root, 'self')).toEqual(['root-featured', 'root-private']);
    expect(await listed(callers.userA, 'self')).toEqual(['a-downloading', 'a-private', 'a-public', 'a-shared']);
    expect(await listed(callers.userB, 'self')).toEqual(['b-private']);
    expect(await listed(callers.userC, 'self')).toEqual(['c-private', 'public-downloading']);
    expect(await listed(callers.da1, 'self')).toEqual([]);
    expect(await listed(callers.da1, 'self', { listall: 'true' })).toEqual([
      'a-downloading',
      'a-private',
      'a-public',
      'a-shared',
      'b-private',
    ]);
    expect(await listed(callers.userA, 'self', { listall: 'true' })).toEqual([
      'a-downloading',
      'a-private',
      'a-public',
      'a-shared',
    ]);
    expect((await listed(callers.root, 'self', { listall: 'true' })).length).toBe(9);
    expect(await listed(callers.da1, 'self', { account: 'tf-userb', domainid: w.d1 })).toEqual(['b-private']);
    fails(await tc.call('listTemplates', { templatefilter: 'self', account: 'tf-userc', domainid: w.d2 }, w.da1), 531);
  });

  it('selfexecutable: own and ready', async () => {
    expect(await listed(callers.userA, 'selfexecutable')).toEqual(['a-private', 'a-public', 'a-shared']);
    expect(await listed(callers.userC, 'selfexecutable')).toEqual(['c-private']);
  });

  it('sharedexecutable: shared with the caller and ready', async () => {
    expect(await listed(callers.userB, 'sharedexecutable')).toEqual(['a-shared']);
    expect(await listed(callers.userA, 'sharedexecutable')).toEqual([]);
    expect(await listed(callers.userC, 'sharedexecutable')).toEqual([]);
  });

  it('executable: every ready template the caller may use', async () => {
    expect(await listed(callers.userA, 'executable')).toEqual(['a-private', 'a-public', 'a-shared', 'root-featured']);
    expect(await listed(callers.userB, 'executable')).toEqual(['a-public', 'a-shared', 'b-private', 'root-featured']);
    expect(await listed(callers.userC, 'executable')).toEqual(['a-public', 'c-private', 'root-featured']);
    expect(await listed(callers.da1, 'executable')).toEqual([
      'a-private',
      'a-public',
      'a-shared',
      'b-private',
      'root-featured',
    ]);
    expect(await listed(callers.root, 'executable')).toEqual([
      'a-private',
      'a-public',
      'a-shared',
      'b-private',
      'c-private',
      'root-featured',
      'root-private',
    ]);
  });

  it('all: every template for root admins; 431 for anyone else', async () => {
    expect((await listed(callers.root, 'all')).length).toBe(9);
    for (const c of [callers.da1, callers.userA, callers.userC]) {
      fails(
        await tc.call('listTemplates', { templatefilter: 'all' }, c),
        431,
        /Filter all can be specified by admin only/,
      );
    }
    fails(await tc.call('listTemplates', {}), 431);
    fails(await tc.call('listTemplates', { templatefilter: 'mine' }), 431);
  });

  it('filters by id, name, keyword, zone and hypervisor, and pages with count', async () => {
    expect(await listed(callers.root, 'all', { keyword: 'PRIVATE' })).toEqual([
      'a-private',
      'b-private',
      'c-private',
      'root-private',
    ]);
    expect(await listed(callers.root, 'all', { name: 'A-Public' })).toEqual(['a-public']);
    expect(await listed(callers.root, 'all', { zoneid: w.zone2.uuid })).toEqual([]);
    expect(await listed(callers.root, 'all', { hypervisor: 'KVM' })).toEqual([]);
    const page = ok(await tc.call('listTemplates', { templatefilter: 'all', page: '2', pagesize: '4' }));
    expect(page.template).toHaveLength(4);
    expect(page.count).toBe(9);
    // Another account's private template is not found by id either.
    const b = ok(await tc.call('listTemplates', { templatefilter: 'self' }, w.userB)).template[0];
    expect(await listed(callers.userC, 'executable', { id: b.id })).toEqual([]);
  });

  it('listIsos applies the same filters to ISOs', async () => {
    ok(
      await tc.call(
        'registerIso',
        { name: 'iso-public', url: 'http://203.0.113.10/a.iso', zoneid: w.zone.uuid, ispublic: 'true' },
        w.userA,
      ),
    );
    ok(
      await tc.call(
        'registerIso',
        { name: 'iso-private', url: 'http://203.0.113.10/b.iso', zoneid: w.zone.uuid },
        w.userA,
      ),
    );
    await finishDownloads(tc);
    const isos = async (caller: Caller, filter?: string) =>
      names(ok(await tc.call('listIsos', filter ? { isofilter: filter } : {}, caller)).iso).sort();
    expect(await isos(w.userA)).toEqual(['iso-private', 'iso-public']);
    expect(await isos(w.userC, 'executable')).toEqual(['iso-public']);
    expect(await isos(w.userC, 'community')).toEqual(['iso-public']);
    expect(await isos(w.userC)).toEqual([]);
    fails(await tc.call('listIsos', { isofilter: 'all' }, w.userC), 431);
    expect(await isos(tc.admin, 'all')).toEqual(['iso-private', 'iso-public']);
  });
});
