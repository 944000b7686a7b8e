import { SHUTDOWN_JOB_TEXT, type ManagementServerState } from '../domain/management-servers';
import { nowIso } from '../domain/time';
import type { Store } from '../db/connect';
import type { AsyncJobRow } from '../db/schema';
import type { Caller } from './caller';
import type { SettingsReader } from './core-services';
import { withEventContext } from './event-context';
import { purgeEventsBefore } from './events';
import { JobOwnerGuard, type JobStepListener, type OwnerCheck } from './job-owner';
import type { JobQueueStore } from './job-queue';
import type { JobRecovery } from './job-recovery';

/** What a running job may report; the same shape as the API's JobProgress. */
export interface JobProgressReporter {
  report(percent: number, text?: string): Promise<void>;
  readonly jobId: string;
}

/** CloudStack's failed-job result: jobresultcode and the jobresult body. */
export interface JobFailure {
  errorcode: number;
  errortext: string;
  /** The catalogue message errortext was rendered from (contract/messages.ts), when there is one. */
  errorkey?: string;
  errorparams?: Record<string, string>;
}

export interface JobRunnerDeps {
  store: Store;
  queue: JobQueueStore;
  recovery: JobRecovery;
  serverId: string;
  serverName: string;
  /** Runs the command's handler and returns the serialized jobresult object. */
  run(
    command: string,
    params: Record<string, unknown>,
    caller: Caller,
    progress: JobProgressReporter,
  ): Promise<Record<string, unknown>>;
  /** Maps a thrown error to CloudStack's errorcode and errortext. */
  toFailure(error: unknown): JobFailure;
  callerForUser(userId: number): Promise<Caller | undefined>;
  /** Whether a job's owner may still run it: checked at start and before each step. */
  ownerCheck: OwnerCheck;
  /** Called before each step of every job (JobService.onStep). */
  stepListeners: ReadonlySet<JobStepListener>;
  publish(jobId: number): Promise<void>;
  /** Runs after every heartbeat (the core takes over the hosts of dead servers there). */
  onHeartbeat?: () => Promise<void>;
  settings?: SettingsReader;
  concurrency: number;
  heartbeatMs: number;
  pollMs: number;
  stopTimeoutMs: number;
}

/**
 * Runs queued jobs on this server: claims up to `concurrency` at once, reports their progress
 * and outcome, heartbeats the server and its running jobs, takes over the jobs of dead servers
 * (PostgreSQL), and purges expired jobs and events.
 */
export class JobRunner {
  private readonly running = new Map<number, Promise<void>>();
  private timers: NodeJS.Timeout[] = [];
  private active = false;
  /** Set by drain(): no new jobs are claimed, heartbeats go on. */
  private draining = false;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private lastHousekeeping = 0;
  private nextEventPurge = 0;

  constructor(private readonly deps: JobRunnerDeps) {}

  private get db() {
    return this.deps.store.db;
  }

  /** Recovers interrupted jobs (an earlier run's included), registers this server Up, then runs jobs. */
  async start(): Promise<void> {
    if (this.active) return;
    await this.deps.recovery.recover(true);
    await this.register();
    this.active = true;
    this.draining = false;
    this.lastHousekeeping = Date.now();
    this.timers.push(setInterval(() => void this.tick(), this.deps.heartbeatMs));
    this.timers.push(setInterval(() => this.wake(), this.deps.pollMs));
    for (const t of this.timers) t.unref();
    this.wake();
  }

  /** This server's row, Up with a fresh start time (the row exists when the core named it: core.ts). */
  private async register(): Promise<void> {
    const now = nowIso();
    const up = { state: 'Up' satisfies ManagementServerState, started: now, last_heartbeat: now };
    const r = await this.db
      .updateTable('management_servers')
      .set(up)
      .where('uuid', '=', this.deps.serverId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0) return;
    await this.db
      .insertInto('management_servers')
      .values({ uuid: this.deps.serverId, name: this.deps.serverName, ...up })
      .execute();
  }

  /**
   * SIGTERM: claims no more jobs and waits up to `graceMs` for the running ones, heart-beating as
   * PreparingToShutDown meanwhile (the other servers leave its jobs alone); then hands the rest
   * over (resumable ones queued again for another server, the others failed with a clear text)
   * and marks this server Down.
   */
  async drain(graceMs: number): Promise<void> {
    if (!this.active || this.draining) return;
    this.draining = true;
    await this.setState('PreparingToShutDown');
    if (this.pumping) await this.pumping.catch(() => undefined);
    await this.settle(graceMs);
    await this.deps.recovery.handOver([...this.running.keys()], SHUTDOWN_JOB_TEXT);
    await this.stop(0);
  }

  private async setState(state: ManagementServerState): Promise<void> {
    await this.db
      .updateTable('management_servers')
      .set({ state, last_heartbeat: nowIso() })
      .where('uuid', '=', this.deps.serverId)
      .execute();
  }

