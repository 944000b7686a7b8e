import { generateAdvancedConfig } from '../core/test/fixtures/marvin/generate';
import { expect, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { ApiSession } from './support/api';

/**
 * A 60-host import started by another client while the dashboard is open: each live event used to
 * refetch the whole dashboard (about 140 requests for 60 hosts); coalesced, every query refetches
 * at most once a second and once when the job ends. The bound is on requests, not on time.
 */
test('the dashboard stays calm while another client imports 60 hosts', async ({ page, app, server }) => {
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const dashboard = new DashboardPage(page);
  const config = generateAdvancedConfig({
    clusters: 3,
    hostsPerCluster: 20,
    poolsPerCluster: 1,
    zoneName: `storm-${run}`,
  });
  const zone = config.zones[0] as { secondaryStorages: { url: string }[] };
  zone.secondaryStorages = zone.secondaryStorages.map((s) => ({ ...s, url: `${s.url}-${run}` }));

  await app.login.goto();
  await app.login.login('admin', server.adminPassword);
  await app.shell.expectSignedIn('admin');
  await expect(page).toHaveURL(/#\/dashboard/);
  // Other specs share the server: an empty cloud greets with the first-run choices instead.
  const tiles = dashboard.tile('hosts').getByTestId('tile-value');
  await expect(tiles.or(page.getByTestId('first-run'))).toBeVisible();
  const hostsBefore = (await tiles.isVisible()) ? await dashboard.tileValue('hosts') : 0;

  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/client/api')) {
      requests.push(new URLSearchParams(request.postData() ?? '').get('command') ?? '?');
    }
  });
  await test.step('another client imports 60 Simulator hosts', async () => {
    await api.run('importDataCenter', { config: JSON.stringify(config) });
  });
  await test.step('the dashboard shows the new hosts (the job end refetched it)', async () => {
    await expect.poll(() => dashboard.tileValue('hosts'), { timeout: 30_000 }).toBe(hostsBefore + 60);
  });
  const byCommand = Object.entries(
    requests.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c]: (acc[c] ?? 0) + 1 }), {}),
  );
  test.info().annotations.push({ type: 'requests', description: `${requests.length}: ${JSON.stringify(byCommand)}` });
  expect(requests.length, JSON.stringify(byCommand)).toBeLessThan(70);
});
