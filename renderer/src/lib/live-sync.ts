import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ApiClient } from './api-client';
import { useApi } from './api-context';
import type { LiveMessage } from './contract';
import { invalidateAreas, useJobStore } from './jobs';
import { areasForEvent, areasForJob, queryKeys } from './query-keys';
import { useUiStore } from './ui-store';

/**
 * Applies one live message to the caches: events invalidate the feature lists they touch, job
 * updates move the job tray (and invalidate what a finished job changed).
 */
export function applyLiveMessage(queryClient: QueryClient, message: LiveMessage): void {
  if (message.kind === 'event') {
    const areas = areasForEvent(message.event.type);
    const eventsLive = useUiStore.getState().eventsLive;
    for (const area of areas) {
      void queryClient.invalidateQueries({
        queryKey: [area],
        // A paused events list is only marked stale, so it does not scroll under the operator.
        refetchType: area === 'events' && !eventsLive ? 'none' : 'active',
      });
    }
    return;
  }
  if (message.kind === 'resource') {
    void queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all });
    return;
  }
  const before = useJobStore.getState().jobs.find((j) => j.jobid === message.job.jobid);
  const entry = useJobStore.getState().apply(message.job);
  if (entry && entry.state !== 'running' && before?.state === 'running') {
    invalidateAreas(queryClient, areasForJob(message.job.jobinstancetype, message.job.cmd ?? entry.command));
  }
}

/** Keeps the live stream open while someone is signed in. */
export function startLiveSync(client: ApiClient, queryClient: QueryClient): () => void {
  return client.live(
    (message) => applyLiveMessage(queryClient, message),
    (status) => useUiStore.getState().setLiveStatus(status),
  );
}

export function useLiveSync(enabled: boolean): void {
  const client = useApi();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return startLiveSync(client, queryClient);
  }, [client, queryClient, enabled]);
}
