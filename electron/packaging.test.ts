import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IpcChannel, type StackyardBridge } from './ipc-channels';
import * as electron from './test/electron-stub';

const root = path.resolve(__dirname, '..');
const require = createRequire(import.meta.url);

describe('electron-builder.yml', () => {
  const yaml = require('js-yaml') as { load(text: string): any };
  const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

  it("is valid for electron-builder's schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packages the built app with the identity, targets and hooks we ship', () => {
    expect(config).toMatchObject({
      appId: 'dev.stackyard.app',
      productName: 'Stackyard',
      afterPack: 'scripts/after-pack.cjs',
      asar: true,
    });
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']));
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('better-sqlite3')]));
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.directories.output).not.toBe('dist');
    expect(fs.existsSync(path.join(root, config.afterPack))).toBe(true);
    expect(fs.existsSync(path.join(root, config.linux.icon))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });
});

describe('after-pack: Electron fuses', () => {
  const afterPack = require(path.join(root, 'scripts/after-pack.cjs'));
  const { FuseV1Options } = require(
    require.resolve('@electron/fuses', { paths: [path.dirname(require.resolve('app-builder-lib/package.json'))] }),
  );
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-fuses-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('flips the fuses in the packaged binary', async () => {
    // A fake Electron executable: some bytes, the sentinel, version 1, 8 fuses all at their defaults.
    const defaults = '10110000';
    const binary = path.join(dir, 'stackyard');
    fs.writeFileSync(
      binary,
      Buffer.concat([
        Buffer.from('\x7fELF....'),
        Buffer.from(SENTINEL),
        Buffer.from([1, 8]),
        Buffer.from(defaults),
        Buffer.from('tail'),
      ]),
    );
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await afterPack({
      appOutDir: dir,
      electronPlatformName: 'linux',
      arch: 1,
      packager: { executableName: 'stackyard', appInfo: { productFilename: 'Stackyard' } },
    });
    log.mockRestore();
    const bytes = fs.readFileSync(binary);
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
    const wire = bytes.subarray(at, at + 8).toString();
    const fuse = (name: string) => wire[FuseV1Options[name]];
    expect(fuse('RunAsNode')).toBe('0');
    expect(fuse('EnableCookieEncryption')).toBe('1');
    expect(fuse('EnableNodeOptionsEnvironmentVariable')).toBe('0');
    expect(fuse('EnableNodeCliInspectArguments')).toBe('0');
    expect(fuse('EnableEmbeddedAsarIntegrityValidation')).toBe('1');
    expect(fuse('OnlyLoadAppFromAsar')).toBe('1');
    expect(fuse('GrantFileProtocolExtraPrivileges')).toBe('0');
    // Untouched: LoadBrowserProcessSpecificV8Snapshot keeps its default.
    expect(fuse('LoadBrowserProcessSpecificV8Snapshot')).toBe(
      defaults[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
    );
    expect(bytes.subarray(-4).toString()).toBe('tail');
  });

  it('finds the executable per platform', () => {
    const packager = { executableName: 'stackyard', appInfo: { productFilename: 'Stackyard' } };
    expect(afterPack.executablePath({ appOutDir: '/out', electronPlatformName: 'linux', packager })).toBe(
      '/out/stackyard',
    );
    expect(afterPack.executablePath({ appOutDir: '/out', electronPlatformName: 'win32', packager })).toBe(
      '/out/Stackyard.exe',
    );
    expect(afterPack.executablePath({ appOutDir: '/out', electronPlatformName: 'darwin', packager })).toBe(
      '/out/Stackyard.app',
    );
  });
});

describe('the esbuild bundles run with the electron stub', () => {
  let dir: string;
  let outdir: string;

  beforeAll(() => {
    electron.resetElectronStub();
    // Inside the repo (.tmp/ is git-ignored) so that the bundle resolves node_modules/better-sqlite3.
    fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
    dir = fs.mkdtempSync(path.join(root, '.tmp', 'bundle-'));
    outdir = path.join(dir, 'electron');
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs'), '--outdir', outdir], {
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
    fs.mkdirSync(path.join(dir, 'renderer'));
    fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>bundle</title>');
  }, 60_000);
  afterAll(async () => {
    if (!electron.app.quitted) {
      electron.app.quit();
      await vi.waitFor(() => expect(electron.app.quitted).toBe(true), { timeout: 10_000 });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const requires = (file: string) => [
    ...new Set([...fs.readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!)),
  ];

  it('main.cjs and preload.cjs load only what is shipped', () => {
    const builtin = new Set(require('node:module').builtinModules as string[]);
    const external = requires(path.join(outdir, 'main.cjs')).filter((id) => !builtin.has(id.replace(/^node:/, '')));
    expect(external.sort()).toEqual(['better-sqlite3', 'electron', 'pg-native']);
    expect(requires(path.join(outdir, 'preload.cjs'))).toEqual(['electron']);
  });

  it('main.cjs starts the app and the sandboxed preload talks to it', async () => {
    electron.app.paths.set('appData', dir);
    // The bundle requires 'electron' through Node: serve it the stub from the require cache.
    const electronId = require.resolve('electron');
    const previous = require.cache[electronId];
    require.cache[electronId] = { id: electronId, filename: electronId, loaded: true, exports: electron } as never;
    try {
      require(path.join(outdir, 'main.cjs'));
      electron.app.emitReady();
      await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1), { timeout: 20_000 });
    } finally {
      if (previous) require.cache[electronId] = previous;
      else delete require.cache[electronId];
    }
    const window = electron.BrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(outdir, 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
    });
    expect(fs.existsSync(path.join(dir, 'Stackyard', 'stackyard.db'))).toBe(true);

    // Run the preload as Chromium's sandbox would: CommonJS, `require('electron')` only.
    electron.attachRenderer(window.webContents);
    const sandbox = {
      require: (id: string) => {
        if (id !== 'electron') throw new Error(`module not found: ${id}`);
        return electron;
      },
      process: { platform: 'linux' },
    };
    vm.runInNewContext(fs.readFileSync(path.join(outdir, 'preload.cjs'), 'utf8'), sandbox, { filename: 'preload.cjs' });
    const bridge = electron.contextBridge.exposed.get('stackyard') as StackyardBridge;
    const reply = await bridge.invoke('listUsers', { username: 'admin' });
    expect(reply).toMatchObject({ status: 200, body: { listusersresponse: { count: 1 } } });
    expect(await bridge.session()).toMatchObject({ username: 'admin' });
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort());
  }, 30_000);
});
