// @vitest-environment happy-dom
import { useQuery } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncJob } from '../../../lib/contract';
import { batchStorageKey, useBatchStore } from '../../../lib/batch';
import { useJobStore, runJob, type JobUpdate } from '../../../lib/jobs';
import { useLiveSync } from '../../../lib/live-sync';
import { queryKeys } from '../../../lib/query-keys';
import { ADMIN, fakeClient } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { JobTray } from './job-tray';

/** The stream sends whole AsyncJob entities; these tests give only the fields the tray reads. */
const jobUpdate = (job: JobUpdate) => ({ kind: 'job' as const, job: job as AsyncJob });

function TrayWithLiveSync() {
  useLiveSync(true);
  return <JobTray />;
}

async function openTray() {
  fireEvent.click(screen.getByTestId('job-tray-button'));
  return screen.findByTestId('job-tray');
}

describe('JobTray', () => {
  beforeEach(() => {
    localStorage.clear();
    useJobStore.setState({ jobs: [], clearedAt: 0 });
    useBatchStore.setState({ storageKey: null, batches: [] });
  });
  afterEach(() => cleanup());

  it('draws progress from live job messages and ends in done', async () => {
    const { client, transport } = fakeClient({});
    renderWithProviders(<TrayWithLiveSync />, { client, user: ADMIN });
    const tray = await openTray();
    expect(within(tray).getByText(/No jobs yet/)).toBeTruthy();

    act(() =>
      transport.push(
        jobUpdate({
          jobid: 'job-7',
          jobstatus: 0,
          jobprocstatus: 40,
          jobprogresstext: 'Removing users',
          cmd: 'org.apache.cloudstack.api.command.admin.account.DeleteAccountCmd',
          jobinstancetype: 'Account',
        }),
      ),
    );
    const entry = await within(tray).findByTestId('job-entry');
    expect(entry.getAttribute('data-state')).toBe('running');
    expect(within(entry).getByTestId('job-title').textContent).toBe('Delete account');
    expect(within(entry).getByText('Removing users')).toBeTruthy();
    expect(within(entry).getByTestId('job-progress').getAttribute('data-progress')).toBe('40');
    expect(within(entry).getByTestId('job-state').textContent).toBe('Running');

    act(() => transport.push(jobUpdate({ jobid: 'job-7', jobstatus: 0, jobprocstatus: 75 })));
    await waitFor(() => expect(within(tray).getByTestId('job-progress').getAttribute('data-progress')).toBe('75'));

    act(() =>
      transport.push(jobUpdate({ jobid: 'job-7', jobstatus: 1, jobprocstatus: 100, jobresult: { success: true } })),
    );
    await waitFor(() => expect(within(tray).getByTestId('job-entry').getAttribute('data-state')).toBe('done'));
    expect(within(tray).getByTestId('job-state').textContent).toBe('Done');
    expect(within(tray).getByTestId('job-progress').getAttribute('data-progress')).toBe('100');
  });

  it('shows a failed job with its errortext', async () => {
    const { client, transport } = fakeClient({});
    renderWithProviders(<TrayWithLiveSync />, { client, user: ADMIN, locale: 'ko' });
    act(() => transport.push(jobUpdate({ jobid: 'j-f', jobstatus: 0, jobprocstatus: 10, cmd: 'deleteDomain' })));
    act(() =>
      transport.push(
        jobUpdate({ jobid: 'j-f', jobstatus: 2, jobresult: { errorcode: 530, errortext: 'Domain has child domains' } }),
      ),
    );
    const tray = await openTray();
    const entry = within(tray).getByTestId('job-entry');
    expect(entry.getAttribute('data-state')).toBe('failed');
    expect(within(entry).getByText('Domain has child domains')).toBeTruthy();
    expect(within(entry).getByTestId('job-state').textContent).toBe('실패');
  });

  it('follows a job it started by polling queryAsyncJobResult, with a title and a link', async () => {
    const progress = [0, 50];
    const { client, transport } = fakeClient({
      deleteAccount: () => ({ jobid: 'job-9' }),
      queryAsyncJobResult: () => {
        const next = progress.shift();
        return next === undefined
          ? { jobid: 'job-9', jobstatus: 1, jobprocstatus: 100, jobresult: { success: true } }
          : { jobid: 'job-9', jobstatus: 0, jobprocstatus: next };
      },
    });
    const { queryClient } = renderWithProviders(<JobTray />, { client, user: ADMIN });
    let done: Promise<unknown> | undefined;
    await act(async () => {
      const running = await runJob(client, queryClient, {
        command: 'deleteAccount',
        params: { id: 'a-1' },
        title: 'Delete account: alice',
        link: '#/accounts',
      });
      done = running.done;
    });
    const tray = await openTray();
    expect(within(tray).getByText('Delete account: alice')).toBeTruthy();
    await act(async () => {
      await done;
    });
    expect(within(tray).getByTestId('job-entry').getAttribute('data-state')).toBe('done');
    expect(within(tray).getByText('Open').closest('a')?.getAttribute('href')).toBe('#/accounts');
    expect(transport.callsOf('deleteAccount')[0]?.params).toEqual({ id: 'a-1' });
    expect(transport.callsOf('queryAsyncJobResult').length).toBeGreaterThanOrEqual(3);
  });

  it('refetches what a job changed once when both the live stream and the page see it end', async () => {
    let finished = false;
    const { client, transport } = fakeClient({
      deleteAccount: () => ({ jobid: 'job-7' }),
      queryAsyncJobResult: () =>
        finished
          ? { jobid: 'job-7', jobstatus: 1, jobprocstatus: 100, jobresult: { success: true } }
          : { jobid: 'job-7', jobstatus: 0, jobprocstatus: 0 },
      listAccounts: () => ({ count: 0, account: [] }),
    });
    function Accounts() {
      useQuery({ queryKey: queryKeys.accounts.list({}), queryFn: () => client.call('listAccounts') });
      return <TrayWithLiveSync />;
    }
    const { queryClient } = renderWithProviders(<Accounts />, { client, user: ADMIN });
    await waitFor(() => expect(transport.callsOf('listAccounts')).toHaveLength(1));
    let done: Promise<unknown> | undefined;
    await act(async () => {
      done = (await runJob(client, queryClient, { command: 'deleteAccount', params: { id: 'a-1' }, title: 'Delete' }))
        .done;
    });
    finished = true;
    act(() => transport.push(jobUpdate({ jobid: 'job-7', jobstatus: 1, cmd: 'deleteAccount' })));
    await act(async () => {
      await done;
    });
    await waitFor(() => expect(transport.callsOf('listAccounts')).toHaveLength(2));
    // The page's own follow of the job ended after the stream's message: it asked for nothing more.
    await act(async () => {});
    expect(transport.callsOf('listAccounts')).toHaveLength(2);
  });

  describe('from the server', () => {
    const ago = (minutes: number) => `${new Date(Date.now() - minutes * 60_000).toISOString().slice(0, 19)}+0000`;
    const serverJob = (jobid: string, minutes: number, extra: Partial<AsyncJob> = {}): AsyncJob =>
      ({
        jobid,
        cmd: 'prepareHostForMaintenance',
        jobstatus: 1,
        jobprocstatus: 100,
        jobresultcode: 0,
        jobresulttype: 'object',
        created: ago(minutes),
        completed: ago(minutes - 1),
        userid: ADMIN.userid,
        account: 'admin',
        jobinstancetype: 'Host',
        jobinstanceid: `h-${jobid}`,
        ...extra,
      }) as AsyncJob;

    function history(mine: AsyncJob[], others: AsyncJob[] = []) {
      return fakeClient({
        listAsyncJobs: (p) => {
          let items = p['listall'] === 'true' ? [...mine, ...others] : mine.filter((j) => j.userid === p['userid']);
          if (p['jobstatus'] !== undefined) items = items.filter((j) => String(j.jobstatus) === p['jobstatus']);
          const size = Number(p['pagesize'] ?? 20);
          return { count: items.length, asyncjobs: items.slice(0, size) };
        },
        queryAsyncJobResult: (p) => [...mine, ...others].find((j) => j.jobid === p['jobid']) ?? {},
      });
    }

    it('lists the last day of my jobs after a new sign-in: running first, then newest first, with links', async () => {
      const { client, transport } = history([
        serverJob('old-done', 120),
        serverJob('import', 300, {
          cmd: 'importDataCenter',
          jobstatus: 0,
          jobprocstatus: 40,
          jobprogresstext: 'Step 134 of 334',
          completed: undefined,
        }),
        serverJob('new-done', 10),
      ]);
      renderWithProviders(<JobTray />, { client, user: ADMIN });
      const tray = await openTray();
      await waitFor(() => expect(within(tray).getAllByTestId('job-entry')).toHaveLength(3));
      const ids = within(tray)
        .getAllByTestId('job-entry')
        .map((e) => e.getAttribute('data-jobid'));
      expect(ids).toEqual(['import', 'new-done', 'old-done']);
      expect(within(tray).getByText('Step 134 of 334')).toBeTruthy();
      const link = within(within(tray).getAllByTestId('job-entry')[1]!).getByText('Open').closest('a');
      expect(link?.getAttribute('href')).toBe('#/hosts?id=h-new-done');
      const calls = transport.callsOf('listAsyncJobs');
      expect(calls.every((c) => c.params['userid'] === ADMIN.userid && c.params['listall'] === undefined)).toBe(true);
      expect(calls.some((c) => c.params['jobstatus'] === '0')).toBe(true);
      expect(calls.some((c) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/.test(c.params['startdate'] ?? ''))).toBe(
        true,
      );
    });

    it("lets an admin switch to everyone's jobs, naming whose they are; a live update moves a listed job on", async () => {
      const other = serverJob('bobs', 5, { userid: 'u-bob', account: 'bob', jobstatus: 0, completed: undefined });
      const { client, transport } = history([serverJob('mine', 20)], [other]);
      const Both = () => {
        useLiveSync(true);
        return <JobTray />;
      };
      renderWithProviders(<Both />, { client, user: ADMIN });
      const tray = await openTray();
      await waitFor(() => expect(within(tray).getAllByTestId('job-entry')).toHaveLength(1));
      fireEvent.click(within(tray).getByText("Everyone's"));
      await waitFor(() => expect(within(tray).getAllByTestId('job-entry')).toHaveLength(2));
      expect(within(tray).getByText('by bob')).toBeTruthy();
      expect(transport.callsOf('listAsyncJobs').some((c) => c.params['listall'] === 'true')).toBe(true);
      act(() => transport.push(jobUpdate({ jobid: 'bobs', jobstatus: 1, jobprocstatus: 100, userid: 'u-bob' })));
      await waitFor(() => expect(tray.querySelector('[data-jobid="bobs"]')?.getAttribute('data-state')).toBe('done'));
      fireEvent.click(within(tray).getByText('Mine'));
      await waitFor(() => expect(within(tray).getAllByTestId('job-entry')).toHaveLength(1));
    });

    it('draws only the newest 30 and more on demand', async () => {
      const jobs = Array.from({ length: 45 }, (_, i) => serverJob(`j-${i}`, i + 2));
      const { client } = history(jobs);
      renderWithProviders(<JobTray />, { client, user: ADMIN });
      const tray = await openTray();
      await waitFor(() => expect(within(tray).getAllByTestId('job-entry')).toHaveLength(30));
      fireEvent.click(within(tray).getByTestId('job-more'));
      await waitFor(() => expect(within(tray).getAllByTestId('job-entry')).toHaveLength(45));
      expect(within(tray).queryByTestId('job-more')).toBeNull();
    });

    it('shows a batch as one entry whose member jobs are not listed again, with per-item results', async () => {
      const { client } = history([
        serverJob('m-1', 3),
        serverJob('m-2', 3, { jobstatus: 2, jobresult: { errorcode: 530, errortext: 'Host has running VMs' } }),
        serverJob('solo', 4),
      ]);
      // Kept by an earlier window of this user on this server.
      localStorage.setItem(
        batchStorageKey('http://127.0.0.1:8080', ADMIN.userid),
        JSON.stringify([
          {
            id: 'b-1',
            title: 'Prepare 2 hosts for maintenance',
            doneTitle: 'Prepared 2 hosts for maintenance',
            startedAt: Date.now() - 3 * 60_000,
            finishedAt: Date.now() - 2 * 60_000,
            items: [
              { label: 'Maintenance: h-1', jobid: 'm-1', state: 'done', link: '#/hosts?id=h-1' },
              { label: 'Maintenance: h-2', jobid: 'm-2', state: 'running' },
            ],
          },
        ]),
      );
      renderWithProviders(<JobTray />, { client, user: ADMIN });
      const tray = await openTray();
      await waitFor(() => expect(within(tray).getAllByTestId('job-entry')).toHaveLength(2));
      const [batch] = within(tray).getAllByTestId('job-entry');
      expect(batch!.getAttribute('data-kind')).toBe('batch');
      expect(within(batch!).getByTestId('job-title').textContent).toBe('Prepared 2 hosts for maintenance');
      expect(within(batch!).getByTestId('batch-counts').textContent).toBe('2/2 · 1 OK, 1 failed');
      fireEvent.click(within(batch!).getByTestId('batch-toggle'));
      const members = within(batch!).getAllByTestId('batch-member');
      expect(members.map((m) => m.getAttribute('data-state'))).toEqual(['done', 'failed']);
      expect(within(members[1]!).getByText('Host has running VMs')).toBeTruthy();
      expect(within(members[0]!).getByText('Maintenance: h-1').closest('a')?.getAttribute('href')).toBe(
        '#/hosts?id=h-1',
      );
    });
  });
});
