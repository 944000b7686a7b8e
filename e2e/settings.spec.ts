import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { InfrastructurePage } from './pages/infrastructure-page';
import { ApiSession } from './support/api';
import { seedEmptyCluster } from './support/small-cloud';

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
