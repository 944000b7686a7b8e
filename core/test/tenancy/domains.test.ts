import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import {
  callerOf,
  createAccount,
  createDomain,
  eventsOfType,
  fails,
  ok,
  rootDomainUuid,
  runAsync,
  sessionCount,
  tenancySnapshot,
} from './fixtures';

describe.each(dialects())('domains (%s)', (dialect) => {
  let tc: TestCore;
  let rootId: string;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    rootId = await rootDomainUuid(tc);
  });
  afterAll(async () => tc?.close());

  it('creates a domain under ROOT with CloudStack response fields and a DOMAIN.CREATE event', async () => {
    const d = await createDomain(tc, 'Sales');
    expect(d).toMatchObject({
      name: 'Sales',
      level: 1,
      parentdomainid: rootId,
      parentdomainname: 'ROOT',
      haschild: false,
      path: 'ROOT/Sales',
      state: 'Active',
    });
    expect(d.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(d.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/);
    expect(await eventsOfType(tc, 'DOMAIN.CREATE', d.id)).toBe(1);

    const child = await createDomain(tc, 'EMEA', d.id);
    expect(child).toMatchObject({ level: 2, path: 'ROOT/Sales/EMEA', parentdomainname: 'Sales' });
    const list = ok(await tc.call('listDomains', { id: d.id }));
    expect(list.domain[0].haschild).toBe(true);
  });

  it('refuses a sibling with the same name in any case, and bad names, writing nothing', async () => {
    const parent = await createDomain(tc, 'Uniq');
    await createDomain(tc, 'Alpha', parent.id);
    const before = await tenancySnapshot(tc);
    fails(await tc.call('createDomain', { name: 'ALPHA', parentdomainid: parent.id }), 431, /already exists/);
    fails(await tc.call('createDomain', { name: 'a/b', parentdomainid: parent.id }), 431, /"\/"/);
    fails(await tc.call('createDomain', { name: '   ', parentdomainid: parent.id }), 431);
    fails(await tc.call('createDomain', { name: 'x'.repeat(256) }), 431);
    fails(await tc.call('createDomain', { name: 'Net', networkdomain: '-bad-.example' }), 431, /network domain/i);
    fails(
      await tc.call('createDomain', { name: 'Orphan', parentdomainid: '00000000-0000-4000-8000-000000000000' }),
      431,
      /Unable to find domain/,
    );
    expect(await tenancySnapshot(tc)).toBe(before);
    // The same name under another parent is fine.
    await createDomain(tc, 'Alpha');
  });

  it('creates exactly one of several concurrent siblings with the same name', async () => {
    const parent = await createDomain(tc, 'Race');
    const attempts = await Promise.all(
      ['Twin', 'twin', 'TWIN', 'Twin'].map((name) => tc.call('createDomain', { name, parentdomainid: parent.id })),
    );
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of attempts) if (r.status !== 200) fails(r, 431, /already exists/);
    const children = ok(await tc.call('listDomains', { id: parent.id }));
    expect(children.domain[0].haschild).toBe(true);
  });

  it('lists all domains for the root admin, with filters and pagination', async () => {
    const all = ok(await tc.call('listDomains', {}));
    expect(all.count).toBe(all.domain.length);
    expect(all.domain.map((d: any) => d.path)).toContain('ROOT');
    const byName = ok(await tc.call('listDomains', { name: 'sales' }));
    expect(byName.domain.map((d: any) => d.path)).toEqual(['ROOT/Sales']);
    const byLevel = ok(await tc.call('listDomains', { level: '2' }));
    expect(byLevel.domain.every((d: any) => d.level === 2)).toBe(true);
    const keyword = ok(await tc.call('listDomains', { keyword: 'mea' }));
    expect(keyword.domain.map((d: any) => d.name)).toEqual(['EMEA']);
    const page = ok(await tc.call('listDomains', { page: '2', pagesize: '2' }));
    expect(page.count).toBe(all.count);
    expect(page.domain.map((d: any) => d.id)).toEqual(all.domain.slice(2, 4).map((d: any) => d.id));
    // A keyword with LIKE wildcards matches them literally.
    expect(ok(await tc.call('listDomains', { keyword: '%' }))).toEqual({});
  });

  it('scopes listDomains: a domain admin sees its domain (subtree with listall), a user its own domain', async () => {
    const d1 = await createDomain(tc, 'Scope1');
    const c1 = await createDomain(tc, 'Child', d1.id);
    const d2 = await createDomain(tc, 'Scope2');
    const da = await callerOf(
      tc,
      (await createAccount(tc, { username: 'scope-da', domainid: d1.id, accounttype: 2 })).user[0].id,
    );
    const user = await callerOf(tc, (await createAccount(tc, { username: 'scope-user', domainid: d1.id })).user[0].id);

    expect(ok(await tc.call('listDomains', {}, da)).domain.map((d: any) => d.id)).toEqual([d1.id]);
    expect(ok(await tc.call('listDomains', { listall: 'true' }, da)).domain.map((d: any) => d.id)).toEqual([
      d1.id,
      c1.id,
    ]);
    expect(ok(await tc.call('listDomains', { id: c1.id }, da)).domain[0].id).toBe(c1.id);
    fails(await tc.call('listDomains', { id: d2.id }, da), 531);
    fails(await tc.call('listDomains', { id: rootId }, da), 531);

    expect(ok(await tc.call('listDomains', { listall: 'true' }, user)).domain.map((d: any) => d.id)).toEqual([d1.id]);
    fails(await tc.call('listDomains', { id: c1.id }, user), 531);
  });

  it('renames a domain and rewrites the paths below it; ROOT keeps its name', async () => {
    const top = await createDomain(tc, 'Old');
    const mid = await createDomain(tc, 'Mid', top.id);
    const leaf = await createDomain(tc, 'Leaf', mid.id);
    const updated = ok(
      await tc.call('updateDomain', { id: top.id, name: 'New', networkdomain: 'new.example.com' }),
    ).domain;
    expect(updated).toMatchObject({ name: 'New', path: 'ROOT/New', networkdomain: 'new.example.com' });
    const leafNow = ok(await tc.call('listDomains', { id: leaf.id })).domain[0];
    expect(leafNow.path).toBe('ROOT/New/Mid/Leaf');
    expect(await eventsOfType(tc, 'DOMAIN.UPDATE', top.id)).toBe(1);

    await createDomain(tc, 'Taken');
    const before = await tenancySnapshot(tc);
    fails(await tc.call('updateDomain', { id: top.id, name: 'TAKEN' }), 431, /already exists/);
    fails(await tc.call('updateDomain', { id: rootId, name: 'Groot' }), 431, /ROOT/);
    expect(await tenancySnapshot(tc)).toBe(before);
    // ROOT's network domain may change.
    ok(await tc.call('updateDomain', { id: rootId, networkdomain: 'cloud.internal' }));
  });

  it('deleteDomain refuses ROOT and non-empty domains without cleanup, synchronously', async () => {
    fails(await tc.call('deleteDomain', { id: rootId }), 531, /ROOT/);
    const parent = await createDomain(tc, 'Busy');
    await createDomain(tc, 'Sub', parent.id);
    const before = await tenancySnapshot(tc);
    fails(await tc.call('deleteDomain', { id: parent.id }), 536, /subdomain/);
    const withAccount = await createDomain(tc, 'HasAccount');
    await createAccount(tc, { username: 'occupant', domainid: withAccount.id });
    fails(await tc.call('deleteDomain', { id: withAccount.id }), 536, /account/);
    expect(await tenancySnapshot(tc).then((s) => JSON.parse(s).domains.length)).toBe(
      JSON.parse(before).domains.length + 1,
    );
  });

  it('deletes an empty domain as a job; the name is free again; a second delete is not found', async () => {
    const d = await createDomain(tc, 'Empty');
    const job = await runAsync(tc, 'deleteDomain', { id: d.id });
    expect(job).toMatchObject({ jobstatus: 1, jobinstancetype: 'Domain', jobinstanceid: d.id });
    expect(job.jobresult).toMatchObject({ success: true });
    expect(ok(await tc.call('listDomains', { name: 'Empty' }))).toEqual({});
    expect(await eventsOfType(tc, 'DOMAIN.DELETE', d.id)).toBe(1);
    fails(await tc.call('deleteDomain', { id: d.id }), 431, /Unable to find domain/);
    await createDomain(tc, 'Empty');
  });

  it('deletes a domain tree with cleanup: subdomains, accounts and users are removed and sessions end', async () => {
    const top = await createDomain(tc, 'Doomed');
    const sub = await createDomain(tc, 'DoomedSub', top.id);
    const a1 = await createAccount(tc, { username: 'doomed1', domainid: top.id });
    const a2 = await createAccount(tc, { username: 'doomed2', domainid: sub.id, accounttype: 2 });
    await tc.core.auth.login('doomed2', 'doomed2-Passw0rd', { domainId: sub.id });
    expect(await sessionCount(tc, a2.user[0].id)).toBe(1);

    const job = await runAsync(tc, 'deleteDomain', { id: top.id, cleanup: 'true' });
    expect(job.jobstatus).toBe(1);
    const db = tc.core.store.db;
    const domains = await db
      .selectFrom('domains')
      .select(['removed', 'state'])
      .where('uuid', 'in', [top.id, sub.id])
      .execute();
    expect(domains.every((d) => d.removed !== null)).toBe(true);
    const accounts = await db.selectFrom('accounts').select('removed').where('uuid', 'in', [a1.id, a2.id]).execute();
    expect(accounts.every((a) => a.removed !== null)).toBe(true);
    const users = await db
      .selectFrom('users')
      .select('removed')
      .where('uuid', 'in', [a1.user[0].id, a2.user[0].id])
      .execute();
    expect(users.every((u) => u.removed !== null)).toBe(true);
    expect(await sessionCount(tc, a2.user[0].id)).toBe(0);
    expect(await eventsOfType(tc, 'ACCOUNT.DELETE', a1.id)).toBe(1);
    expect(await eventsOfType(tc, 'ACCOUNT.DELETE', a2.id)).toBe(1);
  });

  it('a domain admin manages its subtree but not its own domain deletion, ROOT or siblings', async () => {
    const d1 = await createDomain(tc, 'DaHome');
    const d2 = await createDomain(tc, 'DaSibling');
    const da = await callerOf(
      tc,
      (await createAccount(tc, { username: 'home-da', domainid: d1.id, accounttype: 2 })).user[0].id,
    );

    const child = await createDomain(tc, 'DaChild', undefined, da);
    expect(child.parentdomainid).toBe(d1.id);
    const before = await tenancySnapshot(tc);
    fails(await tc.call('createDomain', { name: 'Evil', parentdomainid: rootId }, da), 531);
    fails(await tc.call('createDomain', { name: 'Evil', parentdomainid: d2.id }, da), 531);
    fails(await tc.call('updateDomain', { id: d2.id, name: 'Mine' }, da), 531);
    fails(await tc.call('deleteDomain', { id: d1.id }, da), 531, /own domain/);
    fails(await tc.call('deleteDomain', { id: d2.id }, da), 531);
    expect(await tenancySnapshot(tc)).toBe(before);
    const job = await runAsync(tc, 'deleteDomain', { id: child.id }, da);
    expect(job.jobstatus).toBe(1);
  });
});
