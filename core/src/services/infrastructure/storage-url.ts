import { DomainError, invalidParameter } from '../../domain/errors';
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

function badUrl(url: string, why: string): DomainError {
  return invalidParameter('STORAGE.BAD_URL', `Invalid storage URL "${url}": ${why}`);
}

function normalizePath(url: string, path: string): string {
  if (!path.startsWith('/') || path.length < 2) throw badUrl(url, 'a path such as /export/primary is required');
  if (path.split('/').some((s) => s === '..')) throw badUrl(url, "the path may not contain '..'");
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
  if (url.length === 0) throw invalidParameter('STORAGE.BAD_URL', 'The storage URL cannot be empty');
  if (url.length > 1024) throw badUrl(url.slice(0, 64), 'the URL is longer than 1024 characters');
  if (CONTROL_CHARS.test(url)) throw badUrl(url, 'control characters are not allowed');
  if (url.startsWith('/')) {
    const path = normalizePath(url, url);
    return { scheme: 'file', poolType: 'Filesystem', host: 'localhost', path, url: `file://${path}` };
  }
  const m = URL_RE.exec(url);
  if (!m) throw badUrl(url, 'expected nfs://server/path, file:///path or an absolute path');
  const scheme = (m[1] ?? '').toLowerCase();
  const authority = m[2] ?? '';
  const rawPath = m[3] ?? '';
  if (authority.includes('@')) throw badUrl(url, 'credentials are not allowed in the URL');
  // "server", "server:" (CloudStack's nfs://server:/export form) or "server:2049".
  const hm = /^([^:]*)(?::(\d{0,5}))?$/.exec(authority);
  if (!hm) throw badUrl(url, 'the server part is not valid');
  const host = hm[1] ?? '';
  switch (scheme) {
    case 'nfs': {
      if (!HOST_RE.test(host)) throw badUrl(url, 'an NFS server name or address is required (nfs://server/path)');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'NetworkFilesystem', host, path, url };
    }
    case 'file': {
      if (host !== '' && host.toLowerCase() !== 'localhost')
        throw badUrl(url, 'a file:// URL names a local path (file:///path)');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'Filesystem', host: 'localhost', path, url: `file://${path}` };
    }
    case 'sharedmountpoint': {
      if (host !== '' && !HOST_RE.test(host)) throw badUrl(url, 'the server part is not valid');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'SharedMountPoint', host: host || 'localhost', path, url };
    }
    default:
      throw badUrl(
        url,
        `unsupported scheme "${scheme}"; use nfs://server/path, file:///path, sharedmountpoint:///path or an absolute path`,
      );
  }
}
