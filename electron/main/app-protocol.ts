import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_TYPES } from '../../core/src/contract/content-types';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './app-origin';

/** `app://` behaves like https: standard URL parsing, a secure context, fetch and CORS for module scripts. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** Must run before app 'ready'. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves files under `rootDir` (dist/renderer) for `app://stackyard/<path>`. Paths that escape the
 * root are refused; a path without an extension that matches no file gets index.html, so the
 * renderer's history routes survive a reload. Every response carries the CSP.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return plain(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'bad request');
    }
    if (pathname.includes('\0')) return plain(400, 'bad request');
    const file = path.resolve(root, `.${path.posix.normalize(`/${pathname}`)}`);
    const relative = path.relative(root, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return plain(403, 'forbidden');

    let target = file;
    if (relative === '' || !(await isFile(file))) {
      const spaRoute = relative === '' || path.extname(file) === '';
      if (!spaRoute) return plain(404, 'not found');
      target = path.join(root, 'index.html');
      if (!(await isFile(target))) return plain(404, 'renderer not built (run npm run build:renderer)');
    }
    const body = await fs.readFile(target);
    const headers = {
      'Content-Type': CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ...SECURITY_HEADERS,
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Installs the handler on a session's protocol registry (after 'ready'). */
export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
