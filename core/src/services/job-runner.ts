import { nowIso } from '../domain/time';
import type { Store } from '../db/connect';
import type { AsyncJobRow } from '../db/schema';
import type { Caller } from './caller';
import type { SettingsReader } from './core-services';
import { purgeEventsBefore } from './events';
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
  publish(jobId: number): Promise<void>;
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
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private lastHousekeeping = 0;
  private nextEventPurge = 0;

  constructor(private readonly deps: JobRunnerDeps) {}

  private get db() {
    return this.deps.store.db;
  }

  /** Registers this server, recovers interrupted jobs, then starts running jobs. */
  async start(): Promise<void> {
    if (this.active) return;
    const now = nowIso();
    await this.db
      .insertInto('management_servers')
      .values({ uuid: this.deps.serverId, name: this.deps.serverName, state: 'Up', started: now, last_heartbeat: now })
      .execute();
    await this.deps.recovery.recover(true);
    this.active = true;
    this.lastHousekeeping = Date.now();
    this.timers.push(setInterval(() => void this.tick(), this.deps.heartbeatMs));
    this.timers.push(setInterval(() => this.wake(), this.deps.pollMs));
    for (const t of this.timers) t.unref();
    this.wake();
  }

  /** Stops claiming, waits (bounded) for running jobs, and marks this server down. */
  async stop(): Promise<void> {
    const wasActive = this.active;
    this.active = false;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    if (!wasActive) return;
    if (this.pumping) await this.pumping.catch(() => undefined);
    if (this.running.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.running.values()]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, this.deps.stopTimeoutMs);
        }),
      ]);
      if (timer) clearTimeout(timer);
    }
    try {
      await this.db
        .updateTable('management_servers')
        .set({ state: 'Down', last_heartbeat: nowIso() })
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
    if (!this.active) return;
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
    while (this.active && this.running.size < this.deps.concurrency) {
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
    const progress: JobProgressReporter = {
      jobId: row.uuid,
      report: async (percent: number, text?: string) => {
        if (await queue.progress(row, serverId, percent, text)) await this.publish(row.id);
      },
    };
    let body: Record<string, unknown>;
    try {
      const caller = await this.deps.callerForUser(row.user_id);
      if (!caller) {
        await this.finish(row, 'Fail', 530, {
          errorcode: 530,
          errortext: 'The user who submitted the job no longer exists or is disabled',
        });
        return;
      }
      const params = JSON.parse(row.params) as Record<string, unknown>;
      body = await this.deps.run(row.command, params, caller, progress);
    } catch (error) {
      const failure = this.deps.toFailure(error);
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
        .set({ last_heartbeat: now, state: 'Up' })
        .where('uuid', '=', this.deps.serverId)
        .execute();
      await this.db
        .updateTable('async_jobs')
        .set({ heartbeat: now })
        .where('owner_server', '=', this.deps.serverId)
        .where('completed', 'is', null)
        .execute();
      if (this.deps.store.dialect === 'postgres') await this.deps.recovery.recover(false);
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
