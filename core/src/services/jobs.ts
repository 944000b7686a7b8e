import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { JOB_STATUS } from '../domain/states';
import { nowIso, toCloudStackDate } from '../domain/time';
import type { Store } from '../db/connect';
import type { AsyncJobRow, Database } from '../db/schema';
import type { OwnerScope } from './access';
import type { Caller } from './caller';
import type { EventSink, JobQueue, SettingsReader, SubmitJob } from './core-services';
import { containsIgnoreCase, type PageWindow } from '../db/query-helpers';
import { ownerScopeCondition, purgeEventsBefore } from './events';

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

export interface JobServiceDeps {
  store: Store;
  events: EventSink;
  /** This server's identity for this run (a new uuid on every start). */
  serverId: string;
  /** Stable name of this server (host name); rows of earlier runs under this name are ours. */
  serverName: string;
  /** Runs the command's handler and returns the serialized jobresult object. */
  run(
    command: string,
    params: Record<string, unknown>,
    caller: Caller,
    progress: JobProgressReporter,
  ): Promise<Record<string, unknown>>;
  /** Maps a thrown error to CloudStack's errorcode and errortext. */
  toFailure?(error: unknown): JobFailure;
  callerForUser(userId: number): Promise<Caller | undefined>;
  /** Whether an interrupted job of the command may simply run again. */
  isResumable(command: string): boolean;
  /** Jobs this server runs at once. */
  concurrency?: number;
  /** For job.expire.minutes and management.server.heartbeat.seconds. */
  settings?: SettingsReader;
  heartbeatMs?: number;
  /** How often to look for jobs queued by other servers. */
  pollMs?: number;
  /** How long stop() waits for running jobs before leaving them to the next start. */
  stopTimeoutMs?: number;
}

export const INTERRUPTED_TEXT = 'Job was interrupted by a management server restart';

/** Jobs with the caller's uuids joined in. Aliases: j (async_jobs), u, a, d (domains). */
export function selectJobs(db: Kysely<Database>) {
  return db
    .selectFrom('async_jobs as j')
    .leftJoin('users as u', 'u.id', 'j.user_id')
    .leftJoin('accounts as a', 'a.id', 'j.account_id')
    .leftJoin('domains as d', 'd.id', 'j.domain_id')
    .select([
      'j.id',
      'j.uuid',
      'j.user_id',
      'j.account_id',
      'j.domain_id',
      'j.command',
      'j.status',
      'j.result_code',
      'j.result',
      'j.progress',
      'j.progress_text',
      'j.instance_type',
      'j.instance_id',
      'j.created',
      'j.started',
      'j.completed',
      'u.uuid as user_uuid',
      'a.uuid as account_uuid',
      'd.uuid as domain_uuid',
    ]);
}

export interface JobListRow {
  uuid: string;
  command: string;
  status: number;
  result_code: number;
  result: string | null;
  progress: number;
  progress_text: string | null;
  instance_type: string | null;
  instance_id: string | null;
  created: string;
  completed: string | null;
  user_uuid: string | null;
  account_uuid: string | null;
}

