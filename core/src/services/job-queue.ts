import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { jobState, JOB_WIRE_STATUS } from '../domain/state-machines/job-state';
import { nowIso } from '../domain/time';
import type { Store } from '../db/connect';
import type { AsyncJobRow, Database } from '../db/schema';
import type { SubmitJob } from './core-services';

const PENDING = JOB_WIRE_STATUS.Queued;

/**
 * The queue of async jobs: rows in async_jobs. Any server may claim a queued one (FOR UPDATE
 * SKIP LOCKED on PostgreSQL, a conditional UPDATE on SQLite). Jobs sharing a sync key run one at
 * a time in creation order: a job is claimable only when no earlier job with its key is pending.
 */
export class JobQueueStore {
  constructor(private readonly store: Store) {}

  private get db() {
    return this.store.db;
  }

  /** Adds a job, Queued. */
  async submit(job: SubmitJob): Promise<AsyncJobRow> {
    const { target, caller } = job;
    const syncKey = target.syncKey ?? (target.instanceId ? `${target.instanceType}:${target.instanceId}` : null);
    return this.db
      .insertInto('async_jobs')
      .values({
        uuid: crypto.randomUUID(),
        user_id: caller.userId,
        account_id: caller.accountId,
        domain_id: caller.domainId,
        command: job.command,
        params: JSON.stringify(job.params),
        status: PENDING,
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
        source_address: job.sourceAddress ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Claims the next runnable job for `serverId` (Queued -> Running), if there is one. */
  async claim(serverId: string): Promise<AsyncJobRow | undefined> {
    const now = nowIso();
    const claimed = { started: now, owner_server: serverId, heartbeat: now };
    if (this.store.dialect === 'postgres') {
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

  /** The oldest queued job with no pending earlier job on its sync key. */
  private candidates(db: Kysely<Database>) {
    return db
      .selectFrom('async_jobs as j')
      .select('j.id')
      .where('j.status', '=', PENDING)
      .where('j.started', 'is', null)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('async_jobs as o')
              .select('o.id')
              .whereRef('o.sync_key', '=', 'j.sync_key')
              .where('o.status', '=', PENDING)
              .whereRef('o.id', '<', 'j.id'),
          ),
        ),
      )
      .orderBy('j.id')
      .limit(1);
  }

  /** Stores a running job's outcome unless another server has taken it over meanwhile. */
  async finish(
    row: AsyncJobRow,
    serverId: string,
    outcome: 'Complete' | 'Fail',
    resultCode: number,
    result: Record<string, unknown>,
  ): Promise<boolean> {
    const state = jobState.next('Running', outcome, { kind: 'Job', name: row.uuid });
    const now = nowIso();
    const update = await this.db
      .updateTable('async_jobs')
      .set({
        status: JOB_WIRE_STATUS[state],
        result_code: resultCode,
        result: JSON.stringify(result),
        completed: now,
        heartbeat: now,
        ...(state === 'Succeeded' ? { progress: 100 } : {}),
      })
      .where('id', '=', row.id)
      .where('owner_server', '=', serverId)
      .where('completed', 'is', null)
      .executeTakeFirst();
    return Number(update.numUpdatedRows) > 0;
  }

  /** Records progress of a running job this server owns; false when it no longer does. */
  async progress(row: AsyncJobRow, serverId: string, percent: number, text?: string): Promise<boolean> {
    const value = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
    const result = await this.db
      .updateTable('async_jobs')
      .set({ progress: value, progress_text: text === undefined ? null : text.slice(0, 1024), heartbeat: nowIso() })
      .where('id', '=', row.id)
      .where('owner_server', '=', serverId)
      .where('completed', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Removes finished jobs completed before `before` (ISO-8601). */
  async purgeFinished(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('async_jobs')
      .where('status', '!=', PENDING)
      .where('completed', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
