import type { z } from 'zod';
import type { Caller } from '../services/caller';
import type { AccessService } from '../services/access';
import type { JobQueue, SecretBox } from '../services/core-services';
import { LOCAL_SOURCE, withEventContext } from '../services/event-context';
import type { ServiceDirectory } from '../services/directory';
import type { AnyCommand, CommandContext, CommandResult, JobProgress, RequestOrigin } from './command';
import { ApiError, errors, toApiError } from './errors';
import { nameIssue, paramMeta, valueIssue } from './schemas/params';
import type { ResponseCheck } from './response-check';
import type { CommandRegistry } from './registry';
import { normalizeParams, type RawParams } from './request-params';
import { resultBody, responseKey } from './serialize';

export interface ApiResponse {
  /** HTTP status: 200, or the CloudStack errorcode. */
  status: number;
  /** `{ "<command>response": {...} }` */
  body: Record<string, unknown>;
  /** The command's result, for transports that need more than the body (login's session). */
  result?: CommandResult;
}

const SEALED = 'sealed:';

/** What the dispatcher itself needs beyond the handlers' services. */
export interface DispatcherDeps {
  /** Whether a caller may run a command. */
  access: Pick<AccessService, 'isCommandAllowed'>;
  /** Queues async commands. */
  jobs: JobQueue;
  /** Seals secret parameters while a job is stored. */
  secrets: SecretBox;
}

/**
 * The one entry point behind every transport: HTTP, Electron IPC and in-process calls.
 * It never throws; every failure becomes a CloudStack error response.
 */
export class ApiDispatcher {
  constructor(
    private readonly registry: CommandRegistry,
    /** Handed to every handler as ctx.services. */
    private readonly services: ServiceDirectory,
    private readonly deps: DispatcherDeps,
    /** Validates every response against its declaration (the test suite turns it on). */
    private readonly responseCheck?: ResponseCheck,
  ) {}

  /**
   * Runs one call. Events it records carry the caller's source address: the transport's, or
   * "local" for the desktop app's own calls (IPC has no network peer).
   */
  execute(
    command: string | undefined,
    raw: RawParams,
    caller: Caller | null,
    origin?: RequestOrigin,
  ): Promise<ApiResponse> {
    const sourceAddress = origin?.remoteAddress ?? (caller?.via === 'ipc' ? LOCAL_SOURCE : undefined);
    return withEventContext({ sourceAddress }, () => this.dispatch(command, raw, caller, origin, sourceAddress));
  }

  private async dispatch(
    command: string | undefined,
    raw: RawParams,
    caller: Caller | null,
    origin: RequestOrigin | undefined,
    sourceAddress: string | undefined,
  ): Promise<ApiResponse> {
    const name = command ?? '';
    const def = name ? this.registry.get(name) : undefined;
    try {
      if (!def) throw errors.unknownCommand(name);
      if (def.auth !== 'none') {
        if (!caller) throw errors.unauthenticated();
        if (!(await this.deps.access.isCommandAllowed(caller, def.name, def.roles))) throw errors.notAllowed();
      }
      const params = parseParams(def, raw);
      const ctx = this.context(def, caller as Caller, undefined, origin);
      if (def.isAsync) {
        const target = def.jobTarget ? await def.jobTarget(ctx, params) : { instanceType: 'None' };
        const job = await this.deps.jobs.submit({
          command: def.name,
          params: this.sealSecrets(def, normalizeParams(raw)),
          caller: caller as Caller,
          target,
          ...(sourceAddress !== undefined ? { sourceAddress } : {}),
        });
        const value: Record<string, unknown> = { jobid: job.uuid };
        if (target.instanceId) value.id = target.instanceId;
        return { status: 200, body: { [responseKey(def.name)]: value } };
      }
      const result = await this.run(def, ctx, params);
      return { status: 200, body: { [responseKey(def.name)]: resultBody(result) }, result };
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.errorcode >= 530 && !(error instanceof ApiError) && apiError.code === 'API.INTERNAL') {
        console.error(`[api] ${name} failed:`, error instanceof Error ? error.stack : error);
      }
      const key = def ? responseKey(def.name) : 'errorresponse';
      return { status: apiError.errorcode, body: { [key]: apiError.body } };
    }
  }

  /** Runs an async command's handler inside its job; the job service records the outcome. */
  async runJob(
    command: string,
    storedParams: Record<string, unknown>,
    caller: Caller,
    job: JobProgress,
  ): Promise<CommandResult> {
    const def = this.registry.get(command);
    if (!def) throw errors.unknownCommand(command);
    const params = parseParams(def, this.unsealSecrets(def, storedParams) as RawParams);
    return this.run(def, this.context(def, caller, job), params);
  }

  private async run(def: AnyCommand, ctx: CommandContext, params: z.output<AnyCommand['params']>) {
    const result = await def.handler(ctx, params);
    this.responseCheck?.check(def, result);
    return result;
  }

  private sealSecrets(def: AnyCommand, params: Record<string, unknown>): Record<string, unknown> {
    for (const name of def.secretParams ?? []) {
      const value = params[name];
      if (typeof value === 'string') params[name] = SEALED + this.deps.secrets.encrypt(value);
    }
    return params;
  }

  private unsealSecrets(def: AnyCommand, params: Record<string, unknown>): Record<string, unknown> {
    const out = { ...params };
    for (const name of def.secretParams ?? []) {
      const value = out[name];
      if (typeof value === 'string' && value.startsWith(SEALED)) {
        out[name] = this.deps.secrets.decrypt(value.slice(SEALED.length));
      }
    }
    return out;
  }

  /**
   * Runs a command in-process as `caller`, inline even when it is async (no job is queued), with
   * the same permission checks and parameter validation as execute(). Throws on failure.
   */
  async invoke(command: string, raw: RawParams, caller: Caller): Promise<CommandResult> {
    const def = this.registry.get(command);
    if (!def) throw errors.unknownCommand(command);
    if (def.auth !== 'none' && !(await this.deps.access.isCommandAllowed(caller, def.name, def.roles))) {
      throw errors.notAllowed();
    }
    const params = parseParams(def, raw);
    const ctx = this.context(def, caller);
    if (def.isAsync && def.jobTarget) await def.jobTarget(ctx, params);
    return this.run(def, ctx, params);
  }

  private context(def: AnyCommand, caller: Caller, job?: JobProgress, origin?: RequestOrigin): CommandContext {
    return {
      caller,
      ...(origin ? { origin } : {}),
      services: this.services,
      command: def.name,
      commands: this.registry,
      job,
      invoke: (command, raw) => this.invoke(command, raw, caller),
    };
  }
}

/** Validates raw parameters against a declaration, with CloudStack's error texts. */
export function parseParams(def: AnyCommand, raw: RawParams): z.output<AnyCommand['params']> {
  const normalized = normalizeParams(raw);
  const shape = def.params.shape as Record<string, z.ZodType>;
  for (const [key, schema] of Object.entries(shape)) {
    const value = normalized[key];
    if (value === '') delete normalized[key];
    if ((value === undefined || value === '') && paramMeta(schema).required)
      throw errors.missingParameter(def.name, key);
  }
  const parsed = def.params.safeParse(normalized);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const value = normalized[key] ?? '';
  const name = nameIssue(issue);
  if (name) throw errors.invalidName(def.name, key, value, name.nameProblem, name.max);
  throw errors.invalidValue(def.name, key, value, issue?.message ?? 'invalid', valueIssue(issue, value));
}
