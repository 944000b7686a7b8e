import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { IpcEvent, type PlatformInfo } from '../ipc-channels';
import { installAppProtocol, registerAppScheme } from './app-protocol';
import { startDesktopCore, type CreateCore, type DesktopCore } from './desktop-core';
import { registerIpcHandlers } from './ipc';
import type { Logger } from './key-store';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

export interface ShellOptions {
  /** dist/electron/preload.cjs */
  preload: string;
  /** dist/renderer */
  rendererDir: string;
  icon?: string;
  createCore: CreateCore;
  log?: Logger & Pick<Console, 'error'>;
  /** How long quitting waits for the core to close before exiting anyway. */
  closeTimeoutMs?: number;
}

export interface Shell {
  /** Settles once the core runs and the window is open (or start-up failed and the app exits). */
  ready: Promise<void>;
  window(): BrowserWindow | null;
  desktop(): DesktopCore | undefined;
}

/**
 * The app's lifecycle: one instance, the `app://` scheme, the core after 'ready', IPC and the
 * live stream, one hardened window; on quit, the IPC handlers go first and the core closes
 * (jobs stopped, database closed) before the process exits.
 */
export function runShell(options: ShellOptions): Shell {
  const log = options.log ?? console;
  let window: BrowserWindow | null = null;
  let desktop: DesktopCore | undefined;
  let operatorCache: Awaited<ReturnType<DesktopCore['operator']>>;
  const disposers: (() => void)[] = [];
  let shutdown: Promise<void> | undefined;
  let closing = false;
  let closed = false;

  const shell: Shell = { ready: Promise.resolve(), window: () => window, desktop: () => desktop };

  // The same userData in development (package name "stackyard") and packaged ("Stackyard").
  app.setPath('userData', path.join(app.getPath('appData'), 'Stackyard'));
  registerAppScheme(protocol);

  if (!app.requestSingleInstanceLock()) {
    closed = true;
    app.quit();
    return shell;
  }

  const openWindow = () => {
    const created = createMainWindow({ preload: options.preload, ...(options.icon ? { icon: options.icon } : {}) });
    created.on('closed', () => {
      if (window === created) window = null;
    });
    return created;
  };

  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (desktop && !closing && BrowserWindow.getAllWindows().length === 0) window = openWindow();
  });

  const close = async () => {
    closing = true;
    // Before 'ready' nothing has started (and the start-up below sees `closing` and does nothing).
    if (app.isReady()) await shell.ready;
    for (const dispose of disposers.splice(0).reverse()) dispose();
    if (!desktop) return;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, options.closeTimeoutMs ?? 10_000).unref());
    await Promise.race([
      desktop.core.close().catch((error) => log.error('[stackyard] closing the core failed:', error)),
      timeout,
    ]);
  };
  // `npm start` (or a service manager) stops the app with a signal: quit properly so the core closes.
  const onSignal = () => app.quit();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    shutdown ??= close().finally(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      closed = true;
      app.quit();
    });
  });

  const started = app.whenReady().then(async () => {
    if (closing) return;
    hardenSession(session.defaultSession);
    installAppProtocol(session.defaultSession.protocol, options.rendererDir);
    desktop = await startDesktopCore({
      userData: app.getPath('userData'),
      safeStorage,
      createCore: options.createCore,
      log,
    });
    const running = desktop;
    // Quit during start-up: close() waits for this promise, then closes the core.
    if (closing) return;
    const operator = async () => (operatorCache = await running.operator());
    await operator();
    const platform: PlatformInfo = {
      os: process.platform,
      arch: process.arch,
      appVersion: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
      transport: 'ipc',
    };
    disposers.push(
      registerIpcHandlers(ipcMain, {
        window: () => window,
        api: running.core.api,
        operator,
        platform: () => platform,
        log,
      }),
    );
    disposers.push(
      running.core.live.subscribe({
        viewer: () => operatorCache,
        send: (message) => {
          if (window && !window.isDestroyed()) window.webContents.send(IpcEvent.LIVE, message);
        },
      }),
    );
    window = openWindow();
  });
  shell.ready = started.catch(async (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    log.error('[stackyard] start-up failed:', error);
    for (const dispose of disposers.splice(0).reverse()) dispose();
    await desktop?.core.close().catch(() => undefined);
    dialog.showErrorBox('Stackyard could not start', message);
    closed = true;
    app.exit(1);
  });
  return shell;
}
