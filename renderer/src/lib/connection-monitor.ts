import type { QueryClient } from '@tanstack/react-query';
import type { LiveStatus } from './api-client';
import { ApiError } from './api-error';

/** What the top bar's chip shows; 'lost' also shows the banner and dims the page. */
export type ConnectionState = 'connected' | 'connecting' | 'lost';

export interface ConnectionDeps {
  /** Browser mode talks to a server over the network; the desktop's IPC cannot lose it. */
  networked: boolean;
  /** One cheap request to the server; rejects when it cannot be reached. */
  probe(): Promise<void>;
  /** Opens the live stream again now (instead of waiting for its own backoff). */
  reopenLive(): void;
  /** The server answered again after it was lost: refetch what is on screen. */
  onReturn(): void;
  /** `dataAsOf`: when the data on screen last came from the server (ms since the epoch). */
  setState(state: ConnectionState, dataAsOf: number | null): void;
  /** Retry delays while lost: first, doubling up to max (ms). */
  retryMs?: { first: number; max: number };
}

/** A request that never reached the server (or a proxy in front of it that says so). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && [0, 502, 503, 504].includes(error.errorcode);
}

/**
 * Decides whether the server is there. The live stream closing alone is not enough (a proxy may
 * refuse WebSockets): the server is lost when the stream is down AND a request fails to reach it.
 * While lost it probes with backoff; the first answer (or the stream opening) ends the outage,
 * reopens the stream and refetches.
 */
export class ConnectionMonitor {
  private state: ConnectionState;
  private live: LiveStatus = 'closed';
  private lastDataAt: number | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private delay: number;
  private probing = false;
  private disposed = false;

  constructor(private readonly deps: ConnectionDeps) {
    this.delay = deps.retryMs?.first ?? 1000;
    this.state = deps.networked ? 'connecting' : 'connected';
    this.publish();
  }

  get current(): ConnectionState {
    return this.state;
  }

  liveStatus(status: LiveStatus): void {
    this.live = status;
    if (!this.deps.networked) return;
    if (status === 'open') this.reached();
    else if (status === 'closed' && this.state !== 'lost') void this.check();
  }

  /** A request answered (any answer, even an error, proves the server is there). */
  requestReached(): void {
    this.lastDataAt = Date.now();
    if (this.state === 'lost') this.reached();
  }

  requestUnreachable(): void {
    if (!this.deps.networked || this.live === 'open' || this.state === 'lost') return;
    this.lose();
  }

  /** Follows every query's and mutation's outcome; returns the unsubscriber. */
  watch(queryClient: QueryClient): () => void {
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'success') this.requestReached();
      else if (event.action.type === 'error') this.outcome(event.action.error);
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated') return;
      if (event.action.type === 'success') this.requestReached();
      else if (event.action.type === 'error') this.outcome(event.action.error);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }

  dispose(): void {
    this.disposed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
  }

  private outcome(error: unknown): void {
    if (isUnreachable(error)) this.requestUnreachable();
    else this.requestReached();
  }

  /** The stream dropped: ask the server whether it is still there. */
  private async check(): Promise<void> {
    if (this.probing || this.disposed) return;
    this.probing = true;
    try {
      await this.deps.probe();
      this.requestReached();
      if (this.state !== 'lost' && this.live !== 'open') this.set('connecting');
    } catch (error) {
      if (isUnreachable(error)) this.lose();
      else this.requestReached();
    } finally {
      this.probing = false;
    }
  }

  private lose(): void {
    if (this.disposed) return;
    if (this.state !== 'lost') this.set('lost');
    if (this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.state !== 'lost') return;
      void this.check().then(() => {
        if (this.state === 'lost') this.lose();
      });
    }, this.delay);
    this.delay = Math.min(this.deps.retryMs?.max ?? 15_000, this.delay * 2);
  }

  private reached(): void {
    if (this.disposed) return;
    const wasLost = this.state === 'lost';
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    this.delay = this.deps.retryMs?.first ?? 1000;
    this.set(this.live === 'open' ? 'connected' : 'connecting');
    if (wasLost) {
      if (this.live !== 'open') this.deps.reopenLive();
      this.deps.onReturn();
    }
  }

  private set(state: ConnectionState): void {
    this.state = state;
    this.publish();
  }

  private publish(): void {
    this.deps.setState(this.state, this.lastDataAt);
  }
}
