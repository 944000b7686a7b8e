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
  /**
   * How long quitting waits for the core to drain (running jobs get
   * management.server.shutdown.grace.seconds) and close before exiting anyway.
   */
  closeTimeoutMs?: number;
}

export interface Shell {
  /** Settles once the core runs and the window is open (or start-up failed and the app exits). */
  ready: Promise<void>;
  window(): BrowserWindow | null;
  desktop(): DesktopCore | undefined;
}

type Operator = Awaited<ReturnType<DesktopCore['operator']>>;

/** One run of the shell: the window, the running core and what quitting must undo. */
class ShellRun {
  private window: BrowserWindow | null = null;
  private desktop: DesktopCore | undefined;
  private operatorCache: Operator;
  private readonly disposers: (() => void)[] = [];
  private shutdown: Promise<void> | undefined;
  private closing = false;
  private closed = false;
  private readonly log: NonNullable<ShellOptions['log']>;
  // `npm start` (or a service manager) stops the app with a signal: quit properly so the core closes.
  private readonly onSignal = () => app.quit();
  readonly shell: Shell = { ready: Promise.resolve(), window: () => this.window, desktop: () => this.desktop };

  constructor(private readonly options: ShellOptions) {
    this.log = options.log ?? console;
  }

  start(): Shell {
    // The same userData in development (package name "stackyard") and packaged ("Stackyard").
    app.setPath('userData', path.join(app.getPath('appData'), 'Stackyard'));
    registerAppScheme(protocol);

    if (!app.requestSingleInstanceLock()) {
      this.closed = true;
      app.quit();
      return this.shell;
    }
    this.watchWindows();
    this.watchQuit();
    const started = app.whenReady().then(() => this.startCore());
    this.shell.ready = started.catch((error: unknown) => this.failStartUp(error));
    return this.shell;
  }

  private openWindow(): BrowserWindow {
    const { preload, icon } = this.options;
    const created = createMainWindow({ preload, ...(icon ? { icon } : {}) });
    created.on('closed', () => {
      if (this.window === created) this.window = null;
    });
    return created;
  }

  private watchWindows(): void {
    app.on('second-instance', () => {
      if (!this.window) return;
      if (this.window.isMinimized()) this.window.restore();
      this.window.focus();
    });
    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('activate', () => {
      if (this.desktop && !this.closing && BrowserWindow.getAllWindows().length === 0) this.window = this.openWindow();
    });
  }

  private watchQuit(): void {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    app.on('before-quit', (event) => {
      if (this.closed) return;
      event.preventDefault();
      this.shutdown ??= this.close().finally(() => {
        process.off('SIGINT', this.onSignal);
        process.off('SIGTERM', this.onSignal);
        this.closed = true;
        app.quit();
      });
    });
  }

  private async close(): Promise<void> {
    this.closing = true;
    // Before 'ready' nothing has started (and the start-up below sees `closing` and does nothing).
    if (app.isReady()) await this.shell.ready;
    this.dispose();
    if (!this.desktop) return;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, this.options.closeTimeoutMs ?? 45_000).unref());
    const core = this.desktop.core;
    await Promise.race([
      core
        .drain()
        .catch((error) => this.log.error('[stackyard] draining the core failed:', error))
        .then(() => core.close())
        .catch((error) => this.log.error('[stackyard] closing the core failed:', error)),
      timeout,
    ]);
  }

  private dispose(): void {
    for (const dispose of this.disposers.splice(0).reverse()) dispose();
  }

  private async startCore(): Promise<void> {
    if (this.closing) return;
    hardenSession(session.defaultSession);
    installAppProtocol(session.defaultSession.protocol, this.options.rendererDir);
    this.desktop = await startDesktopCore({
      userData: app.getPath('userData'),
      safeStorage,
      createCore: this.options.createCore,
      log: this.log,
    });
    const running = this.desktop;
    // Quit during start-up: close() waits for this promise, then closes the core.
    if (this.closing) return;
    const operator = async () => (this.operatorCache = await running.operator());
    await operator();
    this.connect(running, operator);
    this.window = this.openWindow();
  }

  /** IPC handlers and the live stream to the window. */
  private connect(running: DesktopCore, operator: () => Promise<Operator>): void {
    const platform: PlatformInfo = {
      os: process.platform,
      arch: process.arch,
      appVersion: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
      transport: 'ipc',
    };
    this.disposers.push(
      registerIpcHandlers(ipcMain, {
        window: () => this.window,
        api: running.core.api,
        operator,
        platform: () => platform,
        log: this.log,
      }),
    );
    this.disposers.push(
      running.core.live.subscribe({
        viewer: () => this.operatorCache,
        send: (message) => {
          if (this.window && !this.window.isDestroyed()) this.window.webContents.send(IpcEvent.LIVE, message);
        },
      }),
    );
  }

  private async failStartUp(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.log.error('[stackyard] start-up failed:', error);
    this.dispose();
    await this.desktop?.core.close().catch(() => undefined);
    dialog.showErrorBox('Stackyard could not start', message);
    this.closed = true;
    app.exit(1);
  }
}

/**
 * The app's lifecycle: one instance, the `app://` scheme, the core after 'ready', IPC and the
 * live stream, one hardened window; on quit, the IPC handlers go first and the core closes
 * (jobs stopped, database closed) before the process exits.
 */
export function runShell(options: ShellOptions): Shell {
  return new ShellRun(options).start();
}
