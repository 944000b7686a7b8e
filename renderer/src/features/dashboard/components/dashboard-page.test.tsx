// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { useJobStore } from '../../../lib/jobs';
import { DashboardPage } from './dashboard-page';

const GiB = 1024 ** 3;
const ZONE = { id: 'z-1', name: 'yard-1', networktype: 'Advanced', allocationstate: 'Enabled' };

function capacity(type: number, name: string, used: number, total: number, extra: Record<string, unknown> = {}) {
  return {
    type,
    name,
    zoneid: ZONE.id,
    zonename: ZONE.name,
    capacityused: used,
    capacitytotal: total,
    percentused: ((used / total) * 100).toFixed(2),
    ...extra,
  };
}

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    listZones: () => ({ count: 1, zone: [ZONE] }),
    listInfrastructure: () => ({
      infrastructure: { zones: 1, pods: 2, clusters: 3, hosts: 12, storagepools: 4, imagestores: 1, alerts: 2 },
    }),
    listCapacity: (p) => {
      if (p['sortby']) return { count: 0, capacity: [] };
      return {
        count: 5,
        capacity: [
          capacity(0, 'MEMORY', 4 * GiB, 8 * GiB),
          capacity(1, 'CPU', 19_200, 24_000),
          capacity(2, 'STORAGE', 900 * GiB, 1000 * GiB),
          capacity(5, 'PRIVATE_IP', 3, 100),
          capacity(7, 'VLAN', 20, 100),
        ],
      };
    },
    listConfigurations: () => ({ count: 0, configuration: [] }),
    listInfrastructureHealth: () => ({
      infrastructurehealth: {
        hosts: { count: 12, health: { Up: 12 }, states: { Up: 12 }, resourcestates: { Enabled: 12 } },
        storagepools: { count: 4, states: { Up: 4 } },
        imagestores: { count: 1, readonly: 0 },
      },
    }),
    listInfrastructureTopology: () => ({ topology: { aggregated: false, zones: [] } }),
    listCapacityHistory: () => ({ count: 0, capacityhistory: [] }),
    listAlerts: () => ({
      count: 1,
      alert: [
        { id: 'al-1', type: 7, name: 'ALERT.HOST', description: 'Host h1 is Down', sent: '2026-11-22T10:00:00+0000' },
      ],
    }),
    ...extra,
  };
}

const card = (type: number) =>
  screen.getByTestId('capacity-cards').querySelector(`[data-type="${type}"]`) as HTMLElement;

