import type { Store } from '../db/connect';
import type { AsyncJobRow } from '../db/schema';
import type { EventSink, JobQueue, SettingsReader, SubmitJob } from './core-services';
import { publishJob } from './job-queries';
import { JobQueueStore } from './job-queue';
import { ownerAccessCheck, type JobStepListener, type OwnerCheck } from './job-owner';
import { JobRecovery } from './job-recovery';
import { JobRunner, type JobFailure, type JobRunnerDeps } from './job-runner';

export { findJob, jobResponse, listJobs, selectJobs, type JobFilter, type JobListRow } from './job-queries';
export { INTERRUPTED_TEXT } from './job-recovery';
export type { JobFailure, JobProgressReporter } from './job-runner';
export type { JobStep, JobStepListener } from './job-owner';

export interface JobServiceDeps {
  store: Store;
  events: EventSink;
  /** This server's stable id (the same across restarts of a server name: management-servers.ts). */
  serverId: string;
  /** Stable name of this server (host name); rows of earlier runs under this name are ours. */
  serverName: string;
  /** Runs the command's handler and returns the serialized jobresult object. */
  run: JobRunnerDeps['run'];
  /** Maps a thrown error to CloudStack's errorcode and errortext. */
  toFailure?(error: unknown): JobFailure;
  callerForUser: JobRunnerDeps['callerForUser'];
  /** Whether a job's owner may still run it; defaults to the user and account states in the store. */
  ownerCheck?: OwnerCheck;
  /** Whether an interrupted job of the command may simply run again. */
  isResumable(command: string): boolean;
  /** Jobs this server runs at once. */
  concurrency?: number;
  /** For job.expire.minutes and management.server.heartbeat.seconds. */
  settings?: SettingsReader;
  heartbeatMs?: number;
  /** Runs after every heartbeat of this server (host takeover). */
  onHeartbeat?: () => Promise<void>;
  /** How often to look for jobs queued by other servers. */
  pollMs?: number;
  /** How long stop() waits for running jobs before leaving them to the next start. */
  stopTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function defaultFailure(): JobFailure {
  return { errorcode: 530, errortext: 'Internal error executing command, please contact your system administrator' };
}

/**
 * Async jobs (core/src/domain/state-machines/job-state.ts): the queue of job rows
 * (job-queue.ts), this server's runner (job-runner.ts) and the recovery of jobs whose server is
 * gone (job-recovery.ts). Several servers on one PostgreSQL share the queue.
 */
export class JobService implements JobQueue {
  private readonly queue: JobQueueStore;
  private readonly runner: JobRunner;
  private readonly stepListeners = new Set<JobStepListener>();
  /** Sends a job's state on the live stream; a failure to do so is logged, never thrown. */
  private readonly publish: (id: number) => Promise<void>;

  constructor(private readonly deps: JobServiceDeps) {
    const fromSettings = deps.settings
      ? deps.settings.get<number>('management.server.heartbeat.seconds') * 1000
      : undefined;
    const heartbeatMs = deps.heartbeatMs ?? fromSettings ?? 5000;
    const publish = (id: number) => publishJob(deps.store, deps.events, id);
    this.publish = (id) =>
      publish(id).catch((error: unknown) =>
        console.error('[jobs] could not publish job state', error instanceof Error ? error.message : error),
      );
    this.queue = new JobQueueStore(deps.store);
    const recovery = new JobRecovery({
      store: deps.store,
      serverId: deps.serverId,
      serverName: deps.serverName,
      heartbeatMs,
      heartbeatMisses: deps.settings?.get<number>('management.server.heartbeat.misses'),
      isResumable: deps.isResumable,
      publish: this.publish,
    });
    this.runner = new JobRunner({
      store: deps.store,
      queue: this.queue,
      recovery,
      serverId: deps.serverId,
      serverName: deps.serverName,
      run: deps.run,
      toFailure: deps.toFailure ?? defaultFailure,
      callerForUser: deps.callerForUser,
      ownerCheck: deps.ownerCheck ?? ownerAccessCheck(deps.store.db),
      stepListeners: this.stepListeners,
      publish,
      onHeartbeat: deps.onHeartbeat,
      settings: deps.settings,
      concurrency: Math.max(1, deps.concurrency ?? 4),
      heartbeatMs,
      pollMs: deps.pollMs ?? 1000,
      stopTimeoutMs: deps.stopTimeoutMs ?? 10_000,
    });
  }

  /** Queues a job; the runner (on this or another server) picks it up. */
  async submit(job: SubmitJob): Promise<AsyncJobRow> {
    const row = await this.queue.submit(job);
    await this.publish(row.id);
    this.runner.wake();
    return row;
  }

  start(): Promise<void> {
    return this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  /** Finishes or hands over this server's jobs within `graceMs`, then marks it Down (SIGTERM). */
  drain(graceMs: number): Promise<void> {
    return this.runner.drain(graceMs);
  }

  wake(): void {
    this.runner.wake();
  }

  /**
   * Calls `listener` before each step (progress report) of every job this server runs, before
   * the owner check; a listener that throws fails the job. Returns the unsubscribe function.
   */
  onStep(listener: JobStepListener): () => void {
    this.stepListeners.add(listener);
    return () => this.stepListeners.delete(listener);
  }

  runningCount(): number {
    return this.runner.runningCount();
  }

  purgeEvents(now?: number): Promise<number> {
    return this.runner.purgeEvents(now);
  }

  purgeExpired(now?: number): Promise<number> {
    return this.runner.purgeExpired(now);
  }

  /** Resolves with the job row once it has finished (tests, CLI). */
  async waitFor(jobUuid: string, timeoutMs = 10_000): Promise<AsyncJobRow> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await this.deps.store.db
        .selectFrom('async_jobs')
        .selectAll()
        .where('uuid', '=', jobUuid)
        .executeTakeFirst();
      if (!row) throw new Error(`job ${jobUuid} not found`);
      if (row.completed !== null) return row;
      if (Date.now() > deadline) throw new Error(`job ${jobUuid} did not finish within ${timeoutMs} ms`);
      await sleep(20);
    }
  }
}
