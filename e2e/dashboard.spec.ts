import { expect, snap, test } from './fixtures';
import { AlertsPage, DashboardPage } from './pages/dashboard-page';
import { ApiSession } from './support/api';
import { readSetting, restoreSettings } from './support/settings';
import { seedEmptyCluster } from './support/small-cloud';

/** A small Advanced zone in Marvin's JSON: one pod, one cluster of two Simulator hosts, NFS storage (never contacted). */
function marvinConfig(run: string, zone: string): string {
  const config = {
    zones: [
      {
        name: zone,
        networktype: 'Advanced',
        guestcidraddress: '10.77.0.0/16',
        dns1: '192.0.2.53',
        internaldns1: '10.76.0.53',
        physical_networks: [
          {
            name: `pnet-${run}`,
            broadcastdomainrange: 'Zone',
            vlan: '3100-3149',
            isolationmethods: ['VLAN'],
            traffictypes: [{ typ: 'Guest' }, { typ: 'Management' }, { typ: 'Public' }],
            providers: [{ name: 'VirtualRouter', broadcastdomainrange: 'ZONE' }],
          },
        ],
        ipranges: [
          { gateway: '198.51.100.1', netmask: '255.255.255.0', startip: '198.51.100.10', endip: '198.51.100.60' },
        ],
        pods: [
          {
            name: `pod-${run}`,
            gateway: '10.76.1.1',
            netmask: '255.255.255.0',
            startip: '10.76.1.10',
            endip: '10.76.1.90',
            clusters: [
              {
                clustername: `cluster-${run}`,
                hypervisor: 'Simulator',
                clustertype: 'CloudManaged',
                hosts: ['h0', 'h1'].map((h) => ({
                  url: `http://sim/${run}/${h}`,
                  username: 'root',
                  password: 'password',
                })),
                primaryStorages: [{ name: `ps-${run}`, url: `nfs://10.0.0.1/x-${run}` }],
              },
            ],
          },
        ],
        secondaryStorages: [{ url: `nfs://10.0.0.1/y-${run}`, provider: 'NFS', name: `sec-${run}` }],
      },
    ],
  };
  return `# Stackyard e2e datacenter description (${run})\n${JSON.stringify(config, null, 2)}\n`;
}

/**
 * The operator's dashboard: import a datacenter description from the header's Import action
 * (counts, dry run, the job in the tray), see the counts and capacity fill in, watch the history
 * chart get samples, then raise a host alert with a Simulator fault and archive it.
 */
