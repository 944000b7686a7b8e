/**
 * The app's own origin and the policy around it. The renderer is served from `app://stackyard/`
 * (see app-protocol.ts) rather than file://, because:
 *  - it gives the pages a real origin: the IPC sender check, will-navigate and the CSP can say
 *    "this origin" instead of "any file on the disk" (every file:// page shares the opaque origin);
 *  - the protocol handler serves only files under dist/renderer, with a path containment check;
 *  - file:// keeps extra privileges for legacy apps, which the GrantFileProtocolExtraPrivileges fuse
 *    can then switch off (see scripts/after-pack.cjs);
 *  - fetch, CORS module scripts and history-style routes behave as on an https origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stackyard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The renderer's Content-Security-Policy. Mantine sets inline `style` attributes, hence
 * 'unsafe-inline' for styles only; scripts come from the app origin alone; the renderer talks to the
 * core through IPC, so it needs no network at all beyond its own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "media-src 'self'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * True for URLs of the app's own origin. WHATWG URL gives non-special schemes an opaque origin
 * ("null"), so compare the scheme and host rather than `.origin`; reject credentials and ports.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  const u = parse(url);
  return (
    !!u &&
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.port === '' &&
    u.username === '' &&
    u.password === ''
  );
}

/** Links the app may hand to the OS browser: http(s) only, never file:, javascript:, custom schemes. */
export function externalUrl(url: string): string | undefined {
  const u = parse(url);
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:')) return undefined;
  if (u.username || u.password) return undefined;
  return u.toString();
}
