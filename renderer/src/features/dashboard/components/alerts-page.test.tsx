// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmHost } from '../../../components/confirm-dialog';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { AlertsPage } from './alerts-page';

const ALERTS = [
  { id: 'al-1', type: 7, name: 'ALERT.HOST', description: 'Host h1 is Down', sent: '2026-11-22T10:00:00+0000' },
  { id: 'al-2', type: 1, name: 'ALERT.CPU', description: 'CPU of cluster c1 at 80%', sent: '2026-11-22T09:00:00+0000' },
  { id: 'al-3', type: 2, name: 'ALERT.STORAGE', description: 'Pool ps1 is 90% full', sent: '2026-11-22T08:00:00+0000' },
];

function setup(extra: Record<string, Handler> = {}, locale: 'en' | 'ko' = 'en') {
  let archived = new Set<string>();
  const { client, transport } = fakeClient({
    listAlerts: (p) => {
      let items = ALERTS.filter((a) => !archived.has(a.id));
      if (p['type']) items = items.filter((a) => String(a.type) === p['type']);
      return { count: items.length, alert: items };
    },
    archiveAlerts: (p) => {
      archived = new Set([...archived, ...(p['ids'] ?? '').split(',')]);
      return { success: true };
    },
    ...extra,
  });
  renderWithProviders(
    <>
      <AlertsPage />
      <ConfirmHost />
    </>,
    { client, user: ADMIN, locale },
  );
  return { transport };
}

describe('AlertsPage', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('lists alerts server-paged with readable type names', async () => {
    const { transport } = setup();
    const table = await screen.findByTestId('alerts-table');
    await within(table).findByText('Host h1 is Down');
    expect(within(table).getByText('Host')).toBeTruthy();
    expect(within(table).getByText('CPU')).toBeTruthy();
    expect(within(table).getByText('Primary storage')).toBeTruthy();
    expect(screen.getByTestId('page-count').textContent).toBe('3');
    expect(transport.callsOf('listAlerts')[0]!.params).toMatchObject({ page: '1', pagesize: '100' });
  });

  it('archives the selected alerts with archiveAlerts ids=...', async () => {
    const { transport } = setup();
    const table = await screen.findByTestId('alerts-table');
    await within(table).findByText('Host h1 is Down');
    fireEvent.click(within(table).getByRole('checkbox', { name: 'al-1' }));
    fireEvent.click(within(table).getByRole('checkbox', { name: 'al-3' }));
    const bar = screen.getByTestId('bulk-bar');
    expect(bar.textContent).toContain('2 selected');
    fireEvent.click(within(bar).getByRole('button', { name: 'Archive' }));

    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Archive 2 alerts?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Archive' }));

    await waitFor(() => expect(transport.callsOf('archiveAlerts')).toHaveLength(1));
    expect(transport.callsOf('archiveAlerts')[0]!.params).toEqual({ ids: 'al-1,al-3' });
    await waitFor(() => expect(within(table).queryByText('Host h1 is Down')).toBeNull());
    expect(within(table).getByText('CPU of cluster c1 at 80%')).toBeTruthy();
    expect(screen.queryByTestId('bulk-bar')).toBeNull();
  });

  it('filters by alert type and speaks Korean', async () => {
    const { transport } = setup({}, 'ko');
    window.location.hash = '#/alerts?type=7';
    const table = await screen.findByTestId('alerts-table');
    await waitFor(() => expect(transport.callsOf('listAlerts').some((c) => c.params['type'] === '7')).toBe(true));
    await within(table).findByText('Host h1 is Down');
    await waitFor(() => expect(within(table).queryByText('CPU of cluster c1 at 80%')).toBeNull());
    expect(within(table).getByText('호스트')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '알림' })).toBeTruthy();
  });
});
