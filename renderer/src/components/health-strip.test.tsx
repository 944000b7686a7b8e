// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Event } from '../lib/contract';
import type { InfrastructureHealth } from '../lib/health';
import { useLiveSync } from '../lib/live-sync';
import { areasForEvent, queryKeys } from '../lib/query-keys';
import { ADMIN, fakeClient } from '../test/fake-transport';
import { renderWithProviders } from '../test/render';
import { HostHealthStrip, PoolHealthStrip, type HostHealthFilter } from './infrastructure-health';

function health(hosts: Record<string, number>, pools: Record<string, number> = { Up: 2 }): InfrastructureHealth {
  const count = Object.values(hosts).reduce((a, b) => a + b, 0);
  return {
    hosts: { count, health: hosts, states: {}, resourcestates: {} },
    storagepools: { count: Object.values(pools).reduce((a, b) => a + b, 0), states: pools },
    imagestores: { count: 1, readonly: 0 },
  };
}

const CLOUD = health({ Up: 294, Down: 3, Disconnected: 2, Maintenance: 5, Alert: 0 });
const strip = () => screen.getByRole('group', { name: 'Host health' });
const part = (state: string) => screen.getByTestId(`health-part-${state}`);

describe('HealthStrip', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('reads "294 Up · 3 Down · 2 Disconnected · 5 Maintenance", zero parts hidden, each a link to the filtered list', () => {
    const { client } = fakeClient({});
    renderWithProviders(<HostHealthStrip scope={{ zoneid: 'z-1' }} health={CLOUD} />, { client, user: ADMIN });
    expect(strip().textContent).toBe('294 Up·3 Down·2 Disconnected·5 Maintenance');
    expect(screen.queryByTestId('health-part-Alert')).toBeNull();
    expect(part('Down').getAttribute('href')).toBe('#/hosts?zoneid=z-1&health=Down');
    expect(part('Maintenance').getAttribute('href')).toBe('#/hosts?zoneid=z-1&health=Maintenance');
    // Problems are marked (tinted in their state colour); Up and Maintenance are not problems.
    expect(part('Down').hasAttribute('data-problem')).toBe(true);
    expect(part('Disconnected').hasAttribute('data-problem')).toBe(true);
    expect(part('Up').hasAttribute('data-problem')).toBe(false);
    expect(part('Maintenance').hasAttribute('data-problem')).toBe(false);
  });

  it('shows Up even at zero, and reads in Korean with the state first', () => {
    const { client } = fakeClient({});
    renderWithProviders(<HostHealthStrip health={health({ Down: 1, PrepareForMaintenance: 2 })} />, {
      client,
      user: ADMIN,
      locale: 'ko',
    });
    expect(screen.getByRole('group', { name: '호스트 상태' }).textContent).toBe('정상 0·다운 1·유지보수 준비 중 2');
  });

  it('in a list header, sets the list filter, marks the active part pressed, and clears it when pressed again', () => {
    const { client } = fakeClient({});
    const changes: HostHealthFilter[] = [];
    function Header({ initial }: { initial: HostHealthFilter }) {
      const [filter, setFilter] = useState(initial);
      const onChange = (patch: HostHealthFilter) => {
        changes.push(patch);
        setFilter({ ...filter, ...patch });
      };
      return <HostHealthStrip health={CLOUD} filter={{ ...filter, onChange }} />;
    }
    renderWithProviders(<Header initial={{}} />, { client, user: ADMIN });
    const pressed = () => screen.getAllByRole('button').filter((b) => b.getAttribute('aria-pressed') === 'true');
    expect(part('Down').tagName).toBe('BUTTON');
    expect(pressed()).toHaveLength(0);
    fireEvent.click(part('Down'));
    expect(pressed()).toEqual([part('Down')]);
    fireEvent.click(part('Maintenance'));
    expect(pressed()).toEqual([part('Maintenance')]);
    fireEvent.click(part('Maintenance'));
    expect(pressed()).toHaveLength(0);
    expect(changes).toEqual([{ health: 'Down' }, { health: 'Maintenance' }, { health: undefined }]);
    cleanup();
    // A list opened on a part (#/hosts?health=Alert) shows that part pressed.
    renderWithProviders(<Header initial={{ health: 'Maintenance' }} />, { client, user: ADMIN });
    expect(pressed()).toEqual([part('Maintenance')]);
  });

  it('asks listInfrastructureHealth for its scope, and asks again when a host event arrives', async () => {
    let answer = health({ Up: 2 });
    const { client, transport } = fakeClient({ listInfrastructureHealth: () => ({ infrastructurehealth: answer }) });
    function Live() {
      useLiveSync(true);
      return <HostHealthStrip scope={{ zoneid: 'z-1', clusterid: 'c-1' }} />;
    }
    renderWithProviders(<Live />, { client, user: ADMIN });
    await waitFor(() => expect(strip().textContent).toBe('2 Up'));
    expect(transport.callsOf('listInfrastructureHealth')[0]?.params).toMatchObject({ zoneid: 'z-1', clusterid: 'c-1' });

    // The key sits under the root a host event invalidates.
    const root = queryKeys.infrastructure.command('listInfrastructureHealth')[0];
    expect(areasForEvent('HOST.STATE.CHANGE')).toContain(root);
    answer = health({ Up: 1, Disconnected: 1 });
    act(() =>
      transport.push({
        kind: 'event',
        event: { id: 'e-1', type: 'HOST.STATE.CHANGE', level: 'WARN', description: 'h1 is Disconnected' } as Event,
      }),
    );
    await waitFor(() => expect(strip().textContent).toBe('1 Up·1 Disconnected'), { timeout: 5_000 });
  });

  it('counts pools by state, linking to the pools list filtered by status', () => {
    const { client } = fakeClient({});
    renderWithProviders(<PoolHealthStrip health={health({ Up: 1 }, { Up: 3, Maintenance: 1 })} />, {
      client,
      user: ADMIN,
    });
    const pools = screen.getByRole('group', { name: 'Primary storage health' });
    expect(pools.textContent).toBe('3 Up·1 Maintenance');
    expect(screen.getByTestId('health-part-Maintenance').getAttribute('href')).toBe(
      '#/primary-storage?status=Maintenance',
    );
  });
});
