import { BrowserWindow, shell, type Session, type WebContents, type WebPreferences } from 'electron';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, externalUrl, isAppUrl } from './app-origin';

/** The renderer gets no Node, its own JS world, Chromium's sandbox and the web's same-origin rules. */
export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/**
 * Permissions the app origin may have. Everything else is denied: the UI needs no camera,
 * microphone, geolocation, notifications or clipboard reads. Writing to the clipboard stays
 * allowed because copy buttons (ids, API keys) use navigator.clipboard.writeText, which Electron
 * routes through the permission handler.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, origin: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(origin);
}

type HardenableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>;

/** Session-wide policy: permission requests and checks denied, the CSP header on the app's pages. */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl ?? contents.getURL()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({});
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** Opens an http(s) link in the user's browser; anything else (file:, smb:, custom schemes) is dropped. */
export function openExternalSafely(url: string): boolean {
  const safe = externalUrl(url);
  if (!safe) return false;
  void shell.openExternal(safe).catch(() => undefined);
  return true;
}

/**
 * Per-webContents policy: no navigation away from the app origin, no new windows (http(s) links
 * go to the OS browser instead), no <webview>. Applied to every webContents the app creates.
 */
const hardened = new WeakSet<WebContents>();

export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  const denyForeign = (event: { url: string; preventDefault(): void }, url?: string) => {
    if (!isAppUrl(url ?? event.url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => denyForeign(event, url));
  contents.on('will-redirect', (event, url) => denyForeign(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}

export interface MainWindowOptions {
  /** Absolute path of dist/electron/preload.cjs. */
  preload: string;
  /** Window icon (Linux; macOS and Windows take it from the bundle). */
  icon?: string;
  url?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Stackyard',
    show: false,
    backgroundColor: '#1a1b1e',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: hardenedWebPreferences(options.preload),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url ?? APP_ENTRY_URL);
  return window;
}
