import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BUILDS,
  chooseMode,
  exitCodeFor,
  findElectronBinary,
  hasDisplay,
  needsBuild,
} from '../scripts/start-decision.mjs';

describe('npm start: desktop app or headless server', () => {
  it('finds the Electron binary only when require("electron") yields an existing path', () => {
    const throwing = () => {
      throw new Error(
        'Electron failed to install correctly, please delete node_modules/electron and try installing again',
      );
    };
    expect(findElectronBinary(throwing)).toBeNull();
    expect(
      findElectronBinary(
        () => '/nope/electron',
        () => false,
      ),
    ).toBeNull();
    expect(
      findElectronBinary(
        () => '/opt/electron/electron',
        (p) => p === '/opt/electron/electron',
      ),
    ).toBe('/opt/electron/electron');
    expect(
      findElectronBinary(
        () => ({}),
        () => true,
      ),
    ).toBeNull();
  });

  it('needs a display on Linux, not on macOS or Windows', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({ DISPLAY: '' }, 'freebsd')).toBe(false);
    expect(hasDisplay({}, 'darwin')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });

  it('runs Electron only with a runtime and a display, and says why otherwise', () => {
    const bin = '/opt/electron/electron';
    expect(chooseMode({ electronBinary: bin, env: { DISPLAY: ':0' }, platform: 'linux' })).toEqual({
      mode: 'electron',
      binary: bin,
    });
    expect(chooseMode({ electronBinary: bin, env: {}, platform: 'darwin' })).toEqual({ mode: 'electron', binary: bin });
    expect(chooseMode({ electronBinary: null, env: { DISPLAY: ':0' }, platform: 'linux' })).toEqual({
      mode: 'browser',
      reason: 'No Electron runtime on this machine; serving the same UI in your browser instead',
    });
    expect(chooseMode({ electronBinary: null, env: {}, platform: 'win32' })).toMatchObject({
      mode: 'browser',
      reason: expect.stringMatching(/^No Electron runtime/),
    });
    expect(chooseMode({ electronBinary: bin, env: {}, platform: 'linux' })).toMatchObject({
      mode: 'browser',
      reason: expect.stringMatching(/^No display/),
    });
    expect(
      chooseMode({ electronBinary: bin, env: { DISPLAY: ':0', STACKYARD_NO_ELECTRON: '1' }, platform: 'linux' }),
    ).toMatchObject({ mode: 'browser' });
    for (const env of [{}, { DISPLAY: ':1' }]) {
      const decision = chooseMode({ electronBinary: null, env, platform: 'linux' });
      expect(decision.mode === 'browser' && decision.reason.split('\n')).toHaveLength(1);
    }
  });

  it('reports a child killed by a signal as 128 + the signal number', () => {
    expect(exitCodeFor(0, null, os.constants.signals)).toBe(0);
    expect(exitCodeFor(3, null, os.constants.signals)).toBe(3);
    expect(exitCodeFor(null, 'SIGINT', os.constants.signals)).toBe(130);
    expect(exitCodeFor(null, 'SIGTERM', os.constants.signals)).toBe(143);
    expect(exitCodeFor(null, null, os.constants.signals)).toBe(1);
  });

  describe('build staleness', () => {
    let dir: string;
    const touch = (rel: string, secondsAgo: number) => {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, rel);
      const t = new Date(Date.now() - secondsAgo * 1000);
      fs.utimesSync(file, t, t);
    };
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-start-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const build = () => ({
      outputs: [path.join(dir, 'dist/renderer/index.html'), path.join(dir, 'dist/electron/main.cjs')],
      inputs: [path.join(dir, 'renderer'), path.join(dir, 'electron')],
    });

    it('builds when an output is missing', () => {
      touch('renderer/src/app.tsx', 100);
      touch('dist/renderer/index.html', 10);
      expect(needsBuild(build())).toBe(true);
    });

    it('builds when a source is newer than the oldest output, not otherwise', () => {
      touch('renderer/src/app.tsx', 100);
      touch('electron/main/index.ts', 90);
      touch('dist/renderer/index.html', 50);
      touch('dist/electron/main.cjs', 40);
      expect(needsBuild(build())).toBe(false);
      touch('electron/main/window.ts', 45);
      expect(needsBuild(build())).toBe(true);
    });

    it('ignores node_modules and dist inside the inputs', () => {
      touch('renderer/src/app.tsx', 100);
      touch('electron/x.ts', 100);
      touch('dist/renderer/index.html', 50);
      touch('dist/electron/main.cjs', 50);
      touch('renderer/node_modules/pkg/index.js', 1);
      expect(needsBuild(build())).toBe(false);
    });

    it('declares what each step builds from', () => {
      expect(BUILDS.desktop.outputs).toEqual(
        expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']),
      );
      expect(BUILDS.renderer.outputs).toEqual(['dist/renderer/index.html']);
      expect(BUILDS.desktop.script).toBe('build');
      expect(BUILDS.renderer.script).toBe('build:renderer');
    });
  });
});
