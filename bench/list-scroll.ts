/**
 * List scrolling in Chromium (headless): the Hosts list with 500 hosts on one page and the
 * Events list of a 10,000-event log (its largest page, 500 rows), each scrolled top to bottom
 * and back by the page's own requestAnimationFrame loop, a fixed distance per frame, as a
 * trackpad fling does. Prints frames per second and the longest frame. A plain HTML table of
 * the same size, scrolled the same way in the same browser, is the machine's reference figure.
 *
 * Standalone: npx tsx bench/list-scroll.ts <baseUrl> <adminPassword>
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, newBenchPage, signInAsAdmin } from './browser';

export interface ScrollFigures {
  fps: number;
  longestFrameMs: number;
  frames: number;
  rows: number;
}

export interface ListScrollResult {
  hosts: ScrollFigures;
  events: ScrollFigures;
  plainTable: ScrollFigures;
}

/**
 * Page-side: scrolls the element down and back for a while, counting animation frames. Kept as
 * source text: the bundler's helpers (name keeping) do not exist inside the page.
 */
const SCROLL_SCRIPT = `(async ({ selector, durationMs }) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error('nothing matches ' + selector);
  const step = 48;
  let direction = 1, frames = 0, longest = 0, start = 0, last = 0;
  return await new Promise((resolve) => {
    const frame = (now) => {
      if (start === 0) { start = now; last = now; }
      else { frames += 1; longest = Math.max(longest, now - last); last = now; }
      const max = el.scrollHeight - el.clientHeight;
      const next = el.scrollTop + step * direction;
      if (next >= max || next <= 0) direction = -direction;
      el.scrollTop = Math.max(0, Math.min(max, next));
      if (now - start < durationMs) requestAnimationFrame(frame);
      else resolve({ fps: (frames * 1000) / (now - start), longestFrameMs: longest, frames });
    };
    requestAnimationFrame(frame);
  });
})`;

async function scrollInPage(page: Page, selector: string, durationMs: number): Promise<Omit<ScrollFigures, 'rows'>> {
  return page.evaluate(`${SCROLL_SCRIPT}(${JSON.stringify({ selector, durationMs })})`);
}

/** Opens a list at page size 500 and waits for `rows` rows in its table's row count. */
async function openList(page: Page, baseUrl: string, route: string, testId: string, rows: number): Promise<void> {
  await page.goto(`${baseUrl}/#${route}`);
  const table = page.getByTestId(testId);
  await table.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  await page.getByRole('combobox', { name: 'Rows per page' }).click();
  await page.getByRole('option', { name: '500', exact: true }).click();
  await table.locator(`table[aria-rowcount="${rows}"]`).waitFor({ timeout: 60_000 });
  // Settle: tooltips, fonts and the first layout of the virtualized window.
  await page.waitForTimeout(500);
  // The pointer rests over the rows, as a wheel scroll has it (hover styles update as rows pass under it).
  const box = await table.boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** A plain table (no framework) of `rows` rows with eight text cells each, for reference. */
async function plainTable(page: Page, rows: number): Promise<void> {
  await page.evaluate(`(() => {
    document.body.innerHTML = '';
    const box = document.createElement('div');
    box.id = 'plain';
    box.style.cssText = 'height:700px;overflow:auto;font:13px sans-serif';
    const table = document.createElement('table');
    for (let r = 0; r < ${rows}; r++) {
      const tr = table.insertRow();
      for (let c = 0; c < 8; c++) tr.insertCell().textContent = 'row ' + r + ' cell ' + c;
    }
    box.appendChild(table);
    document.body.appendChild(box);
  })()`);
}

export async function benchListScroll(options: {
  baseUrl: string;
  adminPassword: string;
  hosts: number;
  eventsPage: number;
  durationMs?: number;
}): Promise<ListScrollResult> {
  const duration = options.durationMs ?? 4000;
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const browser = await launchChromium();
  try {
    const page = await newBenchPage(browser);
    await signInAsAdmin(page, baseUrl, options.adminPassword);

    await openList(page, baseUrl, '/hosts', 'hosts-table', options.hosts);
    const hosts = await scrollInPage(page, '[data-testid="hosts-table"] > div', duration);

    await openList(page, baseUrl, '/events', 'events-table', options.eventsPage);
    const events = await scrollInPage(page, '[data-testid="events-table"] > div', duration);

    await plainTable(page, options.hosts);
    const plain = await scrollInPage(page, '#plain', duration);
    return {
      hosts: { ...hosts, rows: options.hosts },
      events: { ...events, rows: options.eventsPage },
      plainTable: { ...plain, rows: options.hosts },
    };
  } finally {
    await browser.close();
  }
}

export function describeScroll(name: string, f: ScrollFigures): string {
  return `${name} (${f.rows} rows): ${f.fps.toFixed(1)} fps, longest frame ${f.longestFrameMs.toFixed(0)} ms`;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const [baseUrl, password, hosts, events] = process.argv.slice(2);
  if (!baseUrl || !password) {
    console.error('usage: npx tsx bench/list-scroll.ts <baseUrl> <adminPassword> [hosts=500] [eventsPage=500]');
    process.exit(2);
  }
  const r = await benchListScroll({
    baseUrl,
    adminPassword: password,
    hosts: Number(hosts ?? 500),
    eventsPage: Number(events ?? 500),
  });
  console.log(describeScroll('hosts list', r.hosts));
  console.log(describeScroll('events list', r.events));
  console.log(describeScroll('plain table', r.plainTable));
}
