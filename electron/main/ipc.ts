import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Caller } from '../../core/src/index';
import {
  IpcChannel,
  type ApiParams,
  type ApiReply,
  type IpcEnvelope,
  type IpcError,
  type IpcInvokeChannel,
  type IpcResult,
  type OperatorInfo,
  type PlatformInfo,
} from '../ipc-channels';
import { isAppUrl } from './app-origin';

/** The core's dispatcher as IPC needs it (ApiDispatcher satisfies this). */
export interface ApiExecutor {
  execute(command: string, params: ApiParams, caller: Caller | null): Promise<ApiReply>;
}

export interface IpcContext {
  /** The one window whose pages may call main. */
  window(): BrowserWindow | null | undefined;
  api: ApiExecutor;
  /** The signed-in local operator, re-read per call so a disabled or changed account takes effect. */
  operator(): Promise<Caller | undefined>;
  platform(): PlatformInfo;
  log?: Pick<Console, 'error' | 'warn'>;
}

/**
 * Commands the renderer may not run over IPC. The desktop operator is signed in by main; `login`
 * would hand a session key to the renderer and `logout` has no session to end.
 */
export const IPC_BLOCKED_COMMANDS: ReadonlySet<string> = new Set(['login', 'logout']);

const COMMAND_NAME = /^[A-Za-z][A-Za-z0-9]{0,99}$/;
const MAX_PARAMS = 1000;
const MAX_VALUE_LENGTH = 4 * 1024 * 1024;

class IpcRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Who may call: only the main frame of our own window, showing a page of the app origin. A page
 * that navigated elsewhere, an iframe, or another webContents gets an error envelope.
 */
export function checkSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  window: BrowserWindow | null | undefined,
): IpcError | undefined {
  if (!window || window.isDestroyed()) return { code: 'IPC.NO_WINDOW', message: 'no application window' };
  if (event.sender.id !== window.webContents.id) {
    return { code: 'IPC.FOREIGN_SENDER', message: 'IPC refused: the sender is not the application window' };
  }
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null)
    return { code: 'IPC.FOREIGN_SENDER', message: 'IPC refused: only the main frame may call' };
  if (!isAppUrl(frame.url))
    return { code: 'IPC.FOREIGN_SENDER', message: 'IPC refused: the sender is not an application page' };
  return undefined;
}

/** Validates `api:invoke` arguments; numbers and booleans become strings as on the HTTP wire. */
export function validateApiArgs(command: unknown, params: unknown): { command: string; params: ApiParams } {
  if (typeof command !== 'string' || !COMMAND_NAME.test(command))
    throw new IpcRefusal('IPC.BAD_ARGUMENTS', 'command must be an API command name');
  if (IPC_BLOCKED_COMMANDS.has(command.toLowerCase())) {
    throw new IpcRefusal(
      'IPC.COMMAND_NOT_AVAILABLE',
      `${command} is not used in the desktop app: the local operator is signed in already`,
    );
  }
  if (params === undefined || params === null) return { command, params: {} };
  if (typeof params !== 'object' || Array.isArray(params))
    throw new IpcRefusal('IPC.BAD_ARGUMENTS', 'params must be an object');
  const proto: unknown = Object.getPrototypeOf(params);
  if (proto !== Object.prototype && proto !== null)
    throw new IpcRefusal('IPC.BAD_ARGUMENTS', 'params must be a plain object');
  const entries = Object.entries(params as Record<string, unknown>);
  if (entries.length > MAX_PARAMS) throw new IpcRefusal('IPC.BAD_ARGUMENTS', 'too many parameters');
  const out: ApiParams = {};
  const scalar = (name: string, value: unknown): string => {
    if (typeof value === 'string') {
      if (value.length > MAX_VALUE_LENGTH) throw new IpcRefusal('IPC.BAD_ARGUMENTS', `parameter ${name} is too long`);
      return value;
    }
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'boolean') return String(value);
    throw new IpcRefusal('IPC.BAD_ARGUMENTS', `parameter ${name} must be a string, number or boolean`);
  };
  for (const [name, value] of entries) {
    if (name.length === 0 || name.length > 200) throw new IpcRefusal('IPC.BAD_ARGUMENTS', 'bad parameter name');
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.map((v) => scalar(name, v)) : scalar(name, value);
  }
  return { command, params: out };
}

export function operatorInfo(caller: Caller): OperatorInfo {
  return {
    userid: caller.userUuid,
    username: caller.username,
    account: caller.accountName,
    accountid: caller.accountUuid,
    domainid: caller.domainUuid,
    domain: caller.domainPath,
    roletype: caller.roleType,
    type: caller.accountType,
  };
}

type Handler<C extends IpcInvokeChannel> = (...args: unknown[]) => Promise<IpcResult<C>>;

/**
 * Registers the invoke channels of the channel map. Every answer is an envelope: `{result}` or
 * `{error}`; a CloudStack error is a result (status + body), as it would be on HTTP. Returns a
 * function that removes the handlers.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, ctx: IpcContext): () => void {
  const log = ctx.log ?? console;
  const channels: IpcInvokeChannel[] = [];

  const handle = <C extends IpcInvokeChannel>(channel: C, fn: Handler<C>) => {
    channels.push(channel);
    ipcMain.handle(channel, async (event, ...args: unknown[]): Promise<IpcEnvelope<IpcResult<C>>> => {
      const refused = checkSender(event, ctx.window());
      if (refused) {
        log.warn(`[ipc] ${channel}: ${refused.message} (${event.senderFrame?.url ?? 'no frame'})`);
        return { error: refused };
      }
      try {
        return { result: await fn(...args) };
      } catch (error) {
        if (error instanceof IpcRefusal) return { error: { code: error.code, message: error.message } };
        log.error(`[ipc] ${channel} failed:`, error instanceof Error ? error.stack : error);
        return { error: { code: 'IPC.INTERNAL', message: 'internal error in the main process' } };
      }
    });
  };

  handle(IpcChannel.API_INVOKE, async (command, params) => {
    const args = validateApiArgs(command, params);
    const caller = (await ctx.operator()) ?? null;
    // Only status and body cross: the dispatcher's `result` may carry session material.
    const reply = await ctx.api.execute(args.command, args.params, caller);
    return { status: reply.status, body: reply.body };
  });

  handle(IpcChannel.APP_PLATFORM, async () => ctx.platform());

  handle(IpcChannel.APP_SESSION, async () => {
    const caller = await ctx.operator();
    if (!caller)
      throw new IpcRefusal(
        'IPC.NOT_SIGNED_IN',
        'the local operator account is not available (removed, disabled or locked, or its account is)',
      );
    return operatorInfo(caller);
  });

  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
