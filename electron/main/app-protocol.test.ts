import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../test/electron-stub'));

import * as electron from '../test/electron-stub';
import { CONTENT_SECURITY_POLICY, isAppUrl } from './app-origin';
import { APP_SCHEME_PRIVILEGES, installAppProtocol, registerAppScheme } from './app-protocol';

describe('app:// protocol', () => {
  let root: string;
  let outside: string;
  const proto = () => electron.session.defaultSession.protocol;

  beforeAll(() => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-proto-'));
    root = path.join(base, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("hi")');
    fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
    outside = path.join(base, 'secret.txt');
    fs.writeFileSync(outside, 'not for the renderer');
  });
  afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));
  beforeEach(() => {
    electron.resetElectronStub();
    registerAppScheme(electron.protocol as never);
    electron.app.emitReady();
    installAppProtocol(proto() as never, root);
  });

  it('registers app:// as a standard, secure scheme before ready', () => {
    expect(proto().privileged).toEqual([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(() => registerAppScheme(electron.protocol as never)).toThrow(/before app is ready/);
  });

  it('serves the renderer files with their type and the CSP', async () => {
    const index = await proto().fetch('app://stackyard/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await index.text()).toContain('/assets/app.js');
    const js = await proto().fetch('app://stackyard/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=UTF-8');
    expect(await js.text()).toBe('console.log("hi")');
    expect((await proto().fetch('app://stackyard/assets/app.css')).headers.get('content-type')).toBe(
      'text/css; charset=UTF-8',
    );
  });

  it('answers history routes and the root with index.html, missing assets with 404', async () => {
    for (const url of [
      'app://stackyard/',
      'app://stackyard/compute/instances',
      'app://stackyard/zones/abc-123?tab=hosts',
    ]) {
      const r = await proto().fetch(url);
      expect(r.status, url).toBe(200);
      expect(await r.text()).toContain('<!doctype html>');
    }
    expect((await proto().fetch('app://stackyard/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the renderer directory', async () => {
    for (const url of [
      'app://stackyard/../secret.txt',
      'app://stackyard/%2e%2e/secret.txt',
      'app://stackyard/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://stackyard/..%5csecret.txt',
    ]) {
      const r = await proto().fetch(url);
      const body = await r.text();
      expect(body, url).not.toContain('not for the renderer');
      expect([403, 404, 200], url).toContain(r.status);
      if (r.status === 200) expect(body).toContain('<!doctype html>');
    }
    expect((await proto().fetch('app://stackyard/%00')).status).toBe(400);
    expect((await proto().fetch('app://other/index.html')).status).toBe(404);
    expect((await proto().fetch('app://stackyard/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl('app://stackyard/index.html')).toBe(true);
    expect(isAppUrl('app://stackyard')).toBe(true);
    expect(isAppUrl('app://stackyard.evil/index.html')).toBe(false);
    expect(isAppUrl('app://user@stackyard/')).toBe(false);
    expect(isAppUrl('https://stackyard/')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});
