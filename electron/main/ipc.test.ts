import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../test/electron-stub'));

import { createCore, type Caller } from '../../core/src/index';
import { IpcChannel, type IpcEnvelope, type PlatformInfo } from '../ipc-channels';
import * as electron from '../test/electron-stub';
import { APP_ENTRY_URL } from './app-origin';
import { startDesktopCore, type DesktopCore } from './desktop-core';
import { registerIpcHandlers, type ApiExecutor } from './ipc';
import { FAKE_OPERATOR } from '../test/fake-operator';

const PLATFORM: PlatformInfo = {
  os: 'linux',
  arch: 'x64',
  appVersion: '0.1.0',
  electron: '38.8.6',
  chrome: '140',
  node: '22',
  transport: 'ipc',
};

function appWindow(): electron.BrowserWindow {
  const window = new electron.BrowserWindow({});
  window.webContents.mainFrame.url = APP_ENTRY_URL;
  return window;
}

describe('IPC handlers (fake dispatcher)', () => {
  let window: electron.BrowserWindow;
  let calls: { command: string; params: unknown; caller: Caller | null }[];
  let dispatcher: ApiExecutor;
  const log = { error: vi.fn(), warn: vi.fn() };
  const invoke = (
    channel: string,
    args: unknown[],
    sender = window.webContents,
    frame?: electron.StubWebFrameMain | null,
  ) =>
    electron.ipcMain.invokeFrom(sender, channel, args, frame === undefined ? sender.mainFrame : frame) as Promise<
      IpcEnvelope<any>
    >;

  beforeEach(() => {
    electron.resetElectronStub();
    log.error.mockClear();
    log.warn.mockClear();
    window = appWindow();
    calls = [];
    dispatcher = {
      async execute(command, params, caller) {
        calls.push({ command, params, caller });
        if (command === 'explode') throw new Error('secret internals');
        return {
          status: 200,
          body: { [`${command.toLowerCase()}response`]: { ok: true } },
          result: { kind: 'raw', value: { sessionkey: 'must-not-cross' } },
        } as never;
      },
    };
    registerIpcHandlers(electron.ipcMain as never, {
      window: () => window as never,
      api: dispatcher,
      operator: async () => FAKE_OPERATOR,
      platform: () => PLATFORM,
      log,
    });
  });

  it('registers exactly the channels of the map and removes them on dispose', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
    electron.ipcMain.handlers.clear();
    const dispose = registerIpcHandlers(electron.ipcMain as never, {
      window: () => null,
      api: dispatcher,
      operator: async () => undefined,
      platform: () => PLATFORM,
    });
    dispose();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('api:invoke reaches the dispatcher as the operator and answers {result} with status and body only', async () => {
    const reply = await invoke(IpcChannel.API_INVOKE, [
      'listZones',
      { pagesize: 20, listall: true, keyword: 'a', ids: ['x', 'y'], skip: undefined },
    ]);
    expect(reply).toEqual({ result: { status: 200, body: { listzonesresponse: { ok: true } } } });
    expect(calls).toEqual([
      {
        command: 'listZones',
        params: { pagesize: '20', listall: 'true', keyword: 'a', ids: ['x', 'y'] },
        caller: FAKE_OPERATOR,
      },
    ]);
    expect(JSON.stringify(reply)).not.toContain('must-not-cross');
  });

  it('refuses a foreign sender with an error envelope and never reaches the core', async () => {
    const other = new electron.StubWebContents(APP_ENTRY_URL);
    const cases: [electron.StubWebContents, electron.StubWebFrameMain | null][] = [
      [other, other.mainFrame],
      [window.webContents, new electron.StubWebFrameMain(APP_ENTRY_URL, window.webContents.mainFrame)],
      [window.webContents, null],
    ];
    for (const [sender, frame] of cases) {
      const reply = await invoke(IpcChannel.API_INVOKE, ['listUsers', {}], sender, frame);
      expect(reply).toEqual({ error: { code: 'IPC.FOREIGN_SENDER', message: expect.stringContaining('refused') } });
    }
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invoke(IpcChannel.APP_SESSION, [])).toMatchObject({ error: { code: 'IPC.FOREIGN_SENDER' } });
    window.webContents.mainFrame.url = 'file:///tmp/index.html';
    expect(await invoke(IpcChannel.APP_PLATFORM, [])).toMatchObject({ error: { code: 'IPC.FOREIGN_SENDER' } });
    window.close();
    expect(await invoke(IpcChannel.API_INVOKE, ['listUsers', {}])).toMatchObject({ error: { code: 'IPC.NO_WINDOW' } });
    expect(calls).toEqual([]);
    expect(log.warn).toHaveBeenCalled();
  });

  it('validates arguments', async () => {
    for (const args of [
      [42, {}],
      ['list users', {}],
      ['', {}],
      ['listUsers', []],
      ['listUsers', 'a=b'],
      ['listUsers', { a: { nested: 1 } }],
      ['listUsers', { a: Number.NaN }],
      ['listUsers', new Map()],
    ]) {
      expect(await invoke(IpcChannel.API_INVOKE, args), JSON.stringify(args)).toMatchObject({
        error: { code: 'IPC.BAD_ARGUMENTS' },
      });
    }
    expect(calls).toEqual([]);
    expect(await invoke(IpcChannel.API_INVOKE, ['listUsers'])).toMatchObject({ result: { status: 200 } });
  });

  it('keeps login and logout off IPC: the renderer never holds a session key', async () => {
    for (const command of ['login', 'LOGIN', 'logout']) {
      expect(await invoke(IpcChannel.API_INVOKE, [command, { username: 'admin', password: 'x' }])).toMatchObject({
        error: { code: 'IPC.COMMAND_NOT_AVAILABLE' },
      });
    }
    expect(calls).toEqual([]);
  });

  it('turns unexpected failures into IPC.INTERNAL without leaking the message', async () => {
    const reply = await invoke(IpcChannel.API_INVOKE, ['explode', {}]);
    expect(reply).toEqual({ error: { code: 'IPC.INTERNAL', message: 'internal error in the main process' } });
    expect(log.error).toHaveBeenCalled();
  });

  it('answers app:platform and app:session', async () => {
    expect(await invoke(IpcChannel.APP_PLATFORM, [])).toEqual({ result: PLATFORM });
    expect(await invoke(IpcChannel.APP_SESSION, [])).toEqual({
      result: {
        userid: 'u-admin',
        username: 'admin',
        account: 'admin',
        accountid: 'a-admin',
        domainid: 'd-root',
        domain: 'ROOT',
        roletype: 'Admin',
        type: 1,
      },
    });
  });
});

