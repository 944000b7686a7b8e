// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfirmHost } from '../../../components/confirm-dialog';
import { useJobStore } from '../../../lib/jobs';
import { ADMIN, fakeClient, type Handler } from '../../../test/fake-transport';
import { renderWithProviders } from '../../../test/render';
import { HostsPage } from './hosts-page';

const base = {
  type: 'Routing',
  zoneid: 'z-1',
  zonename: 'zone-a',
  podid: 'p-1',
  podname: 'pod-a',
  clusterid: 'c-1',
  clustername: 'cluster-a',
  hypervisor: 'Simulator',
  cpunumber: 8,
  cpuspeed: 2000,
  memorytotal: 16 * 1024 ** 3,
  lastpinged: '2026-11-22T10:00:00+0000',
};

const HOSTS = [
  {
    ...base,
    id: 'h-up',
    name: 'host-up',
    state: 'Up',
    resourcestate: 'Enabled',
    ipaddress: '172.16.0.10',
    cpuallocatedpercentage: '12.5%',
    memoryallocated: 4 * 1024 ** 3,
    memoryallocatedpercentage: '25%',
  },
  {
    ...base,
    id: 'h-maint',
    name: 'host-maint',
    state: 'Up',
    resourcestate: 'Maintenance',
    ipaddress: '172.16.0.11',
    cpuallocatedpercentage: '90%',
    memoryallocated: 14 * 1024 ** 3,
  },
];

function handlers(extra: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    listHosts: (p) => {
      const items = p['id'] ? HOSTS.filter((h) => h.id === p['id']) : HOSTS;
      return { count: items.length, host: items };
    },
    listZones: () => ({ count: 1, zone: [{ id: 'z-1', name: 'zone-a', allocationstate: 'Enabled' }] }),
    listPods: () => ({ count: 1, pod: [{ id: 'p-1', name: 'pod-a', zoneid: 'z-1' }] }),
    listClusters: () => ({ count: 1, cluster: [{ id: 'c-1', name: 'cluster-a', podid: 'p-1', zoneid: 'z-1' }] }),
    listEvents: () => ({ count: 0, event: [] }),
    listConfigurations: () => ({
      count: 2,
      configuration: [
        { name: 'ping.interval', value: '60' },
        { name: 'ping.timeout', value: '2.5' },
      ],
    }),
    ...extra,
  };
}

function render(extra: Record<string, Handler> = {}) {
  const fake = fakeClient(handlers(extra));
  renderWithProviders(
    <>
      <HostsPage />
      <ConfirmHost />
    </>,
    { client: fake.client, user: ADMIN },
  );
  return fake;
}

async function openRowMenu(name: string) {
  const table = await screen.findByTestId('hosts-table');
  const row = (await within(table).findByText(name)).closest('tr')!;
  fireEvent.click(within(row as HTMLElement).getByRole('button', { name: `Actions ${name}` }));
  // happy-dom does no layout: Mantine hides a dropdown whose target it cannot see, so the open
  // menu counts as hidden to role queries.
  return screen.findByRole('menu', { hidden: true });
}

const item = (menu: HTMLElement, name: RegExp) => within(menu).getByRole('menuitem', { name, hidden: true });
const noItem = (menu: HTMLElement, name: RegExp) =>
  expect(within(menu).queryByRole('menuitem', { name, hidden: true })).toBeNull();

