import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { ApiSession } from './support/api';
import { readSetting, restoreSettings } from './support/settings';
import { seedSmallCloud, type Named } from './support/small-cloud';

/** Heartbeats for the alert part: a ping every second, a host silent for 2 s is Disconnected. */
const PING_INTERVAL_S = 1;
const PING_TIMEOUT = 2;
/** The silence window, the round that notices it, and room for the refetch on a loaded machine. */
const NOTICED_WITHIN_MS = (PING_INTERVAL_S * PING_TIMEOUT + PING_INTERVAL_S) * 1000 + 4_000;

const eventRow = (page: Page, type: string) =>
  page.getByTestId('events-table').locator('tbody tr[data-row-id]').filter({ hasText: type });

/**
 * An operator investigates: a host disabled and enabled leaves two events with their own verbs;
 * an event opens in a drawer that says who did it, from where, and links to the host; the
 * filters live in the URL, survive a reload and clear in one go. A host that stops answering
 * raises an alert that opens the host, and is acknowledged and assigned, which shows and filters.
 */
test('events and alerts: specific verbs, event detail with caller and host link, URL filters, alert to host, acknowledge and assign', async ({
  page,
  app,
  server,
}) => {
  // About 15 s in CI: room for a runner four times slower.
  test.setTimeout(60_000);
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const saved = {
    'ping.interval': await readSetting(api, 'ping.interval'),
    'ping.timeout': await readSetting(api, 'ping.timeout'),
  };
  let mockId: string | undefined;
  let passed = false;
  try {
    const { hosts } = await seedSmallCloud(api, run, 'events');
    const [target] = hosts as [Named, Named];
    await app.login.goto();
    await app.login.login('admin', server.adminPassword);
    await app.shell.expectSignedIn('admin');

    await test.step('disable then enable a host', async () => {
      await api.call('updateHost', { id: target.id, allocationstate: 'Disable' });
      await api.call('updateHost', { id: target.id, allocationstate: 'Enable' });
    });

    await test.step('the events list shows HOST.DISABLE and HOST.ENABLE, not a generic update', async () => {
      await page.goto(`${server.url}/#/events?keyword=${encodeURIComponent(target.name)}`);
      await expect(eventRow(page, 'HOST.DISABLE')).toContainText(`Disabled host ${target.name}`);
      await expect(eventRow(page, 'HOST.ENABLE')).toContainText(`Enabled host ${target.name}`);
      await expect(eventRow(page, 'HOST.UPDATE')).toHaveCount(0);
    });

    await test.step('the event opens in a drawer with caller, source address and a link to the host', async () => {
      await eventRow(page, 'HOST.DISABLE').click();
      const drawer = page.getByTestId('event-drawer');
      await expect(drawer.getByTestId('event-type')).toHaveText('HOST.DISABLE');
      await expect(drawer.getByTestId('event-caller')).toContainText('admin');
      await expect(drawer.getByTestId('event-source')).toHaveText(/^(127\.0\.0\.1|::1)$/);
      await expect(page).toHaveURL(/#\/events\?.*id=/);
      await snap(page, 'events-alerts-01-event-drawer');
      await drawer.getByTestId('event-open-resource').click();
      await expect(page).toHaveURL(new RegExp(`#/hosts\\?id=${target.id}$`));
      await expect(page.getByTestId('host-drawer').getByTestId('detail-name')).toHaveText(target.name);
    });

    await test.step('filters live in the URL, survive a reload, and clear in one go', async () => {
      await page.goto(`${server.url}/#/events`);
      await app.events.filterByType('HOST.ENABLE');
      await page.getByTestId('event-level-filter').click();
      await page.getByRole('option', { name: 'INFO', exact: true }).click();
      await expect(page).toHaveURL(/type=HOST\.ENABLE/);
      await expect(page).toHaveURL(/level=INFO/);
      await page.reload();
      await expect(app.events.typeFilter).toHaveValue('HOST.ENABLE');
      await expect(eventRow(page, 'HOST.ENABLE').first()).toBeVisible();
      await expect(eventRow(page, 'HOST.DISABLE')).toHaveCount(0);
      await snap(page, 'events-alerts-02-filters-in-url');
      await page.getByTestId('clear-filters').click();
      await expect(page).not.toHaveURL(/type=|level=/);
      await expect(app.events.typeFilter).toHaveValue('');
      await expect(page.getByTestId('clear-filters')).toHaveCount(0);
    });

    await test.step('a host that stops answering raises an alert that opens the host', async () => {
      await api.call('updateConfiguration', { name: 'ping.interval', value: String(PING_INTERVAL_S) });
      await api.call('updateConfiguration', { name: 'ping.timeout', value: String(PING_TIMEOUT) });
      const mock = await api.call('configureSimulator', {
        name: 'PingCommand',
        value: 'result:fail',
        hostid: target.id,
      });
      mockId = (mock.simulatormock as { id: string }).id;
      await page.goto(`${server.url}/#/alerts?keyword=${encodeURIComponent(target.name)}`);
      const row = page.getByTestId('alerts-table').locator('tbody tr[data-row-id]').first();
      await expect(row.getByTestId('alert-resource-link')).toHaveText(target.name, { timeout: NOTICED_WITHIN_MS });
      await row.click();
      const drawer = page.getByTestId('alert-drawer');
      await expect(drawer.getByTestId('alert-description')).toContainText(target.name);
      // The open alert is in the URL: the link an operator would share.
      const alertUrl = page.url();
      expect(alertUrl).toMatch(/#\/alerts\?.*id=/);
      await drawer.getByTestId('alert-open-resource').click();
      await expect(page).toHaveURL(new RegExp(`#/hosts\\?id=${target.id}$`));
      await expect(page.getByTestId('host-drawer').getByTestId('detail-name')).toHaveText(target.name);
      await page.goto(alertUrl);
      await expect(page.getByTestId('alert-drawer').getByTestId('alert-description')).toContainText(target.name);
    });

    await test.step('acknowledge and assign: shown on the alert and its row, and filterable', async () => {
      const drawer = page.getByTestId('alert-drawer');
      await drawer.getByTestId('alert-acknowledge').click();
      await expect(drawer.getByTestId('alert-acknowledged')).toContainText('Acknowledged by admin');
      await drawer.getByTestId('alert-assignee').click();
      await page.getByRole('option', { name: 'admin', exact: true }).click();
      await expect(drawer.getByTestId('alert-assignee')).toHaveValue('admin');
      const row = page.getByTestId('alerts-table').locator('tbody tr[data-row-id]').first();
      await expect(row.getByTestId('alert-handling')).toContainText('Acknowledged');
      await expect(row.getByTestId('alert-handling')).toContainText('Assigned to admin');
      await snap(page, 'events-alerts-03-alert-drawer');
      await page.keyboard.press('Escape');
      await expect(drawer).toBeHidden();
      await page.getByText('Assigned to me', { exact: true }).click();
      await expect(page).toHaveURL(/assigneeid=/);
      await expect(row.getByTestId('alert-resource-link')).toHaveText(target.name);
      await page.getByTestId('alert-ack-filter').click();
      await page.getByRole('option', { name: 'Not acknowledged' }).click();
      await expect(page).toHaveURL(/acknowledged=false/);
      await expect(page.getByTestId('alerts-table').locator('tbody tr[data-row-id]')).toHaveCount(0);
      await page.getByTestId('clear-filters').click();
      await expect(page).not.toHaveURL(/acknowledged=|assigneeid=|keyword=/);
    });

    await test.step('dark and Korean: the alert and the event drawers read in Korean', async () => {
      await app.shell.toggleTheme();
      await app.shell.switchLanguage('ko');
      await page.goto(`${server.url}/#/alerts?keyword=${encodeURIComponent(target.name)}`);
      await page.getByTestId('alerts-table').locator('tbody tr[data-row-id]').first().click();
      await expect(page.getByTestId('alert-acknowledged')).toContainText('admin 님이');
      await snap(page, 'events-alerts-04-alert-drawer-dark-ko');
      await page.goto(`${server.url}/#/events?keyword=${encodeURIComponent(target.name)}&type=HOST.DISABLE`);
      await eventRow(page, 'HOST.DISABLE').click();
      await expect(page.getByTestId('event-drawer')).toContainText('요청 출처');
      await snap(page, 'events-alerts-05-event-drawer-dark-ko');
      // The open event is in the URL: in the light theme, the same link shows it again.
      const eventUrl = page.url();
      await page.keyboard.press('Escape');
      await app.shell.toggleTheme();
      await page.goto(eventUrl);
      await expect(page.getByTestId('event-drawer')).toContainText('요청 출처');
      await snap(page, 'events-alerts-06-event-drawer-ko');
      await page.keyboard.press('Escape');
      await app.shell.switchLanguage('en');
    });
    expect(errors).toEqual([]);
    passed = true;
  } finally {
    if (mockId) await api.call('cleanupSimulatorMock', { id: mockId }).catch(() => undefined);
    await restoreSettings(api, saved, { bodyPassed: passed });
  }
});
