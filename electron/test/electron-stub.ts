/**
 * A stand-in for the `electron` module in Node tests (the Electron binary cannot be installed
 * here). It implements the parts the shell uses, records what the code under test did, and offers
 * helpers to play the other side (navigate, open a window, invoke IPC as a frame, fire app events).
 *
 *   vi.mock('electron', () => import('../test/electron-stub'));
 *   import * as electron from '../test/electron-stub';   // the same module instance
 *
 * Call `resetElectronStub()` in beforeEach.
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';

type Listener = (...args: any[]) => unknown;

/** An Electron-style event: `preventDefault()` and `defaultPrevented`. */
export class StubEvent<T extends object = object> {
  defaultPrevented = false;
  constructor(fields?: T) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

// ---------------------------------------------------------------------------------------- frames

export class StubWebFrameMain {
  parent: StubWebFrameMain | null = null;
  constructor(
    public url: string,
    parent?: StubWebFrameMain,
  ) {
    if (parent) this.parent = parent;
  }
  get origin(): string {
    try {
      const u = new URL(this.url);
      return `${u.protocol}//${u.host}`;
    } catch {
      return 'null';
    }
  }
}

// ----------------------------------------------------------------------------------- webContents

let nextWebContentsId = 1;

export class StubWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler:
    | ((details: { url: string; frameName: string; features: string; disposition: string }) => {
        action: 'allow' | 'deny';
      })
    | undefined;
  mainFrame: StubWebFrameMain;
  destroyed = false;
  /** The preload's ipcRenderer, when a test has attached one to this webContents. */
  renderer: StubIpcRenderer | undefined;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new StubWebFrameMain(url);
  }

  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args: structuredClone(args) });
    this.renderer?.deliver(channel, structuredClone(args));
  }
  setWindowOpenHandler(handler: NonNullable<StubWebContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler;
  }

  // --- helpers for tests ---

  /** Plays a navigation: fires will-navigate; unless prevented, the main frame's URL changes. */
  navigate(url: string): { prevented: boolean } {
    const event = new StubEvent({ url, isMainFrame: true, frame: this.mainFrame });
    this.emit('will-navigate', event, url);
    if (!event.defaultPrevented) this.mainFrame.url = url;
    return { prevented: event.defaultPrevented };
  }
  /** Plays a server redirect. */
  redirect(url: string): { prevented: boolean } {
    const event = new StubEvent({ url, isMainFrame: true, frame: this.mainFrame });
    this.emit('will-redirect', event, url);
    return { prevented: event.defaultPrevented };
  }
  /** Plays window.open(url); returns what the window open handler decided. */
  openWindow(url: string): { action: 'allow' | 'deny' } {
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' });
  }
  attachWebview(): { prevented: boolean } {
    const event = new StubEvent();
    this.emit('will-attach-webview', event, {}, {});
    return { prevented: event.defaultPrevented };
  }
}

// ------------------------------------------------------------------------------------ BrowserWindow

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.instances.filter((w) => !w.destroyed);
  }

  readonly webContents: StubWebContents;
  loadedUrls: string[] = [];
  shown = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, any> = {}) {
    super();
    this.webContents = new StubWebContents();
    BrowserWindow.instances.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.mainFrame.url = url;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

// --------------------------------------------------------------------------------------- session

class StubProtocol {
  privileged: { scheme: string; privileges?: Record<string, boolean> }[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (app.ready) throw new Error('registerSchemesAsPrivileged must be called before app is ready');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }
  /** Test helper: fetch a URL through the registered handler. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme}:`);
    return handler(new Request(url, init));
  }
}

type HeadersListener = (
  details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string | string[]> }) => void,
) => void;

class StubSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  headersListener: HeadersListener | null = null;
  readonly protocol = new StubProtocol();
  readonly webRequest = {
    onHeadersReceived: (filterOrListener: unknown, maybeListener?: HeadersListener | null) => {
      this.headersListener = (
        typeof filterOrListener === 'function' ? filterOrListener : (maybeListener ?? null)
      ) as HeadersListener | null;
    },
  };
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }

  // --- helpers for tests ---

  /** Plays a permission request; resolves with what the handler granted (Electron's default: true). */
  requestPermission(contents: StubWebContents, permission: string, requestingUrl: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl, isMainFrame: true }));
  }
  checkPermission(contents: StubWebContents | null, permission: string, origin: string): boolean {
    const handler = this.permissionCheckHandler;
    return handler
      ? Boolean(handler(contents, permission, origin, { requestingUrl: origin, isMainFrame: true }))
      : true;
  }
  /** Plays a response through onHeadersReceived; returns the headers Chromium would use. */
  receiveHeaders(url: string, responseHeaders: Record<string, string[]> = {}): Record<string, string | string[]> {
    const listener = this.headersListener;
    if (!listener) return responseHeaders;
    let result: { cancel?: boolean; responseHeaders?: Record<string, string | string[]> } | undefined;
    listener({ url, resourceType: 'mainFrame', responseHeaders }, (r) => (result = r));
    if (!result) throw new Error('onHeadersReceived listener did not call back');
    return result.responseHeaders ?? responseHeaders;
  }
}

export const session = { defaultSession: new StubSession() };
export const protocol = {
  registerSchemesAsPrivileged: (schemes: { scheme: string; privileges?: Record<string, boolean> }[]) =>
    session.defaultSession.protocol.registerSchemesAsPrivileged(schemes),
  handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) =>
    session.defaultSession.protocol.handle(scheme, handler),
};

// --------------------------------------------------------------------------------------------- app

