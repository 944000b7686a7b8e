import { DomainError, invalidParameter } from '../../domain/errors';
import { message, type ServerMessageKey } from '../../domain/messages';
import type { StoragePoolType } from '../../domain/infrastructure';

/** What a storage URL names: the pool type CloudStack derives from the scheme, the server and the path. */
export interface ParsedStorageUrl {
  /** Lower-case scheme. */
  scheme: 'nfs' | 'file' | 'sharedmountpoint';
  poolType: StoragePoolType;
  host: string;
  path: string;
  /** The URL in canonical form (a bare path becomes file:///path). */
  url: string;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const HOST_RE = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/;
const URL_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/;

/** The keys of the bad storage URL messages, each with the URL as its one parameter. */
type BadUrlKey = Exclude<
  { [K in ServerMessageKey]: K extends `error.storage.badUrl.${string}` ? K : never }[ServerMessageKey],
  'error.storage.badUrl.scheme'
>;

function badUrl(url: string, why: BadUrlKey): DomainError {
  return invalidParameter('STORAGE.BAD_URL', message(why, { url }));
}

function normalizePath(url: string, path: string): string {
  if (!path.startsWith('/') || path.length < 2) throw badUrl(url, 'error.storage.badUrl.noPath');
  if (path.split('/').some((s) => s === '..')) throw badUrl(url, 'error.storage.badUrl.dotDot');
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/**
 * Parses a primary or secondary storage URL the way CloudStack's DefaultPrimary life cycle reads
 * it: nfs://server/path and nfs://server:/path (NetworkFilesystem; an optional :port is ignored),
 * file:///path (Filesystem on the host, server "localhost") and sharedmountpoint:///path
 * (SharedMountPoint). A bare absolute path (/srv/pool) is a Stackyard shorthand for file:///path.
 * Local paths are 'Filesystem', as CloudStack types a file:// URL; 'SharedMountPoint' is used only
 * when the URL says so (a path mounted at the same place on every host of the cluster).
 */
export function parseStorageUrl(text: string): ParsedStorageUrl {
  const url = text.trim();
  if (url.length === 0) throw invalidParameter('STORAGE.BAD_URL', message('error.storage.emptyUrl', {}));
  if (url.length > 1024) throw badUrl(url.slice(0, 64), 'error.storage.badUrl.tooLong');
  if (CONTROL_CHARS.test(url)) throw badUrl(url, 'error.storage.badUrl.controlChars');
  if (url.startsWith('/')) {
    const path = normalizePath(url, url);
    return { scheme: 'file', poolType: 'Filesystem', host: 'localhost', path, url: `file://${path}` };
  }
  const m = URL_RE.exec(url);
  if (!m) throw badUrl(url, 'error.storage.badUrl.format');
  const scheme = (m[1] ?? '').toLowerCase();
  const authority = m[2] ?? '';
  const rawPath = m[3] ?? '';
  if (authority.includes('@')) throw badUrl(url, 'error.storage.badUrl.credentials');
  // "server", "server:" (CloudStack's nfs://server:/export form) or "server:2049".
  const hm = /^([^:]*)(?::(\d{0,5}))?$/.exec(authority);
  if (!hm) throw badUrl(url, 'error.storage.badUrl.server');
  const host = hm[1] ?? '';
  switch (scheme) {
    case 'nfs': {
      if (!HOST_RE.test(host)) throw badUrl(url, 'error.storage.badUrl.noServer');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'NetworkFilesystem', host, path, url };
    }
    case 'file': {
      if (host !== '' && host.toLowerCase() !== 'localhost') throw badUrl(url, 'error.storage.badUrl.fileHost');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'Filesystem', host: 'localhost', path, url: `file://${path}` };
    }
    case 'sharedmountpoint': {
      if (host !== '' && !HOST_RE.test(host)) throw badUrl(url, 'error.storage.badUrl.server');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'SharedMountPoint', host: host || 'localhost', path, url };
    }
    default:
      throw invalidParameter('STORAGE.BAD_URL', message('error.storage.badUrl.scheme', { url, scheme }));
  }
}
