import type { Page } from '@playwright/test';
import { expect, snap, test } from './fixtures';
import { ApiSession } from './support/api';
import { EVERY_LOOK, EVERY_PAGE } from './support/every-page';
import { one, seedSmallCloud } from './support/small-cloud';

/** The few DOM parts the probe reads (the e2e programs are typed without the DOM library). */
interface Box {
  getBoundingClientRect(): { left: number; right: number; width: number; height: number };
  clientLeft: number;
  clientWidth: number;
  scrollWidth: number;
  parentElement: Box | null;
  className: unknown;
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<Box>;
}

interface Browser {
  document: { documentElement: Box; querySelectorAll(selector: string): Iterable<Box> };
  innerWidth: number;
  getComputedStyle(element: Box): { overflowX: string; textOverflow: string };
}

/**
 * What does not fit the window on the page as it is now, one line each: a horizontal document
 * scroll, a row action or page header action outside the viewport or its scroll container's
 * visible box, a badge or tile text cut short by an ellipsis.
 */
function misfits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as unknown as Browser;
    const window = globalThis as unknown as Browser;
    const found: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) found.push(`document scrolls sideways: ${doc.scrollWidth}px`);
    const describe = (el: Box) =>
      `${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName}`;
    // Horizontally inside the viewport and inside every clipping ancestor's visible box.
    const clipped = (el: Box): string | undefined => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return undefined;
      if (box.left < 0 || box.right > window.innerWidth) return 'outside the window';
      for (let parent = el.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX === 'visible') continue;
        const outer = parent.getBoundingClientRect();
        const left = outer.left + parent.clientLeft;
        const right = left + parent.clientWidth;
        if (box.left < left - 0.5 || box.right > right + 0.5)
          return `outside ${parent.className || parent.tagName} (${Math.round(left)}..${Math.round(right)})`;
      }
      return undefined;
    };
    const actions = document.querySelectorAll(
      'main td[data-column="actions"] button, main [data-testid="page-actions"] button, main [data-testid="page-actions"] input',
    );
    for (const action of actions) {
      const why = clipped(action);
      const box = action.getBoundingClientRect();
      if (why) found.push(`action "${describe(action)}" ${why} (${Math.round(box.left)}..${Math.round(box.right)})`);
    }
    // Badges, tiles and whatever is marked as text that must show whole.
    const texts = new Set<Box>(document.querySelectorAll('main .mantine-Badge-label, main [data-fit]'));
    for (const tile of document.querySelectorAll('main [data-tile]'))
      for (const el of [tile, ...tile.querySelectorAll('*')])
        if (getComputedStyle(el).textOverflow === 'ellipsis') texts.add(el);
    for (const text of texts) {
      if (text.clientWidth === 0) continue;
      if (text.scrollWidth > text.clientWidth)
        found.push(`text "${text.textContent?.trim().slice(0, 40)}" cut: ${text.scrollWidth} > ${text.clientWidth}`);
    }
    return found;
  });
}

test('every page fits 1280x720 with no clipped actions, badges or tiles, English and Korean, light and dark', async ({
  page,
  app,
  server,
}) => {
  // About 50 s on an idle machine; generous for a loaded CI runner (64 page visits and screenshots).
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const run = Date.now().toString(36);
  let rolePage = '/roles';
  await test.step('seed two zones, storage and an account', async () => {
    const api = await ApiSession.login(server.url, 'admin', server.adminPassword);
    const first = await seedSmallCloud(api, run, 'wide-a');
    await seedSmallCloud(api, `${run}b`, 'wide-b');
    await api.call('addImageStore', {
      zoneid: first.zone.id,
      name: `secondary-${run}`,
      url: `nfs://10.0.0.1/export/secondary-${run}`,
      provider: 'NFS',
    });
    const domain = one(await api.call('createDomain', { name: `layout-${run}` }), 'domain');
    await api.call('createAccount', {
      accounttype: '0',
      account: `layout-${run}`,
      username: `layout-user-${run}`,
      password: 'Layout-pass-1',
      firstname: 'Layout',
      lastname: 'Operator',
      email: 'layout@example.com',
      domainid: domain.id,
    });
    // Roles with a role open: the list shares the width with its rules.
    const roles = await api.call('listRoles', { name: 'Resource Admin' });
    rolePage = `/roles?id=${one(roles, 'role').id}`;
  });

  await app.login.goto();
  await app.login.login('admin', server.adminPassword);
  await expect(page.getByTestId('user-menu')).toBeVisible();

  const soft = expect.configure({ soft: true });
  for (const look of EVERY_LOOK) {
    await page.evaluate(({ locale, scheme }) => {
      const store = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage;
      store.setItem('stackyard.locale', locale);
      store.setItem('stackyard.color-scheme', scheme);
    }, look);
    await page.reload();
    for (const [path, name] of [...EVERY_PAGE, [rolePage, 'roles-detail'] as const]) {
      await test.step(`${name} ${look.locale} ${look.scheme}`, async () => {
        await page.evaluate((hash) => {
          (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
        }, `#${path}`);
        await expect(page.getByTestId('user-menu')).toBeVisible();
        await expect(page.locator('main')).not.toBeEmpty();
        await expect(page.locator('.mantine-Loader-root')).toHaveCount(0, { timeout: 15_000 });
        // Tables fit their columns after measuring their width: the findings settle within a frame or two.
        await soft
          .poll(() => misfits(page), { message: `${name} ${look.locale} ${look.scheme}`, timeout: 3_000 })
          .toEqual([]);
        if (name === 'hosts') {
          // Every host is a Simulator: the hypervisor column gives way to a note above the rows.
          await expect(page.getByTestId('uniform-columns')).toContainText('Simulator');
          await expect(page.locator('[data-testid="hosts-table"] th[data-column="hypervisor"]')).toHaveCount(0);
        }
        await snap(page, `layout-1280-${name}-${look.locale}-${look.scheme}`);
      });
    }
  }
});
