import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_TYPES } from '../contract/content-types';

/** Headers every response of the server carries. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    // 'self' covers WebSockets to the same host and port (the live stream), and nothing else.
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const PLACEHOLDER = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stackyard</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Stackyard</h1>
<p>The management server is running and its API answers at <code>/client/api</code>,
but the user interface has not been built.</p>
<p>Run <code>npm run build:renderer</code> and reload this page.</p>
</body></html>
`;

export type StaticResult = 'served' | 'not-found' | 'refused';

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
  });
  res.end(head ? undefined : body);
}

/**
 * Resolves a URL path inside `root`, or returns undefined for anything that could leave it:
 * `..` segments (raw or percent-encoded), backslashes, NUL bytes, malformed escapes.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return undefined;
  const base = path.resolve(root);
  const prefix = base.endsWith(path.sep) ? base : base + path.sep;
  const target = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (target !== base && !target.startsWith(prefix)) return undefined;
  return target;
}

async function realFileInside(root: string, target: string): Promise<string | undefined> {
  try {
    const [realRoot, realTarget] = await Promise.all([fs.promises.realpath(root), fs.promises.realpath(target)]);
    const prefix = realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep;
    if (realTarget !== realRoot && !realTarget.startsWith(prefix)) return undefined; // symlink out of the root
    const stat = await fs.promises.stat(realTarget);
    if (stat.isDirectory()) {
      const index = path.join(realTarget, 'index.html');
      return (await fs.promises.stat(index).catch(() => undefined))?.isFile() ? index : undefined;
    }
    return stat.isFile() ? realTarget : undefined;
  } catch {
    return undefined;
  }
}

function streamFile(req: IncomingMessage, res: ServerResponse, file: string, urlPath: string): Promise<void> {
  return new Promise((resolve) => {
    fs.promises
      .stat(file)
      .then((stat) => {
        const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        // Vite emits content-hashed names under assets/: cache those for good, revalidate the rest.
        const immutable = urlPath.startsWith('/assets/') && !file.endsWith('.html');
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': type,
          'Content-Length': stat.size,
          'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          'Last-Modified': stat.mtime.toUTCString(),
        });
        if (req.method === 'HEAD') {
          res.end();
          resolve();
          return;
        }
        const stream = fs.createReadStream(file);
        stream.on('error', () => {
          res.destroy();
          resolve();
        });
        stream.on('end', resolve);
        stream.pipe(res);
      })
      .catch(() => {
        send(res, 404, 'text/plain; charset=UTF-8', 'Not Found\n', req.method === 'HEAD');
        resolve();
      });
  });
}

/**
 * Serves the built renderer from `root` with a single-page-app fallback: a path without a file
 * extension that names no file gets index.html, so client-side routes survive a reload. When the
 * renderer is not built (no index.html), pages say how to build it.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string | undefined,
  urlPath: string,
): Promise<StaticResult> {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'text/plain; charset=UTF-8', 'Method Not Allowed\n', head);
    return 'refused';
  }
  const indexFile = root ? path.join(root, 'index.html') : undefined;
  const built = indexFile ? (await fs.promises.stat(indexFile).catch(() => undefined))?.isFile() === true : false;
  if (!root || !built) {
    if (resolveInside('/', urlPath) === undefined) {
      send(res, 400, 'text/plain; charset=UTF-8', 'Bad Request\n', head);
      return 'refused';
    }
    send(res, 200, 'text/html; charset=UTF-8', PLACEHOLDER, head);
    return 'served';
  }
  const target = resolveInside(root, urlPath);
  if (!target) {
    send(res, 400, 'text/plain; charset=UTF-8', 'Bad Request\n', head);
    return 'refused';
  }
  const file = await realFileInside(root, target);
  if (file) {
    await streamFile(req, res, file, urlPath);
    return 'served';
  }
  const last = urlPath.split('/').pop() ?? '';
  if (last.includes('.')) {
    send(res, 404, 'text/plain; charset=UTF-8', 'Not Found\n', head);
    return 'not-found';
  }
  await streamFile(req, res, indexFile as string, '/index.html');
  return 'served';
}
