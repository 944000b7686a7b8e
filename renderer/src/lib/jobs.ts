import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { ApiClient } from './api-client';
import { useApi } from './api-context';
import { ApiError, errorMessageRef, type ErrorMessageRef } from './api-error';
import type { AsyncCommandName, AsyncJob, AsyncStart, ParamsArg, ResponseOf } from './contract';
import { translate, useLocaleStore, type Locale } from './i18n';
import { notifyError, notifySuccess } from './notify';
import { coalescerOf } from './live-coalescer';
import { areasForJob, type AreaRoot } from './query-keys';
import { serverMessage } from './server-message';

export type JobState = 'running' | 'done' | 'failed';

export interface JobEntry {
  jobid: string;
  title: string;
  command?: string;
  state: JobState;
  /** 0-100 */
  progress: number;
  progressText?: string;
  errortext?: string;
  /** The message key of a failure's errortext, to show it in the user's language. */
  errorRef?: ErrorMessageRef;
  /** Hash route to what the job changed. */
  link?: string;
  resourceId?: string;
  startedAt: number;
  finishedAt?: number;
  /** A finished job's result: the command's declared response (read it with resultOf). */
  result?: Record<string, unknown>;
  /** Who started it (the server's `userid`, `account`): the tray's "mine" filter reads it. */
  userId?: string;
  account?: string;
}

/** What a poll or a live message says of a job; a client-made failure carries less. */
export type JobUpdate = Pick<AsyncJob, 'jobid' | 'jobstatus'> & Partial<AsyncJob>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A failed job's errortext in the language (translated when the core keyed it), else undefined. */
export function jobFailureText(
  entry: Pick<JobEntry, 'errortext' | 'errorRef'>,
  locale: Locale = useLocaleStore.getState().locale,
): string | undefined {
  if (entry.errortext === undefined) return undefined;
  return serverMessage(locale, entry.errorRef?.key, entry.errorRef?.params, entry.errortext);
}

/** A finished job's result as its command declares it (`resultOf(entry, 'addHost').host`). */
export function resultOf<C extends AsyncCommandName>(entry: JobEntry, command: C): ResponseOf<C> | undefined {
  if (entry.command !== undefined && entry.command !== command) return undefined;
  return entry.state === 'done' ? (entry.result as ResponseOf<C> | undefined) : undefined;
}

/** Maps queryAsyncJobResult (or a live `job` message) onto a tray entry. */
export function jobStateOf(
  job: JobUpdate,
): Pick<JobEntry, 'state' | 'progress' | 'progressText' | 'errortext' | 'errorRef' | 'result'> {
  const state: JobState = job.jobstatus === 1 ? 'done' : job.jobstatus === 2 ? 'failed' : 'running';
  const raw = Number(job.jobprocstatus ?? 0);
  const progress = state === 'running' ? Math.max(0, Math.min(100, Number.isFinite(raw) ? raw : 0)) : 100;
  const result = isRecord(job.jobresult) ? job.jobresult : undefined;
  const errortext = state === 'failed' ? String(result?.['errortext'] ?? 'Job failed') : undefined;
  return {
    state,
    progress,
    progressText: job.jobprogresstext,
    errortext,
    errorRef: state === 'failed' ? errorMessageRef(result) : undefined,
    result: state === 'done' ? result : undefined,
  };
}

/** "org.apache.cloudstack.api.command.admin.account.DeleteAccountCmd" or "deleteAccount" -> "deleteAccount". */
function commandName(cmd: string | undefined): string | undefined {
  if (!cmd) return undefined;
  const last = cmd.split('.').pop() ?? cmd;
  const bare = last.replace(/Cmd$/, '');
  return bare.charAt(0).toLowerCase() + bare.slice(1);
}

const INSTANCE_LINKS: Record<string, (id: string) => string> = {
  Host: (id) => `#/hosts?id=${id}`,
  StoragePool: (id) => `#/primary-storage?id=${id}`,
  ImageStore: () => '#/secondary-storage',
  Pod: (id) => `#/pods?id=${id}`,
  Cluster: (id) => `#/clusters?id=${id}`,
  Zone: (id) => `#/zones?id=${id}`,
  Account: (id) => `#/accounts?id=${id}`,
  User: (id) => `#/users?id=${id}`,
  Domain: () => '#/domains',
};

/** Where a job started elsewhere leads: the resource its `jobinstancetype`/`jobinstanceid` name. */
export function linkForInstance(type: string | undefined, id: string | undefined): string | undefined {
  if (!type || !id) return undefined;
  return INSTANCE_LINKS[type]?.(id);
}

