import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where the work that records an event came from: the caller's source address and the async job
 * it runs in. The dispatcher sets it around each call and the job runner around each job, so every
 * event recorded underneath carries it without each service passing it along.
 */
export interface EventContext {
  /** The client address as the server saw it, or LOCAL_SOURCE for the desktop app's operator. */
  sourceAddress?: string;
  /** The async job (uuid) being run. */
  jobId?: string;
}

/** The source address of calls from the desktop app itself (Electron IPC): no network peer. */
export const LOCAL_SOURCE = 'local';

const storage = new AsyncLocalStorage<EventContext>();

/** Runs `work` with the context; anything it records (awaited or not) sees it. */
export function withEventContext<T>(context: EventContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the work running now, if any (background work such as heartbeats has none). */
export function currentEventContext(): EventContext | undefined {
  return storage.getStore();
}
