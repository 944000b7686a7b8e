import type { z } from 'zod';
import type { Caller } from '../services/caller';
import type { JobTarget } from '../services/core-services';
import type { ServiceDirectory } from '../services/directory';
import type { CommandInput, CommandReply, CommandSpec, ResponseSpec } from './schemas/spec';

export type { JobTarget };

/**
 * What a command produced, before the API edge turns it into CloudStack's wire shape. `schema`
 * is the declared item (or body) schema: the serializer keeps the fields it declares, and the
 * response check of the test suite validates against it.
 */
export type CommandResult =
  | { kind: 'list'; name: string; items: Record<string, unknown>[]; count: number; schema?: z.ZodType }
  | { kind: 'object'; name: string; value: Record<string, unknown>; schema?: z.ZodType }
  | { kind: 'success'; displaytext?: string }
  /** Already in final shape below the `<command>response` key (login, queryAsyncJobResult). */
  | { kind: 'raw'; value: Record<string, unknown>; schema?: z.ZodType };

export interface JobProgress {
  /** 0..100 with an optional human line, persisted and streamed to the job tray. */
  report(percent: number, text?: string): Promise<void>;
  readonly jobId: string;
}

/** Where a request came from, as its transport knows it. */
export interface RequestOrigin {
  /** The source address (HTTP: the connection's, or a trusted proxy's X-Forwarded-For). */
  remoteAddress?: string;
}

export interface CommandContext {
  caller: Caller;
  /** Set by transports that know it (HTTP). */
  origin?: RequestOrigin;
  /** The services a handler may use, by area; never the database itself. */
  services: ServiceDirectory;
  command: string;
  /** Every declared command, for discovery (listApis). */
  commands: CommandCatalog;
  /** Present while the command runs as an async job. */
  job?: JobProgress;
  /**
   * Runs another command as the same caller, inline even when that command is async, with its
   * permission and parameter checks (the datacenter import builds a cloud this way). Throws the
   * command's error on failure.
   */
  invoke(command: string, params: Record<string, string | string[] | undefined>): Promise<CommandResult>;
}

/** A command as the dispatcher runs it: its contract and its handler. */
export interface CommandDef<S extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  params: S;
  /** Role types that may call the command unless a role's own rules say otherwise. */
  roles: CommandSpec['roles'];
  isAsync?: boolean;
  /** 'none' for login and other calls made before a caller exists. */
  auth?: 'required' | 'none';
  /** Never writes: the HTTP server may answer it from its read worker. */
  readOnly?: boolean;
  response: ResponseSpec;
  /** Async commands: the resource the job acts on, resolved before the job is queued. */
  jobTarget?: (ctx: CommandContext, params: z.output<S>) => Promise<JobTarget>;
  /**
   * Parameters of an async command that are sealed with the secret box while the job is stored
   * (passwords, a datacenter description holding host passwords); the handler sees them in clear.
   */
  secretParams?: readonly string[];
  /** An interrupted job of a resumable command is run again on restart; others are failed. */
  resumable?: boolean;
  handler: (ctx: CommandContext, params: z.output<S>) => Promise<CommandResult>;
}

export interface CommandCatalog {
  all(): AnyCommand[];
}

/** How a declared command is carried out: its handler and the job options of async commands. */
export interface CommandImpl<S extends CommandSpec> {
  jobTarget?: (ctx: CommandContext, params: CommandInput<S>) => Promise<JobTarget>;
  secretParams?: readonly (keyof CommandInput<S> & string)[];
  resumable?: boolean;
  handler: (ctx: CommandContext, params: CommandInput<S>) => Promise<CommandReply<S['response']>>;
}

/** Binds a command's contract (api/schemas) to its handler. */
export function implement<S extends CommandSpec>(spec: S, impl: CommandImpl<S>): AnyCommand {
  return {
    name: spec.name,
    description: spec.description,
    params: spec.params,
    roles: spec.roles,
    isAsync: spec.isAsync,
    auth: spec.auth,
    readOnly: spec.readOnly,
    response: spec.response,
    jobTarget: impl.jobTarget as AnyCommand['jobTarget'],
    secretParams: impl.secretParams,
    resumable: impl.resumable,
    handler: async (ctx, params) => toCommandResult(spec.response, await impl.handler(ctx, params as CommandInput<S>)),
  };
}

/** A handler's reply in the shape of its declared response. */
export function toCommandResult(response: ResponseSpec, reply: unknown): CommandResult {
  switch (response.kind) {
    case 'list': {
      const { items, count } = reply as { items: Record<string, unknown>[]; count: number };
      return { kind: 'list', name: response.name, items, count, schema: response.item };
    }
    case 'object':
      return { kind: 'object', name: response.name, value: reply as Record<string, unknown>, schema: response.item };
    case 'raw':
      return { kind: 'raw', value: reply as Record<string, unknown>, schema: response.body };
    case 'success': {
      const displaytext = (reply as { displaytext?: string } | undefined)?.displaytext;
      return displaytext === undefined ? { kind: 'success' } : { kind: 'success', displaytext };
    }
  }
}

export type AnyCommand = CommandDef<z.ZodObject>;
