import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateAdvancedConfig } from '../core/test/fixtures/marvin/generate';
import { startServer, type RunningServer } from '../core/src/server/cli';
import { expect, snap, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { ApiSession } from './support/api';

const PASSWORD = 'E2e-conn-Pass-3';

/**
 * A server of its own, so the test can take it away for real and bring it back on the same port
 * with the same data (sessions live in the database, so the browser's session survives).
 */
class OwnServer {
  private server: RunningServer | undefined;
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-e2e-conn-'));
  private readonly secretKey = crypto.randomBytes(32);
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = await startServer({
      host: '127.0.0.1',
      port: this.port,
      dataDir: this.dataDir,
      adminPassword: PASSWORD,
      secretKey: this.secretKey,
      staticDir: path.resolve('dist/renderer'),
    });
    this.port = this.server.port;
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Whether the browser has downloaded a page's code (the route prefetch after sign-in). */
async function chunkLoaded(page: import('@playwright/test').Page, name: string): Promise<boolean> {
  return page.evaluate(
    (chunk) => performance.getEntriesByType('resource').some((e) => e.name.includes(`/${chunk}-`)),
    name,
  );
}

test('a lost server shows a banner over dimmed data, navigation keeps working, and its return refreshes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const own = new OwnServer();
  await own.start();
  try {
    const server = own.url.replace(/^http:\/\//, '');
    const login = new LoginPage(page, own.url);
    const shell = new ShellPage(page);
    const banner = page.getByTestId('connection-banner');
    const content = page.getByTestId('page-content');
    const hostRows = page.getByRole('row').filter({ hasText: /sim-c\d+-h\d+/ });

    await test.step('a small datacenter to list', async () => {
      const api = await ApiSession.login(own.url, 'admin', PASSWORD);
      const config = generateAdvancedConfig({ clusters: 1, hostsPerCluster: 3, poolsPerCluster: 1, zoneName: 'conn' });
      await api.run('importDataCenter', { config: JSON.stringify(config) });
    });

    await test.step('sign in, read the hosts, return to the dashboard', async () => {
      await login.goto();
      await login.login('admin', PASSWORD);
      await shell.expectSignedIn('admin');
      await expect(shell.connectionChip).toHaveAttribute('data-state', 'connected');
      await page.getByTestId('nav-hosts').click();
      await expect(hostRows).toHaveCount(3);
      await page.getByTestId('nav-dashboard').click();
      await expect(page.getByTestId('infra-tiles')).toBeVisible();
      // Pages never opened are downloaded in idle time after sign-in.
      await expect.poll(() => chunkLoaded(page, 'settings-page'), { timeout: 30_000 }).toBe(true);
      await expect(banner).toBeHidden();
    });

    await test.step('the server goes away: banner with its name, chip lost, page dimmed', async () => {
      await own.stop();
      await expect(banner).toBeVisible({ timeout: 30_000 });
      await expect(banner).toContainText(`Lost connection to ${server}, retrying; data as of `);
      await expect(shell.connectionChip).toHaveAttribute('data-state', 'lost');
      await expect(content).toHaveAttribute('data-stale', 'true');
      await snap(page, 'connection-01-lost-en-light');
    });

    await test.step('navigation still renders: cached hosts dimmed, a never-opened page without a download error', async () => {
      await page.getByTestId('nav-hosts').click();
      await expect(hostRows).toHaveCount(3);
      await expect(content).toHaveAttribute('data-stale', 'true');
      await snap(page, 'connection-02-lost-hosts-en-light');
      await page.getByTestId('nav-settings').click();
      await expect(page).toHaveURL(/#\/settings/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByTestId('page-error')).toHaveCount(0);
      await page.getByTestId('nav-hosts').click();
      await expect(hostRows).toHaveCount(3);
    });

    await test.step('the banner in Korean and in the dark theme', async () => {
      await shell.switchLanguage('ko');
      await expect(banner).toContainText(`${server} 서버와 연결이 끊겼습니다`);
      await snap(page, 'connection-03-lost-ko-light');
      await shell.toggleTheme();
      await page.mouse.move(700, 600);
      await snap(page, 'connection-04-lost-ko-dark');
      await shell.switchLanguage('en');
      await expect(banner).toContainText('Lost connection to');
      await snap(page, 'connection-05-lost-en-dark');
      await shell.toggleTheme();
      await page.mouse.move(700, 600);
    });

    await test.step('the server returns on the same port: banner gone, data refetched, live again', async () => {
      const refetched = page.waitForResponse(
        (r) => r.url().includes('/client/api') && r.request().postData()?.includes('command=listHosts') === true,
        { timeout: 60_000 },
      );
      await own.start();
      expect((await refetched).status()).toBe(200);
      await expect(banner).toBeHidden({ timeout: 30_000 });
      await expect(content).not.toHaveAttribute('data-stale', 'true');
      await expect(shell.connectionChip).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      await expect(hostRows).toHaveCount(3);
      await snap(page, 'connection-06-back-en-light');
    });
  } finally {
    await own.dispose();
  }
});

test('a page whose code cannot be downloaded says so calmly and loads on retry', async ({ page, app, server }) => {
  // The settings page's code (and its CSS) fails to download, from sign-in on: the idle prefetch
  // fails too, and navigation meets the failure.
  let blocked = true;
  await page.route(/\/assets\/settings-page-[^/]+\.(js|css)$/, (route) => (blocked ? route.abort() : route.fallback()));
  await app.login.goto();
  await app.login.login('admin', server.adminPassword);
  await app.shell.expectSignedIn('admin');
  await page.getByTestId('nav-settings').click();
  const failure = page.getByTestId('page-error');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('This page could not be downloaded');
  await expect(failure).not.toContainText('dynamically imported module');
  await expect(failure).not.toContainText('preload CSS');
  await page.mouse.move(700, 600);
  await snap(page, 'connection-07-page-download-failed-en-light');

  blocked = false;
  await failure.getByTestId('page-retry').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Global settings');
  await expect(failure).toHaveCount(0);
});
