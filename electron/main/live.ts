import { seesAllDomains, type Caller } from '../../core/src/services/caller';
import type { EventSink, LiveMessage, LiveScope } from '../../core/src/services/core-services';
import type { LiveEvent } from '../ipc-channels';
import { liveWireForm } from '../../core/src/services/events';

/** Looks up a domain's id path ("/1/4/") for the domain-admin subtree check. */
export type DomainPathLookup = (domainId: number) => Promise<string | undefined>;

/**
 * Whether the caller may see a live message, with the same rule as the WebSocket stream: root
 * and resource admins see everything; domain admins their domain's subtree (and their own account);
 * users their own account. Messages of nobody (system scope) are for the admins who see all.
 */
export async function visibleTo(caller: Caller, scope: LiveScope, domainPath: DomainPathLookup): Promise<boolean> {
  if (seesAllDomains(caller)) return true;
  if (scope.accountId !== null && scope.accountId === caller.accountId) return true;
  if (caller.roleType !== 'DomainAdmin' || scope.domainId === null) return false;
  if (scope.domainId === caller.domainId) return true;
  const idPath = await domainPath(scope.domainId);
  return idPath !== undefined && idPath.startsWith(caller.domainIdPath);
}

/** The renderer's form of a message: internal integer ids (the scope) never leave the core. */
export function toLiveEvent(message: LiveMessage): LiveEvent {
  return liveWireForm(message) as LiveEvent;
}

export interface LiveForwarderOptions {
  events: Pick<EventSink, 'subscribe'>;
  /** The operator at the time of the message (undefined: send nothing). */
  caller(): Caller | undefined;
  domainPath: DomainPathLookup;
  send(message: LiveEvent): void;
  log?: Pick<Console, 'error'>;
}

/**
 * Subscribes to the core's live stream and forwards what the operator may see, in order (the
 * domain lookups are async, so messages go through one promise chain). Returns the unsubscriber.
 */
export function forwardLiveMessages(options: LiveForwarderOptions): () => void {
  const log = options.log ?? console;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  const unsubscribe = options.events.subscribe((message) => {
    chain = chain.then(async () => {
      if (stopped) return;
      const caller = options.caller();
      if (!caller) return;
      try {
        if (await visibleTo(caller, message.scope, options.domainPath)) {
          if (!stopped) options.send(toLiveEvent(message));
        }
      } catch (error) {
        log.error('[live] forwarding failed:', error instanceof Error ? error.message : error);
      }
    });
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/** A DomainPathLookup with a small cache; domain id paths never change once created. */
export function cachedDomainPaths(load: DomainPathLookup): DomainPathLookup {
  const cache = new Map<number, string>();
  return async (domainId) => {
    const hit = cache.get(domainId);
    if (hit !== undefined) return hit;
    const value = await load(domainId);
    if (value !== undefined) {
      if (cache.size > 10_000) cache.clear();
      cache.set(domainId, value);
    }
    return value;
  };
}