function parseTime(value: string | undefined): number | undefined {
  if (!value) return undefined;
  // CloudStack writes "2026-11-22T10:00:00+0000"; Date wants the offset as +00:00.
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? ms : undefined;
}

/** A tray entry for a job this window did not start (a live message or the server's list). */
function entryFromServer(job: JobUpdate): JobEntry {
  const update = jobStateOf(job);
  const command = commandName(job.cmd);
  const startedAt = parseTime(job.created) ?? Date.now();
  return {
    jobid: job.jobid,
    title: command ?? job.jobid,
    command,
    resourceId: job.jobinstanceid,
    link: linkForInstance(job.jobinstancetype, job.jobinstanceid),
    userId: job.userid,
    account: job.account,
    startedAt,
    ...update,
    finishedAt: update.state === 'running' ? undefined : (parseTime(job.completed) ?? Date.now()),
  };
}

/** Running jobs first, then finished ones; newest first within each. */
export function trayOrder(a: { state: JobState; startedAt: number }, b: { state: JobState; startedAt: number }) {
  const running = Number(b.state === 'running') - Number(a.state === 'running');
  return running !== 0 ? running : b.startedAt - a.startedAt;
}

interface JobStore {
  jobs: JobEntry[];
  /** Finished jobs that started before this (ms) stay out of the tray: "Clear finished". */
  clearedAt: number;
  add(entry: Omit<JobEntry, 'state' | 'progress' | 'startedAt'> & Partial<Pick<JobEntry, 'state' | 'progress'>>): void;
  /** Applies a poll result or live message; unknown jobs (started elsewhere) are added. */
  apply(job: JobUpdate): JobEntry | undefined;
  /**
   * Takes in the server's list (listAsyncJobs): unknown jobs are added with their server times,
   * known running ones move on; what this window learnt (a title, a link, a later state) stays.
   */
  merge(jobs: readonly AsyncJob[]): void;
  clearFinished(): void;
}

/** Enough for hundreds of jobs a day; the tray draws only the newest few of them. */
const MAX_JOBS = 1000;

export const useJobStore = create<JobStore>((set, get) => ({
  jobs: [],
  clearedAt: 0,
  add: (entry) =>
    set((s) => {
      // The live stream may have reported the job before the command's answer arrived: keep its
      // state and progress, take the title and link from the caller.
      if (s.jobs.some((j) => j.jobid === entry.jobid)) {
        return {
          jobs: s.jobs.map((j) =>
            j.jobid === entry.jobid
              ? {
                  ...j,
                  title: entry.title,
                  command: entry.command ?? j.command,
                  link: entry.link ?? j.link,
                  resourceId: entry.resourceId ?? j.resourceId,
                }
              : j,
          ),
        };
      }
      const job: JobEntry = { state: 'running', progress: 0, startedAt: Date.now(), ...entry };
      return { jobs: [job, ...s.jobs].slice(0, MAX_JOBS) };
    }),
  apply: (job) => {
    const update = jobStateOf(job);
    const existing = get().jobs.find((j) => j.jobid === job.jobid);
    if (existing && existing.state !== 'running') return existing;
    let next: JobEntry;
    if (existing) {
      next = {
        ...existing,
        ...update,
        // Progress never goes backwards in the tray.
        progress: Math.max(existing.progress, update.progress),
        progressText: update.progressText ?? existing.progressText,
        finishedAt: update.state === 'running' ? undefined : Date.now(),
        userId: existing.userId ?? job.userid,
        account: existing.account ?? job.account,
      };
    } else {
      next = entryFromServer(job);
    }
    set((s) => ({
      jobs: existing ? s.jobs.map((j) => (j.jobid === job.jobid ? next : j)) : [next, ...s.jobs].slice(0, MAX_JOBS),
    }));
    return next;
  },
  merge: (list) =>
    set((s) => {
      const known = new Map(s.jobs.map((j) => [j.jobid, j]));
      const cleared = s.clearedAt;
      for (const job of list) {
        const existing = known.get(job.jobid);
        if (!existing) {
          const entry = entryFromServer(job);
          if (entry.state === 'running' || entry.startedAt > cleared) known.set(job.jobid, entry);
          continue;
        }
        const update = jobStateOf(job);
        known.set(job.jobid, {
          ...existing,
          userId: existing.userId ?? job.userid,
          account: existing.account ?? job.account,
          link: existing.link ?? linkForInstance(job.jobinstancetype, job.jobinstanceid),
          ...(existing.state === 'running' && update.state !== 'running'
            ? { ...update, finishedAt: parseTime(job.completed) ?? Date.now() }
            : existing.state === 'running'
              ? {
                  progress: Math.max(existing.progress, update.progress),
                  progressText: update.progressText ?? existing.progressText,
                }
              : {}),
        });
      }
      return { jobs: [...known.values()].sort(trayOrder).slice(0, MAX_JOBS) };
    }),
  clearFinished: () => set((s) => ({ jobs: s.jobs.filter((j) => j.state === 'running'), clearedAt: Date.now() })),
}));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves when the store shows the job finished (live stream) or after `ms`, whichever is first. */
function finishedOrTimeout(jobid: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const unsubscribe = useJobStore.subscribe((s) => {
      if (s.jobs.find((j) => j.jobid === jobid)?.state !== 'running') done();
    });
    function done() {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    }
  });
}

