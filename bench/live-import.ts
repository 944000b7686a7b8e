/**
 * The UI under an event storm: Chromium (headless) signs in and keeps the dashboard open while a
 * Simulator datacenter of 300 hosts is imported through the API (as another client would). Prints
 * the browser's API requests from the start of the import until the page is quiet after it, the
 * longest frame the dashboard showed meanwhile (gaps between animation frames, and the longest
 * 'longtask'), and the import's duration.
 *
 * Targets: fewer than 100 requests, no frame over 200 ms.
 *
 * Standalone: npx tsx bench/live-import.ts [hosts]   (starts its own server with the built UI)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, newBenchPage, signInAsAdmin } from './browser';
import { BENCH_PASSWORD as PASSWORD, withFreshServer } from './seed';
import { generateAdvancedConfig } from '../core/test/fixtures/marvin/generate';

const HOSTS_PER_CLUSTER = 20;

export interface LiveImportResult {
  hosts: number;
  importSeconds: number;
  /** /client/api requests the page made from the import's start until it was quiet again. */
  requests: number;
  /** Those requests by command, most frequent first. */
  byCommand: [string, number][];
  /** The longest gap between two animation frames (ms). */
  longestFrameMs: number;
  /** The longest task Chromium reported (ms; 0 when none passed 50 ms). */
  longestTaskMs: number;
  /** The longest frame of the same page over 5 s with nothing happening (the machine's noise). */
  idleLongestFrameMs: number;
}

/** A plain CloudStack session for starting the import, as any other client would. */
async function apiSession(
  baseUrl: string,
): Promise<(command: string, params?: Record<string, string>) => Promise<any>> {
  const login = await fetch(`${baseUrl}/client/api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      command: 'login',
      username: 'admin',
      password: PASSWORD,
      domain: '/',
      response: 'json',
    }),
  });
  const key = ((await login.json()) as { loginresponse: { sessionkey: string } }).loginresponse.sessionkey;
  const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  return async (command, params = {}) => {
    const response = await fetch(`${baseUrl}/client/api`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
      body: new URLSearchParams({ ...params, command, response: 'json', sessionkey: key }),
    });
    const body = (await response.json()) as Record<string, any>;
    const inner = body[`${command.toLowerCase()}response`] ?? body['errorresponse'];
    if (!response.ok) throw new Error(`${command}: ${JSON.stringify(inner)}`);
    return inner;
  };
}

/**
 * Starts frame and long-task measurement in the page; read with readFrames. A string, not a
 * function: tsx would wrap a function's inner names in a helper the page does not have.
 */
const FRAME_WATCH = `(() => {
  const frames = (window.__frames = { longestFrame: 0, longestTask: 0 });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) frames.longestTask = Math.max(frames.longestTask, entry.duration);
  }).observe({ type: 'longtask' });
  let last = performance.now();
  requestAnimationFrame(function tick(now) {
    frames.longestFrame = Math.max(frames.longestFrame, now - last);
    last = now;
    requestAnimationFrame(tick);
  });
})()`;

async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(FRAME_WATCH);
}

async function readFrames(page: Page): Promise<{ longestFrame: number; longestTask: number }> {
  return (await page.evaluate('window.__frames')) as { longestFrame: number; longestTask: number };
}

/** Resolves once no API request has started or finished for `quietMs`. */
async function quiet(lastActivity: () => number, quietMs: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() - lastActivity() < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function benchLiveImport(options: { baseUrl: string; hosts: number }): Promise<LiveImportResult> {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const call = await apiSession(baseUrl);
  const browser = await launchChromium();
  try {
    const page = await newBenchPage(browser);
    let counting = false;
    let lastActivity = Date.now();
    const commands = new Map<string, number>();
    page.on('request', (request) => {
      if (!request.url().includes('/client/api')) return;
      lastActivity = Date.now();
      if (!counting) return;
      const command = new URLSearchParams(request.postData() ?? '').get('command') ?? '?';
      commands.set(command, (commands.get(command) ?? 0) + 1);
    });
    page.on('requestfinished', () => (lastActivity = Date.now()));
    await signInAsAdmin(page, baseUrl, PASSWORD);
    await page.waitForURL(/#\/dashboard/);
    await quiet(() => lastActivity, 2000);

    const config = generateAdvancedConfig({
      clusters: Math.max(1, Math.round(options.hosts / HOSTS_PER_CLUSTER)),
      hostsPerCluster: Math.min(HOSTS_PER_CLUSTER, options.hosts),
      poolsPerCluster: 1,
      zoneName: `storm-${crypto.randomBytes(3).toString('hex')}`,
    });
    // The control: the same page with nothing happening, for as long as an import takes. On a busy
    // machine (other processes, the server beside the browser) frames stretch without any work.
    await watchFrames(page);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const idle = await readFrames(page);
    await page.evaluate('window.__frames.longestFrame = 0; window.__frames.longestTask = 0');
    // BENCH_LIVE_PROFILE=file.cpuprofile: Chromium's CPU profile of the page during the import
    // (open it in DevTools; build the UI with --minify false for readable names).
    const profiler = process.env.BENCH_LIVE_PROFILE ? await page.context().newCDPSession(page) : undefined;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    counting = true;
    const start = Date.now();
    const { jobid } = (await call('importDataCenter', { config: JSON.stringify(config) })) as { jobid: string };
    for (;;) {
      const job = await call('queryAsyncJobResult', { jobid });
      if (job.jobstatus === 1) break;
      if (job.jobstatus === 2) throw new Error(`import failed: ${JSON.stringify(job.jobresult)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const importSeconds = (Date.now() - start) / 1000;
    // The job's end refetches at once; trailing refetches follow within a few seconds.
    await quiet(() => lastActivity, 5000);
    counting = false;
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      fs.writeFileSync(process.env.BENCH_LIVE_PROFILE!, JSON.stringify(profile));
    }
    const frames = await readFrames(page);
    const byCommand = [...commands.entries()].sort((a, b) => b[1] - a[1]);
    return {
      hosts: options.hosts,
      importSeconds,
      requests: byCommand.reduce((sum, [, n]) => sum + n, 0),
      byCommand,
      longestFrameMs: frames.longestFrame,
      longestTaskMs: frames.longestTask,
      idleLongestFrameMs: idle.longestFrame,
    };
  } finally {
    await browser.close();
  }
}

/** Starts a throwaway server with the built UI, measures, prints the figures. */
export async function runLiveImportBench(hosts = Number(process.env.BENCH_STORM_HOSTS ?? 300)): Promise<void> {
  await withFreshServer('stackyard-bench-live-', async (url) => {
    const r = await benchLiveImport({ baseUrl: url, hosts });
    const top = r.byCommand
      .slice(0, 6)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    console.log(
      `\n[ui] dashboard open during a ${r.hosts}-host Simulator import (${r.importSeconds.toFixed(1)} s): ${r.requests} browser API requests (target < 100; ${top})`,
    );
    console.log(
      `[ui] longest frame on the dashboard during the import: ${r.longestFrameMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms (target < 200 ms; idle page, same machine: ${r.idleLongestFrameMs.toFixed(0)} ms; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
    );
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) await runLiveImportBench(process.argv[2] ? Number(process.argv[2]) : undefined);
