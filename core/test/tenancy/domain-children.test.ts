import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/services/caller';
import { dialects, startTestCore, type TestCore } from '../harness';
import { ok as succeeded } from './fixtures';

describe.each(dialects())('listDomainChildren (%s)', (dialect) => {
  let tc: TestCore;
  const ids: Record<string, string> = {};
  let domainAdmin: Caller;
  let user: Caller;

  const ok = async (command: string, params: Record<string, string>, caller?: Caller) =>
    succeeded(await tc.call(command, params, caller));

  async function children(params: Record<string, string> = {}, caller?: Caller) {
    const data = await ok('listDomainChildren', params, caller);
    return ((data.domain ?? []) as { name: string }[]).map((d) => d.name);
  }

  async function account(username: string, domainid: string, accounttype: string): Promise<Caller> {
    await ok('createAccount', {
      username,
      password: 'Passw0rd-x',
      firstname: username,
      lastname: 'Test',
      email: `${username}@example.com`,
      accounttype,
      domainid,
    });
    return tc.callerFor(username);
  }

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const make = async (name: string, parent?: string) => {
      const data = await ok('createDomain', parent ? { name, parentdomainid: ids[parent] as string } : { name });
      ids[name] = (data.domain as { id: string }).id;
    };
    await make('Alpha');
    await make('Beta');
    await make('A1', 'Alpha');
    await make('A2', 'Alpha');
    await make('A1x', 'A1');
    domainAdmin = await account('alpha-admin', ids.Alpha as string, '2');
    user = await account('alpha-user', ids.Alpha as string, '0');
  });

  afterAll(async () => {
    await tc.close();
  });

  it("lists the first level below the caller's domain or the given one, with CloudStack's fields", async () => {
    expect(await children()).toEqual(['Alpha', 'Beta']);
    const data = await ok('listDomainChildren', { id: ids.Alpha as string });
    expect(data.count).toBe(2);
    expect(data.domain).toEqual([
      expect.objectContaining({
        id: ids.A1,
        name: 'A1',
        level: 2,
        parentdomainid: ids.Alpha,
        parentdomainname: 'Alpha',
        haschild: true,
        path: 'ROOT/Alpha/A1',
        state: 'Active',
      }),
      expect.objectContaining({ id: ids.A2, name: 'A2', haschild: false }),
    ]);
  });

  it('lists the whole subtree with isrecursive, and the first level when listall is also set', async () => {
    expect(await children({ id: ids.Alpha as string, isrecursive: 'true' })).toEqual(['A1', 'A2', 'A1x']);
    expect(await children({ isrecursive: 'true' })).toEqual(['Alpha', 'Beta', 'A1', 'A2', 'A1x']);
    expect(await children({ id: ids.Alpha as string, isrecursive: 'true', listall: 'true' })).toEqual(['A1', 'A2']);
    expect(await children({ id: ids.A2 as string })).toEqual([]);
  });

  it('filters by a part of the name or a keyword and pages', async () => {
    expect(await children({ id: ids.Alpha as string, isrecursive: 'true', name: 'a1' })).toEqual(['A1', 'A1x']);
    expect(await children({ id: ids.Alpha as string, keyword: '2' })).toEqual(['A2']);
    const page = await ok('listDomainChildren', {
      id: ids.Alpha as string,
      isrecursive: 'true',
      page: '2',
      pagesize: '2',
    });
    expect(page.count).toBe(3);
    expect((page.domain as { name: string }[]).map((d) => d.name)).toEqual(['A1x']);
  });

  it("shows a domain admin only its subtree's children", async () => {
    expect(await children({}, domainAdmin)).toEqual(['A1', 'A2']);
    expect(await children({ isrecursive: 'true' }, domainAdmin)).toEqual(['A1', 'A2', 'A1x']);
    expect(await children({ id: ids.A1 as string }, domainAdmin)).toEqual(['A1x']);
    for (const other of [ids.Beta, tc.admin.domainUuid]) {
      const r = await tc.call('listDomainChildren', { id: other as string }, domainAdmin);
      expect(r.status).toBe(531);
      expect(r.data.errortext).toBe(
        `Caller alpha-admin does not have permission to operate within domain id=${other as string}`,
      );
    }
  });

  it('is not available to users, and names an unknown domain', async () => {
    const r = await tc.call('listDomainChildren', {}, user);
    expect(r.status).toBe(432);
    const missing = await tc.call('listDomainChildren', { id: '6e1b7b7e-0000-4000-8000-000000000000' });
    expect(missing.status).toBe(431);
    expect(missing.data.errortext).toBe('Unable to find domain by id 6e1b7b7e-0000-4000-8000-000000000000');
  });
});