describe('DashboardPage', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
    useJobStore.setState({ jobs: [] });
  });

  it('shows the counts as tiles and a card per capacity type in readable units, coloured by the thresholds', async () => {
    const { client, transport } = fakeClient(handlers());
    renderWithProviders(<DashboardPage />, { client, user: ADMIN });

    await screen.findByTestId('capacity-cards');
    expect(within(screen.getByTestId('tile-hosts')).getByTestId('tile-value').textContent).toBe('12');
    expect(screen.getByTestId('tile-hosts').getAttribute('href')).toBe('#/hosts');
    expect(screen.getByTestId('tile-storagepools').getAttribute('href')).toBe('#/primary-storage');

    const memory = card(0);
    expect(within(memory).getByText('Memory')).toBeTruthy();
    expect(within(memory).getByTestId('capacity-numbers').textContent).toBe('4 GiB of 8 GiB');
    expect(within(memory).getByTestId('capacity-percent').textContent).toBe('50%');
    expect(memory.getAttribute('data-capacity')).toBe('green');

    const cpu = card(1);
    expect(within(cpu).getByTestId('capacity-numbers').textContent).toBe('19.2 GHz of 24 GHz');
    expect(cpu.getAttribute('data-capacity')).toBe('yellow');

    const storage = card(2);
    expect(within(storage).getByTestId('capacity-numbers').textContent).toBe('900 GiB of 1,000 GiB');
    expect(storage.getAttribute('data-capacity')).toBe('red');
    // The thresholds are drawn as markers at 75% and 85%.
    expect((within(storage).getByTestId('marker-notify') as HTMLElement).style.left).toBe('75%');
    expect((within(storage).getByTestId('marker-disable') as HTMLElement).style.left).toBe('85%');

    expect(within(card(5)).getByTestId('capacity-numbers').textContent).toBe('3 of 100');
    expect(within(card(7)).getByText('Guest VLANs')).toBeTruthy();

    // The latest alerts, readable type names, and a link to the alerts page.
    const latest = screen.getByTestId('latest-alerts');
    expect(await within(latest).findByText('Host h1 is Down')).toBeTruthy();
    expect(within(latest).getByText('Host')).toBeTruthy();
    expect(within(latest).getByTestId('all-alerts-link').getAttribute('href')).toBe('#/alerts');
    expect(transport.callsOf('listAlerts')[0]!.params).toMatchObject({ page: '1', pagesize: '5' });
    expect(screen.queryByTestId('first-run')).toBeNull();
  });

  it('never says "all is quiet" while hosts are Disconnected: the health panel and tiles say so first', async () => {
    const { client, transport } = fakeClient(
      handlers({
        listAlerts: () => ({ count: 0, alert: [] }),
        listInfrastructureHealth: () => ({
          infrastructurehealth: {
            hosts: {
              count: 12,
              health: { Up: 9, Disconnected: 2, Maintenance: 1 },
              states: { Up: 10, Disconnected: 2 },
              resourcestates: { Enabled: 11, Maintenance: 1 },
            },
            storagepools: { count: 4, states: { Up: 3, Maintenance: 1 } },
            imagestores: { count: 1, readonly: 0 },
          },
        }),
      }),
    );
    window.location.hash = '#/dashboard?zoneid=z-1';
    renderWithProviders(<DashboardPage />, { client, user: ADMIN });

    const panel = await screen.findByTestId('health-panel');
    await waitFor(() => expect(panel.getAttribute('data-tone')).toBe('attention'));
    expect(within(panel).getByTestId('health-summary').textContent).toBe('Hosts needing attention: 2');
    const hosts = within(panel).getByRole('group', { name: 'Host health' });
    expect(hosts.textContent).toBe('Hosts9 Up·2 Disconnected·1 Maintenance');
    expect(within(hosts).getByTestId('health-part-Disconnected').getAttribute('href')).toBe(
      '#/hosts?zoneid=z-1&health=Disconnected',
    );
    expect(within(panel).getByRole('group', { name: 'Primary storage health' }).textContent).toBe(
      'Primary storage3 Up·1 Maintenance',
    );
    expect(transport.callsOf('listInfrastructureHealth')[0]!.params).toEqual({ zoneid: 'z-1' });

    const latest = screen.getByTestId('latest-alerts');
    expect(await within(latest).findByTestId('alerts-problem-hosts')).toBeTruthy();
    expect(latest.textContent).not.toMatch(/quiet/);
    expect(screen.getByTestId('tile-hosts').textContent).toBe('Hosts12 (Hosts needing attention: 2)');
  });

  it('marks a Disabled zone (as createZone leaves it) grey in the zone picker and beside it when chosen', async () => {
    const disabled = { ...ZONE, id: 'z-2', name: 'yard-2', allocationstate: 'Disabled' };
    const { client } = fakeClient(handlers({ listZones: () => ({ count: 2, zone: [ZONE, disabled] }) }));
    renderWithProviders(<DashboardPage />, { client, user: ADMIN });
    await screen.findByTestId('capacity-cards');
    fireEvent.click(screen.getByTestId('zone-select'));
    const option = (name: string) => screen.getByRole('option', { name: new RegExp(name), hidden: true });
    await waitFor(() => expect(option('yard-2').querySelector('[data-state="disabled"]')).not.toBeNull());
    expect(option('yard-2').textContent).toContain('Disabled');
    expect(option('yard-1').querySelector('[data-state]')).toBeNull();
    // All zones shown: no badge beside the picker yet.
    const besidePicker = () => screen.getAllByText('Disabled').filter((el) => el.closest('[role="option"]') === null);
    expect(besidePicker()).toHaveLength(0);
    fireEvent.click(option('yard-2'));
    await waitFor(() => expect(window.location.hash).toContain('zoneid=z-2'));
    await waitFor(() => expect(besidePicker()).toHaveLength(1));
  });

  it('reads the thresholds in force from listConfigurations and sums all zones', async () => {
    const { client, transport } = fakeClient(
      handlers({
        listZones: () => ({ count: 2, zone: [ZONE, { ...ZONE, id: 'z-2', name: 'yard-2' }] }),
        listConfigurations: () => ({
          count: 2,
          configuration: [
            { name: 'cluster.cpu.allocated.capacity.notificationthreshold', value: '0.9' },
            { name: 'cluster.cpu.allocated.capacity.disablethreshold', value: '0.95' },
          ],
        }),
        listCapacity: (p) =>
          p['sortby']
            ? { count: 0, capacity: [] }
            : {
                count: 2,
                capacity: [
                  capacity(1, 'CPU', 16_000, 20_000),
                  capacity(1, 'CPU', 2_000, 20_000, { zoneid: 'z-2', zonename: 'yard-2' }),
                ],
              },
      }),
    );
    renderWithProviders(<DashboardPage />, { client, user: ADMIN });
    await screen.findByTestId('capacity-cards');
    await waitFor(() => expect(transport.callsOf('listConfigurations').length).toBe(1));
    const cpu = card(1);
    // (16 + 2) of 40 GHz: 45%, green.
    expect(within(cpu).getByTestId('capacity-numbers').textContent).toBe('18 GHz of 40 GHz');
    expect(within(cpu).getByTestId('capacity-percent').textContent).toBe('45%');
    await waitFor(() => expect((within(card(1)).getByTestId('marker-notify') as HTMLElement).style.left).toBe('90%'));
    expect(transport.callsOf('listConfigurations')[0]!.params).toMatchObject({ name: 'threshold' });
    expect(transport.callsOf('listCapacity')[0]!.params['zoneid']).toBeUndefined();
  });

  it('greets an empty cloud with the first-run choices and counts a Marvin file before importing it', async () => {
    let imported: Record<string, string> | undefined;
    const { client, transport } = fakeClient(
      handlers({
        listZones: () => ({ count: 0, zone: [] }),
        importDataCenter: (p) => {
          imported = p;
          return { jobid: p['dryrun'] ? 'job-dry' : 'job-import' };
        },
        queryAsyncJobResult: (p) => ({
          jobid: p['jobid'],
          jobstatus: 1,
          jobresult: {
            datacenterimport:
              p['jobid'] === 'job-dry'
                ? {
                    dryrun: true,
                    zones: [{ name: 'lab-a' }],
                    calls: 27,
                    created: { zones: 1, pods: 1, clusters: 1, hosts: 2 },
                    warnings: ['zones[0].vmwaredc: VMware datacenters are not supported by this build; ignored'],
                    plan: [{ command: 'createZone', label: 'zone lab-a' }],
                  }
                : { zones: [{ id: 'z-new', name: 'lab-a' }], calls: 27, created: { zones: 1, hosts: 2 }, warnings: [] },
          },
        }),
      }),
    );
    renderWithProviders(<DashboardPage />, { client, user: ADMIN });

    const firstRun = await screen.findByTestId('first-run');
    expect(within(firstRun).getByText('Create a lab cloud (Simulator)')).toBeTruthy();
    expect((within(firstRun).getByTestId('first-run-kvm') as HTMLButtonElement).disabled).toBe(true);
    expect(within(within(firstRun).getByTestId('choice-kvm')).getByTestId('choice-note').textContent).toMatch(
      /KVM hosts arrive with the KVM release/,
    );
    expect((within(firstRun).getByTestId('first-run-remote') as HTMLButtonElement).disabled).toBe(true);
    expect(within(firstRun).getByText(/feature of the desktop app/)).toBeTruthy();
    // No capacity queries for an empty cloud.
    expect(transport.callsOf('listCapacity')).toHaveLength(0);

    fireEvent.click(within(firstRun).getByTestId('first-run-lab'));
    expect(window.location.hash).toBe('#/zones/new?preset=lab');

    fireEvent.click(within(firstRun).getByTestId('first-run-import'));
    const dialog = await screen.findByTestId('import-dialog');
    const marvin = [
      '# a comment line',
      JSON.stringify({
        zones: [
          {
            name: 'lab-a',
            networktype: 'Advanced',
            physical_networks: [{ name: 'pn' }],
            pods: [
              {
                name: 'p1',
                clusters: [
                  {
                    clustername: 'c1',
                    hosts: [{ url: 'http://sim/a/h0' }, { url: 'http://sim/a/h1' }],
                    primaryStorages: [{ name: 'ps', url: 'nfs://10.0.0.1/x' }],
                  },
                ],
              },
            ],
            secondaryStorages: [{ url: 'nfs://10.0.0.1/y' }],
          },
        ],
      }),
    ].join('\n');
    const file = new File([marvin], 'lab.cfg', { type: 'text/plain' });
    fireEvent.change(within(dialog).getByTestId('import-file'), { target: { files: [file] } });

    const summary = await within(dialog).findByTestId('marvin-summary');
    const count = (field: string) => within(within(summary).getByTestId(`count-${field}`)).getByTestId('count-value');
    expect(within(summary).getByText('lab-a')).toBeTruthy();
    expect(count('pods').textContent).toBe('1');
    expect(count('clusters').textContent).toBe('1');
    expect(count('hosts').textContent).toBe('2');
    expect(count('primaryStorages').textContent).toBe('1');
    expect(count('secondaryStorages').textContent).toBe('1');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Dry run' }));
    const dry = await within(dialog).findByTestId('dry-run-result');
    expect(dry.textContent).toContain('27 API calls');
    expect(within(dry).getByTestId('dry-run-warnings').textContent).toContain('vmwaredc');
    expect(imported).toMatchObject({ dryrun: 'true', config: marvin });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    const result = await within(dialog).findByTestId('import-result');
    expect(result.textContent).toContain('Imported lab-a in 27 API calls');
    expect(imported).toEqual({ config: marvin });
    expect(useJobStore.getState().jobs.map((j) => j.title)).toContain('Import datacenter lab.cfg');
  });

  it('tells what is wrong with a file that is not a Marvin description', async () => {
    const { client, transport } = fakeClient(handlers({ listZones: () => ({ count: 0, zone: [] }) }));
    renderWithProviders(<DashboardPage />, { client, user: ADMIN });
    fireEvent.click(await screen.findByTestId('import-datacenter'));
    const dialog = await screen.findByTestId('import-dialog');
    fireEvent.change(within(dialog).getByTestId('import-file'), {
      target: { files: [new File(['{"zones": [ }'], 'broken.json')] },
    });
    expect((await within(dialog).findByRole('alert')).textContent).toContain('not valid JSON');
    expect((within(dialog).getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(transport.callsOf('importDataCenter')).toHaveLength(0);
  });

  it('ranks the most used clusters from listCapacity sortby=usage when the core answers per cluster', async () => {
    const { client, transport } = fakeClient(
      handlers({
        listCapacity: (p) =>
          p['sortby']
            ? {
                count: 2,
                capacity: [
                  capacity(1, 'CPU', 900, 1000, { clusterid: 'c-hot', clustername: 'hot' }),
                  capacity(1, 'CPU', 100, 1000, { clusterid: 'c-cold', clustername: 'cold' }),
                ],
              }
            : { count: 1, capacity: [capacity(1, 'CPU', 1000, 2000)] },
      }),
    );
    renderWithProviders(<DashboardPage />, { client, user: ADMIN, locale: 'ko' });
    await waitFor(() => expect(screen.getByTestId('cluster-usage').getAttribute('data-rows')).toBe('2'));
    expect(transport.callsOf('listCapacity').find((c) => c.params['sortby'])!.params).toMatchObject({
      sortby: 'usage',
      type: '1',
    });
    // The per-cluster answer is enough: no topology request.
    expect(transport.callsOf('listInfrastructureTopology')).toHaveLength(0);
    expect(screen.getByRole('heading', { name: '대시보드' })).toBeTruthy();
    expect(screen.getByText('사용률 상위 클러스터')).toBeTruthy();
  });

  it('falls back to the topology sums for the cluster ranking when listCapacity answers per zone', async () => {
    const { client, transport } = fakeClient(
      handlers({
        listInfrastructureTopology: () => ({
          topology: {
            aggregated: false,
            zones: [
              {
                id: 'z-1',
                name: 'yard-1',
                pods: [
                  {
                    id: 'p-1',
                    name: 'pod',
                    clusters: [
                      { id: 'c-1', name: 'c1', hostcount: 2, cpu: { total: 1000, used: 500 } },
                      { id: 'c-2', name: 'c2', hostcount: 0, cpu: { total: 0, used: 0 } },
                    ],
                  },
                ],
              },
            ],
          },
        }),
      }),
    );
    renderWithProviders(<DashboardPage />, { client, user: ADMIN });
    await waitFor(() => expect(screen.getByTestId('cluster-usage').getAttribute('data-rows')).toBe('1'));
    expect(transport.callsOf('listInfrastructureTopology')[0]!.params).toMatchObject({ hostlimit: '0' });
  });
});
