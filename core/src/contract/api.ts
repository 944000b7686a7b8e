/**
 * The typed CloudStack API as clients see it (the renderer, Electron, scripts): names,
 * parameters and responses of every command, generated from the core's declarations into
 * api.generated.ts. This module is dependency-free: it imports nothing outside core/src/contract.
 */
import { COMMANDS, type CommandParams, type CommandResponses } from './api.generated';

export * from './api.generated';

export type CommandName = keyof CommandParams;

type Facts = typeof COMMANDS;

/** A command's parameters as a client sends them. */
export type Params<C extends CommandName> = CommandParams[C];

/** The answer below `<command>response`; for an async command, its job's result. */
export type ResponseOf<C extends CommandName> = CommandResponses[C];

export type AsyncCommandName = { [C in CommandName]: Facts[C]['async'] extends true ? C : never }[CommandName];
export type SyncCommandName = Exclude<CommandName, AsyncCommandName>;
export type ListCommandName = { [C in CommandName]: Facts[C]['kind'] extends 'list' ? C : never }[CommandName];
export type ObjectCommandName = { [C in CommandName]: Facts[C]['kind'] extends 'object' ? C : never }[CommandName];

/** The entity key of a command's answer: `host` for listHosts (`{ count, host: [...] }`). */
export type ResponseName<C extends CommandName> = Facts[C]['name'];

/** One item of a list command's answer (`Host` for listHosts). */
export type ListItem<C extends ListCommandName> = [C] extends [never]
  ? never
  : NonNullable<ResponseOf<C>[ResponseName<C> & keyof ResponseOf<C>]> extends readonly (infer I)[]
    ? I
    : never;

/** The object an object command answers with (`Zone` for updateZone). */
export type ObjectItem<C extends ObjectCommandName> = ResponseOf<C>[ResponseName<C> & keyof ResponseOf<C>];

/** The entity a command answers with: an object command's object, a list command's first item. */
export type EntityOf<C extends CommandName> = C extends ObjectCommandName
  ? ObjectItem<C>
  : C extends ListCommandName
    ? ListItem<C>
    : never;

/**
 * The entity in a command's answer (or its job's result): `{ zone: {...} }` gives the zone,
 * `{ count, host: [...] }` the first host; commands that answer no entity give undefined.
 */
export function entityOf<C extends CommandName>(
  command: C,
  answer: ResponseOf<C> | undefined,
): EntityOf<C> | undefined {
  const facts = COMMANDS[command];
  if ((facts.kind !== 'object' && facts.kind !== 'list') || answer === undefined) return undefined;
  const value: unknown = (answer as Partial<Record<string, unknown>>)[facts.name];
  const item: unknown = Array.isArray(value) ? value[0] : value;
  // The declaration says what stands under the response name: ObjectItem or ListItem of C.
  return (item ?? undefined) as EntityOf<C> | undefined;
}

/** What every async command answers at once: the job and, for creating commands, the new resource. */
export interface AsyncStart {
  jobid: string;
  id?: string;
}

/** What a call answers: the response of a sync command, the started job of an async one. */
export type Answer<C extends CommandName> = C extends AsyncCommandName ? AsyncStart : ResponseOf<C>;

/** A call's parameter argument: optional when the command requires none. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type ParamsArg<C extends CommandName> = {} extends Params<C> ? [params?: Params<C>] : [params: Params<C>];

/** A list answer taken apart: CloudStack answers an empty list with `{}`, which is count 0. */
export interface ListResult<T> {
  count: number;
  items: T[];
}

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, name);
}

export function isAsyncCommand(name: string): name is AsyncCommandName {
  return isCommandName(name) && COMMANDS[name].async;
}

export function responseNameOf<C extends CommandName>(command: C): ResponseName<C> {
  return COMMANDS[command].name;
}
