// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AsyncJob } from '../../../lib/contract';
import { useJobStore, runJob, type JobUpdate } from '../../../lib/jobs';
import { useLiveSync } from '../../../lib/live-sync';
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
  beforeEach(() => useJobStore.setState({ jobs: [] }));
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
    expect(within(entry).getByText('deleteAccount')).toBeTruthy();
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
});
