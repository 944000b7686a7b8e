import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../test/electron-stub'));

import * as electron from '../test/electron-stub';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from './app-origin';
import { createMainWindow, hardenedWebPreferences, hardenSession, hardenWebContents } from './window';

const PRELOAD = '/opt/stackyard/dist/electron/preload.cjs';

describe('hardened window', () => {
  beforeEach(() => electron.resetElectronStub());

  it('creates the window with the hardened webPreferences and loads the app origin', () => {
    const window = createMainWindow({ preload: PRELOAD }) as unknown as electron.BrowserWindow;
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs).toEqual(hardenedWebPreferences(PRELOAD));
    expect(window.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('prevents navigation and redirects to any other origin', () => {
    const window = createMainWindow({ preload: PRELOAD }) as unknown as electron.BrowserWindow;
    const contents = window.webContents;
    expect(contents.navigate('app://stackyard/vms').prevented).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/client/',
      'file:///etc/passwd',
      'app://other-host/index.html',
      'app://stackyard:8080/index.html',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(contents.navigate(url).prevented, url).toBe(true);
    }
    expect(contents.getURL()).toBe('app://stackyard/vms');
    expect(contents.redirect('https://evil.example/').prevented).toBe(true);
    expect(contents.redirect('app://stackyard/index.html').prevented).toBe(false);
  });

  it('denies window.open; only http(s) links go to the OS browser', async () => {
    const window = createMainWindow({ preload: PRELOAD }) as unknown as electron.BrowserWindow;
    const contents = window.webContents;
    expect(contents.openWindow('https://cloudstack.apache.org/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('http://docs.example/page?a=1')).toEqual({ action: 'deny' });
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.openWindow('smb://server/share')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.openWindow('app://stackyard/index.html')).toEqual({ action: 'deny' });
    expect(contents.openWindow('https://user:pw@evil.example/')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(electron.shell.opened).toEqual(['https://cloudstack.apache.org/', 'http://docs.example/page?a=1']);
    expect(electron.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('refuses <webview> and hardens a webContents only once', () => {
    const contents = new electron.StubWebContents('app://stackyard/index.html');
    hardenWebContents(contents as never);
    hardenWebContents(contents as never);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.attachWebview().prevented).toBe(true);
  });

  it('denies permission requests and checks (clipboard writes from the app origin excepted)', async () => {
    const session = electron.session.defaultSession;
    hardenSession(session as never);
    const contents = new electron.StubWebContents(APP_ENTRY_URL);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      expect(await session.requestPermission(contents, permission, APP_ENTRY_URL), permission).toBe(false);
      expect(session.checkPermission(contents, permission, 'app://stackyard'), permission).toBe(false);
    }
    expect(await session.requestPermission(contents, 'clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(await session.requestPermission(contents, 'clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(session.checkPermission(contents, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  it("sets the CSP on the app's own pages and leaves other responses alone", () => {
    const session = electron.session.defaultSession;
    hardenSession(session as never);
    const headers = session.receiveHeaders(APP_ENTRY_URL, {
      'content-security-policy': ['default-src *'],
      'Content-Type': ['text/html'],
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    const foreign = session.receiveHeaders('https://example.com/', { 'Content-Type': ['text/html'] });
    expect(foreign).toEqual({ 'Content-Type': ['text/html'] });
  });
});
