import type { Locator, Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { InfrastructurePage } from './pages/infrastructure-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { ApiSession } from './support/api';

const HOSTS = 8;

/** Mantine's notifications on screen (a toast each). */
const toasts = (page: Page) => page.locator('.mantine-Notification-root');

/**
 * The job tray from the server and a bulk action as one batch: 8 Simulator hosts prepared for
 * maintenance at once are ONE tray entry with 8/8 and each host's result, and ONE summary
 * toast; the entry survives a reload, and a job run before signing out is there after signing in.
 */
test('a bulk action is one tray entry and one summary, and the tray comes back from the server', async ({
  page,
  server,
}) => {
  const run = Date.now().toString(36);
  const prefix = `sim-${run}-`;
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);

  await test.step(`seed a zone, pod, cluster and ${HOSTS} Simulator hosts`, async () => {
    const { zone } = await api.call('createZone', {
      name: `jt-zone-${run}`,
      networktype: 'Advanced',
      dns1: '8.8.8.8',
      internaldns1: '10.0.0.2',
      guestcidraddress: '10.1.0.0/16',
    });
    const { pod } = await api.call('createPod', {
      zoneid: zone.id,
      name: `jt-pod-${run}`,
      gateway: '172.16.0.1',
      netmask: '255.255.255.0',
      startip: '172.16.0.10',
      endip: '172.16.0.60',
    });
    const clusters = await api.call('addCluster', {
      zoneid: zone.id,
      podid: pod.id,
      clustername: `jt-cluster-${run}`,
      hypervisor: 'Simulator',
      clustertype: 'CloudManaged',
    });
    const cluster = Array.isArray(clusters.cluster) ? clusters.cluster[0] : clusters.cluster;
    for (let i = 0; i < HOSTS; i++)
      await api.call('addHost', {
        zoneid: zone.id,
        podid: pod.id,
        clusterid: cluster.id,
        hypervisor: 'Simulator',
        url: `http://sim/${run}/h${i}`,
        username: 'root',
        password: 'password',
      });
  });

  const infra = new InfrastructurePage(page);
  const shell = new ShellPage(page);
  const login = new LoginPage(page, server.url);
  const batchEntry = (): Locator => shell.jobTray.locator('[data-testid="job-entry"][data-kind="batch"]');

  await test.step('log in and select the hosts', async () => {
    await login.goto();
    await login.login('admin', server.adminPassword);
    await shell.expectSignedIn('admin');
    await infra.open('hosts');
    await page.getByTestId('list-filters').getByRole('textbox').first().fill(prefix);
    await expect(infra.table('hosts').locator('tbody tr')).toHaveCount(HOSTS);
    for (let i = 0; i < HOSTS; i++)
      await expect(infra.stateBadge(infra.row('hosts', `${prefix}h${i}`), 'Up')).toBeVisible({ timeout: 30_000 });
    await infra.table('hosts').getByRole('checkbox', { name: 'All' }).check();
    await expect(page.getByTestId('bulk-bar')).toContainText(`${HOSTS} selected`);
  });

  await test.step('prepare them all for maintenance: one entry, N/N, one summary toast', async () => {
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Prepare for maintenance' }).click();
    await infra.confirm('Prepare for maintenance', 'Prepare for maintenance');
    const summary = toasts(page).filter({
      hasText: `Prepared ${HOSTS} hosts for maintenance: ${HOSTS} OK, 0 failed`,
    });
    await expect(summary).toHaveCount(1, { timeout: 60_000 });
    await expect(toasts(page)).toHaveCount(1);
    await shell.openJobTray();
    await expect(batchEntry()).toHaveCount(1);
    await expect(batchEntry()).toHaveAttribute('data-state', 'done');
    await expect(batchEntry().getByTestId('batch-counts')).toHaveText(`${HOSTS}/${HOSTS} · ${HOSTS} OK, 0 failed`);
    // The member jobs are not listed again on their own.
    await expect(shell.jobTray.locator('[data-kind="job"]').filter({ hasText: prefix })).toHaveCount(0);
    await batchEntry().getByTestId('batch-toggle').click();
    await expect(batchEntry().locator('[data-testid="batch-member"][data-state="done"]')).toHaveCount(HOSTS);
    await snap(page, 'job-tray-01-batch-en-light');
  });

  await test.step('after a reload the same entry is rebuilt with its per-item results', async () => {
    await page.reload();
    await shell.expectSignedIn('admin');
    await shell.openJobTray();
    await expect(batchEntry()).toHaveCount(1);
    await expect(batchEntry().getByTestId('job-title')).toHaveText(`Prepared ${HOSTS} hosts for maintenance`);
    await expect(batchEntry().getByTestId('batch-counts')).toHaveText(`${HOSTS}/${HOSTS} · ${HOSTS} OK, 0 failed`);
    await batchEntry().getByTestId('batch-toggle').click();
    const members = batchEntry().getByTestId('batch-member');
    await expect(members).toHaveCount(HOSTS);
    await expect(batchEntry().locator('[data-testid="batch-member"][data-state="done"]')).toHaveCount(HOSTS);
    await expect(members.first()).toContainText(`${prefix}h`);
    await expect(toasts(page)).toHaveCount(0);
  });

  const jobid = await test.step('one host out of maintenance: a single job in the tray', async () => {
    await page.keyboard.press('Escape');
    await infra.rowAction('hosts', `${prefix}h0`, /^Cancel maintenance$/);
    const entry = (await shell.openJobTray())
      .locator('[data-kind="job"]')
      .filter({ hasText: `Cancel maintenance: ${prefix}h0` });
    await expect(entry).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    return (await entry.getAttribute('data-jobid')) as string;
  });

  await test.step('sign out and in again: the job and the batch are back from the server', async () => {
    await page.keyboard.press('Escape');
    await shell.userMenu.click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await login.login('admin', server.adminPassword);
    await shell.expectSignedIn('admin');
    const tray = await shell.openJobTray();
    const job = tray.locator(`[data-testid="job-entry"][data-jobid="${jobid}"]`);
    await expect(job).toHaveAttribute('data-state', 'done');
    await expect(job.getByRole('link', { name: 'Open' })).toHaveAttribute('href', /#\/hosts\?id=/);
    await expect(batchEntry()).toHaveCount(1);
  });

  await test.step('screenshots: English and Korean, light and dark', async () => {
    await batchEntry().getByTestId('batch-toggle').click();
    await snap(page, 'job-tray-02-after-sign-in-en-light');
    await shell.jobTrayButton.click();
    await expect(shell.jobTray).toBeHidden();
    await shell.toggleTheme();
    await shell.openJobTray();
    await expect(shell.jobTray).toHaveCSS('opacity', '1');
    await snap(page, 'job-tray-03-en-dark');
    await shell.jobTrayButton.click();
    await expect(shell.jobTray).toBeHidden();
    await shell.switchLanguage('ko');
    await shell.openJobTray();
    await expect(batchEntry().getByTestId('job-title')).toHaveText(`호스트 ${HOSTS}개 유지보수 모드 준비 완료`);
    await expect(shell.jobTray).toHaveCSS('opacity', '1');
    await snap(page, 'job-tray-04-ko-dark');
    await shell.jobTrayButton.click();
    await expect(shell.jobTray).toBeHidden();
    await shell.toggleTheme();
    await shell.openJobTray();
    await expect(shell.jobTray).toHaveCSS('opacity', '1');
    await snap(page, 'job-tray-05-ko-light');
  });

  expect(errors).toEqual([]);
});
