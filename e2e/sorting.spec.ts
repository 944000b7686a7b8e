import { expect, snap, test } from './fixtures';
import { InfrastructurePage } from './pages/infrastructure-page';
import { ApiSession } from './support/api';
import { readSetting, restoreSettings } from './support/settings';

const HOSTS = 110;
const PAGE_SIZE = 50;

/**
 * Sorting a server-paged list sorts the whole list (issue 9): in a zone of 110 Simulator hosts
 * (three pages of 50), the three last hosts by id stop answering and go Down; sorted by state,
 * the Hosts list shows all three together at its start, though unsorted they sat on page 3.
 */
test('sorting the hosts by state brings every Down host together, including those on the last page', async ({
  page,
  app,
  server,
}) => {
  test.setTimeout(60_000);
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const infra = new InfrastructurePage(page);
  const saved = { 'ping.interval': await readSetting(api, 'ping.interval') };
  const mocks: string[] = [];

  let passed = false;
  try {
    const { zoneId, down } = await test.step(`seed a zone with ${HOSTS} Simulator hosts`, async () => {
      const { zone } = await api.call('createZone', {
        name: `e2e-sort-${run}`,
        networktype: 'Advanced',
        dns1: '8.8.8.8',
        internaldns1: '10.0.0.2',
        guestcidraddress: '10.1.0.0/16',
      });
      const { pod } = await api.call('createPod', {
        zoneid: zone.id,
        name: `e2e-sort-pod-${run}`,
        gateway: '172.18.0.1',
        netmask: '255.255.255.0',
        startip: '172.18.0.10',
        endip: '172.18.0.250',
      });
      const clusters = await api.call('addCluster', {
        zoneid: zone.id,
        podid: pod.id,
        clustername: `e2e-sort-cluster-${run}`,
        hypervisor: 'Simulator',
        clustertype: 'CloudManaged',
      });
      const cluster = Array.isArray(clusters.cluster) ? clusters.cluster[0] : clusters.cluster;
      const added: { id: string; name: string }[] = [];
      // One at a time, so that ids follow the order (the last three are the last page's).
      for (let i = 0; i < HOSTS; i++) {
        const answer = await api.call('addHost', {
          zoneid: zone.id,
          podid: pod.id,
          clusterid: cluster.id,
          hypervisor: 'Simulator',
          url: `http://sim/sort-${run}/h${String(i).padStart(3, '0')}`,
          username: 'root',
          password: 'password',
        });
        added.push(Array.isArray(answer.host) ? answer.host[0] : answer.host);
      }
      return { zoneId: zone.id as string, down: added.slice(-3) };
    });

    // Heartbeats every second; a host silent for ping.timeout (2.5) of them is Disconnected, then Alert, then Down.
    await test.step('the last three hosts stop answering and go Down', async () => {
      await api.call('updateConfiguration', { name: 'ping.interval', value: '1' });
      for (const host of down) {
        const mock = await api.call('configureSimulator', {
          name: 'PingCommand',
          value: 'result:fail',
          hostid: host.id,
        });
        mocks.push(mock.simulatormock.id);
      }
      await expect
        .poll(
          async () => {
            const listed = await api.call('listHosts', { zoneid: zoneId, state: 'Down', pagesize: '-1' });
            return ((listed.host ?? []) as { id: string }[]).map((h) => h.id).sort();
          },
          { timeout: 25_000, intervals: [500, 1_000] },
        )
        .toEqual(down.map((h) => h.id).sort());
    });

    await test.step("log in and open the zone's hosts, 50 a page", async () => {
      await app.login.goto();
      await app.login.login('admin', server.adminPassword);
      await app.shell.expectSignedIn('admin');
      await page.goto(`${server.url}/#/hosts?zoneid=${zoneId}`);
      await expect(infra.table('hosts').locator('tbody tr[data-row-id]').first()).toBeVisible();
      await page.getByRole('combobox', { name: 'Rows per page' }).click();
      await page.getByRole('option', { name: String(PAGE_SIZE), exact: true }).click();
      await expect(page.getByTestId('table-total')).toHaveText(`${HOSTS} total`);
      // Unsorted (by id), the Down hosts are on the last page only.
      const firstPage = await infra.rowIds('hosts');
      for (const host of down) expect(firstPage).not.toContain(host.id);
    });

    await test.step('sort by state: the three Down hosts lead the whole list', async () => {
      await infra.sortBy('hosts', 'state');
      await expect(page).toHaveURL(/sortby=state/);
      await expect
        .poll(async () => (await infra.rowIds('hosts')).slice(0, 3).sort())
        .toEqual(down.map((h) => h.id).sort());
      const lead = infra.table('hosts').locator('tbody tr[data-row-id]').first();
      await expect(infra.stateBadge(lead, 'Down')).toBeVisible();
      await expect(infra.table('hosts').locator('th[aria-sort="ascending"]')).toContainText('State');
      await snap(page, 'sorting-01-hosts-by-state');
    });

    await test.step('the other way round they close the list, on its last page; a reload keeps the sort', async () => {
      await infra.sortBy('hosts', 'state');
      await expect(page).toHaveURL(/sortorder=desc/);
      await page.reload();
      await expect(infra.table('hosts').locator('th[aria-sort="descending"]')).toContainText('State');
      await page.getByRole('combobox', { name: 'Rows per page' }).click();
      await page.getByRole('option', { name: String(PAGE_SIZE), exact: true }).click();
      await page.getByRole('button', { name: 'Page 3', exact: true }).click();
      await expect
        .poll(async () => (await infra.rowIds('hosts')).slice(-3).sort())
        .toEqual(down.map((h) => h.id).sort());
      await app.shell.switchLanguage('ko');
      await app.shell.toggleTheme();
      await snap(page, 'sorting-02-hosts-by-state-desc-ko-dark');
      await app.shell.toggleTheme();
      await app.shell.switchLanguage('en');
    });
    passed = true;
  } finally {
    for (const id of mocks) await api.call('cleanupSimulatorMock', { id }).catch(() => undefined);
    await restoreSettings(api, saved, { bodyPassed: passed });
  }
});