describe('IPC and live stream against a real core', () => {
  let userData: string;
  let desktop: DesktopCore;
  let window: electron.BrowserWindow;
  let stopLive: () => void;
  let operator: Caller | undefined;
  const invoke = (channel: string, args: unknown[]) =>
    electron.ipcMain.invokeFrom(window.webContents, channel, args) as Promise<IpcEnvelope<any>>;

  beforeAll(async () => {
    electron.resetElectronStub();
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-ipc-'));
    desktop = await startDesktopCore({
      userData,
      safeStorage: electron.safeStorage,
      createCore,
      log: { info: () => {}, warn: () => {} },
    });
    window = appWindow();
    const current = async () => (operator = await desktop.operator());
    await current();
    registerIpcHandlers(electron.ipcMain as never, {
      window: () => window as never,
      api: desktop.core.api,
      operator: current,
      platform: () => PLATFORM,
    });
    stopLive = desktop.core.live.subscribe({
      viewer: () => operator,
      send: (message) => window.webContents.send('live', message),
    });
  });
  afterAll(async () => {
    stopLive();
    await desktop.core.close();
    fs.rmSync(userData, { recursive: true, force: true });
  });

  it('api:invoke returns the CloudStack body of the command', async () => {
    const reply = await invoke(IpcChannel.API_INVOKE, ['listUsers', { username: 'admin' }]);
    expect(reply).toMatchObject({
      result: {
        status: 200,
        body: { listusersresponse: { count: 1, user: [{ username: 'admin', account: 'admin' }] } },
      },
    });
    const unknown = await invoke(IpcChannel.API_INVOKE, ['noSuchCommand', {}]);
    expect(unknown).toMatchObject({
      result: {
        status: 432,
        body: { errorresponse: { errorcode: 432, errortext: expect.stringContaining('noSuchCommand') } },
      },
    });
    const invalid = await invoke(IpcChannel.API_INVOKE, ['createDomain', {}]);
    expect(invalid).toMatchObject({ result: { status: 431, body: { createdomainresponse: { errorcode: 431 } } } });
  });

  it('user-requested secrets (registerUserKeys) pass; session material never does', async () => {
    const keys = await invoke(IpcChannel.API_INVOKE, ['registerUserKeys', { id: operator!.userUuid }]);
    expect(keys).toMatchObject({
      result: {
        status: 200,
        body: { registeruserkeysresponse: { userkeys: { apikey: expect.any(String), secretkey: expect.any(String) } } },
      },
    });
    const session = await invoke(IpcChannel.APP_SESSION, []);
    expect(session).toMatchObject({ result: { username: 'admin', roletype: 'Admin', type: 1 } });
    const text = JSON.stringify(session);
    expect(text).not.toMatch(/sessionkey|password|secret/i);
    expect(text).not.toContain(desktop.core.generatedAdminPassword as string);
  });

  it('forwards live events to the window without internal ids', async () => {
    window.webContents.sent.length = 0;
    const created = await invoke(IpcChannel.API_INVOKE, ['createDomain', { name: 'Live' }]);
    expect(created).toMatchObject({ result: { status: 200 } });
    await vi.waitFor(() =>
      expect(window.webContents.sent.some((m) => (m.args[0] as any)?.event?.type === 'DOMAIN.CREATE')).toBe(true),
    );
    const message = window.webContents.sent.find((m) => (m.args[0] as any)?.event?.type === 'DOMAIN.CREATE')!;
    expect(message.channel).toBe('live');
    expect(message.args[0]).toMatchObject({ kind: 'event', event: { type: 'DOMAIN.CREATE' } });
    expect(message.args[0]).not.toHaveProperty('scope');
  });
});
