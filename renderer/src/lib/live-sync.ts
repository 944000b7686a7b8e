import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApiClient } from './api-client';
import { useApi } from './api-context';
import { ConnectionMonitor } from './connection-monitor';
import type { LiveMessage } from './contract';
import { useJobStore } from './jobs';
import { coalescerOf, type CoalescerOptions, type RefetchCoalescer } from './live-coalescer';
import { patchFromEvent } from './live-patch';
import { areasForEvent, areasForJob, queryKeys, type AreaRoot } from './query-keys';
import { useUiStore } from './ui-store';

/** The queries new host stats refresh: the heartbeats and figures hosts lists show, and the usage charts. */
const HOST_STATS_COMMANDS = ['listHosts', 'listHostsUsageHistory'] as const;

/** A paused events list is only marked stale, so it does not scroll under the operator. */
function refetches(area: AreaRoot): boolean {
  return area !== 'events' || useUiStore.getState().eventsLive;
}

/**
 * The one place live messages reach the caches. Events patch what they state outright (a host's
 * new state) and mark the areas they touch stale, refetching what is on screen at most once a
 * second per query; job messages move the job tray without any request, and a job's end refetches
 * what it changed at once.
 */
export class LiveSync {
  readonly coalescer: RefetchCoalescer;

  constructor(
    private readonly queryClient: QueryClient,
    options?: CoalescerOptions,
  ) {
    this.coalescer = coalescerOf(queryClient, options);
  }

  apply(message: LiveMessage): void {
    if (message.kind === 'event') {
      patchFromEvent(this.queryClient, message.event);
      for (const area of areasForEvent(message.event.type)) this.coalescer.touch([area], { refetch: refetches(area) });
      return;
    }
    if (message.kind === 'resource') {
      // New host stats (every host.stats.interval) concern host lists and usage charts only.
      const roots =
        message.resource.type === 'HostStats'
          ? HOST_STATS_COMMANDS.map((command) => [...queryKeys.infrastructure.all, command])
          : [queryKeys.infrastructure.all];
      for (const root of roots) this.coalescer.touch(root);
      return;
    }
    const before = useJobStore.getState().jobs.find((j) => j.jobid === message.job.jobid);
    const entry = useJobStore.getState().apply(message.job);
    if (entry && entry.state !== 'running' && before?.state !== entry.state) {
      const areas = areasForJob(message.job.jobinstancetype, message.job.cmd ?? entry.command);
      this.coalescer.jobEnded(
        entry.jobid,
        areas.map((area) => ({ root: [area], refetch: refetches(area) })),
      );
    }
  }

  /** The server is back after an outage: everything on screen may be old. */
  refetchAll(): void {
    void this.queryClient.invalidateQueries();
  }

  dispose(): void {
    this.coalescer.dispose();
  }
}

const syncs = new WeakMap<QueryClient, LiveSync>();

/** The LiveSync of a query client (one per client, so every message shares one coalescer). */
export function liveSyncOf(queryClient: QueryClient): LiveSync {
  let sync = syncs.get(queryClient);
  if (!sync) {
    sync = new LiveSync(queryClient);
    syncs.set(queryClient, sync);
  }
  return sync;
}

/** Applies one live message to the caches of `queryClient`. */
export function applyLiveMessage(queryClient: QueryClient, message: LiveMessage): void {
  liveSyncOf(queryClient).apply(message);
}

/**
 * Keeps the live stream open while someone is signed in, and watches the connection: a stream
 * that closes while requests fail too is a lost server (the banner), retried with backoff; its
 * return refetches what is on screen.
 */
export function startLiveSync(client: ApiClient, queryClient: QueryClient): () => void {
  const sync = liveSyncOf(queryClient);
  const ui = useUiStore.getState();
  let closeStream: () => void = () => {};
  // Each stream opened has its number: the one being replaced reports 'closed' as it goes, which
  // is no news.
  let generation = 0;
  const open = () => {
    const current = ++generation;
    closeStream();
    closeStream = client.live(
      (message) => sync.apply(message),
      (status) => {
        if (current !== generation) return;
        useUiStore.getState().setLiveStatus(status);
        monitor.liveStatus(status);
      },
    );
  };
  const monitor = new ConnectionMonitor({
    networked: client.mode === 'http',
    probe: async () => {
      await client.call('listCapabilities');
    },
    reopenLive: open,
    onReturn: () => sync.refetchAll(),
    setState: (state, dataAsOf) => ui.setConnection(state, dataAsOf),
  });
  const unwatch = monitor.watch(queryClient);
  open();
  return () => {
    unwatch();
    monitor.dispose();
    generation += 1;
    closeStream();
    useUiStore.getState().setLiveStatus('closed');
    ui.setConnection('connecting', null);
    sync.dispose();
    syncs.delete(queryClient);
  };
}

export function useLiveSync(enabled: boolean): void {
  const client = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return startLiveSync(client, queryClient);
  }, [client, queryClient, enabled]);
}
