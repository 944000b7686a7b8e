/**
 * The first screen's JavaScript: Chromium (headless) opens the UI, logs in and waits for the
 * landing page (the dashboard for an admin), recording every script the page loaded on the way,
 * with its size raw and gzipped (zlib level 9, as Vite reports it). The login screen's scripts
 * are counted separately too, as they are all a signed-out visitor downloads.
 *
 * Standalone: npx tsx bench/first-screen.ts <baseUrl> <adminPassword>
 */
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium, newBenchPage, submitAdminLogin } from './browser';

export interface ScriptSizes {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface FirstScreenResult {
  login: ScriptSizes;
  /** Everything loaded up to the landing page after login (the login screen's scripts included). */
  landing: ScriptSizes;
  /** The largest scripts of the landing page, name and gzipped size. */
  largest: { name: string; gzipBytes: number }[];
  /** The other pages' code, fetched in idle time once the landing page is done (not part of it). */
  prefetched: ScriptSizes;
}

interface ScriptLog {
  scripts: Map<string, Buffer>;
  /** When each script was requested (ms since the epoch). */
  requestedAt: Map<string, number>;
  /** When the last response of any kind arrived (ms since the epoch). */
  lastResponseAt: number;
}

function collectScripts(page: Page): ScriptLog {
  const log: ScriptLog = { scripts: new Map(), requestedAt: new Map(), lastResponseAt: Date.now() };
  page.on('request', (request) => {
    if (!log.requestedAt.has(request.url())) log.requestedAt.set(request.url(), Date.now());
  });
  page.on('response', (response) => {
    log.lastResponseAt = Date.now();
    const url = response.url();
    if (!/\.m?js(\?|$)/.test(url) || log.scripts.has(url)) return;
    response
      .body()
      .then((body) => log.scripts.set(url, body))
      .catch(() => undefined);
  });
  return log;
}

/** Waits until no response has arrived for `quietMs` (lazy chunks load after the first paint). */
async function settle(log: ScriptLog, quietMs = 1500): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() - log.lastResponseAt < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function sizes(scripts: Map<string, Buffer>): ScriptSizes {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const body of scripts.values()) {
    rawBytes += body.length;
    gzipBytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files: scripts.size, rawBytes, gzipBytes };
}

export async function benchFirstScreen(options: {
  baseUrl: string;
  adminPassword: string;
}): Promise<FirstScreenResult> {
  const browser = await launchChromium();
  try {
    const page = await newBenchPage(browser);
    const log = collectScripts(page);
    await page.goto(`${options.baseUrl.replace(/\/$/, '')}/`);
    await page.getByLabel(/^Username/).waitFor();
    await settle(log);
    const login = sizes(log.scripts);
    await submitAdminLogin(page, options.adminPassword);
    await settle(log);
    // The UI marks when it starts fetching the other pages' code (renderer/src/app/routes.tsx).
    const prefetchAt = (await page.evaluate(
      "(performance.getEntriesByName('stackyard:prefetch-routes')[0]?.startTime ?? Infinity) + performance.timeOrigin",
    )) as number;
    const before = new Map<string, Buffer>();
    const after = new Map<string, Buffer>();
    for (const [url, body] of log.scripts) {
      ((log.requestedAt.get(url) ?? 0) < prefetchAt ? before : after).set(url, body);
    }
    const landing = sizes(before);
    const largest = [...before.entries()]
      .map(([url, body]) => ({
        name: path.basename(new URL(url).pathname),
        gzipBytes: zlib.gzipSync(body, { level: 9 }).length,
      }))
      .sort((a, b) => b.gzipBytes - a.gzipBytes)
      .slice(0, 5);
    return { login, landing, largest, prefetched: sizes(after) };
  } finally {
    await browser.close();
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const [baseUrl, password] = process.argv.slice(2);
  if (!baseUrl || !password) {
    console.error('usage: npx tsx bench/first-screen.ts <baseUrl> <adminPassword>');
    process.exit(2);
  }
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const r = await benchFirstScreen({ baseUrl, adminPassword: password });
  console.log(
    `login screen:   ${r.login.files} scripts, ${kB(r.login.rawBytes)} raw, ${kB(r.login.gzipBytes)} gzipped`,
  );
  console.log(
    `landing screen: ${r.landing.files} scripts, ${kB(r.landing.rawBytes)} raw, ${kB(r.landing.gzipBytes)} gzipped`,
  );
  for (const s of r.largest) console.log(`  ${s.name} ${kB(s.gzipBytes)}`);
}
