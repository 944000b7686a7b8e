import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { OfferingsPage } from './pages/offerings-page';
import { ApiSession } from './support/api';

/** axe-core's serious and critical rule ids inside the open dialog. */
async function seriousInDialog(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('[role="dialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/**
 * The operator's round trip through the offerings: a custom constrained compute offering made
 * through the wizard (its checks first, then the API), seen in the list and the drawer, renamed;
 * a disk offering made and deleted; a create the API refuses showing its error in the wizard;
 * the screens in Korean and dark.
 */
test('admin creates, edits and deletes compute and disk offerings', async ({ page, app, server }) => {
  const run = Date.now().toString(36);
  const compute = `e2e-custom-${run}`;
  const renamed = `${compute}-renamed`;
  const disk = `e2e-data-${run}`;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const offerings = new OfferingsPage(page);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);

  await test.step('log in and open the offerings', async () => {
    await app.login.goto();
    await app.login.login('admin', server.adminPassword);
    await app.shell.expectSignedIn('admin');
    await app.shell.open('offerings');
    // The core's default offerings are there from the start.
    await expect(offerings.table('compute').locator('tbody tr').first()).toBeVisible();
    await snap(page, 'offerings-01-compute-list');
  });

  await test.step('create a custom constrained compute offering through the wizard', async () => {
    const wizard = await offerings.openWizard('compute');
    await wizard.getByLabel(/^Name/).fill(compute);
    await wizard.getByLabel('Display text').fill('Pick 2 to 8 cores');
    await offerings.next(wizard);
    await wizard.getByText('Custom, constrained').click();
    await wizard.getByLabel('Minimum CPU cores').fill('8');
    await wizard.getByLabel('Maximum CPU cores').fill('2');
    await wizard.getByLabel('Minimum memory (MiB)').fill('1024');
    await wizard.getByLabel('Maximum memory (MiB)').fill('8192');
    await wizard.getByLabel('CPU speed (MHz)').fill('2000');
    await offerings.next(wizard);
    // The size step is marked, and shows the core's own words once reopened.
    await expect(wizard.getByTestId('wizard-step-size')).toContainText('1 to fix');
    await offerings.step(wizard, 'size');
    await expect(wizard).toContainText('the minimum cpu number (8) is greater than the maximum (2)');
    await snap(page, 'offerings-02-compute-wizard-size-error');
    await wizard.getByLabel('Minimum CPU cores').fill('2');
    await wizard.getByLabel('Maximum CPU cores').fill('8');
    await expect(wizard.getByTestId('wizard-step-size')).not.toContainText('to fix');
    await offerings.next(wizard);
    await wizard.getByLabel('Host tags').fill('e2e');
    await offerings.next(wizard);
    await expect(wizard.getByLabel('Public (every domain)')).toBeChecked();
    await offerings.next(wizard);
    const preview = wizard.getByTestId('request-preview');
    await expect(preview).toContainText('createServiceOffering');
    await expect(preview).toContainText('customized=true');
    await expect(preview).toContainText('mincpunumber=2');
    await expect(preview).toContainText('maxmemory=8192');
    await expect(preview).not.toContainText(/^\s*cpunumber=/m);
    await snap(page, 'offerings-03-compute-wizard-review');
    expect(await seriousInDialog(page)).toEqual([]);
    await wizard.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(wizard).toBeHidden();
    // The new offering opens in the drawer, with every field.
    await expect(offerings.drawer.getByRole('heading', { name: compute })).toBeVisible();
    await expect(offerings.drawer).toContainText('Custom, constrained');
    await expect(offerings.drawer).toContainText('2–8 vCPU × 2000 MHz');
    await expect(offerings.drawer).toContainText('e2e');
    await snap(page, 'offerings-04-compute-detail');
    await page.keyboard.press('Escape');
    await expect(offerings.drawer).toBeHidden();
    const row = offerings.row('compute', compute);
    await expect(row).toContainText('2–8 vCPU × 2000 MHz');
    await expect(row).toContainText('1 GiB–8 GiB');
  });

  await test.step('rename it', async () => {
    await offerings.rowAction('compute', compute, 'Edit');
    const dialog = page.getByRole('dialog', { name: 'Edit compute offering' });
    await dialog.getByLabel(/^Name/).fill(renamed);
    await dialog.getByLabel('Sort key').fill('5');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(offerings.row('compute', renamed)).toBeVisible();
    await expect(offerings.row('compute', compute)).toHaveCount(0);
  });

  await test.step('create a disk offering', async () => {
    const wizard = await offerings.openWizard('disk');
    await wizard.getByLabel(/^Name/).fill(disk);
    await offerings.next(wizard);
    await wizard.getByLabel('Disk size (GiB)').fill('50');
    await offerings.next(wizard);
    await wizard.getByLabel('Storage tags').fill('fast');
    await offerings.step(wizard, 'review');
    await expect(wizard.getByTestId('request-preview')).toContainText('disksize=50');
    await snap(page, 'offerings-05-disk-wizard-review');
    await wizard.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(wizard).toBeHidden();
    await expect(offerings.drawer.getByRole('heading', { name: disk })).toBeVisible();
    await page.keyboard.press('Escape');
    const row = offerings.row('disk', disk);
    await expect(row).toContainText('50 GiB');
    await expect(row).toContainText('fast');
    await snap(page, 'offerings-06-disk-list');
  });

  await test.step('a create the API refuses shows its error and keeps the wizard', async () => {
    const domain = `e2e-offdom-${run}`;
    const created = await api.call<{ domain: { id: string } }>('createDomain', { name: domain });
    const wizard = await offerings.openWizard('disk');
    await wizard.getByLabel(/^Name/).fill(`${disk}-refused`);
    await offerings.step(wizard, 'scope');
    await wizard.getByLabel('Public (every domain)').uncheck({ force: true });
    await wizard.getByRole('combobox', { name: 'Domains' }).click();
    await page.getByRole('option', { name: `ROOT/${domain}` }).click();
    await page.keyboard.press('Escape');
    await expect(wizard).toBeVisible();
    // The domain goes away between choosing it and creating: only the API can tell.
    await api.run('deleteDomain', { id: created.domain.id });
    await offerings.step(wizard, 'review');
    await wizard.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(wizard).toContainText(`Please specify a valid domain id: no domain has id ${created.domain.id}`);
    await snap(page, 'offerings-07-disk-wizard-refused');
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    await expect(wizard).toBeHidden();
    await expect(offerings.row('disk', `${disk}-refused`)).toHaveCount(0);
  });

  await test.step('delete the disk offering, with confirmation', async () => {
    await offerings.openRow('disk', disk);
    await offerings.drawer.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete disk offering' });
    await expect(confirm).toContainText(disk);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(offerings.drawer).toBeHidden();
    await expect(offerings.row('disk', disk)).toHaveCount(0);
  });

  await test.step('the screens in Korean and dark', async () => {
    await app.shell.switchLanguage('ko');
    await offerings.tab('compute').click();
    await expect(offerings.row('compute', renamed)).toContainText('vCPU 2–8개 × 2000 MHz');
    await expect(page.getByRole('heading', { name: '오퍼링' })).toBeVisible();
    await snap(page, 'offerings-08-compute-list-ko');
    await app.shell.toggleTheme();
    expect(await app.shell.colorScheme()).toBe('dark');
    await snap(page, 'offerings-09-compute-list-ko-dark');
    await page.getByRole('button', { name: '컴퓨트 오퍼링 만들기' }).click();
    await page.getByRole('dialog', { name: '컴퓨트 오퍼링 만들기' }).getByTestId('wizard-step-size').click();
    await snap(page, 'offerings-10-compute-wizard-ko-dark');
    expect(await seriousInDialog(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await app.shell.switchLanguage('en');
    await offerings.openRow('compute', renamed);
    await snap(page, 'offerings-11-compute-detail-dark');
    await page.keyboard.press('Escape');
    await offerings.openTab('disk');
    await snap(page, 'offerings-12-disk-list-dark');
    await app.shell.toggleTheme();
  });

  await test.step('the palette reaches the page and the compute wizard', async () => {
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Create compute offering');
    await page.keyboard.press('Enter');
    await expect(offerings.wizard('compute')).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('clean up', async () => {
    const list = await api.call<{ serviceoffering?: { id: string; name: string }[] }>('listServiceOfferings', {
      name: renamed,
    });
    for (const o of list.serviceoffering ?? []) await api.call('deleteServiceOffering', { id: o.id });
  });

  expect(errors).toEqual([]);
});
