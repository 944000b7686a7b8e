#!/usr/bin/env node
// Bundles the Electron main process and the preload with esbuild (npm run build:electron).
//   dist/electron/main.cjs     main process: the shell plus the whole core, CommonJS for Electron
//   dist/electron/preload.cjs  the sandboxed preload: one CommonJS file (sandboxed preloads cannot
//                              require our modules or load ESM)
//   dist/electron/icon.png     the window icon (Linux)
// Native and optional modules stay external: better-sqlite3 is loaded from node_modules (unpacked
// from the asar by electron-builder), pg-native is an optional dependency of pg we never use.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --outdir lets tests build elsewhere; the app expects dist/electron next to dist/renderer.
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = values.outdir ? path.resolve(values.outdir) : path.join(root, 'dist', 'electron');

// Electron 38 ships Node 22 and Chromium 140.
const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  absWorkingDir: root,
};

fs.mkdirSync(outdir, { recursive: true });
const started = Date.now();
const results = await Promise.allSettled([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: path.join(outdir, 'main.cjs'),
    platform: 'node',
    target: 'node22',
    external: ['electron', 'better-sqlite3', 'pg-native'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: path.join(outdir, 'preload.cjs'),
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
  }),
]);
if (results.some((r) => r.status === 'rejected')) {
  // esbuild has printed the errors already.
  console.error('build:electron failed');
  process.exit(1);
}
const icon = path.join(root, 'resources', 'icon.png');
if (fs.existsSync(icon)) fs.copyFileSync(icon, path.join(outdir, 'icon.png'));
console.log(`built ${path.relative(root, outdir) || outdir}/main.cjs and preload.cjs in ${Date.now() - started} ms`);
