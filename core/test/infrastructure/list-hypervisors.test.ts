import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestCore, type TestCore } from '../harness';
import { seedCluster, seedPod, seedZone } from './seed';

describe.each(dialects())('listHypervisors (%s)', (dialect) => {
  let tc: TestCore;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
  });

  afterAll(async () => {
    await tc.close();
  });

  async function names(params: Record<string, string>, caller = tc.admin) {
    const r = await tc.call('listHypervisors', params, caller);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return {
      count: r.data.count as number | undefined,
      names: ((r.data.hypervisor ?? []) as { name: string }[]).map((h) => h.name),
    };
  }

  it('lists the hypervisors this build runs, to every role', async () => {
    expect(await names({})).toEqual({ count: 1, names: ['Simulator'] });
    await tc.call('createAccount', {
      username: 'plain',
      password: 'Passw0rd-x',
      firstname: 'P',
      lastname: 'U',
      email: 'p@example.com',
      accounttype: '0',
    });
    expect(await names({}, await tc.callerFor('plain'))).toEqual({ count: 1, names: ['Simulator'] });
  });

  it("lists a zone's hypervisors from its clusters, once each", async () => {
    const db = tc.core.store.db;
    const zone = await seedZone(db);
    const empty = await seedZone(db);
    const pod = await seedPod(db, zone.id);
    await seedCluster(db, pod, { hypervisor: 'Simulator' });
    await seedCluster(db, pod, { hypervisor: 'Simulator' });
    await seedCluster(db, pod, { hypervisor: 'KVM' });
    const gone = await seedCluster(db, pod, { hypervisor: 'Removed' });
    await db.updateTable('clusters').set({ removed: gone.created }).where('id', '=', gone.id).execute();

    expect(await names({ zoneid: zone.uuid })).toEqual({ count: 2, names: ['KVM', 'Simulator'] });
    expect(await names({ zoneid: empty.uuid })).toEqual({ count: undefined, names: [] });
  });

  it('names an unknown zone', async () => {
    const id = '0b7c1c1e-0000-4000-8000-000000000000';
    const r = await tc.call('listHypervisors', { zoneid: id });
    expect(r.status).toBe(431);
    expect(r.data.errortext).toMatch(new RegExp(id));
    const bad = await tc.call('listHypervisors', { zoneid: 'nope' });
    expect(bad.status).toBe(431);
  });
});
