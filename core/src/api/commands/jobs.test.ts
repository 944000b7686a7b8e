import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDomain, addUser, type FixtureDomain } from '../../../test/auth-fixtures';
import { ADMIN_PASSWORD, dialects, freshDatabase, startTestCore, type TestCore } from '../../../test/harness';
import { createCore, type Core } from '../../core';
import type { Caller } from '../../services/caller';
import { INTERRUPTED_TEXT } from '../../services/jobs';

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/;

describe.each(dialects())('async job commands (%s)', (dialect) => {
  let tc: TestCore;
  let sales: FixtureDomain;
  type Name = 'admin' | 'sam' | 'una' | 'eve';
  const as = {} as Record<Name, Caller>;
  const jobOf = {} as Record<Name, string>;

  beforeAll(async () => {
    // The runner is off: jobs stay pending until a test starts it.
    tc = await startTestCore(dialect, { runJobs: false });
    sales = await addDomain(tc.core, 'Sales');
    const east = await addDomain(tc.core, 'East', sales);
    for (const [name, role, domain] of [
      ['sam', 'DomainAdmin', sales],
      ['una', 'User', sales],
      ['eve', 'User', east],
    ] as const) {
      const u = await addUser(tc.core, { username: name, role, domain });
      as[name] = (await tc.core.auth.callerForUser(u.userId, 'session')) as Caller;
    }
    as.admin = tc.admin;
    for (const name of ['admin', 'sam', 'una', 'eve'] as const) {
      const job = await tc.core.jobs.submit({
        command: `probe${name}`,
        params: {},
        caller: as[name],
        target: { instanceType: 'None' },
      });
      jobOf[name] = job.uuid;
    }
  });

  afterAll(async () => {
    await tc?.close();
  });

  it('lets the owner and admins above query a job, and nobody else', async () => {
    const query = (jobid: string, caller: Caller) => tc.call('queryAsyncJobResult', { jobid }, caller);
    expect((await query(jobOf.una, as.una)).data).toMatchObject({ cmd: 'probeuna', jobstatus: 0 });
    expect((await query(jobOf.eve, as.sam)).status).toBe(200);
    expect((await query(jobOf.eve, as.admin)).status).toBe(200);
    expect((await query(jobOf.eve, as.una)).status).toBe(531);
    expect((await query(jobOf.admin, as.sam)).status).toBe(531);
    const missing = await tc.call('queryAsyncJobResult', { jobid: crypto.randomUUID() });
    expect(missing.status).toBe(431);
    expect(missing.data.errortext).toMatch(/^Unable to find a job by id /);
  });

  it('lists jobs newest first with list visibility', async () => {
    const cmds = async (caller: Caller, params: Record<string, string> = {}) => {
      const r = await tc.call('listAsyncJobs', params, caller);
      expect(r.status).toBe(200);
      return {
        cmds: ((r.data.asyncjobs ?? []) as { cmd: string }[]).map((j) => j.cmd),
        count: r.data.count as number | undefined,
      };
    };
    expect((await cmds(as.una)).cmds).toEqual(['probeuna']);
    expect((await cmds(as.una, { listall: 'true' })).cmds).toEqual(['probeuna']);
    expect((await cmds(as.sam, { listall: 'true' })).cmds).toEqual(['probeeve', 'probeuna', 'probesam']);
    expect((await cmds(as.sam, { domainid: sales.uuid })).cmds).toEqual(['probeuna', 'probesam']);
    const all = await cmds(as.admin, { listall: 'true' });
    expect(all.cmds.slice(-4)).toEqual(['probeeve', 'probeuna', 'probesam', 'probeadmin']);
    expect((await cmds(as.admin, { listall: 'true', keyword: 'PROBEE' })).cmds).toEqual(['probeeve']);
    expect((await cmds(as.admin, { listall: 'true', startdate: '2999-01-01' })).cmds).toEqual([]);
    const page = await cmds(as.sam, { listall: 'true', page: '2', pagesize: '2' });
    expect(page).toEqual({ cmds: ['probesam'], count: 3 });
    const one = await tc.call('listAsyncJobs', { keyword: 'probeuna' }, as.una);
    expect(one.data.asyncjobs[0]).toMatchObject({
      accountid: as.una.accountUuid,
      userid: as.una.userUuid,
      jobstatus: 0,
      jobid: jobOf.una,
    });
  });

  it('deleteAccount answers a jobid, and queryAsyncJobResult goes from 0 to 1', async () => {
    const created = await tc.call('createAccount', {
      username: 'gone',
      password: 'Passw0rd-gone',
      firstname: 'G',
      lastname: 'One',
      email: 'gone@example.com',
      accounttype: '0',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const accountId = created.data.account.id as string;

    const r = await tc.call('deleteAccount', { id: accountId });
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ jobid: expect.any(String), id: accountId });
    const jobid = r.data.jobid as string;

    const pending = await tc.call('queryAsyncJobResult', { jobid });
    expect(pending.status).toBe(200);
    expect(pending.data).toEqual({
      accountid: tc.admin.accountUuid,
      account: 'admin',
      domainid: expect.any(String),
      domainpath: 'ROOT',
      userid: tc.admin.userUuid,
      cmd: 'deleteAccount',
      jobstatus: 0,
      jobprocstatus: 0,
      jobresultcode: 0,
      jobresulttype: 'object',
      created: expect.stringMatching(DATE),
      jobid,
      jobinstancetype: 'Account',
      jobinstanceid: accountId,
    });

    await tc.core.jobs.start();
    try {
      const done = await tc.waitForJob(jobid);
      expect(done).toMatchObject({
        jobstatus: 1,
        jobresultcode: 0,
        jobprocstatus: 100,
        jobresult: { success: true },
        completed: expect.stringMatching(DATE),
      });
      const after = await tc.call('listAccounts', { id: accountId, listall: 'true' });
      expect(after.data.account ?? []).toEqual([]);
    } finally {
      await tc.core.jobs.stop();
    }
  });
});

