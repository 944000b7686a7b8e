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

export const listAsyncJobs = defineSpec({
  name: 'listAsyncJobs',
  description: 'Lists all pending asynchronous jobs for the account.',
  roles: ALL_ROLES,
  params: z.object({
    ...ownedListParams,
    startdate: param.date("The start date of the async job (use format \"yyyy-MM-dd'T'HH:mm:ss'+'SSSS\")").optional(),
  }),
  response: listOf('asyncjobs', AsyncJob),
});

export type ListAsyncJobsInput = CommandInput<typeof listAsyncJobs>;
