/**
 * Electron main entry, bundled by scripts/build-electron.mjs into dist/electron/main.cjs (the
 * package's "main"). The preload and the renderer sit next to it in dist/.
 */
import path from 'node:path';
import { createCore } from '../../core/src/index';
import { runShell } from './lifecycle';

runShell({
  preload: path.join(__dirname, 'preload.cjs'),
  rendererDir: path.join(__dirname, '..', 'renderer'),
  icon: path.join(__dirname, 'icon.png'),
  createCore,
});