describe.each(dialects())('listAsyncJobs: whose jobs, by user and status (%s)', (dialect) => {
  let tc: TestCore;
  let sales: FixtureDomain;
  let east: FixtureDomain;
  type Name = 'admin' | 'sam' | 'una' | 'uli' | 'eve';
  const as = {} as Record<Name, Caller>;
  const jobOf = {} as Record<Name, string>;

  const list = async (caller: Caller, params: Record<string, string> = {}) => {
    const r = await tc.call('listAsyncJobs', params, caller);
    return { status: r.status, cmds: ((r.data.asyncjobs ?? []) as { cmd: string }[]).map((j) => j.cmd), data: r.data };
  };

  beforeAll(async () => {
    tc = await startTestCore(dialect, { runJobs: false });
    sales = await addDomain(tc.core, 'Sales');
    east = await addDomain(tc.core, 'East', sales);
    // una and uli share the account "una"; eve is a user one domain down.
    for (const [name, role, domain, accountName] of [
      ['sam', 'DomainAdmin', sales, 'sam'],
      ['una', 'User', sales, 'una'],
      ['uli', 'User', sales, 'una'],
      ['eve', 'User', east, 'eve'],
    ] as const) {
      const u = await addUser(tc.core, { username: name, role, domain, accountName });
      as[name] = (await tc.core.auth.callerForUser(u.userId, 'session')) as Caller;
    }
    as.admin = tc.admin;
    for (const name of ['admin', 'sam', 'una', 'uli', 'eve'] as const) {
      const job = await tc.core.jobs.submit({
        command: `probe${name}`,
        params: {},
        caller: as[name],
        target: { instanceType: 'None' },
      });
      jobOf[name] = job.uuid;
    }
    // uli's job has ended: the status filter tells it from the pending ones.
    await tc.core.store.db
      .updateTable('async_jobs')
      .set({ status: 1, progress: 100, result: '{"success":true}', completed: new Date().toISOString() })
      .where('uuid', '=', jobOf.uli)
      .execute();
  });

  afterAll(async () => {
    await tc?.close();
  });

  it("a user sees the own account's jobs and can narrow them to one user", async () => {
    expect((await list(as.una)).cmds).toEqual(['probeuli', 'probeuna']);
    expect((await list(as.una, { userid: as.una.userUuid })).cmds).toEqual(['probeuna']);
    expect((await list(as.uli, { userid: as.una.userUuid })).cmds).toEqual(['probeuna']);
  });

  it("never shows a user another account's jobs, whatever the filter", async () => {
    expect((await list(as.una, { userid: as.eve.userUuid })).cmds).toEqual([]);
    expect((await list(as.una, { userid: as.admin.userUuid, listall: 'true' })).cmds).toEqual([]);
    expect((await list(as.una, { account: 'eve', domainid: east.uuid })).status).toBe(531);
    expect((await list(as.eve, { domainid: sales.uuid })).status).toBe(531);
  });

  it("keeps a domain admin to the domain's subtree", async () => {
    expect((await list(as.sam, { listall: 'true' })).cmds).toEqual(['probeeve', 'probeuli', 'probeuna', 'probesam']);
    expect((await list(as.sam, { listall: 'true', userid: as.eve.userUuid })).cmds).toEqual(['probeeve']);
    expect((await list(as.sam, { listall: 'true', userid: as.admin.userUuid })).cmds).toEqual([]);
    const root = (await tc.call('listDomains', { name: 'ROOT' })).data.domain[0].id as string;
    expect((await list(as.sam, { account: 'admin', domainid: root })).status).toBe(531);
    expect((await list(as.sam, { domainid: root })).status).toBe(531);
    expect((await list(as.sam, { account: 'eve', domainid: east.uuid })).cmds).toEqual(['probeeve']);
  });

  it('lets a root admin see everyone, or one user, and filter by status', async () => {
    const everyone = await list(as.admin, { listall: 'true' });
    expect(everyone.cmds.slice(0, 5)).toEqual(['probeeve', 'probeuli', 'probeuna', 'probesam', 'probeadmin']);
    expect((await list(as.admin)).cmds).toEqual(['probeadmin']);
    expect((await list(as.admin, { listall: 'true', userid: as.uli.userUuid })).cmds).toEqual(['probeuli']);
    expect((await list(as.admin, { listall: 'true', jobstatus: '1' })).cmds).toEqual(['probeuli']);
    const pending = await list(as.admin, { listall: 'true', jobstatus: '0' });
    expect(pending.cmds).not.toContain('probeuli');
    expect(pending.cmds).toContain('probeuna');
    expect((await list(as.admin, { listall: 'true', jobstatus: '3' })).status).toBe(431);
  });

  it("names the job's account and domain as CloudStack does", async () => {
    const r = await list(as.sam, { listall: 'true', userid: as.eve.userUuid });
    expect(r.data.asyncjobs[0]).toMatchObject({
      jobid: jobOf.eve,
      accountid: as.eve.accountUuid,
      account: 'eve',
      domainid: east.uuid,
      domainpath: east.path,
      userid: as.eve.userUuid,
    });
  });

  it('pages newest first with the whole count, from a start date', async () => {
    const first = await tc.call('listAsyncJobs', { listall: 'true', page: '1', pagesize: '2' }, as.sam);
    expect(first.data.count).toBe(4);
    expect(first.data.asyncjobs.map((j: { cmd: string }) => j.cmd)).toEqual(['probeeve', 'probeuli']);
    const second = await tc.call('listAsyncJobs', { listall: 'true', page: '2', pagesize: '2' }, as.sam);
    expect(second.data.asyncjobs.map((j: { cmd: string }) => j.cmd)).toEqual(['probeuna', 'probesam']);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 19);
    expect((await list(as.sam, { listall: 'true', startdate: yesterday })).cmds).toHaveLength(4);
    expect((await list(as.sam, { listall: 'true', startdate: '2999-01-01' })).cmds).toEqual([]);
  });
});