/**
 * Follows a job to its end: polls queryAsyncJobResult (backing off from 0.4 s to 2 s) while the
 * live stream may finish it sooner. Resolves with the tray entry; never rejects for a failed job.
 */
export async function followJob(client: ApiClient, jobid: string): Promise<JobEntry> {
  let delay = 400;
  let failures = 0;
  for (;;) {
    const current = useJobStore.getState().jobs.find((j) => j.jobid === jobid);
    if (current && current.state !== 'running') return current;
    try {
      const job = await client.queryJob(jobid);
      const entry = useJobStore.getState().apply(job);
      if (entry && entry.state !== 'running') return entry;
      failures = 0;
    } catch (error) {
      failures += 1;
      if ((error instanceof ApiError && error.isUnauthenticated) || failures >= 10) {
        return (
          useJobStore.getState().apply({
            jobid,
            jobstatus: 2,
            jobresult: { errortext: error instanceof Error ? error.message : String(error) },
          }) ?? { jobid, title: jobid, state: 'failed', progress: 100, startedAt: Date.now() }
        );
      }
      await sleep(delay);
    }
    await finishedOrTimeout(jobid, delay);
    delay = Math.min(2000, Math.round(delay * 1.5));
  }
}

export function invalidateAreas(queryClient: QueryClient, areas: readonly AreaRoot[]): void {
  for (const area of areas) void queryClient.invalidateQueries({ queryKey: [area] });
}

export interface RunJobOptions<C extends AsyncCommandName = AsyncCommandName> {
  command: C;
  /** Checked against the core's declaration of the command. */
  params?: ParamsArg<C>[0];
  /** Tray title, already translated ("Delete account alice"). */
  title: string;
  /** Where the tray links to; gets `id` of the resource when the command returns one. */
  link?: string;
  /** Areas to refresh when the job ends (defaults from the command name). */
  invalidate?: AreaRoot[];
}

export interface RunningJob {
  start: AsyncStart;
  /** Resolves with the finished entry; rejects with an ApiError when the job failed. */
  done: Promise<JobEntry>;
}

/** Starts an async command, puts it in the job tray and follows it; notifies when it ends. */
export async function runJob<C extends AsyncCommandName>(
  client: ApiClient,
  queryClient: QueryClient,
  options: RunJobOptions<C>,
): Promise<RunningJob> {
  const start = await client.startAsync(options.command, ...([options.params] as ParamsArg<C>));
  useJobStore.getState().add({
    jobid: start.jobid,
    title: options.title,
    command: options.command,
    link: options.link,
    resourceId: start.id,
  });
  const done = followJob(client, start.jobid).then((entry) => {
    const areas = options.invalidate ?? areasForJob(undefined, options.command);
    coalescerOf(queryClient).jobEnded(
      start.jobid,
      areas.map((area) => ({ root: [area], refetch: true })),
    );
    const locale = useLocaleStore.getState().locale;
    if (entry.state === 'failed') {
      const error = new ApiError(
        Number(entry.result?.['errorcode'] ?? 530),
        Number(entry.result?.['cserrorcode'] ?? 9999),
        entry.errortext ?? 'Job failed',
        entry.errorRef,
      );
      notifyError(error, translate(locale, 'jobs.failedTitle', { title: options.title }));
      throw error;
    }
    notifySuccess(translate(locale, 'jobs.succeeded', { title: options.title }));
    return entry;
  });
  // Callers may ignore `done`; a failure is already shown.
  done.catch(() => {});
  return { start, done };
}

/** `const run = useRunJob(); await run({ command: 'deleteAccount', params: { id }, title })`. */
export function useRunJob(): <C extends AsyncCommandName>(options: RunJobOptions<C>) => Promise<RunningJob> {
  const client = useApi();
  const queryClient = useQueryClient();
  return useCallback(
    <C extends AsyncCommandName>(options: RunJobOptions<C>) => runJob(client, queryClient, options),
    [client, queryClient],
  );
}
