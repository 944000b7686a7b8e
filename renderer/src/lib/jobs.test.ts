// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { jobStateOf, useJobStore } from './jobs';
import { areasForEvent, areasForJob } from './query-keys';

describe('job store', () => {
  beforeEach(() => useJobStore.setState({ jobs: [] }));

  it('maps queryAsyncJobResult fields onto tray states', () => {
    expect(jobStateOf({ jobid: 'j', jobstatus: 0, jobprocstatus: 35, jobprogresstext: 'Copying' })).toMatchObject({
      state: 'running',
      progress: 35,
      progressText: 'Copying',
    });
    expect(jobStateOf({ jobid: 'j', jobstatus: 1, jobresult: { success: true } })).toMatchObject({
      state: 'done',
      progress: 100,
      result: { success: true },
    });
    expect(jobStateOf({ jobid: 'j', jobstatus: 2, jobresult: { errorcode: 530, errortext: 'boom' } })).toMatchObject({
      state: 'failed',
      errortext: 'boom',
    });
    expect(jobStateOf({ jobid: 'j', jobstatus: 0, jobprocstatus: 250 }).progress).toBe(100);
  });

  it('keeps a live update that arrived before the command answered, and takes the caller title', () => {
    const store = useJobStore.getState();
    store.apply({ jobid: 'j1', jobstatus: 1, cmd: 'org.apache.cloudstack.api.command.admin.account.DeleteAccountCmd' });
    expect(useJobStore.getState().jobs[0]).toMatchObject({ title: 'deleteAccount', state: 'done' });
    store.add({ jobid: 'j1', title: 'Delete account: alice', link: '#/accounts' });
    expect(useJobStore.getState().jobs).toHaveLength(1);
    expect(useJobStore.getState().jobs[0]).toMatchObject({
      title: 'Delete account: alice',
      link: '#/accounts',
      state: 'done',
      progress: 100,
    });
  });

  it('never moves progress backwards or reopens a finished job', () => {
    const store = useJobStore.getState();
    store.add({ jobid: 'j2', title: 'x' });
    store.apply({ jobid: 'j2', jobstatus: 0, jobprocstatus: 60 });
    store.apply({ jobid: 'j2', jobstatus: 0, jobprocstatus: 20 });
    expect(useJobStore.getState().jobs[0]?.progress).toBe(60);
    store.apply({ jobid: 'j2', jobstatus: 2, jobresult: { errortext: 'failed' } });
    store.apply({ jobid: 'j2', jobstatus: 0, jobprocstatus: 10 });
    expect(useJobStore.getState().jobs[0]).toMatchObject({ state: 'failed', errortext: 'failed' });
    store.clearFinished();
    expect(useJobStore.getState().jobs).toEqual([]);
  });
});

describe('live invalidation map', () => {
  it('points events and jobs at the feature caches they change', () => {
    expect(areasForEvent('ACCOUNT.CREATE').sort()).toEqual(['accounts', 'domains', 'events', 'users']);
    expect(areasForEvent('CONFIGURATION.VALUE.EDIT').sort()).toEqual(['events', 'settings']);
    expect(areasForEvent('USER.LOGIN').sort()).toEqual(['accounts', 'events', 'users']);
    expect(areasForEvent('VM.START')).toEqual(['events']);
    expect(areasForJob('Domain', 'deleteDomain').sort()).toEqual(['accounts', 'domains', 'events', 'users']);
  });
});
