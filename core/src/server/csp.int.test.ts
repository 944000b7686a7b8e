import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from '../../test/harness';
import { createHttpServer, type StackyardHttpServer } from './http';

const CHROMIUM = '/usr/bin/chromium';

/**
 * The UI's Content-Security-Policy lets the page connect to its own origin only: the live stream
 * (a WebSocket to the same host and port) opens, a WebSocket to any other host or port is refused
 * by the browser. Checked in a real Chromium, as the policy is the browser's to enforce.
 */
describe.skipIf(!fs.existsSync(CHROMIUM))('connect-src in a real browser', () => {
  const dialect = dialects()[0]!;
  let tc: TestCore;
  let server: StackyardHttpServer;
  let other: http.Server;
  let otherSockets: WebSocketServer;
  let browser: Browser;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    server = await createHttpServer({ core: tc.core, listen: { host: '127.0.0.1', port: 0 } });
    // Another origin that would accept a WebSocket: only the policy can stop the page reaching it.
    other = http.createServer();
    otherSockets = new WebSocketServer({ server: other });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  });
  afterAll(async () => {
    await browser?.close();
    otherSockets?.close();
    await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
    await server?.close();
    await tc?.close();
  });

  it('opens the live stream on its own origin and refuses WebSockets elsewhere', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      const otherPort = (other.address() as AddressInfo).port;
      const result = await page.evaluate(
        async ({ password, otherPort }) => {
          const attempt = (url: string) =>
            new Promise<string>((resolve) => {
              let ws: WebSocket;
              try {
                ws = new WebSocket(url);
              } catch (e) {
                resolve(`thrown ${(e as Error).name}`);
                return;
              }
              ws.onopen = () => {
                ws.close();
                resolve('open');
              };
              ws.onerror = () => resolve('error');
            });
          const { host } = (globalThis as unknown as { location: { host: string } }).location;
          const login = await fetch('/client/api', {
            method: 'POST',
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ command: 'login', username: 'admin', password, response: 'json' }),
          });
          const key = ((await login.json()) as { loginresponse: { sessionkey: string } }).loginresponse.sessionkey;
          return {
            same: await attempt(`ws://${host}/client/events?sessionkey=${encodeURIComponent(key)}`),
            otherPort: await attempt(`ws://127.0.0.1:${otherPort}/`),
            otherHost: await attempt(`ws://localhost:${otherPort}/`),
          };
        },
        { password: ADMIN_PASSWORD, otherPort },
      );
      expect(result.same).toBe('open');
      expect(result.otherPort).not.toBe('open');
      expect(result.otherHost).not.toBe('open');
      expect(otherSockets.clients.size).toBe(0);
      const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/(^|; )connect-src 'self'(;|$)/);
    } finally {
      await page.close();
    }
  });
});