class StubApp extends EventEmitter {
  ready = false;
  singleInstanceLock = true;
  isPackaged = false;
  quitCalls = 0;
  exitCode: number | undefined;
  quitted = false;
  readonly paths = new Map<string, string>();
  readyWaiters: (() => void)[] = [];

  getPath(name: string): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`stub app has no path '${name}' (set app.paths in the test)`);
    return value;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getVersion(): string {
    return '0.1.0';
  }
  getName(): string {
    return 'Stackyard';
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }
  quit(): void {
    this.quitCalls += 1;
    const event = new StubEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    const willQuit = new StubEvent();
    this.emit('will-quit', willQuit);
    if (!willQuit.defaultPrevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
    this.quitted = true;
  }

  // --- helpers for tests ---

  /** Fires 'ready' and resolves whenReady(). */
  emitReady(): void {
    this.ready = true;
    this.emit('ready');
    for (const resolve of this.readyWaiters.splice(0)) resolve();
  }
}

export const app = new StubApp();

// --------------------------------------------------------------------------------------------- IPC

export interface StubInvokeEvent {
  sender: StubWebContents;
  senderFrame: StubWebFrameMain | null;
  processId: number;
  frameId: number;
}

class StubIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: StubInvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: StubInvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Test helper: invoke a channel as `sender` from `frame` (defaults to its main frame). */
  async invokeFrom(
    sender: StubWebContents,
    channel: string,
    args: unknown[],
    frame: StubWebFrameMain | null = sender.mainFrame,
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered for '${channel}'`);
    const event: StubInvokeEvent = { sender, senderFrame: frame, processId: 1, frameId: 1 };
    // Arguments and results cross a structured clone, as over real IPC.
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
}

export const ipcMain = new StubIpcMain();

/** The preload side. Attach it to a webContents with `attachRenderer(contents)` before importing the preload. */
export class StubIpcRenderer extends EventEmitter {
  constructor(readonly contents: StubWebContents) {
    super();
    contents.renderer = this;
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invokeFrom(this.contents, channel, args);
  }
  deliver(channel: string, args: unknown[]): void {
    this.emit(channel, { sender: this }, ...args);
  }
}

let currentRenderer: StubIpcRenderer | undefined;

export function attachRenderer(contents: StubWebContents): StubIpcRenderer {
  currentRenderer = new StubIpcRenderer(contents);
  return currentRenderer;
}

/** `ipcRenderer` as the preload imports it: forwards to the renderer attached last. */
export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]) => requireRenderer().invoke(channel, ...args),
  on: (channel: string, listener: Listener) => {
    requireRenderer().on(channel, listener);
    return ipcRenderer;
  },
  removeListener: (channel: string, listener: Listener) => {
    requireRenderer().removeListener(channel, listener);
    return ipcRenderer;
  },
  listenerCount: (channel: string) => requireRenderer().listenerCount(channel),
};

function requireRenderer(): StubIpcRenderer {
  if (!currentRenderer) throw new Error('no renderer attached (call attachRenderer first)');
  return currentRenderer;
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key))
      throw new Error(`Cannot bind an API on top of an existing property on the window object (${key})`);
    contextBridge.exposed.set(key, api);
  },
};

// --------------------------------------------------------------------------------- shell, dialog

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url);
  },
};

export const dialog = {
  errors: [] as { title: string; content: string }[],
  showErrorBox(title: string, content: string): void {
    dialog.errors.push({ title, content });
  },
};

// ----------------------------------------------------------------------------------- safeStorage

const STUB_OS_KEY = crypto.randomBytes(32);

/**
 * Encrypts for real (AES-256-GCM under a per-process "OS key") so tests can tell sealed bytes
 * from the plain text. `available` and `backend` emulate keychain states.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown',
  encryptCalls: 0,
  isEncryptionAvailable(): boolean {
    return safeStorage.available;
  },
  getSelectedStorageBackend() {
    return safeStorage.backend;
  },
  encryptString(plainText: string): Buffer {
    if (!safeStorage.available)
      throw new Error(
        'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.',
      );
    safeStorage.encryptCalls += 1;
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', STUB_OS_KEY, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
  },
  decryptString(encrypted: Buffer): string {
    if (!safeStorage.available)
      throw new Error(
        'Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.',
      );
    if (encrypted.subarray(0, 3).toString() !== 'v11')
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const iv = encrypted.subarray(3, 15);
    const tag = encrypted.subarray(15, 31);
    const decipher = crypto.createDecipheriv('aes-256-gcm', STUB_OS_KEY, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8');
  },
};

// ---------------------------------------------------------------------------------------- reset

export function resetElectronStub(): void {
  app.removeAllListeners();
  app.ready = false;
  app.readyWaiters.length = 0;
  app.singleInstanceLock = true;
  app.quitCalls = 0;
  app.exitCode = undefined;
  app.quitted = false;
  app.paths.clear();
  app.paths.set('appData', path.join(os.tmpdir(), 'stackyard-stub-appdata'));
  BrowserWindow.instances.length = 0;
  const s = session.defaultSession;
  s.removeAllListeners();
  s.permissionRequestHandler = null;
  s.permissionCheckHandler = null;
  s.headersListener = null;
  s.protocol.privileged.length = 0;
  s.protocol.handlers.clear();
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  currentRenderer = undefined;
  contextBridge.exposed.clear();
  shell.opened.length = 0;
  dialog.errors.length = 0;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.encryptCalls = 0;
}

resetElectronStub();

export default {
  app,
  BrowserWindow,
  session,
  protocol,
  ipcMain,
  ipcRenderer,
  contextBridge,
  shell,
  dialog,
  safeStorage,
};
