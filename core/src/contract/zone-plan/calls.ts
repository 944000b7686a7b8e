/**
 * Planned CloudStack calls: each is a command with its parameters typed against the generated
 * contract (`Params<C>`), where an id that only exists once an earlier call ran is a reference
 * (`Ref`). This module resolves references, reads ids from answers, shows parameters with
 * secrets masked.
 */
import { responseNameOf, type CommandName, type Params } from '../api';
import { wireEntries } from '../wire';

export { wireParams } from '../wire';

/** What an earlier call produced an id for. Look-ups (provider, vrElement) are not resources. */
export type RefKind =
  | 'zone'
  | 'physicalNetwork'
  | 'provider'
  | 'vrElement'
  | 'pod'
  | 'vlan'
  | 'cluster'
  | 'host'
  | 'storagePool'
  | 'imageStore';

/** The id an earlier call produces, kept under `ref`. */
export interface Ref {
  ref: string;
  kind: RefKind;
}

export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Ref).ref === 'string';
}

export function isLookup(kind: RefKind): boolean {
  return kind === 'provider' || kind === 'vrElement';
}

type IdName = 'id' | `${string}id`;

/** A command's parameters where the ids (`id`, `zoneid`, `clusterid` ...) may be references. */
export type WithRefs<P> = { [K in keyof P]: K extends IdName ? P[K] | Ref : P[K] };

/** The call's id is kept under `ref`; `label` is what the operator calls the resource. */
export interface Produces extends Ref {
  label?: string;
}

/** One planned call. */
export interface CallOf<C extends CommandName> {
  /** Unique in its plan and stable across edits of other items: progress is kept per key. */
  key: string;
  command: C;
  params: WithRefs<Params<C>>;
  /** What the call does and which item it comes from (English, for logs and dry runs). */
  label: string;
  produces?: Produces;
}

/** A planned call of one of the commands C (a union discriminated by `command`). */
export type PlanCall<C extends CommandName> = { [K in C]: CallOf<K> }[C];

export class MissingReferenceError extends Error {
  constructor(
    readonly ref: string,
    label: string,
  ) {
    super(`${label} needs ${ref}, which no earlier call produced`);
    this.name = 'MissingReferenceError';
  }
}

/** The call's parameters with references replaced by the ids earlier calls produced. */
export function resolveParams<C extends CommandName>(
  call: CallOf<C>,
  idOf: (ref: string) => string | undefined,
): Params<C> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(call.params)) {
    if (isRef(value)) {
      const id = idOf(value.ref);
      if (id === undefined) throw new MissingReferenceError(value.ref, call.label);
      out[name] = id;
    } else out[name] = value;
  }
  // Each reference stands for an id parameter (WithRefs): with ids in place the object is Params<C>.
  return out as Params<C>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The id a command's answer carries: `{ zone: {...} }`, `{ count, host: [...] }`, an async job's
 * result of the same shape, the entity itself, or a list of entities (the first one's id).
 */
export function idFromAnswer(command: CommandName, answer: unknown): string | undefined {
  const name = responseNameOf(command);
  const value = isRecord(answer) && name in answer ? answer[name] : answer;
  const item: unknown = Array.isArray(value) ? value[0] : value;
  return isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
}

// ---------------------------------------------------------------------------------------------
// Parameters as a preview shows them

/** Parameter names whose values are secrets. */
const SECRET_NAME = /pass(word)?|secret/i;

/** A parameter's entries as CloudStack reads them; a reference not resolved yet stays one entry. */
function flatten(name: string, value: unknown): [string, string | Ref][] {
  return isRef(value) ? [[name, value]] : wireEntries(name, value);
}

/** nfs://user:secret@host/path -> nfs://user:<mask>@host/path */
export function maskUrlCredentials(url: string, mask: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@]*):[^/@]*@/i, `$1:${mask}@`);
}

export interface ShownParam {
  name: string;
  /** The value as text (secrets replaced by the mask), or the reference not resolved yet. */
  value: string | Ref;
  secret: boolean;
}

/**
 * A call's parameters as a preview shows them, in wire names: secrets masked (passwords, the
 * value of a detail whose key names a secret, credentials in URLs), references kept as Ref.
 */
export function displayParams(call: { params: object }, mask: string): ShownParam[] {
  const entries = Object.entries(call.params).flatMap(([name, value]) => flatten(name, value));
  const secretDetails = new Set(
    entries
      .filter(([name, value]) => /\]\.key$/.test(name) && typeof value === 'string' && SECRET_NAME.test(value))
      .map(([name]) => name.replace(/\.key$/, '.value')),
  );
  return entries.map(([name, value]): ShownParam => {
    if (isRef(value)) return { name, value, secret: false };
    if (SECRET_NAME.test(name) || secretDetails.has(name)) return { name, value: mask, secret: true };
    const text = String(value);
    return { name, value: /url$/i.test(name) ? maskUrlCredentials(text, mask) : text, secret: false };
  });
}
