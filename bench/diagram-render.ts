/**
 * Infrastructure diagram first render: Chromium (headless) logs in through the UI, then the time
 * from navigating to #/infrastructure to the first frame where the diagram's nodes are on screen,
 * fitted. The page marks that frame itself: window.__diagramReady = performance.now() once React
 * Flow has the nodes rendered and the view fitted, with window.__diagramStats (node and host
 * counts). The caller seeds the cloud (e.g. 10k hosts, which the core answers aggregated).
 *
 * Standalone: npx tsx bench/diagram-render.ts <baseUrl> <adminPassword>
 */
import path from 'node:path';
import { launchChromium, newBenchPage, signInAsAdmin } from './browser';

export interface DiagramRenderResult {
  /** Navigation to the first fitted frame with nodes, in ms (includes loading the page's code and data). */
  firstRenderMs: number;
  /** Nodes laid out (zones, pods, clusters, storage, and hosts of expanded clusters). */
  nodes: number;
  /** Hosts in the cloud (the topology's totals). */
  hosts: number;
}

interface PageMarks {
  __diagramReady?: number;
  __diagramStats?: { nodes: number; hosts: number; hostNodes: number; aggregated: boolean };
}

export async function benchDiagramRender(options: {
  baseUrl: string;
  adminPassword: string;
}): Promise<DiagramRenderResult> {
  const browser = await launchChromium();
  try {
    const page = await newBenchPage(browser);
    const baseUrl = options.baseUrl.replace(/\/$/, '');
    await signInAsAdmin(page, baseUrl, options.adminPassword);
    // Let the landing page finish its own requests, so they do not compete with the diagram's.
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);

    const start = await page.evaluate(() => {
      const g = globalThis as unknown as PageMarks & { location: { hash: string }; performance: { now(): number } };
      delete g.__diagramReady;
      delete g.__diagramStats;
      const t = g.performance.now();
      g.location.hash = '#/infrastructure';
      return t;
    });
    await page.waitForFunction(() => (globalThis as unknown as PageMarks).__diagramReady !== undefined, undefined, {
      timeout: 120_000,
      polling: 'raf',
    });
    const marks = await page.evaluate(() => {
      const g = globalThis as unknown as PageMarks;
      return { ready: g.__diagramReady ?? Number.NaN, stats: g.__diagramStats };
    });
    return {
      firstRenderMs: Math.round((marks.ready - start) * 10) / 10,
      nodes: marks.stats?.nodes ?? 0,
      hosts: marks.stats?.hosts ?? 0,
    };
  } finally {
    await browser.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const [baseUrl, adminPassword] = process.argv.slice(2);
  if (!baseUrl || !adminPassword) {
    console.error('usage: npx tsx bench/diagram-render.ts <baseUrl> <adminPassword>');
    process.exit(2);
  }
  const result = await benchDiagramRender({ baseUrl, adminPassword });
  console.log(
    `diagram first render: ${result.firstRenderMs} ms, ${result.nodes} nodes for ${result.hosts} hosts (target < 1000 ms)`,
  );
}
