// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, fakeClient } from '../test/fake-transport';
import { renderWithProviders } from '../test/render';
import { CLIENT_SORTING, columnHelper, DataTable } from './data-table';
import { StateBadge } from './state-badge';

interface Host {
  id: string;
  name: string;
  state: string;
  hypervisor: string;
  zone: string;
}

const col = columnHelper<Host>();
const COLUMNS = [
  col.accessor('name', { header: 'Name', size: 150 }),
  col.accessor('state', { header: 'State', size: 100, cell: (info) => <StateBadge state={info.getValue()} /> }),
  col.accessor('zone', { header: 'Zone', size: 120, meta: { priority: 2 } }),
  col.accessor('hypervisor', { header: 'Hypervisor', size: 100, meta: { priority: 3 } }),
  col.display({ id: 'actions', header: '', size: 44, cell: () => <button type="button">…</button> }),
];

const host = (n: number, zone: string): Host => ({
  id: `h-${n}`,
  name: `host-${n}`,
  state: 'Up',
  hypervisor: 'Simulator',
  zone,
});

function renderTable(rows: Host[]) {
  const { client } = fakeClient({});
  return renderWithProviders(
    <DataTable
      data={rows}
      columns={COLUMNS}
      sorting={CLIENT_SORTING}
      getRowId={(h) => h.id}
      label="Hosts"
      testId="hosts-test"
    />,
    { client, user: ADMIN },
  );
}

const headers = () => Array.from(document.querySelectorAll('thead th')).map((th) => th.getAttribute('data-column'));

describe('DataTable: columns the same in every row', () => {
  afterEach(cleanup);

  it('leaves out a column that may give way when every row holds the same value, and names the value once above the rows', () => {
    renderTable([host(1, 'zone-a'), host(2, 'zone-b'), host(3, 'zone-a')]);
    // State is "Up" everywhere too, but it has no priority: states, names and actions always show.
    expect(headers()).toEqual(['name', 'state', 'zone', 'actions']);
    const note = screen.getByTestId('uniform-columns');
    expect(note.textContent).toBe('Same in every row:HypervisorSimulator');
    expect(note.querySelector('[data-column="hypervisor"]')).not.toBeNull();
  });

  it('shows every column for a single row, and no note', () => {
    renderTable([host(1, 'zone-a')]);
    expect(headers()).toEqual(['name', 'state', 'zone', 'hypervisor', 'actions']);
    expect(screen.queryByTestId('uniform-columns')).toBeNull();
  });

  it('lets the operator bring the column back from the column menu, remembers it, and resets to the default', async () => {
    renderTable([host(1, 'zone-a'), host(2, 'zone-a')]);
    expect(headers()).toEqual(['name', 'state', 'actions']);
    expect(screen.getByTestId('uniform-columns').textContent).toBe('Same in every row:Zonezone-aHypervisorSimulator');

    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    const menu = await screen.findByRole('menu');
    const hypervisor = within(menu)
      .getAllByRole('menuitem', { hidden: true })
      .find((item) => item.textContent?.startsWith('Hypervisor'));
    if (!hypervisor) throw new Error('no Hypervisor entry in the column menu');
    expect(hypervisor.textContent).toContain('Hidden: the same in every row');
    fireEvent.click(hypervisor);
    await waitFor(() => expect(headers()).toEqual(['name', 'state', 'hypervisor', 'actions']));
    expect(screen.getByTestId('uniform-columns').textContent).toBe('Same in every row:Zonezone-a');
    expect(JSON.parse(localStorage.getItem('stackyard.remembered.columns.hosts-test') ?? '{}')).toEqual({
      hypervisor: true,
    });

    fireEvent.click(within(menu).getByTestId('columns-reset'));
    await waitFor(() => expect(headers()).toEqual(['name', 'state', 'actions']));
    expect(JSON.parse(localStorage.getItem('stackyard.remembered.columns.hosts-test') ?? 'null')).toEqual({});
  });
});
