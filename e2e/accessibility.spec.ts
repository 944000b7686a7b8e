import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { ApiSession } from './support/api';
import { EVERY_LOOK, EVERY_PAGE } from './support/every-page';
import { seedSmallCloud } from './support/small-cloud';

interface Finding {
  page: string;
  rule: string;
  impact: string;
  nodes: number;
  example: string;
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousFindings(page: Page, path: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: path,
      rule: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.length,
      example: v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''} ${n.html.slice(0, 160)}`)
        .join(' | '),
    }));
}

test('every page has no serious or critical axe-core finding, light and dark, English and Korean', async ({
  page,
  app,
  server,
}) => {
  // 68 page views through axe-core: 2.4-3 min in CI, twice that for a busy runner.
  test.setTimeout(360_000);
  const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
  await seedSmallCloud(api, Date.now().toString(36), 'a11y');

  await app.login.goto();
  // The tab shows the product's icon.
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  expect((await page.request.get(new URL(icon ?? '', page.url()).href)).headers()['content-type']).toBe(
    'image/svg+xml',
  );
  await app.login.login('admin', server.adminPassword);
  await expect(page.getByTestId('user-menu')).toBeVisible();

  const findings: Finding[] = [];
  for (const look of EVERY_LOOK) {
    await page.evaluate(({ locale, scheme }) => {
      const store = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage;
      store.setItem('stackyard.locale', locale);
      store.setItem('stackyard.color-scheme', scheme);
    }, look);
    for (const [path] of EVERY_PAGE) {
      await page.goto(`${server.url}/#${path}`);
      await page.reload();
      await expect(page.getByTestId('user-menu')).toBeVisible();
      await expect(page.locator('main')).not.toBeEmpty();
      // Lists and charts settle: no loader left in the page.
      await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 15_000 });
      for (const finding of await seriousFindings(page, path))
        findings.push({ ...finding, page: `${path} ${look.locale} ${look.scheme}` });
    }
    await snap(page, `a11y-settings-${look.locale}-${look.scheme}`);
  }
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
});
