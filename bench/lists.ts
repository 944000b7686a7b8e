/**
 * Browser list figures on a seeded cloud: 500 Simulator hosts (a Marvin import) and a
 * 10,000-event log, served by a real server, scrolled in Chromium (bench/list-scroll.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../core/src/server/cli';
import { describeScroll, benchListScroll } from './list-scroll';
import { adminOf, BENCH_PASSWORD, importHosts, seedEvents, seedingCore } from './seed';

const HOSTS = 500;
const EVENTS = 10_000;
const EVENTS_PAGE = 500;

export async function benchLists(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-bench-lists-'));
  const { core } = await seedingCore('sqlite', dataDir, 'bench-lists');
  try {
    const admin = await adminOf(core);
    await importHosts(core, admin, HOSTS, 'bench-lists');
    await seedEvents(core, admin, EVENTS);
    const server = await startServer({ core, host: '127.0.0.1', port: 0 });
    try {
      const r = await benchListScroll({
        baseUrl: server.url,
        adminPassword: BENCH_PASSWORD,
        hosts: HOSTS,
        eventsPage: EVENTS_PAGE,
      });
      console.log(`[ui] scrolling, ${describeScroll('hosts list', r.hosts)} (target 55+ fps)`);
      console.log(
        `[ui] scrolling, ${describeScroll(`events list of ${EVENTS} events, one page`, r.events)} (target 55+ fps)`,
      );
      console.log(`[ui] scrolling, ${describeScroll('plain HTML table, reference', r.plainTable)}`);
    } finally {
      await server.close();
    }
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
