import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDSTACK_API_VERSION, STACKYARD_VERSION } from '../../src/api/version';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, ok } from '../tenancy/fixtures';

describe.each(dialects())('tenancy and discovery responses (%s)', (dialect) => {
  let tc: TestCore;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
  });
  afterAll(async () => tc?.close());

  it('listCapabilities answers every capability with its type, to any caller', async () => {
    const expected = {
      cloudstackversion: CLOUDSTACK_API_VERSION,
      stackyardversion: STACKYARD_VERSION,
      dynamicrolesenabled: true,
      securitygroupsenabled: false,
      userpublictemplateenabled: true,
      projectinviterequired: false,
      allowusercreateprojects: false,
      allowuserviewdestroyedvm: false,
      allowuserexpungerecovervm: false,
      kvmsnapshotenabled: true,
      apilimitinterval: 1,
      apilimitmax: 0,
      defaultuipagesize: 20,
    };
    expect(ok(await tc.call('listCapabilities', {})).capability).toEqual(expected);
    const account = await createAccount(tc, { username: 'caps-user' });
    const user = await callerOf(tc, account.user[0].id);
    expect(ok(await tc.call('listCapabilities', {}, user)).capability).toEqual(expected);
  });

  it('listApis describes nested response entities with their own fields', async () => {
    const api = ok(await tc.call('listApis', { name: 'listAccounts' })).api[0];
    expect(api).toMatchObject({ name: 'listAccounts', isasync: false, responsename: 'account' });
    const user = api.response.find((f: any) => f.name === 'user');
    expect(user).toMatchObject({ type: 'list', description: 'the list of users associated with account' });
    expect(user.response.map((f: any) => f.name)).toEqual(expect.arrayContaining(['id', 'username', 'domainpath']));
    const capabilities = ok(await tc.call('listApis', { name: 'listCapabilities' })).api[0];
    expect(capabilities.response.find((f: any) => f.name === 'defaultuipagesize')).toMatchObject({ type: 'long' });
  });

  it('user responses keep every field they had on the wire', async () => {
    const account = await createAccount(tc, { username: 'wire-user' });
    const listed = ok(await tc.call('listUsers', { id: account.user[0].id })).user[0];
    expect(listed).toMatchObject({ username: 'wire-user', domainpath: 'ROOT', usersource: 'native', isdefault: false });
    expect(account.user[0]).toMatchObject({ domainpath: 'ROOT', usersource: 'native' });
  });
});
