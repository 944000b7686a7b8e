// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfirmHost } from '../../../components/confirm-dialog';
import { useJobStore } from '../../../lib/jobs';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { useServerErrors } from '../store/server-errors';
import { useWizardStore } from '../store/wizard-store';
import { ZoneWizardPage } from './zone-wizard-page';

/**
 * A small fake core: every create answers a fresh id, async commands answer a job that
 * queryAsyncJobResult reports finished, and `fail` makes a command fail once.
 */
function fakeCore(options: { zones?: { id: string; name: string }[]; failOnce?: Record<string, string> } = {}) {
  let n = 0;
  const jobs = new Map<string, Record<string, unknown>>();
  const failOnce = { ...options.failOnce };
  const id = (prefix: string) => `${prefix}-${++n}`;
  const fail = (command: string) => {
    const text = failOnce[command];
    if (!text) return undefined;
    delete failOnce[command];
    return { status: 431, body: { errorresponse: { errorcode: 431, cserrorcode: 4350, errortext: text } } };
  };
  const sync =
    (command: string, name: string, prefix: string): Handler =>
    () =>
      fail(command) ?? { [name]: { id: id(prefix) } };
  const job =
    (command: string, name: string, prefix: string): Handler =>
    () => {
      const failed = fail(command);
      const jobid = id('job');
      jobs.set(
        jobid,
        failed
          ? { jobid, jobstatus: 2, jobresult: { errortext: failed.body.errorresponse.errortext } }
          : { jobid, jobstatus: 1, jobresult: { [name]: { id: id(prefix) } } },
      );
      return { jobid };
    };
  // Zones as the core keeps them: created Disabled, enabled by updateZone.
  const known: { id: string; name: string; allocationstate?: string }[] = [...(options.zones ?? [])];
  const handlers: Record<string, Handler> = {
    listZones: (p) => {
      const zones = known.filter(
        (z) => (!p['name'] || z.name.toLowerCase() === p['name'].toLowerCase()) && (!p['id'] || z.id === p['id']),
      );
      return { count: zones.length, zone: zones };
    },
    listHosts: () => ({ count: 0, host: [] }),
    listDomains: () => ({ count: 1, domain: [{ id: 'd-root', name: 'ROOT', path: 'ROOT', level: 0 }] }),
    createZone: (p) => {
      const failed = fail('createZone');
      if (failed) return failed;
      const zone = { id: id('zone'), name: p['name']!, allocationstate: p['allocationstate'] ?? 'Disabled' };
      known.push(zone);
      return { zone };
    },
    createPhysicalNetwork: job('createPhysicalNetwork', 'physicalnetwork', 'pn'),
    addTrafficType: job('addTrafficType', 'traffictype', 'tt'),
    updatePhysicalNetwork: job('updatePhysicalNetwork', 'physicalnetwork', 'pn'),
    listNetworkServiceProviders: (p) => ({
      count: 1,
      networkserviceprovider: [{ id: `nsp-${p['name']}`, name: p['name'] }],
    }),
    listVirtualRouterElements: () => ({ count: 1, virtualrouterelement: [{ id: 'vre-1' }] }),
    configureVirtualRouterElement: job('configureVirtualRouterElement', 'virtualrouterelement', 'vre'),
    updateNetworkServiceProvider: job('updateNetworkServiceProvider', 'networkserviceprovider', 'nsp'),
    createPod: sync('createPod', 'pod', 'pod'),
    createVlanIpRange: sync('createVlanIpRange', 'vlan', 'vlan'),
    addCluster: () => fail('addCluster') ?? { count: 1, cluster: [{ id: id('cluster') }] },
    addHost: () => fail('addHost') ?? { count: 1, host: [{ id: id('host') }] },
    createStoragePool: sync('createStoragePool', 'storagepool', 'pool'),
    addImageStore: sync('addImageStore', 'imagestore', 'store'),
    updateZone: (p) => {
      const zone = known.find((z) => z.id === p['id'])!;
      if (p['allocationstate']) zone.allocationstate = p['allocationstate'];
      return fail('updateZone') ?? { zone };
    },
    queryAsyncJobResult: (p) => jobs.get(p['jobid']!) ?? { jobid: p['jobid'], jobstatus: 0 },
  };
  for (const command of [
    'deleteImageStore',
    'deleteStoragePool',
    'deleteHost',
    'deleteCluster',
    'deleteVlanIpRange',
    'deletePod',
    'deleteZone',
  ]) {
    handlers[command] = () => fail(command) ?? { success: true };
  }
  handlers['deletePhysicalNetwork'] = job('deletePhysicalNetwork', 'success', 'x');
  return fakeClient(handlers);
}

