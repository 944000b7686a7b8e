import { z } from 'zod';
import { notFound } from '../../domain/errors';
import { findJob, jobResponse, listJobs } from '../../services/jobs';
import { defineCommand } from '../command';
import { ownedListParams, param } from '../schemas/params';
import { parseApiDate } from './events';
import { pageWindow } from '../../services/paging';

const ALL_ROLES = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

const JOB_FIELDS = {
  accountid: 'the account id that executed the async command',
  userid: 'the user that executed the async command',
  cmd: 'the async command executed',
  jobstatus: 'the current job status-should be 0 for PENDING',
  jobprocstatus: 'the progress information of the PENDING job',
  jobresultcode: 'the result code for the job',
  jobresulttype: 'the result type',
  jobresult: 'the result reason',
  created: 'the created date of the job',
  completed: 'the completed date of the job',
  jobid: 'extra field for the initial async job',
  jobinstancetype: 'the instance/entity object related to the job',
  jobinstanceid: 'the unique ID of the instance/entity object related to the job',
  jobprogresstext: 'Stackyard: a human line describing the current step of the job',
};

const queryAsyncJobResult = defineCommand({
  name: 'queryAsyncJobResult',
  description: 'Retrieves the current status of asynchronous job.',
  roles: ALL_ROLES,
  params: z.object({ jobid: param.uuid('the ID of the asynchronous job') }),
  response: { name: 'asyncjobs', fields: JOB_FIELDS },
  async handler(ctx, params) {
    const job = await findJob(ctx.services.store, params.jobid);
    if (!job) throw notFound('JOB.NOT_FOUND', `Unable to find a job by id ${params.jobid}`);
    await ctx.services.access.checkAccount(ctx.caller, {
      id: job.account_id,
      uuid: job.account_uuid ?? '',
      domain_id: job.domain_id,
    });
    return { kind: 'raw', value: jobResponse(job) };
  },
});

const listAsyncJobs = defineCommand({
  name: 'listAsyncJobs',
  description: 'Lists all pending asynchronous jobs for the account.',
  roles: ALL_ROLES,
  params: z.object({
    ...ownedListParams,
    startdate: param.date("The start date of the async job (use format \"yyyy-MM-dd'T'HH:mm:ss'+'SSSS\")").optional(),
  }),
  response: { name: 'asyncjobs', fields: JOB_FIELDS },
  async handler(ctx, params) {
    const scope = await ctx.services.access.listScope(ctx.caller, params);
    const { rows, count } = await listJobs(
      ctx.services.store,
      scope,
      {
        startDate: params.startdate === undefined ? undefined : parseApiDate(params.startdate, 'startdate'),
        keyword: params.keyword,
      },
      pageWindow(params, ctx.services.config),
    );
    return { kind: 'list', name: 'asyncjobs', items: rows.map(jobResponse), count };
  },
});

export const jobCommands = [queryAsyncJobResult, listAsyncJobs];
