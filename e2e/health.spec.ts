import type { Locator, Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { DashboardPage } from './pages/dashboard-page';
import { InfrastructurePage } from './pages/infrastructure-page';
import { ApiSession } from './support/api';
import { readSetting, restoreSettings } from './support/settings';
import { seedSmallCloud, type Named } from './support/small-cloud';

/** Heartbeats for this spec: a ping every second, a host silent for 2 s is Disconnected. */
const PING_INTERVAL_S = 1;
const PING_TIMEOUT = 2;
/** Room for the live event, the refetch and the render on a loaded machine. */
const MARGIN_MS = 4_000;
/**
 * From the fault to the strip: the silence window (ping.interval × ping.timeout), the heartbeat
 * round that notices it (one ping.interval), then the margin.
 */
const NOTICED_WITHIN_MS = (PING_INTERVAL_S * PING_TIMEOUT + PING_INTERVAL_S) * 1000 + MARGIN_MS;
/** An answering host is Up again from the next round. */
const HEALED_WITHIN_MS = PING_INTERVAL_S * 1000 + MARGIN_MS;

/**
 * Every visible part's text against what is really behind it (its tint composited over the page),
 * as WCAG computes contrast: at least 4.5:1 for this small text.
 */
async function partContrasts(strip: Locator): Promise<{ text: string; ratio: number }[]> {
  return strip.locator('[data-testid^="health-part-"]').evaluateAll((elements) => {
    // The specs compile without the DOM library: the little of it used here, typed by hand.
    interface Box {
      parentElement: Box | null;
      textContent: string | null;
    }
    const page = globalThis as unknown as { getComputedStyle(el: Box): { color: string; backgroundColor: string } };
    const parts = elements as unknown as Box[];
    const rgba = (css: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(css);
      const [r = 0, g = 0, b = 0, a = 1] = (m?.[1] ?? '0,0,0,0')
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return { r, g, b, a: m ? a : 0 };
    };
    const over = (top: ReturnType<typeof rgba>, under: ReturnType<typeof rgba>) => ({
      r: top.r * top.a + under.r * (1 - top.a),
      g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a),
      a: 1,
    });
    const background = (el: Box | null): ReturnType<typeof rgba> => {
      if (!el) return { r: 255, g: 255, b: 255, a: 1 };
      const own = rgba(page.getComputedStyle(el).backgroundColor);
      return own.a >= 1 ? own : over(own, background(el.parentElement));
    };
    const luminance = (c: ReturnType<typeof rgba>) => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
    };
    return parts.map((part) => {
      const fg = luminance(rgba(page.getComputedStyle(part).color));
      const bg = luminance(background(part));
      return {
        text: part.textContent ?? '',
        ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
      };
    });
  });
}

async function expectReadable(strip: Locator): Promise<void> {
  for (const part of await partContrasts(strip)) expect(part.ratio, part.text).toBeGreaterThanOrEqual(4.5);
}

/** The strip's part for a state, by its data-testid (the text is translated). */
const partOf = (strip: Locator, state: string) => strip.getByTestId(`health-part-${state}`);

/** A heartbeat round that started after `since` has been recorded: `host` was pinged after it. */
async function roundAfter(api: ApiSession, host: Named, since: number): Promise<void> {
  await expect
    .poll(async () => Date.parse(String((await api.call('listHosts', { id: host.id })).host[0].lastpinged)), {
      timeout: HEALED_WITHIN_MS,
      intervals: [250],
    })
    .toBeGreaterThan(since);
}

async function openDashboard(page: Page, dashboard: DashboardPage, zoneid: string): Promise<Locator> {
  await dashboard.open({ zoneid });
  return page.getByTestId('health-panel').getByRole('group', { name: /Host health|호스트 상태/ });
}

/**
 * The health strip follows a host that stops answering: the dashboard shows it within one
 * heartbeat, its part opens the Hosts list filtered to that state, whose header strip shows the
 * same; healed, the strip is all Up again. Screenshots in English and Korean, light and dark.
 */
