import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { generateAdvancedConfig } from '../core/test/fixtures/marvin/generate';
import { expect, snap, test } from './fixtures';
import { DiagramPage } from './pages/diagram-page';
import { LoginPage } from './pages/login-page';
import { ShellPage } from './pages/shell-page';
import { ApiSession } from './support/api';

/**
 * The infrastructure diagram at 1,000 Simulator hosts (50 clusters of 20), on a server of its own
 * (a `serve` process: its heartbeats for 1,000 hosts do not share the test runner's event loop,
 * and the other specs keep their small cloud). Zoomed out, every cluster is a card with its name,
 * host count and problems; a host that goes Down shows on its cluster's card; no text in the
 * diagram is ever drawn under 11 px on screen, whatever the zoom; the legend has its own bar.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'Scale-admin-Pass-9';
const CLUSTERS = 50;
const HOSTS_PER_CLUSTER = 20;

let child: ChildProcess | undefined;
let exited: Promise<unknown> = Promise.resolve();
let serverUrl = '';
let dataDir = '';
let api: ApiSession;

/** Starts `serve` on a fresh data directory with the built UI; resolves with its URL once it listens. */
async function startServe(): Promise<string> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-e2e-diagram-scale-'));
  const args = ['--import', 'tsx', 'core/src/server/cli.ts', 'serve', '--port', '0', '--data-dir', dataDir];
  child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, STACKYARD_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = child;
  exited = new Promise((resolve) => started.once('exit', resolve));
  let out = '';
  return new Promise<string>((resolve, reject) => {
    const read = (d: Buffer) => {
      out += d.toString('utf8');
      const url = /Stackyard UI: (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve(url);
    };
    started.stdout?.on('data', read);
    started.stderr?.on('data', read);
    started.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
  });
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  serverUrl = await startServe();
  api = await ApiSession.login(serverUrl, 'admin', PASSWORD);
  const config = generateAdvancedConfig({
    clusters: CLUSTERS,
    hostsPerCluster: HOSTS_PER_CLUSTER,
    poolsPerCluster: 1,
    zoneName: 'dc1',
  });
  await api.run('importDataCenter', { config: JSON.stringify(config) }, 240_000);
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    const stopped = await Promise.race([
      exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 20_000)),
    ]);
    if (!stopped) child.kill('SIGKILL');
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

interface TextSize {
  text: string;
  px: number;
}

/** The few DOM parts the measurement below uses (the e2e code is typed for Node). */
interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface El {
  parentElement: El | null;
  textContent: string | null;
  getBoundingClientRect(): Rect;
}
interface Dom {
  getComputedStyle(el: El): {
    transform: string;
    display: string;
    visibility: string;
    opacity: string;
    fontSize: string;
  };
  DOMMatrix: new (transform: string) => { a: number };
  document: {
    createTreeWalker(root: El, what: number): { nextNode(): El | null };
    createRange(): { selectNodeContents(node: El): void; getBoundingClientRect(): Rect };
  };
}

/**
 * Every text drawn in the diagram's canvas with its size on screen: the computed font size times
 * the scale of every transform above it (the canvas's zoom, and any other). Only text that shows:
 * inside the canvas, not hidden, not transparent.
 */
async function drawnTextSizes(page: Page): Promise<TextSize[]> {
  return page.getByTestId('diagram').evaluate((canvasEl) => {
    const dom = globalThis as unknown as Dom;
    const canvas = canvasEl as unknown as El;
    const bounds = canvas.getBoundingClientRect();
    const scaleOf = (el: El): number => {
      let scale = 1;
      for (let e: El | null = el; e && e !== canvas; e = e.parentElement) {
        const transform = dom.getComputedStyle(e).transform;
        if (transform && transform !== 'none') scale *= new dom.DOMMatrix(transform).a;
      }
      return scale;
    };
    const shown = (el: El): boolean => {
      for (let e: El | null = el; e && e !== canvas; e = e.parentElement) {
        const style = dom.getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      }
      return true;
    };
    const found: TextSize[] = [];
    const SHOW_TEXT = 4;
    const walker = dom.document.createTreeWalker(canvas, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el) continue;
      const range = dom.document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      const inside =
        rect.width > 0 &&
        rect.height > 0 &&
        rect.right > bounds.left &&
        rect.left < bounds.right &&
        rect.bottom > bounds.top &&
        rect.top < bounds.bottom;
      if (!inside || !shown(el)) continue;
      found.push({ text, px: Number.parseFloat(dom.getComputedStyle(el).fontSize) * scaleOf(el) });
    }
    return found;
  });
}

