import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { InfrastructurePage } from './pages/infrastructure-page';
import { ApiSession } from './support/api';
import { seedEmptyCluster, seedSmallCloud } from './support/small-cloud';

const FACTOR = 'cpu.overprovisioning.factor';

async function globalValue(api: ApiSession, name: string): Promise<string | undefined> {
  const answer = await api.call('listConfigurations', { name });
  return (answer.configuration as { name: string; value: string }[] | undefined)?.find((c) => c.name === name)?.value;
}

async function openSettingsPage(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-table')).toBeVisible();
}

/**
 * Scoped settings: a cluster-scoped value set from the cluster's Settings tab is marked as set on
 * that cluster and changed from the default, while the global value stays; the settings page finds
 * it with its scope selector and the "changed" filter; reset, the cluster inherits again. Setting
 * descriptions read in Korean. Screenshots in English and Korean, light and dark.
 */
test('a cluster-scoped setting is set, shown, filtered and reset; descriptions read in Korean', async ({
  page,
  app,
  server,
}) => {
  // About 20 s on an idle machine; the margin is for a loaded CI runner.
  test.setTimeout(60_000);
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const { cluster } = await seedEmptyCluster(api, run, 'settings');
  const clusterName = cluster.name;
  const globalBefore = await globalValue(api, FACTOR);
  const infra = new InfrastructurePage(page);

  await app.login.goto();
  await app.login.login('admin', server.adminPassword);
  await app.shell.expectSignedIn('admin');

  const drawer = page.getByTestId('cluster-drawer');
  const row = drawer.getByTestId(`setting-row-${FACTOR}`);
  await test.step('set the factor from the cluster Settings tab', async () => {
    await page.goto(`${server.url}/#/clusters?id=${cluster.id}`);
    await expect(drawer.getByTestId('detail-name')).toHaveText(clusterName);
    await drawer.getByRole('tab', { name: 'Settings' }).click();
    await expect(row.getByTestId('setting-source')).toHaveText('Inherited default');
    await row.getByTestId('setting-value').click();
    const input = page.getByLabel(FACTOR, { exact: true });
    await input.fill('0.5');
    await input.press('Enter');
    await expect(page.getByText('Enter a value from 1 to 100')).toBeVisible();
    await input.fill('2.5');
    await input.press('Enter');
    await expect(row.getByTestId('setting-source')).toHaveText('Set on this cluster');
    await expect(row.getByTestId('setting-value')).toHaveText('×2.5');
    await snap(page, 'settings-01-cluster-tab');
  });

  await test.step('the global value is unchanged', async () => {
    expect(await globalValue(api, FACTOR)).toBe(globalBefore);
    await infra.closeDetail(drawer);
  });

  const table = page.getByTestId('settings-table');
  await test.step('the settings page: the cluster scope lists it as changed, the filter keeps it', async () => {
    await openSettingsPage(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Global settings');
    await page.getByTestId('settings-scope').getByText('Cluster', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cluster settings');
    await page.getByTestId('settings-scope-target').click();
    await page.getByRole('option', { name: new RegExp(clusterName) }).click();
    const changedOnly = page.getByRole('switch', { name: 'Changed from default' });
    await changedOnly.check({ force: true });
    await expect(changedOnly).toBeChecked();
    const changed = table.locator('tbody tr').filter({ hasText: FACTOR });
    await expect(changed).toBeVisible();
    await expect(changed.getByTestId('setting-changed')).toHaveText('Changed');
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await snap(page, 'settings-02-page-cluster-changed');
  });

  await test.step('in Korean and dark: descriptions and marks read in Korean', async () => {
    await app.shell.switchLanguage('ko');
    const changed = table.locator('tbody tr').filter({ hasText: FACTOR });
    await expect(changed).toContainText('CPU 오버프로비저닝 배수');
    await expect(changed.getByTestId('setting-source')).toHaveText('이 클러스터에 지정');
    await snap(page, 'settings-03-page-ko');
    await app.shell.toggleTheme();
    await snap(page, 'settings-04-page-ko-dark');
    await app.shell.switchLanguage('en');
    await snap(page, 'settings-05-page-dark');
  });

  await test.step('reset on the cluster: it inherits again and leaves the changed filter', async () => {
    const changed = table.locator('tbody tr').filter({ hasText: FACTOR });
    await changed.getByRole('button', { name: new RegExp(`Reset ${FACTOR.replace(/\./g, '\\.')}`) }).click();
    await expect(table.locator('tbody tr').filter({ hasText: FACTOR })).toHaveCount(0);
    const answer = await api.call('listConfigurations', { name: FACTOR, clusterid: cluster.id });
    expect((answer.configuration as { valuesource: string }[])[0]?.valuesource).not.toBe('cluster');
    await app.shell.toggleTheme();
  });
});

const POOL_FACTOR = 'storage.overprovisioning.factor';

/**
 * A storage pool's own value: set from the pool's Settings tab, it is the pool's overprovisioning
 * factor in its details; the settings page's primary storage scope finds it; reset, the pool
 * inherits the global value again.
 */
test('a storage pool setting is set from its Settings tab and found under the primary storage scope', async ({
  page,
  app,
  server,
}) => {
  test.setTimeout(60_000);
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const { zone } = await seedSmallCloud(api, run, 'pool-settings');
  const pools = (await api.call('listStoragePools', { zoneid: zone.id })).storagepool as { id: string; name: string }[];
  const pool = pools[0]!;
  const globalBefore = await globalValue(api, POOL_FACTOR);

  await app.login.goto();
  await app.login.login('admin', server.adminPassword);
  await app.shell.expectSignedIn('admin');

  const drawer = page.getByTestId('pool-drawer');
  await test.step('set the factor on the pool', async () => {
    await page.goto(`${server.url}/#/primary-storage?id=${pool.id}`);
    await expect(drawer.getByTestId('detail-name')).toHaveText(pool.name);
    await drawer.getByRole('tab', { name: 'Settings' }).click();
    const row = drawer.getByTestId(`setting-row-${POOL_FACTOR}`);
    await expect(row.getByTestId('setting-source')).toHaveText('Inherited default');
    await row.getByTestId('setting-value').click();
    const input = page.getByLabel(POOL_FACTOR, { exact: true });
    await input.fill('3');
    await input.press('Enter');
    await expect(row.getByTestId('setting-source')).toHaveText('Set on this primary storage');
    await snap(page, 'settings-06-pool-tab');
    await drawer.getByRole('tab', { name: 'Details' }).click();
    const factorRow = drawer.locator('tr', { hasText: 'Overprovisioning factor' });
    await expect(factorRow.locator('td')).toHaveText('3');
    expect(await globalValue(api, POOL_FACTOR)).toBe(globalBefore);
    await new InfrastructurePage(page).closeDetail(drawer);
  });

  await test.step('the settings page lists it under the primary storage scope; reset there', async () => {
    await openSettingsPage(page);
    await page.getByTestId('settings-scope').getByText('Primary storage', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Primary storage settings');
    await page.getByTestId('settings-scope-target').click();
    await page.getByRole('option', { name: new RegExp(pool.name) }).click();
    const table = page.getByTestId('settings-table');
    const row = table.locator('tbody tr').filter({ hasText: POOL_FACTOR });
    await expect(row.getByTestId('setting-source')).toHaveText('Set on this primary storage');
    await row.getByRole('button', { name: new RegExp(`Reset ${POOL_FACTOR.replace(/\./g, '\\.')}`) }).click();
    await expect(row.getByTestId('setting-source')).toHaveText('Inherited default');
    const answer = await api.call('listStoragePools', { id: pool.id });
    expect((answer.storagepool as { overprovisionfactor: string }[])[0]?.overprovisionfactor).toBe(globalBefore);
  });
});