function parseResult(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** CloudStack's AsyncJobResponse (queryAsyncJobResult, listAsyncJobs and the job tray). */
export function jobResponse(row: JobListRow): Record<string, unknown> {
  const finished = row.status !== JOB_STATUS.Pending;
  const hasInstance = row.instance_type !== null && row.instance_type !== 'None';
  const out: Record<string, unknown> = {
    accountid: row.account_uuid,
    userid: row.user_uuid,
    cmd: row.command,
    jobstatus: row.status,
    jobprocstatus: row.progress,
    jobresultcode: row.result_code,
    jobresulttype: 'object',
    jobresult: finished ? parseResult(row.result) : undefined,
    created: toCloudStackDate(row.created),
    completed: toCloudStackDate(row.completed),
    jobid: row.uuid,
    jobinstancetype: hasInstance ? row.instance_type : undefined,
    jobinstanceid: hasInstance ? row.instance_id : undefined,
    jobprogresstext: row.progress_text,
  };
  for (const [k, v] of Object.entries(out)) if (v === null || v === undefined) delete out[k];
  return out;
}

export interface JobFilter {
  /** ISO-8601 lower bound on `created`. */
  startDate?: string;
  /** Substring of the command name. */
  keyword?: string;
}

/** Jobs visible in the scope, newest first, with the total count. */
export async function listJobs(
  store: Store,
  scope: OwnerScope,
  filter: JobFilter,
  window?: PageWindow,
): Promise<{ rows: JobListRow[]; count: number }> {
  let q = selectJobs(store.db).where(ownerScopeCondition('j', scope));
  if (filter.startDate) q = q.where('j.created', '>=', filter.startDate);
  if (filter.keyword) q = q.where(containsIgnoreCase('j.command', filter.keyword));
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  let page = q.orderBy('j.id', 'desc');
  if (window) page = page.limit(window.limit).offset(window.offset);
  return { rows: await page.execute(), count: Number(total.count) };
}

/** One job by uuid with the owner columns needed for an access check. */
export function findJob(store: Store, uuid: string) {
  return selectJobs(store.db).where('j.uuid', '=', uuid).executeTakeFirst();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function defaultFailure(error: unknown): JobFailure {
  void error;
  return { errorcode: 530, errortext: 'Internal error executing command, please contact your system administrator' };
}

/**
 * The async job queue and runner. Jobs are rows; any server may claim a pending one
 * (FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional UPDATE on SQLite). Jobs sharing a sync key
 * run one at a time in creation order: a job is claimable only when no earlier job with its key
 * is unfinished. Running jobs and the server itself heartbeat; on start, and on PostgreSQL
 * periodically, the jobs of dead servers are resumed (resumable commands) or failed cleanly.
 */
export class JobService implements JobQueue {
  private readonly deps: JobServiceDeps;
  private readonly concurrency: number;
  private readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly stopTimeoutMs: number;
  private readonly running = new Map<number, Promise<void>>();
  private timers: NodeJS.Timeout[] = [];
  private active = false;
  private pumping: Promise<void> | null = null;
  private pumpAgain = false;
  private lastHousekeeping = 0;
  private nextEventPurge = 0;

  constructor(deps: JobServiceDeps) {
    this.deps = deps;
    this.concurrency = Math.max(1, deps.concurrency ?? 4);
    const fromSettings = deps.settings
      ? deps.settings.get<number>('management.server.heartbeat.seconds') * 1000
      : undefined;
    this.heartbeatMs = deps.heartbeatMs ?? fromSettings ?? 5000;
    this.pollMs = deps.pollMs ?? 1000;
    this.stopTimeoutMs = deps.stopTimeoutMs ?? 10_000;
  }

  private get db() {
    return this.deps.store.db;
  }

  /** Queues a job; the runner (on this or another server) picks it up. */
  async submit(job: SubmitJob): Promise<AsyncJobRow> {
    const { target, caller } = job;
    const syncKey = target.syncKey ?? (target.instanceId ? `${target.instanceType}:${target.instanceId}` : null);
    const row = await this.db
      .insertInto('async_jobs')
      .values({
        uuid: crypto.randomUUID(),
        user_id: caller.userId,
        account_id: caller.accountId,
        domain_id: caller.domainId,
        command: job.command,
        params: JSON.stringify(job.params),
        status: JOB_STATUS.Pending,
        result_code: 0,
        result: null,
        progress: 0,
        progress_text: null,
        instance_type: target.instanceType,
        instance_id: target.instanceId ?? null,
        sync_key: syncKey,
        owner_server: null,
        created: nowIso(),
        started: null,
        completed: null,
        heartbeat: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.publish(row.id);
    this.wake();
    return row;
  }

  /** Registers this server, recovers interrupted jobs, then starts running jobs. */
  async start(): Promise<void> {
    if (this.active) return;
    const now = nowIso();
    await this.db
      .insertInto('management_servers')
      .values({ uuid: this.deps.serverId, name: this.deps.serverName, state: 'Up', started: now, last_heartbeat: now })
      .execute();
    await this.recover(true);
    this.active = true;
    this.lastHousekeeping = Date.now();
    this.timers.push(setInterval(() => void this.tick(), this.heartbeatMs));
    this.timers.push(setInterval(() => this.wake(), this.pollMs));
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
          timer = setTimeout(resolve, this.stopTimeoutMs);
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

  /** Resolves with the job row once it has finished (tests, CLI). */
  async waitFor(jobUuid: string, timeoutMs = 10_000): Promise<AsyncJobRow> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await this.db.selectFrom('async_jobs').selectAll().where('uuid', '=', jobUuid).executeTakeFirst();
      if (!row) throw new Error(`job ${jobUuid} not found`);
      if (row.completed !== null) return row;
      if (Date.now() > deadline) throw new Error(`job ${jobUuid} did not finish within ${timeoutMs} ms`);
      await sleep(20);
    }
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
    while (this.active && this.running.size < this.concurrency) {
      let row: AsyncJobRow | undefined;
      try {
        row = await this.claim();
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

  /** The oldest pending job with no unfinished earlier job on its sync key. */
  private candidates(db: Kysely<Database>) {
    return db
      .selectFrom('async_jobs as j')
      .select('j.id')
      .where('j.status', '=', JOB_STATUS.Pending)
      .where('j.started', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('async_jobs as o')
              .select('o.id')
              .whereRef('o.sync_key', '=', 'j.sync_key')
              .where('o.status', '=', JOB_STATUS.Pending)
              .whereRef('o.id', '<', 'j.id'),
          ),
        ),
      )
      .orderBy('j.id')
      .limit(1);
  }

  private async claim(): Promise<AsyncJobRow | undefined> {
    const now = nowIso();
    const claimed = { started: now, owner_server: this.deps.serverId, heartbeat: now };
    if (this.deps.store.dialect === 'postgres') {
      return this.db.transaction().execute(async (trx) => {
        const next = await this.candidates(trx).forUpdate().skipLocked().executeTakeFirst();
        if (!next) return undefined;
        return trx.updateTable('async_jobs').set(claimed).where('id', '=', next.id).returningAll().executeTakeFirst();
      });
    }
    // One statement: SQLite runs it under its write lock, and `started IS NULL` guards the claim.
    return this.db
      .updateTable('async_jobs')
      .set(claimed)
      .where('id', '=', this.candidates(this.db))
      .where('started', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  private async execute(row: AsyncJobRow): Promise<void> {
    await this.publish(row.id);
    const progress: JobProgressReporter = {
      jobId: row.uuid,
      report: async (percent: number, text?: string) => {
        const value = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
        const result = await this.db
          .updateTable('async_jobs')
          .set({ progress: value, progress_text: text === undefined ? null : text.slice(0, 1024), heartbeat: nowIso() })
          .where('id', '=', row.id)
          .where('owner_server', '=', this.deps.serverId)
          .where('completed', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) await this.publish(row.id);
      },
    };
    let body: Record<string, unknown>;
    try {
      const caller = await this.deps.callerForUser(row.user_id);
      if (!caller) {
        await this.finish(row, JOB_STATUS.Failed, 530, {
          errorcode: 530,
          errortext: 'The user who submitted the job no longer exists or is disabled',
        });
        return;
      }
      const params = JSON.parse(row.params) as Record<string, unknown>;
      body = await this.deps.run(row.command, params, caller, progress);
    } catch (error) {
      const failure = (this.deps.toFailure ?? defaultFailure)(error);
      await this.finish(row, JOB_STATUS.Failed, failure.errorcode, {
        errorcode: failure.errorcode,
        errortext: failure.errortext,
      });
      return;
    }
    await this.finish(row, JOB_STATUS.Succeeded, 0, body);
  }

  /** Stores the outcome unless another server has taken the job over meanwhile. */
  private async finish(
    row: AsyncJobRow,
    status: number,
    resultCode: number,
    result: Record<string, unknown>,
  ): Promise<void> {
    const now = nowIso();
    const update = await this.db
      .updateTable('async_jobs')
      .set({
        status,
        result_code: resultCode,
        result: JSON.stringify(result),
        completed: now,
        heartbeat: now,
        ...(status === JOB_STATUS.Succeeded ? { progress: 100 } : {}),
      })
      .where('id', '=', row.id)
      .where('owner_server', '=', this.deps.serverId)
      .where('completed', 'is', null)
      .executeTakeFirst();
    if (Number(update.numUpdatedRows) > 0) await this.publish(row.id);
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
      if (this.deps.store.dialect === 'postgres') await this.recover(false);
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
    const before = new Date(now - minutes * 60_000).toISOString();
    const result = await this.db
      .deleteFrom('async_jobs')
      .where('status', '!=', JOB_STATUS.Pending)
      .where('completed', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /**
   * Jobs left started-but-unfinished by a server that is gone: earlier runs of this server (same
   * name), servers marked down or silent for three heartbeats, or unknown owners. On SQLite at
   * start every such job (one server per database file). Resumable jobs go back to the queue;
   * the others fail with 530.
   */
  private async recover(atStart: boolean): Promise<void> {
    const me = this.deps.serverId;
    const staleBefore = new Date(Date.now() - 3 * this.heartbeatMs).toISOString();
    let query = this.db
      .selectFrom('async_jobs')
      .select(['id', 'command', 'owner_server'])
      .where('started', 'is not', null)
      .where('completed', 'is', null)
      .where((eb) => eb.or([eb('owner_server', 'is', null), eb('owner_server', '!=', me)]));
    // SQLite databases serve one server at a time: at start every other server is gone.
    const singleServer = atStart && this.deps.store.dialect === 'sqlite';
    const servers = await this.db
      .selectFrom('management_servers')
      .select(['uuid', 'name', 'state', 'last_heartbeat'])
      .where('uuid', '!=', me)
      .execute();
    const deadServers = servers
      .filter(
        (s) =>
          singleServer ||
          (atStart && s.name === this.deps.serverName) ||
          s.state !== 'Up' ||
          s.last_heartbeat < staleBefore,
      )
      .map((s) => s.uuid);
    const alive = servers.map((s) => s.uuid).filter((uuid) => !deadServers.includes(uuid));
    if (alive.length > 0) {
      query = query.where((eb) => eb.or([eb('owner_server', 'is', null), eb('owner_server', 'not in', alive)]));
    }
    const orphans = await query.orderBy('id').execute();
    for (const job of orphans) {
      const guard = this.ownerGuard(job.id, job.owner_server);
      if (this.deps.isResumable(job.command)) {
        const r = await guard
          .set({ started: null, owner_server: null, heartbeat: null, progress: 0, progress_text: null })
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) > 0) await this.publish(job.id);
      } else {
        const now = nowIso();
        const r = await guard
          .set({
            status: JOB_STATUS.Failed,
            result_code: 530,
            result: JSON.stringify({ errorcode: 530, errortext: INTERRUPTED_TEXT }),
            completed: now,
            heartbeat: now,
          })
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) > 0) await this.publish(job.id);
      }
    }
    if (deadServers.length > 0) {
      if (atStart) {
        // Earlier runs of this server are gone for good; other dead servers stay listed as Down.
        await this.db
          .deleteFrom('management_servers')
          .where('uuid', 'in', deadServers)
          .where('name', '=', this.deps.serverName)
          .execute();
      }
      await this.db
        .updateTable('management_servers')
        .set({ state: 'Down' })
        .where('uuid', 'in', deadServers)
        .where('state', '!=', 'Down')
        .execute();
    }
  }

  /** An update of one unfinished job that only applies while its owner is still `owner`. */
  private ownerGuard(id: number, owner: string | null) {
    return this.db
      .updateTable('async_jobs')
      .where('id', '=', id)
      .where('completed', 'is', null)
      .where((eb) => (owner === null ? eb('owner_server', 'is', null) : eb('owner_server', '=', owner)));
  }

  /** Sends the job's current state on the live stream. */
  private async publish(id: number): Promise<void> {
    try {
      const row = await selectJobs(this.db).where('j.id', '=', id).executeTakeFirst();
      if (!row) return;
      this.deps.events.publish({
        kind: 'job',
        scope: { accountId: row.account_id, domainId: row.domain_id },
        job: jobResponse(row),
      });
    } catch (error) {
      if (this.active)
        console.error('[jobs] could not publish job state', error instanceof Error ? error.message : error);
    }
  }
}
