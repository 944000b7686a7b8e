import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../../../lib/api-context';
import type { ApiClient } from '../../../lib/api-client';
import type { AsyncJob } from '../../../lib/contract';
import { useJobStore } from '../../../lib/jobs';
import { queryKeys } from '../../../lib/query-keys';

/** The tray covers the last day. */
export const HISTORY_MS = 24 * 3600_000;

export interface JobHistoryScope {
  /** Everyone's jobs the caller may see (listall) instead of the caller's own. */
  everyone: boolean;
  userId: string;
  /** How many finished jobs to fetch (the tray's "show more" raises it). */
  limit: number;
}

/** CloudStack's date form, "2026-11-22T10:00:00+0000". */
function apiDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}

/**
 * Every running job of the scope, and the newest `limit` of the last 24 hours: running ones are
 * listed whatever their age, so a long import never falls off the tray's first page.
 */
export async function fetchJobHistory(client: ApiClient, scope: JobHistoryScope, now = Date.now()) {
  const who = scope.everyone ? { listall: true } : { userid: scope.userId };
  const [running, recent] = await Promise.all([
    client.list('listAsyncJobs', { ...who, jobstatus: 0, pagesize: 500 }),
    client.list('listAsyncJobs', { ...who, startdate: apiDate(now - HISTORY_MS), pagesize: scope.limit }),
  ]);
  const byId = new Map<string, AsyncJob>();
  for (const job of [...recent.items, ...running.items]) byId.set(job.jobid, job);
  return { jobs: [...byId.values()], total: recent.count };
}

/** Loads the history into the job store (where live messages keep it current). */
export function useJobHistory(scope: JobHistoryScope) {
  const client = useApi();
  const merge = useJobStore((s) => s.merge);
  const query = useQuery({
    queryKey: queryKeys.jobs.history(scope),
    queryFn: () => fetchJobHistory(client, scope),
    staleTime: 30_000,
  });
  useEffect(() => {
    if (query.data) merge(query.data.jobs);
  }, [query.data, merge]);
  return query;
}
