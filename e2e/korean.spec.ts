import { expect, snap, test } from './fixtures';
import { ApiSession } from './support/api';
import { readSetting, restoreSettings } from './support/settings';
import { seedSmallCloud, type Named } from './support/small-cloud';

/** Heartbeats for this spec: a ping every second, a host silent for 2 s is Disconnected. */
const PING_INTERVAL_S = 1;
const PING_TIMEOUT = 2;
/** From the fault to the alert: the silence window, the round that notices it, and room to spare. */
const NOTICED_WITHIN_MS = (PING_INTERVAL_S * PING_TIMEOUT + PING_INTERVAL_S) * 1000 + 6_000;
/** Korean's one date-time format (renderer/src/lib/i18n.ts formatDateTime). */
const KOREAN_DATE_TIME = /\d{4}\. \d{2}\. \d{2}\. \d{2}:\d{2}:\d{2}/;

/**
 * In Korean, what the core says reads in Korean: the login error for a wrong password, and the
 * alert and event a silent host raises, on the dashboard, the alerts page and the events page (no
 * English sentence), with dates in the Korean format. Screenshots light and dark.
 */
test('a Korean operator reads the login error, a host alert and its event in Korean', async ({ page, app, server }) => {
  test.setTimeout(60_000);
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'stackyard.locale',
      'ko',
    );
  });
  const saved = {
    'ping.interval': await readSetting(api, 'ping.interval'),
    'ping.timeout': await readSetting(api, 'ping.timeout'),
  };
  let mockId: string | undefined;
  let passed = false;
  try {
    await test.step('a wrong password: the login page says so in Korean', async () => {
      await page.goto(`${server.url}/`);
      await page.getByLabel(/^사용자 이름/).fill('admin');
      await page.getByLabel(/^비밀번호/).fill('not-the-password');
      await page.getByLabel(/^도메인/).fill('ROOT');
      await page.getByRole('button', { name: '로그인' }).click();
      const error = page.getByTestId('error-text');
      await expect(error).toHaveText(
        // The core names the domain by its path, as CloudStack's text does ('/' for ROOT).
        '도메인 /의 사용자 admin을(를) 인증하지 못했습니다. 사용자 이름과 비밀번호를 확인하세요.',
      );
      await expect(page.getByRole('alert')).not.toContainText('Failed to authenticate');
      await snap(page, 'korean-01-login-error');
    });

    await api.call('updateConfiguration', { name: 'ping.interval', value: String(PING_INTERVAL_S) });
    await api.call('updateConfiguration', { name: 'ping.timeout', value: String(PING_TIMEOUT) });
    const { hosts } = await seedSmallCloud(api, run, 'korean');
    const target = hosts[0] as Named;
    const mock = await api.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', hostid: target.id });
    mockId = (mock.simulatormock as { id: string }).id;
    await expect
      .poll(async () => (await api.call('listAlerts', { keyword: target.name })).count ?? 0, {
        timeout: NOTICED_WITHIN_MS,
        intervals: [250],
      })
      .toBeGreaterThan(0);
    // Hold the host where it is, so the alert's text stays what the steps below read.
    await api.call('updateConfiguration', { name: 'ping.timeout', value: '100' });

    await page.getByLabel(/^비밀번호/).fill(server.adminPassword);
    await page.getByRole('button', { name: '로그인' }).click();
    await expect(page.getByTestId('latest-alerts')).toBeVisible();

    await test.step('the dashboard lists the host alert in Korean', async () => {
      const alert = page.getByTestId('latest-alert').filter({ hasText: target.name }).first();
      await expect(alert).toContainText(new RegExp(`호스트 (연결 끊김|경고 상태|다운): ${target.name}`));
      await expect(page.getByTestId('latest-alerts')).not.toContainText(/Host (disconnected|is in alert|is down)/);
      await expect(page.getByTestId('latest-alerts')).toContainText('최근 알림');
      await snap(page, 'korean-02-dashboard');
    });

    await test.step('the alerts page shows it in Korean, with the Korean date format', async () => {
      await page.goto(`${server.url}/#/alerts`);
      const row = page.locator('tbody tr[data-row-id]').filter({ hasText: target.name }).first();
      await expect(row).toContainText(new RegExp(`호스트 (연결 끊김|경고 상태|다운): ${target.name}`));
      await expect(row).toContainText(KOREAN_DATE_TIME);
      await expect(row).not.toContainText(/Host |availability zone/);
      await snap(page, 'korean-03-alerts');
    });

    const row = page
      .locator('tbody tr[data-row-id]')
      .filter({ hasText: 'HOST.STATE.CHANGE' })
      .filter({ hasText: target.name })
      .first();
    await test.step('the events page shows why, in Korean, the time inside it in the Korean format', async () => {
      await page.goto(`${server.url}/#/events`);
      await expect(row).toContainText(
        new RegExp(`호스트 ${target.name}이\\(가\\) ${KOREAN_DATE_TIME.source} 이후 하트비트에 응답하지 않아 정상에서`),
      );
      await expect(row).toContainText('경고');
      await expect(row).not.toContainText(/no answer to heartbeats|WARN/);
      await snap(page, 'korean-04-events');
    });

    await test.step('the date filter writes and picks days in Korean, the URL keeps YYYY-MM-DD', async () => {
      const now = new Date();
      const two = (n: number) => String(n).padStart(2, '0');
      const [y, m, d] = [now.getFullYear(), two(now.getMonth() + 1), two(now.getDate())];
      await page.getByTestId('event-from-filter').click();
      await expect(page.getByText(`${y}년 ${now.getMonth() + 1}월`, { exact: true })).toBeVisible();
      // Shown once its fade-in ends.
      await expect(page.locator('[data-dates-dropdown]')).toHaveCSS('opacity', '1');
      await snap(page, 'korean-04b-events-date-picker');
      await page.getByRole('button', { name: `${y}. ${m}. ${d}.`, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`startdate=${y}-${m}-${d}`));
      await expect(page.getByTestId('event-from-filter')).toHaveText(`${y}. ${m}. ${d}.`);
      await expect(row).toBeVisible();
      await page.getByTestId('clear-filters').click();
      await expect(page).not.toHaveURL(/startdate=/);
    });

    await test.step('the events page in the dark', async () => {
      await app.shell.toggleTheme();
      await expect(row).toBeVisible();
      await snap(page, 'korean-05-events-dark');
      await page.goto(`${server.url}/#/alerts`);
      await expect(page.locator('tbody tr[data-row-id]').filter({ hasText: target.name }).first()).toBeVisible();
      await snap(page, 'korean-06-alerts-dark');
      await app.shell.toggleTheme();
    });
    expect(errors).toEqual([]);
    passed = true;
  } finally {
    if (mockId) await api.call('cleanupSimulatorMock', { id: mockId }).catch(() => undefined);
    await restoreSettings(api, saved, { bodyPassed: passed });
  }
});
