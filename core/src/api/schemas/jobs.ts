import { z } from 'zod';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { ownedListParams, param } from './params';
import { defineSpec, listOf, rawBody, type CommandInput } from './spec';

/**
 * CloudStack's AsyncJobResponse (queryAsyncJobResult, listAsyncJobs and the job tray). The
 * result's shape depends on the job's command: the dispatcher checks it against that command's
 * own declaration when the job runs; a failed job's result is `{ errorcode, errortext }`.
 */
export const AsyncJob = entity('AsyncJob', {
  accountid: field.uuid('the account id that executed the async command').optional(),
  account: field.string('the account that executed the async command').optional(),
  domainid: field.uuid('the domain id that executed the async command').optional(),
  domainpath: field.string('the domain that executed the async command').optional(),
  userid: field.uuid('the user that executed the async command').optional(),
  cmd: field.string('the async command executed'),
  jobstatus: field.integer('the current job status-should be 0 for PENDING'),
  jobprocstatus: field.integer('the progress information of the PENDING job'),
  jobresultcode: field.integer('the result code for the job'),
  jobresulttype: field.string('the result type'),
  jobresult: field.any('the result reason').optional(),
  created: field.date('the created date of the job'),
  completed: field.date('the completed date of the job').optional(),
  jobid: field.uuid('extra field for the initial async job'),
  jobinstancetype: field.string('the instance/entity object related to the job').optional(),
  jobinstanceid: field.uuid('the unique ID of the instance/entity object related to the job').optional(),
  jobprogresstext: field.string('Stackyard: a human line describing the current step of the job').optional(),
});
export type AsyncJob = z.infer<typeof AsyncJob>;

export const queryAsyncJobResult = defineSpec({
  name: 'queryAsyncJobResult',
  description: 'Retrieves the current status of asynchronous job.',
  roles: ALL_ROLES,
  params: z.object({ jobid: param.uuid('the ID of the asynchronous job') }),
  response: rawBody(AsyncJob),
});

/**
 * CloudStack's listAsyncJobs: the caller's account's jobs, or with `listall` (or `domainid`,
 * `account`) those of every account the caller may see; newest first. `userid` and `jobstatus`
 * are Stackyard additions (the job tray's "mine" and "running" views).
 */
export const listAsyncJobs = defineSpec({
  name: 'listAsyncJobs',
  description: 'Lists asynchronous jobs for the account.',
  roles: ALL_ROLES,
  params: z.object({
    ...ownedListParams,
    startdate: param
      .date("Only jobs created on or after this date (use format \"yyyy-MM-dd'T'HH:mm:ss'+'SSSS\")")
      .optional(),
    userid: param.uuid('Stackyard: only the jobs this user started (within what the caller may see)').optional(),
    jobstatus: param.integer('Stackyard: only jobs in this status: 0 pending, 1 succeeded, 2 failed', 0, 2).optional(),
  }),
  response: listOf('asyncjobs', AsyncJob),
});

export type ListAsyncJobsInput = CommandInput<typeof listAsyncJobs>;
