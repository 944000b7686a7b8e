import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Event, Host, LiveMessage } from './contract';
import { useJobStore } from './jobs';
import { LiveSync } from './live-sync';
import { queryKeys } from './query-keys';
import { useUiStore } from './ui-store';

// The unit under test is time-based coalescing, so the clock is a fake one.

/** What the "server" holds: every change bumps the version a refetch then reads. */
let version = 0;

interface Watched {
  key: QueryKey;
  /** The server version each fetch read, in order. */
  reads: number[];
  /** When each fetch started (fake ms). */
  at: number[];
  stop: () => void;
}

function watch(queryClient: QueryClient, key: QueryKey, active = true): Watched {
  const w: Watched = { key, reads: [], at: [], stop: () => {} };
  const observer = new QueryObserver(queryClient, {
    queryKey: key,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      w.reads.push(version);
      w.at.push(Date.now());
      return version;
    },
  });
  const unsubscribe = observer.subscribe(() => {});
  w.stop = unsubscribe;
  if (!active) void observer.refetch().then(unsubscribe);
  return w;
}

function event(type: string, extra: Partial<Event> = {}): LiveMessage {
  return {
    kind: 'event',
    event: {
      id: `e-${version}`,
      type,
      level: 'INFO',
      description: type,
      created: new Date().toISOString(),
      state: 'Completed',
      archived: false,
      ...extra,
    },
  };
}

