import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../test/electron-stub'));

import { createCore } from '../../core/src/index';
import { IpcChannel } from '../ipc-channels';
import * as electron from '../test/electron-stub';
import { APP_ENTRY_URL } from './app-origin';
import type { CreateCore, EmbeddedCore } from './desktop-core';
import { runShell } from './lifecycle';

describe('app lifecycle', () => {
  let appData: string;
  let rendererDir: string;
  let closed: number;
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const trackingCreateCore: CreateCore = async (options) => {
    const core: EmbeddedCore = await createCore(options);
    const close = core.close.bind(core);
    core.close = async () => {
      closed += 1;
      await close();
    };
    return core;
  };
  const start = (createCoreFn: CreateCore = trackingCreateCore) =>
    runShell({ preload: '/dist/electron/preload.cjs', rendererDir, createCore: createCoreFn, log });

  beforeEach(() => {
    electron.resetElectronStub();
    appData = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-life-'));
    rendererDir = path.join(appData, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Stackyard</title>');
    electron.app.paths.set('appData', appData);
    closed = 0;
    for (const fn of Object.values(log)) fn.mockClear();
  });
  afterEach(async () => {
    if (!electron.app.quitted) {
      electron.app.quit();
      await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    }
    fs.rmSync(appData, { recursive: true, force: true });
  });

  it('a second instance quits at once and starts nothing', async () => {
    electron.app.singleInstanceLock = false;
    const shell = start();
    expect(electron.app.quitted).toBe(true);
    electron.app.emitReady();
    await shell.ready;
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('on ready: scheme, session policy, core in userData, IPC and one hardened window', async () => {
    const shell = start();
    // The scheme must be privileged before 'ready'.
    expect(electron.session.defaultSession.protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    electron.app.emitReady();
    await shell.ready;

    expect(electron.app.getPath('userData')).toBe(path.join(appData, 'Stackyard'));
    expect(fs.existsSync(path.join(appData, 'Stackyard', 'stackyard.db'))).toBe(true);
    expect(electron.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(electron.session.defaultSession.headersListener).not.toBeNull();
    const page = await electron.session.defaultSession.protocol.fetch(APP_ENTRY_URL);
    expect(await page.text()).toContain('<title>Stackyard</title>');

    expect(electron.BrowserWindow.instances).toHaveLength(1);
    const window = electron.BrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/dist/electron/preload.cjs',
    });
    expect(window.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(shell.window()).toBe(window);

    const reply = (await electron.ipcMain.invokeFrom(window.webContents, IpcChannel.API_INVOKE, [
      'listAccounts',
      { name: 'admin' },
    ])) as any;
    expect(reply.result.status).toBe(200);
    expect(reply.result.body.listaccountsresponse.account[0].name).toBe('admin');
    const session = (await electron.ipcMain.invokeFrom(window.webContents, IpcChannel.APP_SESSION, [])) as any;
    expect(session.result.username).toBe('admin');
    const platform = (await electron.ipcMain.invokeFrom(window.webContents, IpcChannel.APP_PLATFORM, [])) as any;
    expect(platform.result).toMatchObject({ os: process.platform, appVersion: '0.1.0', transport: 'ipc' });
  });

  it('hardens every webContents the app creates', async () => {
    start();
    const other = new electron.StubWebContents('app://stackyard/index.html');
    electron.app.emit('web-contents-created', {}, other);
    expect(other.navigate('https://evil.example/').prevented).toBe(true);
    expect(other.openWindow('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('closing the last window quits; quitting closes IPC and the core before the process ends', async () => {
    const shell = start();
    electron.app.emitReady();
    await shell.ready;
    const window = electron.BrowserWindow.instances[0]!;
    window.close();
    expect(shell.window()).toBeNull();
    // before-quit was prevented until the core closed, then quit went through.
    expect(electron.app.quitted).toBe(false);
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    expect(closed).toBe(1);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(electron.app.quitCalls).toBe(2);
  });

  it('a quit while the core starts waits for it and closes it', async () => {
    let begun!: () => void;
    const coreStarting = new Promise<void>((resolve) => (begun = resolve));
    const shell = start(async (options) => {
      begun();
      return trackingCreateCore(options);
    });
    electron.app.emitReady();
    await coreStarting;
    electron.app.quit();
    await shell.ready;
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    expect(closed).toBe(1);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('a quit before start-up begins starts nothing', async () => {
    const createCoreSpy = vi.fn(trackingCreateCore);
    const shell = start(createCoreSpy);
    electron.app.quit();
    electron.app.emitReady();
    await shell.ready;
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    expect(createCoreSpy).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });

  it('SIGTERM quits the app through the same path', async () => {
    const shell = start();
    electron.app.emitReady();
    await shell.ready;
    const before = process.listenerCount('SIGTERM');
    process.emit('SIGTERM');
    await vi.waitFor(() => expect(electron.app.quitted).toBe(true));
    expect(closed).toBe(1);
    expect(process.listenerCount('SIGTERM')).toBe(before - 1);
  });

  it('a second launch focuses the existing window', async () => {
    const shell = start();
    electron.app.emitReady();
    await shell.ready;
    const window = electron.BrowserWindow.instances[0]!;
    window.minimized = true;
    electron.app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('a failed start shows an error box and exits with 1', async () => {
    const shell = start(async () => {
      throw new Error('database is locked');
    });
    electron.app.emitReady();
    await shell.ready;
    expect(electron.dialog.errors).toEqual([{ title: 'Stackyard could not start', content: 'database is locked' }]);
    expect(electron.app.exitCode).toBe(1);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });
});
