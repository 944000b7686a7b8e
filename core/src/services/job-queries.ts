import type { Kysely } from 'kysely';
import type { AsyncJob } from '../api/schemas/jobs';
import { compact } from '../api/schemas/fields';
import { JOB_STATUS } from '../domain/states';
import { toCloudStackDate } from '../domain/time';
import type { Store } from '../db/connect';
import { containsIgnoreCase, type PageWindow } from '../db/query-helpers';
import type { Database } from '../db/schema';
import type { OwnerScope } from './access';
import type { CoreServices, EventSink } from './core-services';
import { ownerScopeCondition } from './events';
import { pageWindow, type PageParams } from './paging';

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
      'a.name as account_name',
      'd.uuid as domain_uuid',
      'd.path as domain_path',
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
  account_name: string | null;
  domain_uuid: string | null;
  domain_path: string | null;
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
export function jobResponse(row: JobListRow): AsyncJob {
  const finished = row.status !== JOB_STATUS.Pending;
  const hasInstance = row.instance_type !== null && row.instance_type !== 'None';
  return compact({
    accountid: row.account_uuid,
    account: row.account_name,
    domainid: row.domain_uuid,
    domainpath: row.domain_path,
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
  });
}

export interface JobFilter {
  /** ISO-8601 lower bound on `created`. */
  startDate?: string;
  /** Substring of the command name. */
  keyword?: string;
  /** Only the jobs of this user (by uuid); narrows the scope, never widens it. */
  userUuid?: string;
  /** Only jobs in this JOB_STATUS. */
  status?: number;
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
  if (filter.userUuid !== undefined) {
    const userUuid = filter.userUuid;
    q = q.where('j.user_id', 'in', (eb) => eb.selectFrom('users').select('id').where('uuid', '=', userUuid));
  }
  if (filter.status !== undefined) q = q.where('j.status', '=', filter.status);
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

/** Sends a job's current state on the live stream (to its owner and the admins above it). */
export async function publishJob(store: Store, events: Pick<EventSink, 'publish'>, id: number): Promise<void> {
  const row = await selectJobs(store.db).where('j.id', '=', id).executeTakeFirst();
  if (!row) return;
  events.publish({
    kind: 'job',
    scope: { accountId: row.account_id, domainId: row.domain_id },
    job: jobResponse(row),
  });
}

/** The read side of async jobs, as queryAsyncJobResult and listAsyncJobs use it. */
export class JobQueries {
  constructor(private readonly deps: Pick<CoreServices, 'store' | 'config'>) {}

  /** One job by uuid with the owner columns needed for an access check. */
  find(uuid: string) {
    return findJob(this.deps.store, uuid);
  }

  response(row: JobListRow): AsyncJob {
    return jobResponse(row);
  }

  /** Jobs visible in the scope, newest first, in CloudStack's response form. */
  async list(scope: OwnerScope, filter: JobFilter, page: PageParams): Promise<{ items: AsyncJob[]; count: number }> {
    const { rows, count } = await listJobs(this.deps.store, scope, filter, pageWindow(page, this.deps.config));
    return { items: rows.map(jobResponse), count };
  }
}
