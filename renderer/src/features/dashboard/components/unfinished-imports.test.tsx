// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmHost } from '../../../components/confirm-dialog';
import { useJobStore } from '../../../lib/jobs';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { UnfinishedImports } from './unfinished-imports';

const COUNTS = {
  configurations: 5,
  zones: 1,
  physicalnetworks: 1,
  traffictypes: 3,
  networkserviceproviders: 2,
  pods: 1,
  vlanipranges: 1,
  clusters: 4,
  hosts: 96,
  storagepools: 4,
  imagestores: 0,
};

function imports(): Record<string, Handler> {
  return {
    listDataCenterImports: () => ({
      count: 2,
      datacenterimport: [
        {
          id: 'imp-1',
          state: 'Interrupted',
          zones: [{ id: 'z-1', name: 'lab-big' }],
          totalsteps: 280,
          donesteps: 121,
          createdcounts: COUNTS,
          created: '2026-12-07T01:00:00+0000',
          lastupdated: '2026-12-07T01:02:00+0000',
          jobid: 'job-old',
        },
        {
          id: 'imp-0',
          state: 'Completed',
          zones: [{ id: 'z-0', name: 'lab-done' }],
          totalsteps: 20,
          donesteps: 20,
          createdcounts: COUNTS,
          created: '2026-12-06T01:00:00+0000',
          lastupdated: '2026-12-06T01:02:00+0000',
        },
      ],
    }),
    resumeDataCenterImport: () => ({ jobid: 'job-resume' }),
    rollbackDataCenterImport: () => ({ jobid: 'job-remove' }),
    queryAsyncJobResult: (p) => ({ jobid: p['jobid'], jobstatus: 1, jobresult: {} }),
  };
}

describe('UnfinishedImports', () => {
  afterEach(() => {
    cleanup();
    useJobStore.setState({ jobs: [] });
  });

  it('shows an interrupted import with its progress; Resume runs resumeDataCenterImport as a job', async () => {
    const { client, transport } = fakeClient(imports());
    renderWithProviders(<UnfinishedImports enabled />, { client, user: ADMIN });

    const card = await screen.findByTestId('unfinished-import');
    expect(screen.getAllByTestId('unfinished-import')).toHaveLength(1);
    expect(card.textContent).toContain('Datacenter import interrupted: lab-big');
    expect(card.textContent).toContain('121 of 280 steps done');
    expect(card.textContent).toContain('Created so far: Hosts 96, Primary storage 4, Clusters 4');

    fireEvent.click(within(card).getByTestId('resume-import'));
    await waitFor(() => expect(transport.callsOf('resumeDataCenterImport')).toHaveLength(1));
    expect(transport.callsOf('resumeDataCenterImport')[0]!.params).toMatchObject({ id: 'imp-1' });
    await waitFor(() =>
      expect(useJobStore.getState().jobs.map((j) => j.title)).toContain('Resume datacenter import lab-big'),
    );
  });

  it('asks before removing, says what goes and that settings stay, in Korean too', async () => {
    const { client, transport } = fakeClient(imports());
    renderWithProviders(
      <>
        <UnfinishedImports enabled />
        <ConfirmHost />
      </>,
      { client, user: ADMIN, locale: 'ko' },
    );

    const card = await screen.findByTestId('unfinished-import');
    expect(card.textContent).toContain('데이터센터 가져오기가 중단됨: lab-big');
    fireEvent.click(within(card).getByTestId('remove-import'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('lab-big 가져오기로 만든 것을 삭제합니다');
    expect(dialog.textContent).toContain('전역 설정 5개는 바뀐 값 그대로 둡니다');
    expect(transport.callsOf('rollbackDataCenterImport')).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: '만든 것 삭제' }));
    await waitFor(() => expect(transport.callsOf('rollbackDataCenterImport')).toHaveLength(1));
    expect(transport.callsOf('rollbackDataCenterImport')[0]!.params).toMatchObject({ id: 'imp-1' });
  });
});
