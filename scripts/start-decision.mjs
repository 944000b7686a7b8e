// What `npm start` does, as pure functions (scripts/start.mjs runs them; electron/start.test.ts
// tests them): the desktop app when an Electron runtime and a display exist, else the headless
// server with the same UI in a browser.
import fs from 'node:fs';
import path from 'node:path';

export const FALLBACK_NOTICE = 'serving the same UI in your browser instead';

/**
 * The Electron executable, or null. `require('electron')` returns its path when the binary was
 * installed, and throws when only the JS shim and types are there (our build machines).
 */
export function findElectronBinary(requireFn, existsSync = fs.existsSync) {
  let binary;
  try {
    binary = requireFn('electron');
  } catch {
    return null;
  }
  return typeof binary === 'string' && binary.length > 0 && existsSync(binary) ? binary : null;
}

/** macOS and Windows always have a desktop; elsewhere X11 or Wayland must be reachable. */
export function hasDisplay(env, platform) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * @returns {{ mode: 'electron', binary: string } | { mode: 'browser', reason: string }}
 */
export function chooseMode({ electronBinary, env, platform }) {
  if (env.STACKYARD_NO_ELECTRON === '1') {
    return { mode: 'browser', reason: `STACKYARD_NO_ELECTRON=1; ${FALLBACK_NOTICE}` };
  }
  if (!electronBinary) {
    return { mode: 'browser', reason: `No Electron runtime on this machine; ${FALLBACK_NOTICE}` };
  }
  if (!hasDisplay(env, platform)) {
    return { mode: 'browser', reason: `No display (DISPLAY and WAYLAND_DISPLAY are unset); ${FALLBACK_NOTICE}` };
  }
  return { mode: 'electron', binary: electronBinary };
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'test-results', 'playwright-report']);

/** The newest modification time (ms) of a file or of any file under a directory; 0 if absent. */
export function newestMtime(target, fsApi = fs) {
  let stat;
  try {
    stat = fsApi.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fsApi.readdirSync(target, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIP_DIRS.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name), fsApi));
  }
  return newest;
}

/** True when an output is missing or any input changed after the oldest output was written. */
export function needsBuild({ outputs, inputs }, fsApi = fs) {
  let oldestOutput = Infinity;
  for (const output of outputs) {
    let stat;
    try {
      stat = fsApi.statSync(output);
    } catch {
      return true;
    }
    oldestOutput = Math.min(oldestOutput, stat.mtimeMs);
  }
  const newestInput = Math.max(0, ...inputs.map((input) => newestMtime(input, fsApi)));
  return newestInput > oldestOutput;
}

/** What a build step must produce, and what it is built from (relative to the repo root). */
export const BUILDS = {
  renderer: {
    script: 'build:renderer',
    outputs: ['dist/renderer/index.html'],
    inputs: ['renderer', 'package.json'],
  },
  desktop: {
    script: 'build',
    outputs: ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'],
    inputs: ['renderer', 'electron', 'core/src', 'resources', 'package.json', 'scripts/build-electron.mjs'],
  },
};

/** The exit code a parent reports for a child that ended by a signal: 128 + its number. */
export function exitCodeFor(code, signal, signals) {
  if (code !== null && code !== undefined) return code;
  const number = signal ? signals[signal] : undefined;
  return typeof number === 'number' ? 128 + number : 1;
}