  /** Waits until no job runs here, or `waitMs` has passed. */
  private async settle(waitMs: number): Promise<void> {
    if (this.running.size === 0 || waitMs <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running.values()]),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
      }),
    ]);
    if (timer) clearTimeout(timer);
  }

  /** Stops claiming, waits (bounded) for running jobs, and marks this server down. */
  async stop(waitMs = this.deps.stopTimeoutMs): Promise<void> {
    const wasActive = this.active;
    this.active = false;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    if (!wasActive) return;
    if (this.pumping) await this.pumping.catch(() => undefined);
    await this.settle(waitMs);
    try {
      const now = nowIso();
      await this.db
        .updateTable('management_servers')
        .set({ state: 'Down', last_heartbeat: now, last_stop: now })
        .where('uuid', '=', this.deps.serverId)
        .execute();
    } catch {
      // the store may already be gone; the next start treats this server as dead anyway
    }
  }

  runningCount(): number {
    return this.running.size;
  }

  /** Asks the runner to look for work. Cheap; called on submit, on completion and by a timer. */
  wake(): void {
    if (!this.active || this.draining) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.pumpAgain) {
        this.pumpAgain = false;
        this.wake();
      }
    });
  }

  private async pump(): Promise<void> {
    while (this.active && !this.draining && this.running.size < this.deps.concurrency) {
      let row: AsyncJobRow | undefined;
      try {
        row = await this.deps.queue.claim(this.deps.serverId);
      } catch (error) {
        if (this.active) console.error('[jobs] claiming a job failed', error instanceof Error ? error.message : error);
        return;
      }
      if (!row) return;
      const claimed = row;
      const done = this.execute(claimed)
        .catch((error: unknown) => {
          if (this.active)
            console.error(
              `[jobs] job ${claimed.uuid} failed to complete`,
              error instanceof Error ? error.message : error,
            );
        })
        .finally(() => {
          this.running.delete(claimed.id);
          this.wake();
        });
      this.running.set(claimed.id, done);
    }
  }

  private async execute(row: AsyncJobRow): Promise<void> {
    const { queue, serverId } = this.deps;
    await this.publish(row.id);
    const owner = new JobOwnerGuard(row, this.deps.ownerCheck, this.deps.stepListeners);
    const progress: JobProgressReporter = {
      jobId: row.uuid,
      report: async (percent: number, text?: string) => {
        await owner.beforeStep(percent, text);
        if (await queue.progress(row, serverId, percent, text)) await this.publish(row.id);
      },
    };
    let body: Record<string, unknown>;
    try {
      await owner.atStart();
      const caller = await this.deps.callerForUser(row.user_id);
      if (!caller) {
        await this.finish(row, 'Fail', 530, {
          errorcode: 530,
          errortext: 'The user who submitted the job no longer exists or is disabled',
        });
        return;
      }
      const params = JSON.parse(row.params) as Record<string, unknown>;
      const context = { jobId: row.uuid, sourceAddress: row.source_address ?? undefined };
      body = await withEventContext(context, () => this.deps.run(row.command, params, caller, progress));
    } catch (error) {
      const failure = owner.failure ?? this.deps.toFailure(error);
      await this.finish(row, 'Fail', failure.errorcode, { ...failure });
      return;
    }
    const failure = owner.failure;
    if (failure) {
      // The handler went on past a refused step (it caught the error): the job still failed.
      await this.finish(row, 'Fail', failure.errorcode, { errorcode: failure.errorcode, errortext: failure.errortext });
      return;
    }
    await this.finish(row, 'Complete', 0, body);
  }

  private async finish(
    row: AsyncJobRow,
    outcome: 'Complete' | 'Fail',
    resultCode: number,
    result: Record<string, unknown>,
  ): Promise<void> {
    if (await this.deps.queue.finish(row, this.deps.serverId, outcome, resultCode, result)) await this.publish(row.id);
  }

  /** Heartbeat of the server and its running jobs; on PostgreSQL, takeover of dead servers. */
  private async tick(): Promise<void> {
    if (!this.active) return;
    try {
      const now = nowIso();
      await this.db
        .updateTable('management_servers')
        .set({ last_heartbeat: now, state: this.draining ? 'PreparingToShutDown' : 'Up' })
        .where('uuid', '=', this.deps.serverId)
        .execute();
      await this.db
        .updateTable('async_jobs')
        .set({ heartbeat: now })
        .where('owner_server', '=', this.deps.serverId)
        .where('completed', 'is', null)
        .execute();
      if (this.deps.store.dialect === 'postgres') await this.deps.recovery.recover(false);
      if (this.deps.onHeartbeat) await this.deps.onHeartbeat();
      if (Date.now() - this.lastHousekeeping > 60_000) {
        this.lastHousekeeping = Date.now();
        await this.purgeExpired();
        await this.purgeEvents();
      }
    } catch (error) {
      if (this.active) console.error('[jobs] heartbeat failed', error instanceof Error ? error.message : error);
    }
  }

  /**
   * The management server's event purge: events older than event.purge.delay days (0 keeps
   * them), at most once per event.purge.interval seconds, the first a minute after start.
   */
  async purgeEvents(now = Date.now()): Promise<number> {
    const settings = this.deps.settings;
    if (!settings || now < this.nextEventPurge) return 0;
    this.nextEventPurge = now + settings.get<number>('event.purge.interval') * 1000;
    const days = settings.get<number>('event.purge.delay');
    if (days <= 0) return 0;
    return purgeEventsBefore(this.deps.store, new Date(now - days * 86_400_000));
  }

  /** Removes finished jobs older than job.expire.minutes. */
  async purgeExpired(now = Date.now()): Promise<number> {
    const minutes = this.deps.settings?.get<number>('job.expire.minutes') ?? 1440;
    return this.deps.queue.purgeFinished(new Date(now - minutes * 60_000).toISOString());
  }

  private async publish(id: number): Promise<void> {
    try {
      await this.deps.publish(id);
    } catch (error) {
      if (this.active)
        console.error('[jobs] could not publish job state', error instanceof Error ? error.message : error);
    }
  }
}