function renderWizard(core = fakeCore()) {
  const result = renderWithProviders(
    <>
      <ZoneWizardPage />
      <ConfirmHost />
    </>,
    { client: core.client, user: ADMIN },
  );
  return { ...result, transport: core.transport };
}

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp, value: string) => fireEvent.change(field(label), { target: { value } });
const errorOf = (input: HTMLInputElement) => {
  const id = input
    .getAttribute('aria-describedby')
    ?.split(' ')
    .find((x) => x.endsWith('-error'));
  return id ? document.getElementById(id)?.textContent : undefined;
};

beforeEach(() => {
  sessionStorage.clear();
  useWizardStore.getState().reset();
  useServerErrors.getState().clear();
  useJobStore.setState({ jobs: [] });
  window.location.hash = '#/zones/new';
});

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('ZoneWizardPage', () => {
  it('shows the steps, the form and the live summary', async () => {
    renderWizard();
    const rail = screen.getByRole('navigation', { name: 'Wizard steps' });
    for (const step of [
      'Zone type',
      'Zone details',
      'Physical network',
      'Pod',
      'Public IP ranges',
      'Review and create',
    ]) {
      expect(within(rail).getByText(step)).toBeTruthy();
    }
    fireEvent.click(screen.getByTestId('zone-type-basic'));
    expect(within(rail).getByText('Guest IP range')).toBeTruthy();
    expect(within(screen.getByTestId('wizard-summary')).getByText('Basic')).toBeTruthy();
  });

  it('validates zone details as the operator types, and checks the name with listZones', async () => {
    const core = fakeCore({ zones: [{ id: 'z-old', name: 'Taken' }] });
    const { transport } = renderWizard(core);
    fireEvent.click(screen.getByTestId('wizard-step-zone'));

    type(/^DNS 1/, '8.8.8');
    expect(errorOf(field(/^DNS 1/))).toBe('Enter an IPv4 address such as 192.168.1.1');
    type(/^DNS 1/, '8.8.8.8');
    expect(errorOf(field(/^DNS 1/))).toBeUndefined();

    type(/^Guest CIDR/, '10.1.1.7/24');
    expect(errorOf(field(/^Guest CIDR/))).toBe('Use the network address: 10.1.1.0/24');

    type(/^Name/, 'Taken');
    await waitFor(() => expect(errorOf(field(/^Name/))).toBe('A zone named Taken already exists'), { timeout: 3000 });
    expect(transport.callsOf('listZones').some((c) => c.params['name'] === 'Taken')).toBe(true);
    type(/^Name/, 'Fresh');
    await waitFor(() => expect(errorOf(field(/^Name/))).toBeUndefined(), { timeout: 3000 });

    // Next stays on the step while it has errors, and the rail marks it.
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(screen.getByTestId('wizard-form-zone')).toBeTruthy();
    expect(screen.getByTestId('wizard-step-zone').getAttribute('data-status')).toBe('error');
    expect(errorOf(field(/^Internal DNS 1/))).toBe('Required');
  });

  it('checks the pod range against its subnet and the gateway', () => {
    renderWizard();
    fireEvent.click(screen.getByTestId('wizard-step-pod'));
    type(/^Gateway/, '172.16.15.1');
    type(/^Netmask/, '255.255.255.0');
    type(/^Start IP/, '172.16.16.10');
    expect(errorOf(field(/^Start IP/))).toBe('Outside the subnet 172.16.15.0/24 of the gateway and netmask');
    type(/^Start IP/, '172.16.15.10');
    type(/^End IP/, '172.16.15.5');
    expect(errorOf(field(/^End IP/))).toBe('The end IP comes before the start IP');
    type(/^End IP/, '172.16.15.99');
    type(/^Gateway/, '172.16.15.20');
    expect(errorOf(field(/^Gateway/))).toBe('The gateway must be outside the range');
    expect(screen.getByTestId('range-info').textContent).toBe('Subnet 172.16.15.0/24 · 90 addresses');
  });

  it('applies the lab preset call by call, stops at a failure, resumes after the fix without repeating calls', async () => {
    const core = fakeCore({ failOnce: { addImageStore: 'The image store Old already uses nfs://10.0.0.1/export/x' } });
    const { transport } = renderWizard(core);
    fireEvent.click(screen.getByTestId('preset-lab'));
    const table = await screen.findByTestId('plan-calls');
    const rows = within(table).getAllByTestId('plan-call');
    expect(rows.map((r) => r.getAttribute('data-command'))).toContain('configureVirtualRouterElement');
    // The password is masked in the list.
    expect(table.textContent).toContain('password=••••••••');
    expect(table.textContent).not.toContain('password=password');

    fireEvent.click(screen.getByTestId('apply-plan'));
    const failed = await screen.findByTestId('wizard-failed', {}, { timeout: 5000 });
    expect(failed.textContent).toContain('addImageStore failed');
    expect(failed.textContent).toContain('already uses nfs://10.0.0.1/export/x');
    const states = () =>
      within(screen.getByTestId('plan-calls'))
        .getAllByTestId('plan-call')
        .map((r) => r.getAttribute('data-state'));
    expect(states().filter((s) => s === 'done')).toHaveLength(16);
    expect(states().at(-1)).toBe('failed');
    expect(screen.getByTestId('wizard-step-secondary').getAttribute('data-status')).toBe('failed');
    // Async calls went through the job tray.
    expect(useJobStore.getState().jobs.some((j) => j.command === 'createPhysicalNetwork' && j.state === 'done')).toBe(
      true,
    );

    // Fix in Secondary storage: created fields are locked, the failing one is not.
    fireEvent.click(within(failed).getByRole('button', { name: 'Fix in Secondary storage' }));
    expect(screen.getByTestId('wizard-form-secondary')).toBeTruthy();
    type(/^URL/, 'nfs://10.0.0.1/export/fresh');
    fireEvent.click(screen.getByTestId('wizard-step-host'));
    expect((screen.getAllByLabelText(/^Host URL/)[0] as HTMLInputElement).readOnly).toBe(true);
    fireEvent.click(screen.getByTestId('wizard-step-review'));
    expect(screen.getByTestId('apply-plan').textContent).toBe('Resume from call 17');
    fireEvent.click(screen.getByTestId('apply-plan'));
    const finished = await screen.findByTestId('wizard-finished', {}, { timeout: 5000 });
    expect(states().every((s) => s === 'done')).toBe(true);
    // The zone is left Disabled, as createZone leaves it; the finish asks to enable it (as CloudStack's wizard does).
    expect(transport.callsOf('updateZone')).toHaveLength(0);
    await waitFor(() => expect(finished.getAttribute('data-allocationstate')).toBe('Disabled'));
    expect(finished.textContent).toContain('Zone Lab is created and Disabled');
    expect(finished.textContent).toContain('Enable zone Lab now?');
    fireEvent.click(within(finished).getByTestId('enable-zone'));
    await waitFor(() =>
      expect(screen.getByTestId('wizard-finished').getAttribute('data-allocationstate')).toBe('Enabled'),
    );
    expect(screen.getByTestId('wizard-finished').textContent).toContain('Zone Lab is ready and enabled');
    expect(screen.queryByTestId('enable-zone')).toBeNull();

    expect(transport.callsOf('createZone')).toHaveLength(1);
    expect(transport.callsOf('addHost')).toHaveLength(2);
    const stores = transport.callsOf('addImageStore');
    expect(stores).toHaveLength(2);
    expect(stores[1]!.params).toMatchObject({ url: 'nfs://10.0.0.1/export/fresh', zoneid: 'zone-1', provider: 'NFS' });
    const zoneId = 'zone-1';
    expect(transport.callsOf('updateZone').map((c) => c.params)).toEqual([{ id: zoneId, allocationstate: 'Enabled' }]);
    expect(transport.callsOf('configureVirtualRouterElement')[0]!.params).toEqual({ id: 'vre-1', enabled: 'true' });
    expect(screen.getByTestId('wizard-step-review').getAttribute('data-status')).toBe('created');
  });

  it('discards what a failed apply created, innermost first', async () => {
    const core = fakeCore({ failOnce: { createStoragePool: 'Storage pool name taken' } });
    const { transport } = renderWizard(core);
    fireEvent.click(screen.getByTestId('preset-lab'));
    await screen.findByTestId('plan-calls');
    fireEvent.click(screen.getByTestId('apply-plan'));
    await screen.findByTestId('wizard-failed', {}, { timeout: 5000 });

    fireEvent.click(screen.getByTestId('discard-created'));
    const dialog = await screen.findByRole('dialog', { name: 'Discard what was created?' });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Discard what was created' }));
    });
    await waitFor(() => expect(transport.callsOf('deleteZone')).toHaveLength(1), { timeout: 5000 });
    const deletes = transport.calls.filter((c) => c.command.startsWith('delete')).map((c) => c.command);
    expect(deletes).toEqual([
      'deleteHost',
      'deleteHost',
      'deleteCluster',
      'deleteVlanIpRange',
      'deletePod',
      'deletePhysicalNetwork',
      'deleteZone',
    ]);
    expect(transport.callsOf('deleteHost')[0]!.params).toMatchObject({ forced: 'true' });
    await waitFor(() => expect(useWizardStore.getState().phase).toBe('editing'));
    expect(useWizardStore.getState().produced).toEqual({});
    // The draft is kept: the operator can fix it and create the zone again.
    expect(useWizardStore.getState().draft.zone.name).toBe('Lab');
  });
});
