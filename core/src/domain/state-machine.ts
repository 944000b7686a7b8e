import type { ServerMessageKey, TransitionSubjectKind } from '../contract/messages';
import { DomainError } from './errors';
import { message } from './messages';

type EventOfKey<K> = K extends `error.transition.${infer E}` ? Capitalize<E> : never;

/**
 * The events a table may name. Each has the message its refusal says, `error.transition.<event>`
 * ("Host h1 cannot prepare maintenance: it is Maintenance"), so a new event needs its message.
 */
export type TransitionEvent = EventOfKey<ServerMessageKey>;
type TransitionKey = Extract<ServerMessageKey, `error.transition.${string}`>;

/** What an event is raised for: the kind of resource (as an English sentence begins) and its name. */
export interface TransitionSubject {
  kind: TransitionSubjectKind;
  name: string;
}

/**
 * A state machine as data: the states, the events, and one row per transition (from which
 * states an event leads to which state, and when). Services ask the table instead of comparing
 * states inline; docs/state-machines.md is rendered from the same rows.
 */
export interface Transition<S extends string, E extends string, C = void> {
  readonly from: readonly S[];
  readonly event: E;
  readonly to: S;
  /** The condition, in words, for the docs (and the guard below, when there is one). */
  readonly when?: string;
  /** A condition the table checks itself; without it the service that raises the event decides. */
  readonly guard?: (context: C) => boolean;
}

export interface StateMachineSpec<S extends string, E extends TransitionEvent, C> {
  /** What the states belong to, e.g. "Host status". */
  name: string;
  /** Error code prefix: an invalid transition is `<code>.INVALID_TRANSITION`. */
  code: string;
  /** What the table describes and where CloudStack defines it, for the docs. */
  description: string;
  states: readonly S[];
  events: readonly E[];
  transitions: readonly Transition<S, E, C>[];
}

export class StateMachine<S extends string, E extends TransitionEvent, C = void> {
  readonly name: string;
  readonly code: string;
  readonly description: string;
  readonly states: readonly S[];
  readonly events: readonly E[];
  readonly transitions: readonly Transition<S, E, C>[];

  constructor(spec: StateMachineSpec<S, E, C>) {
    this.name = spec.name;
    this.code = spec.code;
    this.description = spec.description;
    this.states = spec.states;
    this.events = spec.events;
    this.transitions = spec.transitions;
    for (const t of spec.transitions) {
      for (const s of [...t.from, t.to]) {
        if (!spec.states.includes(s)) throw new Error(`${spec.name}: unknown state ${s} in the ${t.event} row`);
      }
      if (!spec.events.includes(t.event)) throw new Error(`${spec.name}: unknown event ${t.event}`);
    }
  }

  /** Whether a value is one of the states (a database column holds text). */
  isState(value: string): value is S {
    return (this.states as readonly string[]).includes(value);
  }

  /** The state `event` leads to from `from`, or undefined when no row (or no guard) allows it. */
  target(from: string, event: E, ...context: C extends void ? [] : [C]): S | undefined {
    const row = this.transitions.find(
      (t) =>
        t.event === event && (t.from as readonly string[]).includes(from) && (!t.guard || t.guard(context[0] as C)),
    );
    return row?.to;
  }

  can(from: string, event: E, ...context: C extends void ? [] : [C]): boolean {
    return this.target(from, event, ...context) !== undefined;
  }

  /** The target state, or a domain error (431) naming what was refused, by the event's message. */
  next(from: string, event: E, subject: TransitionSubject, ...context: C extends void ? [] : [C]): S {
    const to = this.target(from, event, ...context);
    if (to === undefined) {
      throw new DomainError(
        'invalid-parameter',
        `${this.code}.INVALID_TRANSITION`,
        message(refusalKey(event), { subject: subject.kind, name: subject.name, state: from }),
      );
    }
    return to;
  }

  /** The states from which an event applies (whatever its guard). */
  sources(event: E): S[] {
    const out: S[] = [];
    for (const t of this.transitions) if (t.event === event) for (const s of t.from) if (!out.includes(s)) out.push(s);
    return out;
  }
}

/** The message refusing an event: PrepareMaintenance -> error.transition.prepareMaintenance. */
export function refusalKey(event: TransitionEvent): TransitionKey {
  return `error.transition.${event.charAt(0).toLowerCase()}${event.slice(1)}` as TransitionKey;
}
