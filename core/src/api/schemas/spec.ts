import type { z } from 'zod';
import type { RoleType } from '../../domain/roles';

/**
 * A command's contract: its CloudStack name, parameters and response as zod schemas, whether it
 * answers with a job, and which roles may call it. The handler that implements it lives in
 * api/commands/; services take its parsed parameters (CommandInput) and return what its response
 * declares (CommandReply), so a parameter or response field is written once, here.
 */

/** `{ count, <name>: [...] }`; CloudStack answers an empty list with `{}`. */
export interface ListResponse<N extends string = string, I extends z.ZodType = z.ZodType> {
  readonly kind: 'list';
  readonly name: N;
  readonly item: I;
}

/** `{ <name>: {...} }` */
export interface ObjectResponse<N extends string = string, I extends z.ZodType = z.ZodType> {
  readonly kind: 'object';
  readonly name: N;
  readonly item: I;
}

/** `{ success: true, displaytext? }` */
export interface SuccessResponse {
  readonly kind: 'success';
}

/** A body in its own shape below `<command>response` (login, queryAsyncJobResult). */
export interface RawResponse<B extends z.ZodType = z.ZodType> {
  readonly kind: 'raw';
  readonly body: B;
}

export type ResponseSpec = ListResponse | ObjectResponse | SuccessResponse | RawResponse;

export const listOf = <const N extends string, I extends z.ZodType>(name: N, item: I): ListResponse<N, I> => ({
  kind: 'list',
  name,
  item,
});

export const objectOf = <const N extends string, I extends z.ZodType>(name: N, item: I): ObjectResponse<N, I> => ({
  kind: 'object',
  name,
  item,
});

export const success = (): SuccessResponse => ({ kind: 'success' });

export const rawBody = <B extends z.ZodType>(body: B): RawResponse<B> => ({ kind: 'raw', body });

export interface CommandSpec<P extends z.ZodObject = z.ZodObject, R extends ResponseSpec = ResponseSpec> {
  readonly name: string;
  readonly description: string;
  readonly params: P;
  readonly response: R;
  /** Role types that may call the command unless a role's own rules say otherwise. */
  readonly roles: readonly RoleType[];
  /** Answers `{ jobid, id? }` at once; the declared response is the job's result. */
  readonly isAsync?: boolean;
  /** 'none' for login and other calls made before a caller exists. */
  readonly auth?: 'required' | 'none';
  /**
   * Never writes (not even an event or a cache row): the HTTP server may answer it from its
   * read worker, over its own database connection.
   */
  readonly readOnly?: boolean;
}

export function defineSpec<P extends z.ZodObject, const R extends ResponseSpec>(
  spec: CommandSpec<P, R>,
): CommandSpec<P, R> {
  return spec;
}

/** The parsed parameters of a command: what its handler and service method take. */
export type CommandInput<S extends CommandSpec> = z.output<S['params']>;

/** What a handler returns for a declared response; the dispatcher wraps it in CloudStack's shape. */
export type CommandReply<R extends ResponseSpec> =
  R extends ListResponse<string, infer I>
    ? { items: z.input<I>[]; count: number }
    : R extends ObjectResponse<string, infer I>
      ? z.input<I>
      : R extends RawResponse<infer B>
        ? z.input<B>
        : { displaytext?: string } | void;

/** The wire type of a response entity or body schema. */
export type Wire<T extends z.ZodType> = z.output<T>;
