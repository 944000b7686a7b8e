// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { PodsPage } from './pods-page';

const ZONE = { id: 'z-1', name: 'zone-a', allocationstate: 'Enabled', networktype: 'Advanced' };

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    listPods: () => ({
      count: 1,
      pod: [
        {
          id: 'p-1',
          name: 'pod-a',
          zoneid: 'z-1',
          zonename: 'zone-a',
          gateway: '10.1.1.1',
          netmask: '255.255.255.0',
          startip: ['10.1.1.10'],
          endip: ['10.1.1.50'],
          allocationstate: 'Enabled',
        },
      ],
    }),
    listZones: () => ({ count: 1, zone: [ZONE] }),
    listEvents: () => ({ count: 0, event: [] }),
    ...extra,
  };
}

describe('PodDialog', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
  });

  it('flags addresses outside the gateway CIDR as typed and sends createPod only once they fit', async () => {
    const { client, transport } = fakeClient(
      handlers({
        createPod: (p) => ({ pod: { id: 'p-new', name: p['name'], zoneid: p['zoneid'], allocationstate: 'Enabled' } }),
      }),
    );
    renderWithProviders(<PodsPage />, { client, user: ADMIN });
    expect(await screen.findByText('10.1.1.10 – 10.1.1.50')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add pod' }));
    const form = await screen.findByRole('form', { name: 'Add pod' });
    const fill = (label: RegExp, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });

    fill(/^Name/, 'pod-b');
    fill(/^Gateway/, '10.1.1.1');
    fill(/^Netmask/, '255.255.255.0');
    fill(/^Start IP/, '10.1.2.10');
    fill(/^End IP/, '10.1.1.5');
    // Shown while typing, before any submit.
    expect(within(form).getAllByText('Outside the gateway’s network')).toHaveLength(1);
    expect(within(form).getByText('The end IP comes before the start IP')).toBeTruthy();
    expect(within(form).getByTestId('range-summary').textContent).toContain('Network 10.1.1.0/24');

    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(transport.callsOf('createPod')).toHaveLength(0);

    fill(/^Netmask/, '255.255.0.255');
    expect(within(form).getByText('Enter a netmask such as 255.255.255.0')).toBeTruthy();
    fill(/^Netmask/, '255.255.255.0');
    fill(/^Start IP/, '10.1.1.1');
    fill(/^End IP/, '10.1.1.20');
    expect(within(form).getByText('The gateway must not be inside the range')).toBeTruthy();
    fill(/^Start IP/, '10.1.1.100');
    fill(/^End IP/, '10.1.1.300');
    expect(within(form).getByText('Enter an IPv4 address such as 10.1.1.10')).toBeTruthy();
    fill(/^End IP/, '10.1.1.200');
    expect(within(form).queryByText('Outside the gateway’s network')).toBeNull();
    expect(within(form).getByTestId('range-summary').textContent).toContain('101 addresses in the range');

    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(transport.callsOf('createPod')).toHaveLength(1));
    expect(transport.callsOf('createPod')[0]!.params).toEqual({
      zoneid: 'z-1',
      name: 'pod-b',
      gateway: '10.1.1.1',
      netmask: '255.255.255.0',
      startip: '10.1.1.100',
      endip: '10.1.1.200',
    });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Add pod' })).toBeNull());
    await waitFor(() => expect(window.location.hash).toContain('id=p-new'));
  });

  it('shows CloudStack’s errortext when the core refuses the pod', async () => {
    const { client } = fakeClient(
      handlers({
        createPod: () => ({
          status: 431,
          body: {
            createpodresponse: {
              errorcode: 431,
              cserrorcode: 4350,
              errortext: 'The pod IP range 10.1.1.100-10.1.1.200 overlaps with pod pod-a',
            },
          },
        }),
      }),
    );
    renderWithProviders(<PodsPage />, { client, user: ADMIN });
    fireEvent.click(await screen.findByRole('button', { name: 'Add pod' }));
    const form = await screen.findByRole('form', { name: 'Add pod' });
    const fill = (label: RegExp, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    fill(/^Name/, 'pod-c');
    fill(/^Gateway/, '10.1.1.1');
    fill(/^Netmask/, '255.255.255.0');
    fill(/^Start IP/, '10.1.1.100');
    fill(/^End IP/, '10.1.1.200');
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(
      await within(form).findByText('The pod IP range 10.1.1.100-10.1.1.200 overlaps with pod pod-a'),
    ).toBeTruthy();
    expect(within(form).getByText('Check the values you entered and try again.')).toBeTruthy();
  });
});