describe('LiveSync under an event storm', () => {
  let queryClient: QueryClient;
  let sync: LiveSync;

  beforeEach(async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    version = 0;
    useJobStore.setState({ jobs: [] });
    useUiStore.setState({ eventsLive: true });
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    sync = new LiveSync(queryClient);
  });

  afterEach(() => {
    sync.dispose();
    queryClient.clear();
    vi.useRealTimers();
  });

  async function settle(w: Watched[]) {
    await vi.advanceTimersByTimeAsync(0);
    for (const x of w) expect(x.reads).toHaveLength(1);
  }

  it('refetches each active query at most once a second during 500 events in one second, ending on the last state', async () => {
    const hosts = watch(queryClient, queryKeys.infrastructure.command('listHosts', { page: 1 }));
    const capacity = watch(queryClient, queryKeys.infrastructure.command('listCapacity'));
    const accounts = watch(queryClient, queryKeys.accounts.list({}));
    await settle([hosts, capacity, accounts]);
    const zonesOffScreen = watch(queryClient, queryKeys.infrastructure.command('listZones'), false);
    await vi.advanceTimersByTimeAsync(0);
    expect(zonesOffScreen.reads).toHaveLength(1);

    const start = Date.now();
    for (let i = 0; i < 500; i++) {
      version += 1;
      sync.apply(event('HOST.CREATE'));
      await vi.advanceTimersByTimeAsync(2);
    }
    expect(Date.now() - start).toBeLessThanOrEqual(1000);
    // Let every trailing refetch run.
    await vi.advanceTimersByTimeAsync(10_000);

    for (const w of [hosts, capacity]) {
      const refetches = w.at.slice(1);
      expect(refetches.length).toBeGreaterThan(0);
      expect(refetches.length).toBeLessThanOrEqual(2);
      expectSpaced(refetches);
      // The last change is always fetched (trailing edge).
      expect(w.reads.at(-1)).toBe(500);
    }
    // An account list knows nothing of hosts.
    expect(accounts.reads).toHaveLength(1);
    // Off screen: marked stale only, refetched when shown again.
    expect(zonesOffScreen.reads).toHaveLength(1);
    expect(queryClient.getQueryState(zonesOffScreen.key)?.isInvalidated).toBe(true);
    expect(sync.coalescer.pending).toBe(0);
  });

  it('refreshes host lists and usage charts on new host stats, and nothing else of the infrastructure', async () => {
    const hosts = watch(queryClient, queryKeys.infrastructure.command('listHosts', { page: 1 }));
    const usage = watch(queryClient, queryKeys.infrastructure.command('listHostsUsageHistory', { id: 'h1' }));
    const capacity = watch(queryClient, queryKeys.infrastructure.command('listCapacity'));
    await settle([hosts, usage, capacity]);
    version += 1;
    sync.apply({
      kind: 'resource',
      resource: { type: 'HostStats', ids: [], change: 'sampled' },
    } as LiveMessage);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(hosts.reads).toEqual([0, 1]);
    expect(usage.reads).toEqual([0, 1]);
    expect(capacity.reads).toEqual([0]);
  });

  it('keeps refetching at most once a second while a storm lasts, and slows down the longer it lasts', async () => {
    const hosts = watch(queryClient, queryKeys.infrastructure.command('listHosts', {}));
    await settle([hosts]);
    for (let i = 0; i < 100; i++) {
      version += 1;
      sync.apply(event('HOST.CREATE'));
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(10_000);
    const refetches = hosts.at.slice(1);
    // 10 s of events: far fewer refetches than seconds, never two within one second.
    expect(refetches.length).toBeGreaterThanOrEqual(3);
    expect(refetches.length).toBeLessThanOrEqual(6);
    expectSpaced(refetches);
    expect(hosts.reads.at(-1)).toBe(100);
  });

  it('refetches at once when a job ends, replacing the refetch that was waiting', async () => {
    const hosts = watch(queryClient, queryKeys.infrastructure.command('listHosts', {}));
    const users = watch(queryClient, queryKeys.users.list({}));
    await settle([hosts, users]);
    version += 1;
    sync.apply(event('HOST.CREATE'));
    await vi.advanceTimersByTimeAsync(0);
    expect(hosts.reads).toEqual([0, 1]);
    version += 1;
    sync.apply(event('HOST.CREATE'));
    expect(sync.coalescer.pending).toBe(1);

    version += 1;
    const job = { jobid: 'j1', jobstatus: 0, cmd: 'importDataCenter', jobinstancetype: 'DataCenter' };
    sync.apply({ kind: 'job', job: job as never });
    await vi.advanceTimersByTimeAsync(0);
    expect(hosts.reads).toEqual([0, 1]);
    sync.apply({ kind: 'job', job: { ...job, jobstatus: 1 } as never });
    // No timer needed: the end of the job is fetched now.
    await flushMicrotasks();
    expect(hosts.reads).toEqual([0, 1, 3]);
    expect(sync.coalescer.pending).toBe(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(hosts.reads).toEqual([0, 1, 3]);
    expect(users.reads).toHaveLength(1);
    // The tray moved without a request.
    expect(useJobStore.getState().jobs[0]).toMatchObject({ jobid: 'j1', state: 'done' });
  });

  it('only marks a paused events list stale', async () => {
    const events = watch(queryClient, queryKeys.events.list({}));
    await settle([events]);
    useUiStore.setState({ eventsLive: false });
    sync.apply(event('USER.LOGIN'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(events.reads).toHaveLength(1);
    expect(queryClient.getQueryState(events.key)?.isInvalidated).toBe(true);
  });

  it("patches a host's state in cached listHosts answers before any refetch", async () => {
    const row = (id: string, state: Host['state']) => ({ id, name: id, state }) as Host;
    const pageKey = queryKeys.infrastructure.command('listHosts', { page: 1 });
    const oneKey = queryKeys.infrastructure.command('listHosts', { id: 'h2' });
    queryClient.setQueryData(pageKey, { count: 2, items: [row('h1', 'Up'), row('h2', 'Up')] });
    queryClient.setQueryData(oneKey, row('h2', 'Up'));
    sync.apply(
      event('HOST.STATE.CHANGE', {
        resourceid: 'h2',
        resourcetype: 'Host',
        description: 'Host h2 is Down (was Up): no answer to heartbeats since 2026-01-01 (id: h2)',
      }),
    );
    const page = queryClient.getQueryData<{ items: Host[] }>(pageKey);
    expect(page?.items.map((h) => h.state)).toEqual(['Up', 'Down']);
    expect(queryClient.getQueryData<Host>(oneKey)?.state).toBe('Down');
  });
});

/** Refetch start times (the first fetch, on mount, is not one) at least a second apart. */
function expectSpaced(times: number[]) {
  for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
}

async function flushMicrotasks() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
