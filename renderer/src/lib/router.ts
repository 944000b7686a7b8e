import { useSyncExternalStore } from 'react';

/**
 * A small hash router: `#/accounts?id=...`. Hash URLs work the same from file:// in Electron and
 * from any path on a server, and need no server-side fallback.
 */
export interface Location {
  path: string;
  query: URLSearchParams;
}

function read(): string {
  return typeof window === 'undefined' ? '' : window.location.hash;
}

function subscribe(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function parseHash(hash: string): Location {
  const raw = hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?', 2);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, read, () => '');
  return parseHash(hash);
}

/** Builds `#/path?a=b`, dropping empty values. */
export function href(path: string, query?: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, v);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | undefined>): void {
  window.location.hash = href(path, query);
}

/** Changes the query of the current path without adding a history entry per keystroke. */
export function replaceQuery(query: Record<string, string | undefined>): void {
  const { path } = parseHash(read());
  const url = new URL(window.location.href);
  url.hash = href(path, query);
  window.history.replaceState(null, '', url.toString());
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
