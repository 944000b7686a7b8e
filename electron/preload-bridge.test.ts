import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./test/electron-stub'));

import type { LiveEvent, StackyardBridge } from './ipc-channels';
import * as electron from './test/electron-stub';
import { APP_ENTRY_URL } from './main/app-origin';
import { registerIpcHandlers } from './main/ipc';
import { FAKE_OPERATOR } from './test/fake-operator';

describe('preload bridge', () => {
  let window: electron.BrowserWindow;
  let bridge: StackyardBridge;

  beforeAll(async () => {
    electron.resetElectronStub();
    window = new electron.BrowserWindow({});
    window.webContents.mainFrame.url = APP_ENTRY_URL;
    electron.attachRenderer(window.webContents);
    registerIpcHandlers(electron.ipcMain as never, {
      window: () => window as never,
      api: {
        execute: async (command, params) => ({
          status: 200,
          body: { [`${command.toLowerCase()}response`]: { params } },
        }),
      },
      operator: async () => FAKE_OPERATOR,
      platform: () => ({
        os: 'linux',
        arch: 'x64',
        appVersion: '0.1.0',
        electron: '38',
        chrome: '140',
        node: '22',
        transport: 'ipc',
      }),
    });
    await import('./preload/index');
    bridge = electron.contextBridge.exposed.get('stackyard') as StackyardBridge;
  });

  it('exposes one object with invoke, on, platform, info and session, and nothing else', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['stackyard']);
    expect(Object.keys(bridge).sort()).toEqual(['info', 'invoke', 'on', 'platform', 'session']);
    expect(bridge.platform).toBe(process.platform);
  });

  it('invoke runs an API command in main and unwraps the envelope', async () => {
    const reply = await bridge.invoke('listZones', { name: 'z1' });
    expect(reply).toEqual({ status: 200, body: { listzonesresponse: { params: { name: 'z1' } } } });
    expect(await bridge.invoke('listHosts')).toEqual({ status: 200, body: { listhostsresponse: { params: {} } } });
    expect(await bridge.info()).toMatchObject({ os: 'linux', transport: 'ipc' });
    expect(await bridge.session()).toMatchObject({ username: 'admin', roletype: 'Admin' });
  });

  it('rethrows error envelopes as errors carrying the code', async () => {
    await expect(bridge.invoke('login', { username: 'admin' })).rejects.toThrow(/^IPC\.COMMAND_NOT_AVAILABLE: /);
    window.webContents.mainFrame.url = 'https://evil.example/';
    await expect(bridge.invoke('listZones')).rejects.toThrow(/IPC\.FOREIGN_SENDER/);
    window.webContents.mainFrame.url = APP_ENTRY_URL;
  });

  it('on("live") delivers payloads only (no IpcRendererEvent) until unsubscribed', () => {
    const received: unknown[][] = [];
    const off = bridge.on('live', (...args: unknown[]) => received.push(args));
    const message: LiveEvent = {
      kind: 'job',
      job: {
        jobid: 'j1',
        jobstatus: 1,
        cmd: 'reconnectHost',
        jobprocstatus: 100,
        jobresultcode: 0,
        jobresulttype: 'object',
        created: '2026-12-06T10:00:00+0000',
      },
    };
    window.webContents.send('live', message);
    expect(received).toEqual([[message]]);
    off();
    window.webContents.send('live', message);
    expect(received).toHaveLength(1);
    expect(electron.ipcRenderer.listenerCount('live')).toBe(0);
  });

  it('refuses channels outside the allowlist', () => {
    expect(() => bridge.on('api:invoke' as never, () => undefined)).toThrow(/unknown event channel/);
    expect(() => bridge.on('live', 'not a function' as never)).toThrow(/function/);
    expect(electron.ipcRenderer.listenerCount('api:invoke')).toBe(0);
  });
});
