import type { z } from 'zod';
import type { RoleType } from '../domain/roles';
import type { Caller } from '../services/caller';
import type { CoreServices, JobTarget } from '../services/core-services';

export type { JobTarget };

/** What a handler returns; the API edge turns it into CloudStack's wire shape. */
export type CommandResult =
  | { kind: 'list'; name: string; items: Record<string, unknown>[]; count: number }
  | { kind: 'object'; name: string; value: Record<string, unknown> }
  | { kind: 'success'; displaytext?: string }
  /** Already in final shape below the `<command>response` key (login, queryAsyncJobResult). */
  | { kind: 'raw'; value: Record<string, unknown> };

export interface JobProgress {
  /** 0..100 with an optional human line, persisted and streamed to the job tray. */
  report(percent: number, text?: string): Promise<void>;
  readonly jobId: string;
}

export interface CommandContext {
  caller: Caller;
  services: CoreServices;
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

export interface CommandDef<S extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  params: S;
  /** Role types that may call the command unless a role's own rules say otherwise. */
  roles: readonly RoleType[];
  isAsync?: boolean;
  /** 'none' for login and other calls made before a caller exists. */
  auth?: 'required' | 'none';
  /** For listApis: the response object name and its fields with descriptions. */
  response: { name: string; fields: Record<string, string> };
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

export function defineCommand<S extends z.ZodObject>(def: CommandDef<S>): CommandDef<S> {
  return def;
}

export type AnyCommand = CommandDef<z.ZodObject>;
