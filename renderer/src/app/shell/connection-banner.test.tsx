// @vitest-environment happy-dom
import { useQuery } from '@tanstack/react-query';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient, type LiveListener, type LiveStatus } from '../../lib/api-client';
import { useApi } from '../../lib/api-context';
import { ApiError } from '../../lib/api-error';
import type { RawResponse } from '../../lib/api-types';
import { useLiveSync } from '../../lib/live-sync';
import { useUiStore } from '../../lib/ui-store';
import { ADMIN, FakeTransport } from '../../test/fake-transport';
import { renderWithProviders } from '../../test/render';
import { ConnectionBanner } from './connection-banner';
import { TopBar } from './top-bar';

/** A server that can go away: requests fail to reach it, and the live stream reports what we say. */
class FlakyTransport extends FakeTransport {
  down = false;
  private readonly statuses = new Set<(status: LiveStatus) => void>();

  override async send(command: string, params: Record<string, string>): Promise<RawResponse> {
    if (this.down) throw new ApiError(0, 9999, `Cannot reach ${this.target}: Failed to fetch`);
    return super.send(command, params);
  }

  override live(listener: LiveListener, onStatus: (status: LiveStatus) => void): () => void {
    this.statuses.add(onStatus);
    const off = super.live(listener, onStatus);
    return () => {
      this.statuses.delete(onStatus);
      off();
    };
  }

  stream(status: LiveStatus): void {
    for (const report of this.statuses) report(status);
  }
}

function Zones() {
  const client = useApi();
  const zones = useQuery({ queryKey: ['infrastructure', 'listZones'], queryFn: () => client.list('listZones') });
  return <p>zones: {zones.data?.count ?? '…'}</p>;
}

function Shell() {
  useLiveSync(true);
  return (
    <>
      <TopBar />
      <ConnectionBanner />
      <Zones />
    </>
  );
}

describe('the connection banner', () => {
  afterEach(() => cleanup());

  it('appears when the stream drops and the server cannot be reached, and goes when it is back', async () => {
    const transport = new FlakyTransport({
      listZones: () => ({ count: 1, zone: [{ id: 'z1', name: 'z1' }] }),
      listCapabilities: () => ({ capability: {} }),
    });
    const client = new ApiClient(transport);
    renderWithProviders(<Shell />, { client, user: ADMIN });
    await screen.findByText('zones: 1');
    expect(screen.getByTestId('connection-chip').dataset['state']).toBe('connected');
    expect(screen.queryByTestId('connection-banner')).toBeNull();

    transport.down = true;
    act(() => transport.stream('closed'));
    const banner = await screen.findByTestId('connection-banner');
    expect(banner.textContent).toMatch(/^Lost connection to 127\.0\.0\.1:8080, retrying; data as of \d\d:\d\d$/);
    expect(screen.getByTestId('connection-chip').dataset['state']).toBe('lost');

    const listsBefore = transport.callsOf('listZones').length;
    transport.down = false;
    act(() => transport.stream('open'));
    await waitFor(() => expect(screen.queryByTestId('connection-banner')).toBeNull());
    expect(screen.getByTestId('connection-chip').dataset['state']).toBe('connected');
    // What was on screen is fetched again.
    await waitFor(() => expect(transport.callsOf('listZones').length).toBe(listsBefore + 1));
  });

  it('never shows in the desktop app, whatever its requests do', async () => {
    const transport = new FlakyTransport({ listZones: () => ({ count: 0 }) }, { kind: 'ipc', target: 'embedded' });
    renderWithProviders(<Shell />, { client: new ApiClient(transport), user: ADMIN, locale: 'ko' });
    await screen.findByText('zones: 0');
    transport.down = true;
    act(() => transport.stream('closed'));
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByTestId('connection-banner')).toBeNull();
    expect(useUiStore.getState().connection).toBe('connected');
    expect(screen.getByTestId('connection-chip').textContent).toContain('내장 코어');
  });
});