async function expectNoSmallText(page: Page, when: string): Promise<number> {
  const sizes = await drawnTextSizes(page);
  expect(sizes.length, `text drawn ${when}`).toBeGreaterThan(0);
  const small = sizes.filter((s) => s.px < 10.99);
  expect(small, `text under 11 px ${when}`).toEqual([]);
  return sizes.length;
}

type Box = { x: number; y: number; width: number; height: number };
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('1,000 hosts: cluster cards with names and problems, never a label under 11 px, the legend in its own bar', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const login = new LoginPage(page, serverUrl);
  const shell = new ShellPage(page);
  const diagram = new DiagramPage(page);
  const flow = page.locator('.react-flow');
  const cards = page.getByTestId('diagram-card');
  const card = (name: string) => page.locator(`[data-testid="diagram-card"][data-name="${name}"]`);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // A zoom that crosses a level of detail mounts a few hundred nodes: room for a loaded machine.
  const control = (name: 'Zoom in' | 'Zoom out' | 'Fit to screen') =>
    page.getByRole('button', { name, exact: true }).click({ timeout: 60_000 });

  await test.step('open the diagram of 1,000 hosts: every cluster is a card with its name and host count', async () => {
    await login.goto();
    await login.login('admin', PASSWORD);
    await shell.expectSignedIn('admin');
    await diagram.open();
    await expect(page.getByTestId('diagram-summary')).toContainText('Hosts 1,000');
    await expect(flow).toHaveAttribute('data-level', 'clusters');
    await expect(cards).toHaveCount(CLUSTERS);
    for (const name of ['cluster1', 'cluster17', 'cluster50']) {
      await expect(card(name).getByTestId('card-name')).toHaveText(name);
      await expect(card(name).getByTestId('card-hosts')).toHaveText('20 hosts');
      // Healthy: green, no problem counted (narrow cards say "All Up" with the green dot alone).
      await expect(card(name)).toHaveAttribute('data-color', 'green');
      await expect(card(name).getByTestId('card-counts').locator('[data-state]')).toHaveCount(0);
    }
    // The hosts themselves are not drawn zoomed out; the zone and pod names are.
    await expect(page.getByTestId('diagram-node-host')).toHaveCount(0);
    await expect(page.getByTestId('diagram-label-zone')).toContainText('dc1');
    await expect(page.getByTestId('diagram-label-pod')).toContainText('Clusters 50 · Hosts 1,000');
    await snap(page, 'diagram-scale-01-clusters-en-light');
  });

  await test.step('no text under 11 px at the initial zoom, zoomed out, and zoomed in step by step', async () => {
    await expectNoSmallText(page, 'at the initial zoom');
    const start = await diagram.zoom();
    await control('Zoom out');
    await expect.poll(() => diagram.zoom()).toBeLessThan(start);
    await expectNoSmallText(page, 'zoomed out once');
    await control('Zoom out');
    await control('Zoom out');
    await expect.poll(() => diagram.zoom()).toBeLessThan(start * 0.7);
    await expectNoSmallText(page, 'zoomed out three times');
    await expect(page.getByTestId('diagram-label-zone')).toBeVisible();
    await control('Fit to screen');
    await expect.poll(() => diagram.zoom()).toBeCloseTo(start, 3);
    let zoom = start;
    for (let step = 1; step <= 14 && zoom < 1.2; step++) {
      await control('Zoom in');
      await expect.poll(() => diagram.zoom()).toBeGreaterThan(zoom);
      zoom = await diagram.zoom();
      await expectNoSmallText(page, `zoomed in ${step} times (zoom ${zoom.toFixed(2)})`);
    }
    // Zoomed in, the hosts are drawn with their names.
    await expect(flow).toHaveAttribute('data-level', 'hosts');
    await expect(page.getByTestId('diagram-node-host').first()).toBeVisible();
    await expect(page.getByTestId('diagram-node-host').first().locator('span').nth(1)).toHaveText(/\S/);
    await snap(page, 'diagram-scale-02-hosts-en-light');
    await control('Fit to screen');
    await expect(flow).toHaveAttribute('data-level', 'clusters');
  });

  await test.step('the legend sits in a bar of its own: it covers no cluster card', async () => {
    const legend = await diagram.legend.boundingBox();
    const canvas = await diagram.canvas.boundingBox();
    expect(legend && canvas).toBeTruthy();
    expect(legend!.y).toBeGreaterThanOrEqual(canvas!.y + canvas!.height - 1);
    await expect(cards).toHaveCount(CLUSTERS);
    const boxes = await cards.evaluateAll((els) =>
      els.map((el) => {
        const r = (el as unknown as El).getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }),
    );
    expect(boxes).toHaveLength(CLUSTERS);
    expect(boxes.filter((b) => intersects(b, legend!))).toEqual([]);
  });

  const cluster7 = (await api.call('listClusters', { name: 'cluster7' })).cluster[0] as { id: string };
  const hosts = (await api.call('listHosts', { clusterid: cluster7.id, pagesize: '50', page: '1' })).host as {
    id: string;
    name: string;
  }[];
  const target = hosts.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }))[3]!;

  await test.step('a host goes Down: its cluster card counts it and names it, without a reload', async () => {
    await page.evaluate(() => {
      (globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    // Heartbeats every second; a host silent for one is Disconnected, then Alert, then Down.
    await api.call('updateConfiguration', { name: 'ping.interval', value: '1' });
    await api.call('updateConfiguration', { name: 'ping.timeout', value: '1' });
    await api.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', hostid: target.id });
    await expect
      .poll(async () => (await api.call('listHosts', { id: target.id })).host[0].state, { timeout: 60_000 })
      .toBe('Down');
    const chip = card('cluster7').locator(`[data-testid="card-problem-host"][data-name="${target.name}"]`);
    await expect(chip).toHaveAttribute('data-state', 'down', { timeout: 15_000 });
    await expect(card('cluster7').getByTestId('card-counts')).toHaveText('1 Down');
    await expect(card('cluster7')).toHaveAttribute('data-color', 'red');
    await expect(page.locator('[data-id="clustercard:' + cluster7.id + '"]')).toHaveAttribute(
      'aria-label',
      'Cluster cluster7, 20 hosts, 1 Down',
    );
    expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
      true,
    );
    await expectNoSmallText(page, 'with a Down host');
    await snap(page, 'diagram-scale-03-host-down-en-light');

    // The Down host opens from the card as from its tile.
    await chip.click();
    await expect(diagram.details.getByRole('heading', { name: target.name })).toBeVisible();
    await expect(diagram.details.getByTestId('details-state')).toContainText('Down');
    await expect(chip).toHaveAttribute('data-selected', 'true');
    await snap(page, 'diagram-scale-04-host-opened-en-light');
    await page.keyboard.press('Escape');
    await expect(diagram.details).toBeHidden();
  });

  await test.step('keyboard: a card is focusable by its name and opens with Enter', async () => {
    const node = page.locator(`[data-id="clustercard:${cluster7.id}"]`);
    await node.focus();
    await expect(node).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(diagram.details.getByRole('heading', { name: 'cluster7' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(diagram.details).toBeHidden();
  });

  await test.step('the legend highlights the Down hosts: the other cards dim', async () => {
    await page.getByTestId('legend-red').click();
    await expect(page.getByTestId('legend-red')).toHaveAttribute('aria-pressed', 'true');
    await expect(card('cluster7')).toHaveCSS('opacity', '1');
    await expect(card('cluster8')).not.toHaveCSS('opacity', '1');
    await snap(page, 'diagram-scale-05-highlight-down');
    await page.getByTestId('legend-red').click();
    await expect(card('cluster8')).toHaveCSS('opacity', '1');
  });

  await test.step('Korean and dark: the same cards, in Korean', async () => {
    await control('Fit to screen');
    await expect(cards).toHaveCount(CLUSTERS);
    await snap(page, 'diagram-scale-06-en-light');
    await shell.toggleTheme();
    await snap(page, 'diagram-scale-07-en-dark');
    await shell.switchLanguage('ko');
    await expect(page.getByRole('heading', { name: '인프라 구성도' })).toBeVisible();
    await expect(card('cluster1').getByTestId('card-hosts')).toHaveText('호스트 20대');
    await expect(card('cluster7').getByTestId('card-counts')).toHaveText('다운 1');
    // Beside its problem count, a card's host count fits whole (an icon and the number when narrow).
    const cluster7Hosts = card('cluster7').getByTestId('card-hosts');
    await expect(cluster7Hosts).toContainText('20');
    expect(await cluster7Hosts.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await expect(page.locator(`[data-id="clustercard:${cluster7.id}"]`)).toHaveAttribute(
      'aria-label',
      '클러스터 cluster7, 호스트 20대, 다운 1',
    );
    await expectNoSmallText(page, 'in Korean');
    await snap(page, 'diagram-scale-08-ko-dark');
    await shell.toggleTheme();
    await snap(page, 'diagram-scale-09-ko-light');
    await shell.switchLanguage('en');
  });

  expect(errors).toEqual([]);
});
