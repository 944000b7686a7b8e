import type { Store } from '../db/connect';
import { findDomainById } from '../db/repositories/domains';
import { seesAllDomains, type Caller } from './caller';
import type { EventSink, LiveMessage, LiveScope } from './core-services';
import { liveWireForm } from './events';

/** Looks up a domain's id path ("/1/4/") for the domain-admin subtree check. */
export type DomainPathLookup = (domainId: number) => Promise<string | undefined>;

/** A live message as clients receive it: the internal scope (integer ids) never leaves the core. */
export type LiveWireMessage = ReturnType<typeof liveWireForm>;

/**
 * Whether a caller may see a live message: root and resource admins see everything; domain
 * admins their domain's subtree (and their own account); users their own account. Messages of
 * nobody (system scope) are for the admins who see all.
 */
export async function visibleTo(caller: Caller, scope: LiveScope, domainPath: DomainPathLookup): Promise<boolean> {
  if (seesAllDomains(caller)) return true;
  if (scope.accountId !== null && scope.accountId === caller.accountId) return true;
  if (caller.roleType !== 'DomainAdmin' || scope.domainId === null) return false;
  if (scope.domainId === caller.domainId) return true;
  const idPath = await domainPath(scope.domainId);
  return idPath !== undefined && idPath.startsWith(caller.domainIdPath);
}

/** A DomainPathLookup with a bounded cache; a domain's id path never changes once created. */
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

export interface LiveSubscription {
  /** Who is watching, asked per message (an Electron operator may change; a WebSocket client does not). */
  viewer(): Caller | undefined;
  /** Delivers one visible message; a throw ends nothing but is logged. */
  send(message: LiveWireMessage): void;
}

/**
 * The live stream as every transport serves it (the WebSocket at /client/events and Electron's
 * IPC): events, job updates and resource changes, each only to viewers allowed to see it, in the
 * order they happened (the domain look-ups are async, so each subscription is one promise chain).
 */
export class LiveFeed {
  private readonly domainPath: DomainPathLookup;

  constructor(
    private readonly events: Pick<EventSink, 'subscribe'>,
    domainPath: DomainPathLookup,
    private readonly log: Pick<Console, 'error'> = console,
  ) {
    this.domainPath = cachedDomainPaths(domainPath);
  }

  static forStore(events: Pick<EventSink, 'subscribe'>, store: Store): LiveFeed {
    return new LiveFeed(events, async (id) => (await findDomainById(store.db, id))?.id_path);
  }

  /** Returns the unsubscriber; nothing is sent after it is called. */
  subscribe(subscription: LiveSubscription): () => void {
    let chain: Promise<void> = Promise.resolve();
    let stopped = false;
    const unsubscribe = this.events.subscribe((message: LiveMessage) => {
      chain = chain.then(async () => {
        if (stopped) return;
        const caller = subscription.viewer();
        if (!caller) return;
        try {
          if ((await visibleTo(caller, message.scope, this.domainPath)) && !stopped) {
            subscription.send(liveWireForm(message));
          }
        } catch (error) {
          this.log.error('[live] delivery failed:', error instanceof Error ? error.message : error);
        }
      });
    });
    return () => {
      stopped = true;
      unsubscribe();
    };
  }
}
