// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmHost } from '../../../components/confirm-dialog';
import { useJobStore } from '../../../lib/jobs';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { ZonesPage } from './zones-page';

const ZONE = {
  id: 'z-1',
  name: 'zone-a',
  networktype: 'Advanced',
  allocationstate: 'Disabled',
  dns1: '8.8.8.8',
  internaldns1: '10.0.0.2',
  type: 'Core',
};

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  let providerState = 'Disabled';
  let jobs = 0;
  return {
    listZones: () => ({ count: 1, zone: [ZONE] }),
    listPods: () => ({ count: 1, pod: [{ id: 'p-1', name: 'pod-a', zoneid: 'z-1', allocationstate: 'Enabled' }] }),
    listPhysicalNetworks: () => ({
      count: 1,
      physicalnetwork: [{ id: 'pn-1', name: 'phys-a', zoneid: 'z-1', state: 'Enabled', isolationmethods: 'VLAN' }],
    }),
    listTrafficTypes: () => ({
      count: 2,
      traffictype: [
        { id: 't-1', traffictype: 'Guest', physicalnetworkid: 'pn-1', kvmnetworklabel: 'cloudbr1' },
        { id: 't-2', traffictype: 'Management', physicalnetworkid: 'pn-1' },
      ],
    }),
    listNetworkServiceProviders: () => ({
      count: 1,
      networkserviceprovider: [
        {
          id: 'nsp-vr',
          name: 'VirtualRouter',
          physicalnetworkid: 'pn-1',
          state: providerState,
          servicelist: ['Dhcp', 'Dns'],
        },
      ],
    }),
    listVirtualRouterElements: () => ({
      count: 1,
      virtualrouterelement: [{ id: 'vre-1', nspid: 'nsp-vr', enabled: false }],
    }),
    configureVirtualRouterElement: () => ({ jobid: `job-${++jobs}` }),
    updateNetworkServiceProvider: () => {
      providerState = 'Enabled';
      return { jobid: `job-${++jobs}` };
    },
    queryAsyncJobResult: (p) => ({ jobid: p['jobid'], jobstatus: 1, jobresult: {} }),
    listVlanIpRanges: () => ({ count: 0, vlan: [] }),
    listEvents: () => ({ count: 0, event: [] }),
    ...extra,
  };
}

describe('ZonesPage', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
    useJobStore.setState({ jobs: [] });
  });

  it('lists zones and sends "Add zone" to the wizard', async () => {
    const { client } = fakeClient(handlers());
    renderWithProviders(<ZonesPage />, { client, user: ADMIN });
    const table = await screen.findByTestId('zones-table');
    await within(table).findByText('zone-a');
    expect(table.querySelector('[data-state="disabled"]')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add zone' }));
    expect(window.location.hash).toBe('#/zones/new');
  });

  it('shows physical networks with traffic types and providers, and enables the virtual router', async () => {
    window.location.hash = '#/zones?id=z-1';
    const { client, transport } = fakeClient(handlers());
    renderWithProviders(<ZonesPage />, { client, user: ADMIN });
    const drawer = await screen.findByTestId('zone-drawer');
    fireEvent.click(await within(drawer).findByRole('tab', { name: /Physical networks/ }));
    const network = await within(drawer).findByTestId('physical-network');
    expect(await within(network).findByText('Guest')).toBeTruthy();
    expect(within(network).getByText('Management')).toBeTruthy();
    expect(await within(network).findByText('Dhcp, Dns')).toBeTruthy();

    fireEvent.click(within(network).getByRole('button', { name: 'Enable' }));
    await waitFor(() => expect(transport.callsOf('updateNetworkServiceProvider')).toHaveLength(1));
    expect(transport.callsOf('configureVirtualRouterElement')[0]!.params).toEqual({ id: 'vre-1', enabled: 'true' });
    expect(transport.callsOf('updateNetworkServiceProvider')[0]!.params).toEqual({ id: 'nsp-vr', state: 'Enabled' });
    // The provider is configured before it is enabled.
    const order = transport.calls.map((c) => c.command);
    expect(order.indexOf('configureVirtualRouterElement')).toBeLessThan(order.indexOf('updateNetworkServiceProvider'));
    await waitFor(() => expect(within(network).queryByRole('button', { name: 'Enable' })).toBeNull());
  });

  it('adds a public IP range with createVlanIpRange after checking it against the gateway', async () => {
    window.location.hash = '#/zones?id=z-1';
    const { client, transport } = fakeClient(
      handlers({ createVlanIpRange: (p) => ({ vlan: { id: 'v-1', ...p, forvirtualnetwork: true } }) }),
    );
    renderWithProviders(
      <>
        <ZonesPage />
        <ConfirmHost />
      </>,
      { client, user: ADMIN },
    );
    const drawer = await screen.findByTestId('zone-drawer');
    fireEvent.click(await within(drawer).findByRole('tab', { name: /IP ranges/ }));
    fireEvent.click(await within(drawer).findByRole('button', { name: 'Add public IP range' }));
    const form = await screen.findByRole('form', { name: 'Add public IP range' });
    const fill = (label: RegExp, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    fill(/^VLAN/, '5000');
    fill(/^Gateway/, '203.0.113.1');
    fill(/^Netmask/, '255.255.255.0');
    fill(/^Start IP/, '203.0.114.10');
    fill(/^End IP/, '203.0.113.50');
    expect(within(form).getByText('Enter a VLAN ID (1-4094) or "untagged"')).toBeTruthy();
    expect(within(form).getByText('Outside the gateway’s network')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(transport.callsOf('createVlanIpRange')).toHaveLength(0);

    fill(/^VLAN/, '100');
    fill(/^Start IP/, '203.0.113.10');
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(transport.callsOf('createVlanIpRange')).toHaveLength(1));
    expect(transport.callsOf('createVlanIpRange')[0]!.params).toEqual({
      zoneid: 'z-1',
      physicalnetworkid: 'pn-1',
      vlan: '100',
      gateway: '203.0.113.1',
      netmask: '255.255.255.0',
      startip: '203.0.113.10',
      endip: '203.0.113.50',
      forvirtualnetwork: 'true',
    });
  });
});
