import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

export interface CoalescerOptions {
  /** The shortest time between two refetches of one query (ms). */
  intervalMs?: number;
  /**
   * While changes keep arriving, each refetch of a query waits twice as long as the one before,
   * up to this (ms); a quiet interval brings it back to `intervalMs`. The end of the job that
   * caused the storm refetches at once (`refetchNow`).
   */
  maxIntervalMs?: number;
}

/** How many ended jobs the coalescer remembers, so a job's end refetches each area once. */
const REMEMBERED_JOBS = 200;

interface QueryTimer {
  timer?: ReturnType<typeof setTimeout>;
  lastRefetchAt: number;
  interval: number;
}

/**
 * Turns a storm of "something in this area changed" into calm refetches: every active query of
 * the area is refetched at most once per interval, on the trailing edge, so the last change is
 * always fetched; inactive queries are only marked stale (they refetch when shown again).
 */
export class RefetchCoalescer {
  private readonly timers = new Map<string, QueryTimer>();
  /** Per ended job, the areas its end has refetched (the tray's poll and the live stream both see it end). */
  private readonly endedJobs = new Map<string, Set<string>>();
  private readonly base: number;
  private readonly max: number;

  constructor(
    private readonly queryClient: QueryClient,
    options: CoalescerOptions = {},
  ) {
    this.base = options.intervalMs ?? 1000;
    this.max = Math.max(this.base, options.maxIntervalMs ?? 4000);
  }

  /** Something under `root` changed: mark its queries stale and schedule the active ones. */
  touch(root: QueryKey, options: { refetch: boolean } = { refetch: true }): void {
    for (const query of this.queryClient.getQueryCache().findAll({ queryKey: root })) {
      this.markStale(query);
      if (options.refetch && query.isActive()) this.schedule(query);
    }
  }

  /** A job ended: refetch the active queries under `root` now, leaving nothing pending for them. */
  refetchNow(root: QueryKey, options: { refetch: boolean } = { refetch: true }): void {
    const now = Date.now();
    for (const query of this.queryClient.getQueryCache().findAll({ queryKey: root })) {
      if (!options.refetch || !query.isActive()) {
        this.markStale(query);
        continue;
      }
      const entry = this.entry(query.queryHash);
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = undefined;
      entry.lastRefetchAt = now;
      entry.interval = this.base;
      void this.queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType: 'active' });
    }
  }

  /**
   * Job `jobid` ended: refetch (or, with `refetch: false`, only mark stale) the areas it has not
   * refreshed yet. The page that started the job and the live stream both learn of its end; the
   * second one asks for nothing.
   */
  jobEnded(jobid: string, areas: readonly { root: QueryKey; refetch: boolean }[]): void {
    let done = this.endedJobs.get(jobid);
    if (!done) {
      done = new Set();
      this.endedJobs.set(jobid, done);
      if (this.endedJobs.size > REMEMBERED_JOBS) this.endedJobs.delete(this.endedJobs.keys().next().value!);
    }
    for (const { root, refetch } of areas) {
      const key = JSON.stringify(root);
      if (done.has(key)) continue;
      done.add(key);
      this.refetchNow(root, { refetch });
    }
  }

  /** Stops every pending refetch (sign-out, unmount). */
  dispose(): void {
    for (const entry of this.timers.values()) if (entry.timer) clearTimeout(entry.timer);
    this.timers.clear();
    this.endedJobs.clear();
  }

  /** How many refetches are waiting (for tests and the benchmark's curiosity). */
  get pending(): number {
    let count = 0;
    for (const entry of this.timers.values()) if (entry.timer) count += 1;
    return count;
  }

  /** Once per change of data: marking it again would re-render whatever shows it, for nothing. */
  private markStale(query: Query): void {
    if (query.state.isInvalidated) return;
    void this.queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true, refetchType: 'none' });
  }

  private entry(hash: string): QueryTimer {
    let entry = this.timers.get(hash);
    if (!entry) {
      entry = { lastRefetchAt: Number.NEGATIVE_INFINITY, interval: this.base };
      this.timers.set(hash, entry);
    }
    return entry;
  }

  private schedule(query: Query): void {
    const entry = this.entry(query.queryHash);
    // Already waiting: the refetch it will make reads this change too.
    if (entry.timer) return;
    const wait = Math.max(0, entry.lastRefetchAt + entry.interval - Date.now());
    entry.timer = setTimeout(() => this.fire(query.queryHash), wait);
  }

  private fire(hash: string): void {
    const entry = this.timers.get(hash);
    if (!entry) return;
    entry.timer = undefined;
    const query = this.queryClient.getQueryCache().get(hash);
    // Gone or no longer shown: it stays stale and refetches when it is shown again.
    if (!query || !query.isActive()) {
      this.timers.delete(hash);
      return;
    }
    const now = Date.now();
    // A fetch under way may have started before the change: refetch once it is done.
    if (query.state.fetchStatus === 'fetching') {
      entry.timer = setTimeout(() => this.fire(hash), entry.interval);
      return;
    }
    // Changes kept coming through the last interval: a storm, so the next refetch waits longer.
    const throttled = now - entry.lastRefetchAt <= entry.interval * 1.5;
    entry.interval = throttled ? Math.min(this.max, entry.interval * 2) : this.base;
    entry.lastRefetchAt = now;
    void this.queryClient.refetchQueries(
      { queryKey: query.queryKey, exact: true, type: 'active' },
      { cancelRefetch: false },
    );
  }
}

const coalescers = new WeakMap<QueryClient, RefetchCoalescer>();

/** The one coalescer of a query client: live updates and the pages that start jobs share it. */
export function coalescerOf(queryClient: QueryClient, options?: CoalescerOptions): RefetchCoalescer {
  let coalescer = coalescers.get(queryClient);
  if (!coalescer) {
    coalescer = new RefetchCoalescer(queryClient, options);
    coalescers.set(queryClient, coalescer);
  }
  return coalescer;
}
