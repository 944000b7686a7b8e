import { batchState, type BatchEntry } from '../../../lib/batch';
import { trayOrder, type JobEntry, type JobState } from '../../../lib/jobs';

export type TrayEntry =
  | { kind: 'job'; key: string; state: JobState; startedAt: number; job: JobEntry }
  | { kind: 'batch'; key: string; state: JobState; startedAt: number; batch: BatchEntry };

/**
 * What the tray lists: batches as one entry each (their member jobs not again on their own), the
 * other jobs of the chosen scope (mine: started by this user, or by this window before the server
 * said who); running first, then finished, newest first.
 */
export function trayEntries(
  jobs: readonly JobEntry[],
  batches: readonly BatchEntry[],
  scope: { mineOnly: boolean; userId: string },
): TrayEntry[] {
  const members = new Set<string>();
  for (const batch of batches) for (const item of batch.items) if (item.jobid) members.add(item.jobid);
  const entries: TrayEntry[] = [];
  for (const batch of batches)
    entries.push({ kind: 'batch', key: batch.id, state: batchState(batch), startedAt: batch.startedAt, batch });
  for (const job of jobs) {
    if (members.has(job.jobid)) continue;
    if (scope.mineOnly && job.userId !== undefined && job.userId !== scope.userId) continue;
    entries.push({ kind: 'job', key: job.jobid, state: job.state, startedAt: job.startedAt, job });
  }
  return entries.sort(trayOrder);
}
