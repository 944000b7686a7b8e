import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/services/caller';
import { dialects, startTestCore, type TestCore } from '../harness';
import { ok as succeeded } from '../tenancy/fixtures';

const OWNER_LOST = /^The job was stopped because its owner lost access: (.+)\. Nothing more was changed\.$/;

describe.each(dialects())('jobs re-check their owner (%s)', (dialect) => {
  let tc: TestCore;
  let opsDomainId: string;
  let ops: Caller;

  const ok = async (command: string, params: Record<string, string>, caller?: Caller) =>
    succeeded(await tc.call(command, params, caller));

  async function createAccount(username: string, domainid: string, accounttype: string) {
    const data = await ok('createAccount', {
      username,
      password: 'Passw0rd-x',
      firstname: username,
      lastname: 'Test',
      email: `${username}@example.com`,
      accounttype,
      domainid,
    });
    return data.account as { id: string; name: string; user: { id: string }[] };
  }

  async function accountExists(id: string): Promise<boolean> {
    const r = await tc.call('listAccounts', { id, listall: 'true' });
    if (r.status === 431) return false;
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return (r.data.account ?? []).length === 1;
  }

  beforeEach(async () => {
    // Jobs are queued first and run when the test starts the runner.
    tc = await startTestCore(dialect, { runJobs: false });
    opsDomainId = ((await ok('createDomain', { name: 'Ops' })).domain as { id: string }).id;
    await createAccount('ops', opsDomainId, '2');
    ops = await tc.callerFor('ops');
  });

  afterEach(async () => {
    await tc.core.jobs.stop();
    await tc.close();
  });

  const lostAccess: [string, (opsUserId: string, opsAccount: string) => Promise<void>, RegExp][] = [
    ['user locked', (userId) => ok('lockUser', { id: userId }).then(() => undefined), /^user ops is locked$/],
    [
      'account locked',
      (_u, account) => ok('lockAccount', { account, domainid: opsDomainId }).then(() => undefined),
      /^account ops of user ops is locked$/,
    ],
    [
      'user disabled',
      // disableUser is itself a job; the state it leaves is what matters here.
      async (userId) => {
        await tc.core.store.db.updateTable('users').set({ state: 'disabled' }).where('uuid', '=', userId).execute();
      },
      /^user ops is disabled$/,
    ],
    [
      'user deleted',
      async (userId) => {
        await ok('createUser', {
          account: 'ops',
          domainid: opsDomainId,
          username: 'ops2',
          password: 'Passw0rd-x',
          firstname: 'O',
          lastname: 'Two',
          email: 'ops2@example.com',
        });
        await ok('deleteUser', { id: userId });
      },
      /^the user who queued it has been deleted$/,
    ],
  ];

  it.each(lostAccess)('fails a queued job with 531 when its owner is then %s', async (_case, revoke, reason) => {
    const victim = await createAccount('victim', opsDomainId, '0');
    const queued = await ok('deleteAccount', { id: victim.id }, ops);
    await revoke(ops.userUuid, 'ops');

    await tc.core.jobs.start();
    const done = await tc.waitForJob(queued.jobid as string);
    expect(done).toMatchObject({ jobstatus: 2, jobresultcode: 531, jobresult: { errorcode: 531 } });
    const text = (done.jobresult as { errortext: string }).errortext;
    expect(text).toMatch(OWNER_LOST);
    expect(OWNER_LOST.exec(text)?.[1]).toMatch(reason);
    expect(await accountExists(victim.id)).toBe(true);
  });

  it('stops a multi-step job at the next step when its owner is locked mid-way', async () => {
    const team = ((await ok('createDomain', { name: 'Team', parentdomainid: opsDomainId })).domain as { id: string })
      .id;
    const members = [];
    for (const name of ['m1', 'm2', 'm3']) members.push(await createAccount(name, team, '0'));
    const queued = await ok('deleteDomain', { id: team, cleanup: 'true' }, ops);

    // The first step (one account deleted) is where the owner loses access.
    const steps: number[] = [];
    tc.core.jobs.onStep(async (step) => {
      if (step.jobId !== queued.jobid) return;
      steps.push(step.percent);
      if (steps.length === 1) await ok('lockUser', { id: ops.userUuid });
    });
    await tc.core.jobs.start();
    const done = await tc.waitForJob(queued.jobid as string);
    expect(done).toMatchObject({ jobstatus: 2, jobresultcode: 531 });
    expect((done.jobresult as { errortext: string }).errortext).toBe(
      'The job was stopped because its owner lost access: user ops is locked. Nothing more was changed.',
    );
    expect(steps).toHaveLength(1);
    const left = [];
    for (const m of members) if (await accountExists(m.id)) left.push(m.name);
    expect(left).toHaveLength(2);
    const domain = await ok('listDomains', { id: team });
    expect(domain.domain).toMatchObject([{ id: team, state: 'Active' }]);
  });

  it('runs the job normally while its owner keeps access', async () => {
    const victim = await createAccount('victim', opsDomainId, '0');
    const queued = await ok('deleteAccount', { id: victim.id }, ops);
    await tc.core.jobs.start();
    const done = await tc.waitForJob(queued.jobid as string);
    expect(done).toMatchObject({ jobstatus: 1, jobresultcode: 0 });
    expect(await accountExists(victim.id)).toBe(false);
  });
});