describe('HostsPage', () => {
  afterEach(() => {
    cleanup();
    window.location.hash = '';
    useJobStore.setState({ jobs: [] });
  });

  it('lists hosts with states, capacity bars and server paging', async () => {
    const { transport } = render();
    const table = await screen.findByTestId('hosts-table');
    await within(table).findByText('host-up');
    expect(within(table).getByText('host-maint')).toBeTruthy();
    expect(within(table).getByText('172.16.0.10')).toBeTruthy();
    expect(table.querySelector('[data-state="maintenance"]')?.textContent).toBe('Maintenance');
    expect(table.querySelector('[data-state="up"]')?.textContent).toBe('Up');
    // CPU allocated: 12.5% is green, 90% is over the disable threshold and red.
    expect(screen.getByTestId('cpu-host-up').getAttribute('data-capacity')).toBe('green');
    expect(screen.getByTestId('cpu-host-maint').getAttribute('data-capacity')).toBe('red');
    expect(screen.getByTestId('page-count').textContent).toBe('2');
    expect(transport.callsOf('listHosts')[0]!.params).toMatchObject({ type: 'Routing', page: '1', pagesize: '100' });
  });

  it('shows the last heartbeat (late past the window), since when a host is down, and used against allocated', async () => {
    const now = Date.now();
    const wire = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
    render({
      listHosts: () => ({
        count: 3,
        host: [
          { ...HOSTS[0]!, lastpinged: wire(now - 20_000), cpuused: '34.2%', memoryused: 8 * 1024 ** 3 },
          { ...HOSTS[0]!, id: 'h-late', name: 'host-late', lastpinged: wire(now - 400_000) },
          {
            ...HOSTS[0]!,
            id: 'h-off',
            name: 'host-off',
            state: 'Disconnected',
            lastpinged: wire(now - 400_000),
            disconnected: wire(now - 180_000),
          },
        ],
      }),
    });
    const table = await screen.findByTestId('hosts-table');
    await within(table).findByText('host-late');
    // The window is ping.interval × ping.timeout: 60 × 2.5 = 150 s.
    const fresh = screen.getByTestId('heartbeat-host-up');
    expect(fresh.textContent).toMatch(/^\d+ sec\. ago$/);
    expect(fresh.hasAttribute('data-late')).toBe(false);
    const late = screen.getByTestId('heartbeat-host-late');
    expect(late.getAttribute('data-late')).toBe('true');
    expect(within(late).getByRole('img', { name: 'Late: silent for more than 150 s' })).toBeTruthy();
    const off = screen.getByTestId('heartbeat-host-off');
    expect(off.textContent).toBe('since 3 min. ago');
    expect(off.getAttribute('title')).toMatch(/^Disconnected since /);
    const cpu = screen.getByTestId('cpu-host-up');
    expect([cpu.getAttribute('data-used'), cpu.getAttribute('data-allocated'), cpu.textContent]).toEqual([
      '34.2',
      '12.5',
      '34% · 13%',
    ]);
    expect(screen.getByTestId('memory-host-up').getAttribute('data-used')).toBe('50.0');
  });

  it('pages 10k hosts from the server and draws only the visible rows', async () => {
    const many = (page: number, size: number) =>
      Array.from({ length: size }, (_, i) => {
        const n = (page - 1) * size + i;
        return {
          ...HOSTS[0]!,
          id: `h-${n}`,
          name: `host-${n}`,
          ipaddress: `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`,
        };
      });
    const { transport } = render({
      listHosts: (p) => ({ count: 10_000, host: many(Number(p['page']), Number(p['pagesize'])) }),
    });
    const table = await screen.findByTestId('hosts-table');
    await within(table).findByText('host-0');
    expect(screen.getByTestId('table-total').textContent).toBe('10,000 total');
    // 100 rows on the page, a screenful of them in the DOM.
    expect(table.querySelectorAll('tbody tr[data-row-id]').length).toBeLessThan(60);
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await within(table).findByText('host-100');
    expect(transport.callsOf('listHosts').at(-1)!.params).toMatchObject({ page: '2', pagesize: '100' });
  });

  it('sends the filters in the URL and the ones chosen on the page as listHosts parameters', async () => {
    window.location.hash = '#/hosts?clusterid=c-1&state=Up';
    const { transport } = render();
    await screen.findByText('host-up');
    expect(transport.callsOf('listHosts')[0]!.params).toMatchObject({ clusterid: 'c-1', state: 'Up', type: 'Routing' });

    const filter = within(screen.getByTestId('list-filters')).getByRole('combobox', { name: 'Resource state' });
    fireEvent.click(filter);
    fireEvent.click(await screen.findByRole('option', { name: 'Maintenance', hidden: true }));
    await waitFor(() =>
      expect(transport.callsOf('listHosts').at(-1)!.params).toMatchObject({
        clusterid: 'c-1',
        state: 'Up',
        resourcestate: 'Maintenance',
      }),
    );
    expect(window.location.hash).toContain('resourcestate=Maintenance');

    fireEvent.change(screen.getByRole('textbox', { name: 'Search hosts' }), { target: { value: 'rack7' } });
    await waitFor(() => expect(transport.callsOf('listHosts').at(-1)!.params).toMatchObject({ keyword: 'rack7' }), {
      timeout: 3000,
    });
  });

  it('heads the list with the host health strip of its location, whose parts set its health filter', async () => {
    window.location.hash = '#/hosts?clusterid=c-1&health=Up';
    const { transport } = render({
      listInfrastructureHealth: () => ({
        infrastructurehealth: {
          hosts: {
            count: 2,
            health: { Up: 1, Maintenance: 1 },
            states: { Up: 2 },
            resourcestates: { Enabled: 1, Maintenance: 1 },
          },
          storagepools: { count: 0, states: {} },
          imagestores: { count: 0, readonly: 0 },
        },
      }),
    });
    const strip = await screen.findByRole('group', { name: 'Host health' });
    await waitFor(() => expect(strip.textContent).toBe('1 Up·1 Maintenance'));
    // Scoped by the list's location, not by the filter the strip itself sets.
    expect(transport.callsOf('listInfrastructureHealth')[0]!.params).toEqual({ clusterid: 'c-1' });
    expect(within(strip).getByRole('button', { name: '1 Up' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(strip).getByRole('button', { name: '1 Maintenance' }));
    await waitFor(() =>
      expect(transport.callsOf('listHosts').at(-1)!.params).toMatchObject({
        clusterid: 'c-1',
        health: 'Maintenance',
      }),
    );
    expect(transport.callsOf('listHosts').at(-1)!.params['state']).toBeUndefined();
    expect(window.location.hash).toBe('#/hosts?clusterid=c-1&health=Maintenance');
    expect(within(strip).getByRole('button', { name: '1 Maintenance' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('sorts the whole list on the server: a header click asks for sortby from page 1 and keeps it in the URL', async () => {
    window.location.hash = '#/hosts?state=Down';
    // The server's order, deliberately not what a client sort of the page would give.
    const served = ['host-b', 'host-c', 'host-a'];
    const { transport } = render({
      listHosts: (p) => ({
        count: 300,
        // Heartbeats, addresses and hypervisors differ: a column the same in every row would give way to a note.
        host: served.map((name, i) => ({
          ...HOSTS[0]!,
          id: `h-${p['page']}-${i}`,
          name,
          state: 'Down',
          lastpinged: `2026-11-22T10:0${i}:00+0000`,
          ipaddress: `10.1.1.${i + 1}`,
          hypervisor: i === 0 ? 'KVM' : 'Simulator',
        })),
      }),
    });
    const table = await screen.findByTestId('hosts-table');
    await within(table).findAllByText('host-b');
    const sortable = [...table.querySelectorAll('th button[data-sort-key]')].map((b) =>
      b.getAttribute('data-sort-key'),
    );
    // Location shows what the server does not sort by: not sortable. CPU and memory sort by what is used.
    expect(sortable).toEqual(['name', 'state', 'lastpinged', 'ipaddress', 'hypervisor', 'cpuused', 'memoryused']);
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(transport.callsOf('listHosts').at(-1)!.params).toMatchObject({ page: '2' }));

    fireEvent.click(table.querySelector('th button[data-sort-key="state"]')!);
    await waitFor(() =>
      expect(transport.callsOf('listHosts').at(-1)!.params).toMatchObject({
        state: 'Down',
        sortby: 'state',
        sortorder: 'asc',
        page: '1',
      }),
    );
    expect(window.location.hash).toContain('sortby=state');
    expect(window.location.hash).toContain('state=Down');
    fireEvent.click(table.querySelector('th button[data-sort-key="state"]')!);
    await waitFor(() => expect(transport.callsOf('listHosts').at(-1)!.params).toMatchObject({ sortorder: 'desc' }));
    expect(window.location.hash).toContain('sortorder=desc');
    const header = table.querySelector('th[aria-sort]');
    expect(header?.getAttribute('aria-sort')).toBe('descending');
    // By name, rows stay in the order the server sent them (a client sort would put host-a first).
    fireEvent.click(table.querySelector('th button[data-sort-key="name"]')!);
    await waitFor(() => expect(transport.callsOf('listHosts').at(-1)!.params).toMatchObject({ sortby: 'name' }));
    await waitFor(() =>
      expect([...table.querySelectorAll('tbody tr[data-row-id]')].map((r) => r.getAttribute('data-row-id'))).toEqual([
        'h-1-0',
        'h-1-1',
        'h-1-2',
      ]),
    );
  });

  it('asks for the sort in the URL at once, as after a reload or from a link', async () => {
    window.location.hash = '#/hosts?sortby=name&sortorder=desc';
    const { transport } = render();
    await screen.findByText('host-up');
    expect(transport.callsOf('listHosts')[0]!.params).toMatchObject({ sortby: 'name', sortorder: 'desc', page: '1' });
    const table = screen.getByTestId('hosts-table');
    expect(table.querySelector('th[aria-sort="descending"] button')?.getAttribute('data-sort-key')).toBe('name');
  });

  it('asks for no sort when the URL names a key the list cannot sort by', async () => {
    window.location.hash = '#/hosts?sortby=password';
    const { transport } = render();
    await screen.findByText('host-up');
    expect(transport.callsOf('listHosts')[0]!.params['sortby']).toBeUndefined();
  });

  it('offers maintenance and disable for an Up/Enabled host, and explains why delete is not possible', async () => {
    render();
    const menu = await openRowMenu('host-up');
    expect(item(menu, /Prepare for maintenance/).hasAttribute('data-disabled')).toBe(false);
    expect(item(menu, /^Disable/).hasAttribute('data-disabled')).toBe(false);
    noItem(menu, /Cancel maintenance/);
    noItem(menu, /^Enable/);
    const remove = item(menu, /Delete/);
    expect(remove.hasAttribute('data-disabled')).toBe(true);
    expect(remove.textContent).toContain('Put the host into maintenance or disable it first.');
  });

  it('offers cancel maintenance and delete for a host in Maintenance', async () => {
    render();
    const menu = await openRowMenu('host-maint');
    expect(item(menu, /^Cancel maintenance/).hasAttribute('data-disabled')).toBe(false);
    expect(item(menu, /Delete/).hasAttribute('data-disabled')).toBe(false);
    noItem(menu, /Prepare for maintenance/);
    noItem(menu, /^Disable/);
    expect(item(menu, /Reconnect/).hasAttribute('data-disabled')).toBe(true);
  });

  it('confirms maintenance, starts prepareHostForMaintenance and puts the job in the tray', async () => {
    const { transport } = render({
      prepareHostForMaintenance: () => ({ jobid: 'job-1', id: 'h-up' }),
      queryAsyncJobResult: () => ({
        jobid: 'job-1',
        jobstatus: 1,
        jobresult: { host: { ...HOSTS[0], resourcestate: 'PrepareForMaintenance' } },
      }),
    });
    const menu = await openRowMenu('host-up');
    fireEvent.click(item(menu, /Prepare for maintenance/));
    // The first confirmation of the file loads the dialog's module (lazy), which a loaded machine
    // may take longer than findBy's default second to compile.
    const dialog = await screen.findByRole('dialog', { name: 'Prepare for maintenance' }, { timeout: 5_000 });
    expect(dialog.textContent).toContain('host-up');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Prepare for maintenance' }));
    await waitFor(() => expect(transport.callsOf('prepareHostForMaintenance')).toHaveLength(1));
    expect(transport.callsOf('prepareHostForMaintenance')[0]!.params).toEqual({ id: 'h-up' });
    await waitFor(() =>
      expect(useJobStore.getState().jobs[0]).toMatchObject({
        jobid: 'job-1',
        title: 'Prepare for maintenance: host-up',
        state: 'done',
      }),
    );
  });

  it('runs a bulk disable only on the selected hosts whose state allows it', async () => {
    const { transport } = render({ updateHost: (p) => ({ host: { ...HOSTS[0], id: p['id'] } }) });
    const table = await screen.findByTestId('hosts-table');
    await within(table).findByText('host-up');
    fireEvent.click(within(table).getByRole('checkbox', { name: 'All' }));
    const bar = await screen.findByTestId('bulk-bar');
    expect(bar.textContent).toContain('2 selected');
    fireEvent.click(within(bar).getByRole('button', { name: /Disable \(1\)/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(transport.callsOf('updateHost')).toHaveLength(1));
    expect(transport.callsOf('updateHost')[0]!.params).toEqual({ id: 'h-up', allocationstate: 'Disable' });
  });

  it('opens a row from the keyboard and gives focus back to that row when its drawer closes', async () => {
    render();
    const table = await screen.findByTestId('hosts-table');
    const row = (await within(table).findByText('host-up')).closest('tr')! as HTMLElement;
    expect(row.tabIndex).toBe(0);
    row.focus();
    fireEvent.keyDown(row, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toContain('id=h-up'));
    const drawer = await screen.findByTestId('host-drawer');
    (document.activeElement as HTMLElement | null)?.blur();
    fireEvent.click(within(drawer.closest('[role="dialog"]') ?? drawer).getAllByRole('button', { name: /close/i })[0]!);
    await waitFor(() => expect(window.location.hash).not.toContain('id='));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-row-id')).toBe('h-up'));
  });

  it('opens the detail drawer from ?id= with capacity and CloudStack errors', async () => {
    window.location.hash = '#/hosts?id=h-up';
    render({
      listEvents: (p) => ({
        count: 1,
        event: [
          {
            id: 'e-1',
            type: 'HOST.ADD',
            level: 'INFO',
            description: `added host ${p['resourceid']}`,
            created: '2026-11-22T10:00:00+0000',
          },
        ],
      }),
    });
    const drawer = await screen.findByTestId('host-drawer');
    expect(await within(drawer).findByTestId('detail-name')).toHaveProperty('textContent', 'host-up');
    const actions = within(drawer).getByTestId('detail-actions');
    expect(within(actions).getByRole('button', { name: /Prepare for maintenance/ })).toBeTruthy();
    expect(
      within(actions)
        .getByRole('button', { name: /Delete/ })
        .hasAttribute('disabled'),
    ).toBe(true);
    expect(within(drawer).getByText('16 GiB')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('tab', { name: 'Events' }));
    expect(await within(drawer).findByText('added host h-up')).toBeTruthy();
  });
});
