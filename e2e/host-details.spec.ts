import type { Locator, Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { InfrastructurePage } from './pages/infrastructure-page';
import { ApiSession } from './support/api';
import { readSetting, restoreSettings } from './support/settings';
import { seedSmallCloud, type Named } from './support/small-cloud';

/** Heartbeats every second, a host silent for 2 s is Disconnected, and every heartbeat's stats are kept. */
const FAST = { 'ping.interval': '1', 'ping.timeout': '2', 'host.stats.interval': '1000' } as const;
/** Room for the live change, the refetch and the render on a loaded machine. */
const MARGIN_MS = 4_000;
/** From the fault to the list: the silence window (2 s), the round that notices it (1 s), the margin. */
const NOTICED_WITHIN_MS = 3_000 + MARGIN_MS;

/** The Hosts list narrowed to this spec's zone by its keyword (the hosts' names hold the run). */
async function openHosts(page: Page, infra: InfrastructurePage, keyword: string, hosts: Named[]): Promise<void> {
  await infra.open('hosts');
  await page.getByTestId('list-filters').getByRole('textbox').first().fill(keyword);
  for (const h of hosts) await expect(infra.row('hosts', h.name)).toBeVisible();
}

/** The drawer's chart holds at least `n` samples (they come every heartbeat here). */
async function expectSamples(drawer: Locator, n: number): Promise<void> {
  await expect
    .poll(async () => Number(await drawer.getByTestId('host-usage').getAttribute('data-points')), { intervals: [250] })
    .toBeGreaterThanOrEqual(n);
}

/**
 * Operator details on hosts: the Hosts list shows when each host last answered; a host that stops
 * answering reads "Disconnected since ..."; a host's drawer shows CPU and memory used against
 * allocated and a chart of its samples (taken every heartbeat here), in English and Korean, light
 * and dark.
 */
test('hosts show their last heartbeat, since when one is disconnected, and used against allocated with a usage chart', async ({
  page,
  app,
  server,
}) => {
  test.setTimeout(45_000);
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const infra = new InfrastructurePage(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const saved: Record<string, string> = {};
  for (const name of Object.keys(FAST)) saved[name] = await readSetting(api, name);
  let mockId: string | undefined;
  let passed = false;
  try {
    for (const [name, value] of Object.entries(FAST)) await api.call('updateConfiguration', { name, value });
    const { hosts } = await seedSmallCloud(api, run, 'details');
    const [target, healthy] = hosts as [Named, Named];

    await app.login.goto();
    await app.login.login('admin', server.adminPassword);
    await app.shell.expectSignedIn('admin');
    await openHosts(page, infra, `${run}-details`, hosts);

    await test.step('the list shows each host’s last heartbeat, seconds ago and not late', async () => {
      for (const h of hosts) {
        const heartbeat = page.getByTestId(`heartbeat-${h.name}`);
        await expect(heartbeat).toHaveText(/^\d+ sec\. ago$/);
        await expect(heartbeat).not.toHaveAttribute('data-late');
        await expect(page.getByTestId(`cpu-${h.name}`)).toHaveAttribute('data-used', /^\d+\.\d$/);
      }
    });

    // The drawer covers the top bar: it is closed for each theme or language switch, then opened again.
    const reopen = async (host: Named) => {
      const drawer = await infra.openDetail('hosts', host.name, 'host-drawer');
      await drawer.getByRole('tab', { name: /Capacity and tags|용량 및 태그/ }).click();
      return drawer;
    };

    await test.step('a host’s drawer: used against allocated, and a chart of its samples', async () => {
      let drawer = await reopen(healthy);
      await expect(drawer.getByTestId('host-usage-cpu')).toContainText('Allocated');
      await expect(drawer.getByTestId('host-usage-cpu-bar')).toHaveAttribute('data-used', /^\d+\.\d$/);
      await expect(drawer.getByTestId('host-usage-memory-bar')).toHaveAttribute('data-allocated', '0.0');
      await expect(drawer.getByTestId('host-last-ping')).toHaveText(/^(now|\d+ seconds? ago) \(/);
      await expectSamples(drawer, 3);
      await expect(drawer.getByRole('group', { name: 'CPU and memory use: CPU used, Memory used' })).toBeVisible();
      await snap(page, 'host-details-01-drawer');
      await infra.closeDetail(drawer);
      await app.shell.toggleTheme();
      drawer = await reopen(healthy);
      await expectSamples(drawer, 3);
      await snap(page, 'host-details-02-drawer-dark');
      await infra.closeDetail(drawer);
      await app.shell.switchLanguage('ko');
      drawer = await reopen(healthy);
      await expect(
        drawer.getByRole('group', { name: 'CPU·메모리 사용 추이: CPU 사용률, 메모리 사용률' }),
      ).toBeVisible();
      await expect(drawer.getByTestId('host-usage-cpu')).toContainText('할당');
      await snap(page, 'host-details-03-drawer-dark-ko');
      await infra.closeDetail(drawer);
    });

    await test.step('a host that stops answering reads "since" when in the list and its drawer', async () => {
      const mock = await api.call('configureSimulator', {
        name: 'PingCommand',
        value: 'result:fail',
        hostid: target.id,
      });
      mockId = (mock.simulatormock as { id: string }).id;
      // In Korean first: "N초 전부터" after the state badge, the state and the time in the title.
      const heartbeat = page.getByTestId(`heartbeat-${target.name}`);
      await expect(heartbeat).toHaveAttribute('title', /부터 (연결 끊김|경고)$/, { timeout: NOTICED_WITHIN_MS });
      await expect(heartbeat).toHaveText(/^\d+초 전부터$/);
      // Hold the host where it is: the next move needs 100 silent heartbeats.
      await api.call('updateConfiguration', { name: 'ping.timeout', value: '100' });
      await expect(page.getByTestId(`heartbeat-${healthy.name}`)).toHaveText(/^\d+초 전$/);
      await snap(page, 'host-details-04-list-disconnected-dark-ko');
      let drawer = await reopen(target);
      await expect(drawer.getByTestId('host-heartbeat')).toHaveText(/부터 (연결 끊김|경고)$/);
      await snap(page, 'host-details-05-drawer-disconnected-dark-ko');
      await infra.closeDetail(drawer);
      await app.shell.toggleTheme();
      drawer = await reopen(target);
      await snap(page, 'host-details-06-drawer-disconnected-ko');
      await infra.closeDetail(drawer);
      await app.shell.switchLanguage('en');
      await expect(heartbeat).toHaveAttribute('title', /^(Disconnected|Alert) since /);
      drawer = await reopen(target);
      await expect(drawer.getByTestId('host-heartbeat')).toHaveText(/^(Disconnected|Alert) since \d+ seconds? ago$/);
      await snap(page, 'host-details-07-drawer-disconnected');
    });
    expect(errors).toEqual([]);
    passed = true;
  } finally {
    if (mockId) await api.call('cleanupSimulatorMock', { id: mockId }).catch(() => undefined);
    await restoreSettings(api, saved, { bodyPassed: passed });
  }
});