test('the health strip shows a silent host within a heartbeat, filters the Hosts list to it, and returns to all Up', async ({
  page,
  app,
  server,
}) => {
  test.setTimeout(60_000);
  const run = Date.now().toString(36);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  const dashboard = new DashboardPage(page);
  const infra = new InfrastructurePage(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const saved = {
    'ping.interval': await readSetting(api, 'ping.interval'),
    'ping.timeout': await readSetting(api, 'ping.timeout'),
  };
  let mockId: string | undefined;
  let passed = false;
  try {
    await api.call('updateConfiguration', { name: 'ping.interval', value: String(PING_INTERVAL_S) });
    await api.call('updateConfiguration', { name: 'ping.timeout', value: String(PING_TIMEOUT) });
    const { zone, hosts } = await seedSmallCloud(api, run, 'health');
    const [target, healthy] = hosts as [Named, Named];

    await app.login.goto();
    await app.login.login('admin', server.adminPassword);
    await app.shell.expectSignedIn('admin');
    let strip = await openDashboard(page, dashboard, zone.id);

    await test.step('a new zone of two answering hosts reads "2 Up"', async () => {
      await expect(strip).toHaveText('Hosts2 Up');
      await expect(page.getByTestId('health-panel')).toHaveAttribute('data-tone', 'ok');
    });

    let state = '';
    await test.step('one host stops answering: the strip shows it within one heartbeat', async () => {
      const mock = await api.call('configureSimulator', {
        name: 'PingCommand',
        value: 'result:fail',
        hostid: target.id,
      });
      mockId = (mock.simulatormock as { id: string }).id;
      const problem = partOf(strip, 'Disconnected').or(partOf(strip, 'Alert'));
      await expect(problem).toBeVisible({ timeout: NOTICED_WITHIN_MS });
      // Hold the host where it is (the next move needs 100 silent heartbeats) and let the round
      // under way when the setting changed finish, so the state below is the one that stays.
      const frozenAt = Date.now();
      await api.call('updateConfiguration', { name: 'ping.timeout', value: '100' });
      await roundAfter(api, healthy, frozenAt);
      state = String((await api.call('listHosts', { id: target.id })).host[0].state);
      expect(state).toMatch(/^(Disconnected|Alert)$/);
      await expect(partOf(strip, state)).toHaveText(`1 ${state}`);
      await expect(partOf(strip, 'Up')).toHaveText('1 Up');
      await expect(page.getByTestId('health-panel')).toHaveAttribute('data-tone', 'attention');
      await expect(page.getByTestId('health-summary')).toHaveText('Hosts needing attention: 1');
      await expect(page.getByTestId('latest-alerts')).not.toContainText('All is quiet');
      await expectReadable(strip);
      await snap(page, 'health-01-dashboard-silent-host');
    });

    await test.step('its part opens the Hosts list filtered to that state, with the same strip', async () => {
      await partOf(strip, state).click();
      await expect(page).toHaveURL(new RegExp(`#/hosts\\?zoneid=${zone.id}&health=${state}$`));
      await expect(infra.row('hosts', target.name)).toBeVisible();
      await expect(infra.row('hosts', healthy.name)).toHaveCount(0);
      const header = page.getByRole('group', { name: 'Host health' });
      await expect(partOf(header, state)).toHaveText(`1 ${state}`);
      await expect(partOf(header, state)).toHaveAttribute('aria-pressed', 'true');
      await expect(partOf(header, 'Up')).toHaveText('1 Up');
      await expectReadable(header);
      await snap(page, 'health-02-hosts-filtered');
      // The Up part switches the list to the answering host.
      await partOf(header, 'Up').click();
      await expect(infra.row('hosts', healthy.name)).toBeVisible();
      await expect(infra.row('hosts', target.name)).toHaveCount(0);
      await expect(partOf(header, 'Up')).toHaveAttribute('aria-pressed', 'true');
      await partOf(header, state).click();
      await expect(infra.row('hosts', target.name)).toBeVisible();
    });

    await test.step('dark and Korean: the same strips read in Korean, legible in both themes', async () => {
      await app.shell.toggleTheme();
      const header = page.getByRole('group', { name: 'Host health' });
      await expectReadable(header);
      await snap(page, 'health-03-hosts-dark');
      await app.shell.switchLanguage('ko');
      const koHeader = page.getByRole('group', { name: '호스트 상태' });
      await expect(partOf(koHeader, 'Up')).toHaveText('정상 1');
      await expect(partOf(koHeader, state)).toHaveText(state === 'Alert' ? '경고 1' : '연결 끊김 1');
      await snap(page, 'health-04-hosts-dark-ko');
      strip = await openDashboard(page, dashboard, zone.id);
      await expect(page.getByTestId('health-summary')).toHaveText('점검이 필요한 호스트 1대');
      await expectReadable(strip);
      await snap(page, 'health-05-dashboard-dark-ko');
      await app.shell.toggleTheme();
      await expectReadable(strip);
      await snap(page, 'health-06-dashboard-ko');
      await app.shell.switchLanguage('en');
    });

    await test.step('the host answers again: the strip returns to all Up', async () => {
      await api.call('cleanupSimulatorMock', { id: mockId! });
      mockId = undefined;
      await expect(strip).toHaveText('Hosts2 Up', { timeout: HEALED_WITHIN_MS });
      await expect(page.getByTestId('health-panel')).toHaveAttribute('data-tone', 'ok');
      await snap(page, 'health-07-dashboard-healed');
    });
    expect(errors).toEqual([]);
    passed = true;
  } finally {
    if (mockId) await api.call('cleanupSimulatorMock', { id: mockId }).catch(() => undefined);
    await restoreSettings(api, saved, { bodyPassed: passed });
  }
});
