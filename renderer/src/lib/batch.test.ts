// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeClient } from '../test/fake-transport';
import { batchCounts, batchState, batchStorageKey, restoreBatches, runBatch, useBatchStore } from './batch';
import { useJobStore } from './jobs';

const KEY = batchStorageKey('http://127.0.0.1:8080', 'u-admin');

beforeEach(() => {
  localStorage.clear();
  useJobStore.setState({ jobs: [], clearedAt: 0 });
  useBatchStore.setState({ storageKey: null, batches: [] });
  useBatchStore.getState().load(KEY);
});

/** A server whose jobs end when the test says so; updateHost answers at once. */
function server() {
  const jobs = new Map<string, { jobstatus: number; jobresult?: unknown }>();
  let running = 0;
  let maxRunning = 0;
  let seq = 0;
  const fake = fakeClient({
    prepareHostForMaintenance: (p) => {
      const jobid = `job-${++seq}`;
      const failing = p['id'] === 'h-bad';
      jobs.set(
        jobid,
        failing ? { jobstatus: 2, jobresult: { errorcode: 530, errortext: 'Host h-bad has VMs' } } : { jobstatus: 0 },
      );
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      return { jobid, id: p['id'] };
    },
    queryAsyncJobResult: (p) => {
      const job = jobs.get(p['jobid'] ?? '');
      if (!job) return { status: 431, body: { errorresponse: { errorcode: 431, errortext: 'Unable to find a job' } } };
      // Each poll moves a pending job to its end, so the runner's slots free one by one.
      if (job.jobstatus === 0) {
        job.jobstatus = 1;
        job.jobresult = { success: true };
      }
      if (job.jobstatus !== 0 && !('counted' in job)) {
        Object.assign(job, { counted: true });
        running -= 1;
      }
      return { jobid: p['jobid'], jobstatus: job.jobstatus, jobresult: job.jobresult };
    },
    updateHost: (p) =>
      p['id'] === 'h-bad'
        ? { status: 431, body: { errorresponse: { errorcode: 431, cserrorcode: 9999, errortext: 'No host h-bad' } } }
        : { host: { id: p['id'] } },
  });
  return { ...fake, jobs, maxRunning: () => maxRunning };
}

describe('runBatch', () => {
  it('runs async items at most 4 at a time and ends as one entry with every result', async () => {
    const s = server();
    const ids = Array.from({ length: 12 }, (_, i) => (i === 5 ? 'h-bad' : `h-${i}`));
    const batch = await runBatch(s.client, {
      title: 'Prepare 12 hosts for maintenance',
      doneTitle: 'Prepared 12 hosts for maintenance',
      items: ids,
      label: (id) => `Maintenance: ${id}`,
      link: (id) => `#/hosts?id=${id}`,
      run: (id) => s.client.startAsync('prepareHostForMaintenance', { id }),
    });
    expect(s.transport.callsOf('prepareHostForMaintenance')).toHaveLength(12);
    expect(s.maxRunning()).toBeLessThanOrEqual(4);
    expect(s.maxRunning()).toBeGreaterThan(1);
    expect(batchCounts(batch)).toEqual({ total: 12, ok: 11, failed: 1, finished: 12 });
    expect(batchState(batch)).toBe('failed');
    expect(batch.finishedAt).toBeTypeOf('number');
    expect(batch.items[5]).toMatchObject({
      label: 'Maintenance: h-bad',
      state: 'failed',
      errortext: 'Host h-bad has VMs',
    });
    expect(batch.items.every((i) => i.jobid?.startsWith('job-'))).toBe(true);
    expect(useBatchStore.getState().batches).toHaveLength(1);
  });

  it('records synchronous calls, failures included, in the entry', async () => {
    const s = server();
    const batch = await runBatch(s.client, {
      title: 'Disable 3 hosts',
      doneTitle: 'Disabled 3 hosts',
      items: ['h-1', 'h-bad', 'h-3'],
      label: (id) => id,
      run: async (id) => {
        await s.client.call('updateHost', { id, allocationstate: 'Disable' });
        return { sync: true };
      },
    });
    expect(batch.items.map((i) => i.state)).toEqual(['done', 'failed', 'done']);
    expect(batch.items[1]?.errortext).toBe('No host h-bad');
    expect(batch.items.some((i) => i.jobid)).toBe(false);
  });

  it('keeps the grouping per server and user, and rebuilds states from the server after a reload', async () => {
    const s = server();
    await runBatch(s.client, {
      title: 'Prepare 3 hosts for maintenance',
      doneTitle: 'Prepared 3 hosts for maintenance',
      items: ['h-1', 'h-2', 'h-3'],
      label: (id) => id,
      run: (id) => s.client.startAsync('prepareHostForMaintenance', { id }),
    });
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]') as { title: string; items: { jobid: string }[] }[];
    expect(stored[0]?.title).toBe('Prepare 3 hosts for maintenance');
    expect(stored[0]?.items.map((i) => i.jobid)).toEqual(['job-1', 'job-2', 'job-3']);
    // Another user on the same server has nothing there.
    expect(localStorage.getItem(batchStorageKey('http://127.0.0.1:8080', 'u-other'))).toBeNull();

    // A reload: the stored copy says job-2 was still running; the server knows it failed since.
    const reloaded = stored.map((b) => ({
      ...b,
      items: b.items.map((i) => ({ ...i, state: 'running' })),
      finishedAt: undefined,
    }));
    localStorage.setItem(KEY, JSON.stringify(reloaded));
    s.jobs.set('job-2', { jobstatus: 2, jobresult: { errorcode: 530, errortext: 'Host went down' } });
    useJobStore.setState({ jobs: [], clearedAt: 0 });
    useBatchStore.setState({ storageKey: null, batches: [] });
    const before = s.transport.callsOf('queryAsyncJobResult').length;
    await restoreBatches(s.client, KEY, 'not started');
    const batch = useBatchStore.getState().batches[0]!;
    expect(batch.items.map((i) => i.state)).toEqual(['done', 'failed', 'done']);
    expect(batch.items[1]?.errortext).toBe('Host went down');
    expect(batchState(batch)).toBe('failed');
    expect(s.transport.callsOf('queryAsyncJobResult').length - before).toBe(3);
  });

  it('after a reload, an item that never started ends failed with the given reason', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify([
        {
          id: 'b-1',
          title: 'Disable 2 hosts',
          doneTitle: 'Disabled 2 hosts',
          startedAt: Date.now() - 1000,
          items: [
            { label: 'h-1', state: 'done' },
            { label: 'h-2', state: 'queued' },
          ],
        },
      ]),
    );
    const s = server();
    await restoreBatches(s.client, KEY, 'not started');
    const batch = useBatchStore.getState().batches[0]!;
    expect(batch.items.map((i) => [i.state, i.errortext])).toEqual([
      ['done', undefined],
      ['failed', 'not started'],
    ]);
    expect(s.transport.callsOf('queryAsyncJobResult')).toHaveLength(0);
  });
});
