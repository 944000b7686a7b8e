import { defineConfig } from 'vite';

// import.meta.dirname: the renderer may not import node: modules (lint), and Vite resolves this.
const root = import.meta.dirname;

/**
 * The renderer build. Vite 8 transforms TSX itself (oxc), so no React plugin is needed.
 * `base: './'` lets the same bundle load from file:// in Electron and from any server path.
 */
export default defineConfig({
  root,
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    // CSS light-dark() stays as written (Chromium 123+, Electron's included): lowered for older
    // browsers it becomes variables only a color-scheme declaration in the same CSS defines, and
    // Mantine sets the scheme in its own, so those colours were silently dropped.
    cssTarget: 'chrome123',
    rolldownOptions: {
      onwarn(warning, warn) {
        // Libraries mark their modules "use client" for React Server Components; irrelevant here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    // `npm run dev:renderer` talks to a core started with `npm run serve -- --port 8099`.
    proxy: {
      '/client/api': 'http://127.0.0.1:8099',
      '/client/events': { target: 'ws://127.0.0.1:8099', ws: true },
    },
  },
});