describe.each(dialects())('job recovery across a core restart (%s)', (dialect) => {
  it('resumes a resumable job and fails the others with a clear errortext', async () => {
    const database = await freshDatabase(dialect);
    const options = {
      database: database.config,
      dataDir: database.dataDir,
      adminPassword: ADMIN_PASSWORD,
      secretKey: crypto.randomBytes(32),
    };
    let second: Core | undefined;
    try {
      const first = await createCore({ ...options, runJobs: false });
      const adminId = (
        await first.store.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()
      ).id;
      const admin = (await first.auth.callerForUser(adminId, 'session')) as Caller;
      const created = await first.api.execute(
        'createAccount',
        {
          username: 'doomed',
          password: 'Passw0rd-x',
          firstname: 'D',
          lastname: 'X',
          email: 'd@example.com',
          accounttype: '0',
        },
        admin,
      );
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const accountId = (created.body.createaccountresponse as any).account.id as string;

      const resumable = await first.jobs.submit({
        command: 'deleteAccount',
        params: { id: accountId },
        caller: admin,
        target: { instanceType: 'Account', instanceId: accountId },
      });
      // A command without `resumable` (here one that no longer exists) cannot simply run again.
      const other = await first.jobs.submit({
        command: 'retiredAsyncCommand',
        params: {},
        caller: admin,
        target: { instanceType: 'None' },
      });
      // Both were running on a server that died without a word.
      const dead = crypto.randomUUID();
      const then = new Date(Date.now() - 60_000).toISOString();
      await first.store.db
        .insertInto('management_servers')
        .values({ uuid: dead, name: 'crashed-host', state: 'Up', started: then, last_heartbeat: then })
        .execute();
      await first.store.db
        .updateTable('async_jobs')
        .set({ started: then, owner_server: dead, heartbeat: then, progress: 30 })
        .where('id', 'in', [resumable.id, other.id])
        .execute();
      await first.close();

      second = await createCore(options);
      const done = await second.jobs.waitFor(resumable.uuid, 10_000);
      expect(done.status).toBe(1);
      expect(JSON.parse(done.result ?? '{}')).toEqual({ success: true });
      const account = await second.store.db
        .selectFrom('accounts')
        .select('removed')
        .where('uuid', '=', accountId)
        .executeTakeFirstOrThrow();
      expect(account.removed).not.toBeNull();

      const failed = await second.api.execute('queryAsyncJobResult', { jobid: other.uuid }, admin);
      expect(failed.body.queryasyncjobresultresponse).toMatchObject({
        jobstatus: 2,
        jobresultcode: 530,
        jobresult: { errorcode: 530, errortext: INTERRUPTED_TEXT },
      });
    } finally {
      await second?.close();
      await database.drop();
    }
  });
});