test('dashboard imports a datacenter, shows capacity and history, and alerts can be archived', async ({
  page,
  app,
  server,
}) => {
  // The monitors pick a changed period up at their next tick: up to one old period later.
  test.setTimeout(12 * 60_000);
  const run = Date.now().toString(36);
  const zone = `e2e-dash-${run}`;
  const file = `dash-${run}.cfg`;
  const dashboard = new DashboardPage(page);
  const alerts = new AlertsPage(page);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  const saved = {
    'capacity.check.period': await readSetting(api, 'capacity.check.period'),
    'ping.interval': await readSetting(api, 'ping.interval'),
  };
  let mockId: string | undefined;
  let passed = false;
  try {
    await test.step('sample capacity every 2 s and ping hosts every second', async () => {
      await api.call('updateConfiguration', { name: 'capacity.check.period', value: '2000' });
      await api.call('updateConfiguration', { name: 'ping.interval', value: '1' });
    });

    await test.step('log in and land on the dashboard', async () => {
      await app.login.goto();
      await app.login.login('admin', server.adminPassword);
      await app.shell.expectSignedIn('admin');
      await expect(page).toHaveURL(/#\/dashboard/);
      await expect(dashboard.header).toHaveText('Dashboard');
      await expect(dashboard.importButton).toBeVisible();
    });

    await test.step('the alerts page opens from the rail', async () => {
      await page.getByTestId('nav-alerts').click();
      await expect(page).toHaveURL(/#\/alerts/);
      await expect(alerts.table).toBeVisible();
      await page.getByTestId('nav-dashboard').click();
      await expect(dashboard.header).toHaveText('Dashboard');
    });

    // Other specs share the server: zones may or may not exist already.
    const before = { zones: 0, hosts: 0 };
    await test.step('read the counts before the import', async () => {
      await expect(page.getByTestId('first-run').or(page.getByTestId('infra-tiles'))).toBeVisible();
      if (await page.getByTestId('first-run').isVisible()) {
        await snap(page, 'dashboard-01-first-run');
      } else {
        await expect(dashboard.tile('zones').getByTestId('tile-value')).not.toHaveText('—');
        before.zones = await dashboard.tileValue('zones');
        before.hosts = await dashboard.tileValue('hosts');
        await snap(page, 'dashboard-01-before-import');
      }
    });

    await test.step('choose the description: the dialog shows what it holds', async () => {
      await dashboard.chooseImportFile(file, marvinConfig(run, zone));
      await expect(dashboard.importDialog.getByTestId('marvin-summary')).toContainText(zone);
      await expect(dashboard.summaryCount('pods')).toHaveText('1');
      await expect(dashboard.summaryCount('clusters')).toHaveText('1');
      await expect(dashboard.summaryCount('hosts')).toHaveText('2');
      await expect(dashboard.summaryCount('primaryStorages')).toHaveText('1');
      await expect(dashboard.summaryCount('secondaryStorages')).toHaveText('1');
      await snap(page, 'dashboard-02-import-counts');
    });

    await test.step('dry run: the planned calls, nothing changed', async () => {
      const result = await dashboard.dryRun();
      await expect(result).toContainText(/the import would make \d+ API calls/);
      const zones = await api.call('listZones', { name: zone });
      expect(zones.count ?? 0).toBe(0);
      await snap(page, 'dashboard-03-dry-run');
    });

    await test.step('import: the job finishes in the tray and the counts change', async () => {
      await dashboard.startImport();
      await expect(dashboard.importDialog.getByTestId('import-result')).toBeVisible({ timeout: 120_000 });
      await expect(dashboard.importDialog.getByTestId('import-result')).toContainText(`Imported ${zone}`);
      await dashboard.closeImportDialog();
      await app.shell.openJobTray();
      const job = app.shell.job(`Import datacenter ${file}`);
      await expect(job).toHaveAttribute('data-state', 'done');
      await expect(job.getByTestId('job-progress')).toHaveAttribute('data-progress', '100');
      await snap(page, 'dashboard-04-job-done');
      await app.shell.jobTrayButton.click();
      await expect(app.shell.jobTray).toBeHidden();
      await expect(dashboard.tile('zones').getByTestId('tile-value')).toHaveText(String(before.zones + 1));
      await expect(dashboard.tile('hosts').getByTestId('tile-value')).toHaveText(String(before.hosts + 2));
    });

    await test.step('the zone shows its capacity in readable units', async () => {
      await dashboard.selectZone(zone);
      await expect(page).toHaveURL(/zoneid=/);
      const memory = dashboard.card(0);
      await expect(memory).toBeVisible();
      await expect(memory.getByTestId('capacity-numbers')).toHaveText(/^[\d.,]+ (B|KiB|MiB|GiB) of [\d.,]+ GiB$/);
      await expect(dashboard.card(1).getByTestId('capacity-numbers')).toContainText(/GHz of .*GHz/);
      await expect(memory).toHaveAttribute('data-capacity', /green|yellow|red/);
      await expect(dashboard.clusterUsage).toHaveAttribute('data-rows', '1');
      await expect(dashboard.clusterUsage).toContainText(`cluster-${run}`);
    });

    await test.step('the history chart gets samples', async () => {
      await expect
        .poll(
          async () => {
            await dashboard.refreshButton.click();
            return dashboard.historyPoints();
          },
          { timeout: 7 * 60_000, intervals: [2_000, 5_000, 10_000] },
        )
        .toBeGreaterThan(1);
      await expect.poll(() => dashboard.historyLineWidth()).toBeGreaterThan(20);
      await dashboard.setHistoryRange('1 h');
      await expect.poll(() => dashboard.historyPoints()).toBeGreaterThan(1);
      await snap(page, 'dashboard-05-light');
    });

    const hosts = (await api.call('listHosts', { zoneid: (await api.call('listZones', { name: zone })).zone[0].id }))
      .host as { id: string; name: string; state: string }[];
    const target = hosts[0]!;

    await test.step('a host that stops answering is an alert from its first missed heartbeats', async () => {
      const mock = await api.call('configureSimulator', {
        name: 'PingCommand',
        value: 'result:fail',
        hostid: target.id,
      });
      mockId = mock.simulatormock.id;
      await expect
        .poll(async () => (await api.call('listHosts', { id: target.id })).host[0].state, {
          timeout: 4 * 60_000,
          intervals: [1_000, 2_000, 5_000],
        })
        .toMatch(/^(Disconnected|Alert|Down)$/);
      await dashboard.refreshButton.click();
      await expect(dashboard.latestAlerts).toContainText(target.id);
      await expect(dashboard.tile('alerts').getByTestId('tile-value')).not.toHaveText('0');
      await snap(page, 'dashboard-05b-first-missed-heartbeats');
      const events = await api.call('listEvents', { type: 'HOST.STATE.CHANGE', listall: 'true' });
      expect((events.event ?? []).map((e: { description: string }) => e.description).join('\n')).toContain(
        `${target.name} is Disconnected (was Up)`,
      );
    });

    await test.step('it goes on to Down, and the same alert says so', async () => {
      await expect
        .poll(async () => (await api.call('listHosts', { id: target.id })).host[0].state, {
          timeout: 4 * 60_000,
          intervals: [1_000, 2_000, 5_000],
        })
        .toBe('Down');
      await dashboard.refreshButton.click();
      await expect(dashboard.latestAlerts).toContainText(target.id);
      await expect(dashboard.tile('alerts').getByTestId('tile-value')).not.toHaveText('0');
    });

    await test.step('archive the alert on the alerts page', async () => {
      await dashboard.latestAlerts.getByTestId('all-alerts-link').click();
      await expect(page).toHaveURL(/#\/alerts/);
      await alerts.filterByType('Host');
      await expect(alerts.row(target.id)).toHaveCount(1);
      await snap(page, 'dashboard-06-alerts');
      await alerts.archive(target.id);
      const left = await api.call('listAlerts', { keyword: target.id });
      expect(left.count ?? 0).toBe(0);
    });

    await test.step('the host answers again once the fault is removed', async () => {
      await api.call('cleanupSimulatorMock', { id: mockId! });
      mockId = undefined;
      await expect
        .poll(async () => (await api.call('listHosts', { id: target.id })).host[0].state, { timeout: 60_000 })
        .toBe('Up');
    });

    await test.step('dark theme and Korean', async () => {
      await dashboard.open({ zoneid: (await api.call('listZones', { name: zone })).zone[0].id });
      await expect.poll(() => dashboard.historyPoints()).toBeGreaterThan(1);
      await app.shell.toggleTheme();
      await expect.poll(() => dashboard.historyLineWidth()).toBeGreaterThan(20);
      await snap(page, 'dashboard-07-dark');
      await app.shell.switchLanguage('ko');
      await expect(dashboard.header).toHaveText('대시보드');
      await expect(dashboard.card(0)).toContainText('메모리');
      await snap(page, 'dashboard-08-dark-ko');
      await app.shell.toggleTheme();
      await snap(page, 'dashboard-09-ko');
      await app.shell.switchLanguage('en');
    });

    expect(errors).toEqual([]);
    passed = true;
  } finally {
    if (mockId) await api.call('cleanupSimulatorMock', { id: mockId }).catch(() => undefined);
    await restoreSettings(api, saved, { bodyPassed: passed });
  }
});

test('a zone left Disabled (createZone’s default) is marked in the zone picker and beside it', async ({
  page,
  app,
  server,
}) => {
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const { zone } = await seedEmptyCluster(api, run, 'disabled');
  const dashboard = new DashboardPage(page);

  await app.login.goto();
  await app.login.login('admin', server.adminPassword);
  await app.shell.expectSignedIn('admin');
  await dashboard.open();
  await dashboard.zoneSelect.click();
  const option = page.getByRole('option', { name: zone.name });
  await expect(option.locator('[data-state="disabled"]')).toHaveText('Disabled');
  await snap(page, 'dashboard-10-disabled-zone-picker');
  await option.click();
  await expect(dashboard.zoneSelect).toHaveValue(zone.name);
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.locator('[data-state="disabled"]:visible')).toHaveCount(1);
  await snap(page, 'dashboard-11-disabled-zone-chosen');
});
