/**
 * The import journal in-process, on both databases: an import stopped at a real step (the
 * Simulator refuses the nth host), then continued by importing the same description again or by
 * resumeDataCenterImport, or undone by rollbackDataCenterImport. A step whose effect exists
 * without its journal entry (the window a crash can leave) is recognized, not repeated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAdvancedConfigText } from '../fixtures/marvin/generate';
import { dialects, startTestCore, type TestCore } from '../harness';

const SHAPE = { clusters: 3, hostsPerCluster: 3, poolsPerCluster: 1 };

/** A small Advanced zone of its own (image store URLs are unique across zones). */
function description(zoneName: string): string {
  return generateAdvancedConfigText({ ...SHAPE, zoneName }).replace(
    '/export/home/sandbox/secondary',
    `/export/${zoneName}/secondary`,
  );
}

async function job(tc: TestCore, command: string, params: Record<string, string>) {
  const submitted = await tc.call(command, params);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  return tc.waitForJob(submitted.data.jobid as string);
}

async function count(tc: TestCore, command: string, params: Record<string, string> = {}) {
  const r = await tc.call(command, { ...params, pagesize: '-1' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.data.count as number | undefined) ?? 0;
}

async function totals(tc: TestCore) {
  return {
    zones: await count(tc, 'listZones'),
    pods: await count(tc, 'listPods'),
    clusters: await count(tc, 'listClusters'),
    hosts: await count(tc, 'listHosts', { type: 'Routing' }),
    pools: await count(tc, 'listStoragePools'),
    imagestores: await count(tc, 'listImageStores'),
    ranges: await count(tc, 'listVlanIpRanges'),
    networks: await count(tc, 'listPhysicalNetworks'),
  };
}

async function imports(tc: TestCore, params: Record<string, string> = {}) {
  const r = await tc.call('listDataCenterImports', params);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return (r.data.datacenterimport ?? []) as Record<string, any>[];
}

/** Makes the Simulator refuse the nth host it is asked to connect (once): addHost fails there. */
async function failNthHost(tc: TestCore, nth: number) {
  const r = await tc.call('configureSimulator', {
    name: 'ReadyCommand',
    value: 'result:fail',
    nth: String(nth),
    count: '1',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

async function addHostByHand(tc: TestCore, zoneid: string, clusterName: string, url: string) {
  const cluster = (await tc.call('listClusters', { zoneid, name: clusterName })).data.cluster[0];
  const r = await tc.call('addHost', {
    zoneid,
    podid: cluster.podid,
    clusterid: cluster.id,
    hypervisor: 'Simulator',
    url,
    username: 'root',
    password: 'password',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

describe.each(dialects())('datacenter import journal (%s)', (dialect) => {
  let tc: TestCore;
  beforeAll(async () => {
    tc = await startTestCore(dialect);
  });
  afterAll(async () => {
    await tc?.close();
  });

  it('importing the same description again continues a stopped import without duplicates', async () => {
    const before = await totals(tc);
    const text = description('journal-again');
    await failNthHost(tc, 5);
    const failed = await job(tc, 'importDataCenter', { config: text });
    expect(failed.jobstatus).toBe(2);
    expect(failed.jobresult.errortext).toMatch(
      /Datacenter import failed at step \d+ of \d+: Add host http:\/\/sim\/c2\/h2/,
    );

    const [stopped] = await imports(tc, { state: 'Failed' });
    expect(stopped).toMatchObject({ state: 'Failed', zones: [{ name: 'journal-again' }], jobid: failed.jobid });
    expect(stopped?.createdcounts).toMatchObject({ zones: 1, clusters: 2, hosts: 4 });
    expect(stopped?.donesteps).toBeLessThan(stopped?.totalsteps);

    const again = await job(tc, 'importDataCenter', { config: text });
    expect(again.jobstatus, JSON.stringify(again.jobresult)).toBe(1);
    const result = again.jobresult.datacenterimport;
    expect(result).toMatchObject({ importid: stopped?.id, resumed: true });
    expect(result.created).toMatchObject({ zones: 1, pods: 1, clusters: 3, hosts: 9, storagepools: 3, imagestores: 1 });
    expect(result.calls).toBe(stopped!.totalsteps - stopped!.donesteps);

    const after = await totals(tc);
    expect(after).toEqual({
      zones: before.zones + 1,
      pods: before.pods + 1,
      clusters: before.clusters + 3,
      hosts: before.hosts + 9,
      pools: before.pools + 3,
      imagestores: before.imagestores + 1,
      ranges: before.ranges + 1,
      networks: before.networks + 1,
    });
    const [done] = await imports(tc, { id: stopped!.id });
    expect(done).toMatchObject({ state: 'Completed', donesteps: stopped!.totalsteps, jobid: again.jobid });
    expect(done?.zones[0].id).toBe(result.zones[0].id);

    // A completed import is not continued: the same description again fails at its first step.
    const third = await job(tc, 'importDataCenter', { config: text });
    expect(third.jobstatus).toBe(2);
    expect(await totals(tc)).toEqual(after);
  });

  it('resume recognizes a step that took effect without being recorded', async () => {
    const text = description('journal-resume');
    await failNthHost(tc, 2);
    const failed = await job(tc, 'importDataCenter', { config: text });
    expect(failed.jobstatus).toBe(2);
    const [stopped] = await imports(tc, { state: 'Failed' });
    const zoneid = stopped?.zones[0].id as string;
    // What a crash right after the step's command committed leaves: the host, no journal entry.
    await addHostByHand(tc, zoneid, 'cluster1', 'http://sim/c1/h2');

    const resumed = await job(tc, 'resumeDataCenterImport', { id: stopped!.id });
    expect(resumed.jobstatus, JSON.stringify(resumed.jobresult)).toBe(1);
    expect(resumed.jobresult.datacenterimport.created).toMatchObject({ clusters: 3, hosts: 9, storagepools: 3 });
    expect(resumed.jobresult.datacenterimport.calls).toBe(stopped!.totalsteps - stopped!.donesteps - 1);
    expect(await count(tc, 'listHosts', { zoneid, type: 'Routing' })).toBe(9);

    const again = await tc.call('resumeDataCenterImport', { id: stopped!.id });
    expect(again.status).toBe(431);
    expect(again.data.errortext).toMatch(/is Completed: only an Interrupted or Failed import/);
  });

  it('rollback removes what a stopped import created, innermost first, and keeps settings', async () => {
    const before = await totals(tc);
    const text = description('journal-undo');
    await failNthHost(tc, 8);
    expect((await job(tc, 'importDataCenter', { config: text })).jobstatus).toBe(2);
    const [stopped] = await imports(tc, { state: 'Failed' });
    expect(stopped?.createdcounts).toMatchObject({ configurations: 5, zones: 1, clusters: 3, hosts: 7 });
    const mid = await totals(tc);
    expect(mid.hosts).toBe(before.hosts + 7);
    // The failed step's host, added as a crash could leave it (no journal entry): removed too.
    await addHostByHand(tc, stopped?.zones[0].id as string, 'cluster3', 'http://sim/c3/h2');

    const undone = await job(tc, 'rollbackDataCenterImport', { id: stopped!.id });
    expect(undone.jobstatus, JSON.stringify(undone.jobresult)).toBe(1);
    const result = undone.jobresult.datacenterimportrollback;
    expect(result).toMatchObject({ id: stopped!.id, state: 'RolledBack', settingskept: 5 });
    expect(result.removed).toMatchObject({
      zones: 1,
      physicalnetworks: 1,
      pods: 1,
      vlanipranges: 1,
      clusters: 3,
      hosts: 8,
      storagepools: 2,
    });
    expect(result.displaytext).toMatch(/The 5 global settings the import changed keep their new values/);
    expect(await totals(tc)).toEqual(before);
    expect((await imports(tc, { id: stopped!.id }))[0]?.state).toBe('RolledBack');

    // Removed once; neither resumed nor removed again, and nothing changes.
    expect((await tc.call('rollbackDataCenterImport', { id: stopped!.id })).status).toBe(431);
    expect((await tc.call('resumeDataCenterImport', { id: stopped!.id })).status).toBe(431);
    expect(await totals(tc)).toEqual(before);
  });

  it('a removal that stops continues with what is left, and the import is no longer resumed', async () => {
    const before = await totals(tc);
    const text = description('journal-partial');
    await failNthHost(tc, 5);
    expect((await job(tc, 'importDataCenter', { config: text })).jobstatus).toBe(2);
    const [stopped] = await imports(tc, { state: 'Failed' });
    const zoneid = stopped?.zones[0].id as string;
    // A host the import did not create keeps its cluster from being deleted.
    await addHostByHand(tc, zoneid, 'cluster1', 'http://sim/not-imported/h1');

    const blocked = await job(tc, 'rollbackDataCenterImport', { id: stopped!.id });
    expect(blocked.jobstatus).toBe(2);
    expect(blocked.jobresult.errortext).toMatch(/cluster1 cannot be deleted: it still has hosts/);
    const [partly] = await imports(tc, { id: stopped!.id });
    expect(partly).toMatchObject({ state: 'Failed', removalstarted: true });
    expect(await count(tc, 'listHosts', { zoneid, type: 'Routing' })).toBe(1);

    const resume = await tc.call('resumeDataCenterImport', { id: stopped!.id });
    expect(resume.status).toBe(431);
    expect(resume.data.errortext).toMatch(/Removing what the datacenter import .* created has started/);

    const extra = (await tc.call('listHosts', { zoneid, type: 'Routing' })).data.host[0];
    const deleted = await tc.call('deleteHost', { id: extra.id, forced: 'true' });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    const rest = await job(tc, 'rollbackDataCenterImport', { id: stopped!.id });
    expect(rest.jobstatus, JSON.stringify(rest.jobresult)).toBe(1);
    // The first removal deleted the hosts and cluster2 (newest first) before cluster1 refused.
    expect(rest.jobresult.datacenterimportrollback.removed).toMatchObject({ hosts: 0, clusters: 1, pods: 1, zones: 1 });
    expect(await totals(tc)).toEqual(before);
  });

  it('refuses an unknown import and non-admin callers', async () => {
    const unknown = await tc.call('resumeDataCenterImport', { id: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(431);
    expect(unknown.data.errortext).toMatch(/Unable to find a datacenter import/);
    expect((await tc.call('rollbackDataCenterImport', { id: 'not-a-uuid' })).status).toBe(431);
    const user = await tc.call('createAccount', {
      username: 'journal-user',
      password: 'Us3r-password!',
      email: 'u@example.com',
      firstname: 'U',
      lastname: 'Ser',
      accounttype: '0',
    });
    expect(user.status, JSON.stringify(user.body)).toBe(200);
    const caller = await tc.callerFor('journal-user');
    expect((await tc.call('listDataCenterImports', {}, caller)).status).not.toBe(200);
  });
});
