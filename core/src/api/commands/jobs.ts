import { message } from '../../domain/messages';
import { notFound } from '../../domain/errors';
import { implement } from '../command';
import * as spec from '../schemas/jobs';
import { parseApiDate } from './events';

const queryAsyncJobResult = implement(spec.queryAsyncJobResult, {
  async handler(ctx, params) {
    const job = await ctx.services.jobs.find(params.jobid);
    if (!job) throw notFound('JOB.NOT_FOUND', message('error.notFound', { resource: 'a job', id: params.jobid }));
    await ctx.services.access.checkAccount(ctx.caller, {
      id: job.account_id,
      uuid: job.account_uuid ?? '',
      domain_id: job.domain_id,
    });
    return ctx.services.jobs.response(job);
  },
});

const listAsyncJobs = implement(spec.listAsyncJobs, {
  async handler(ctx, params) {
    const scope = await ctx.services.access.listScope(ctx.caller, params);
    return ctx.services.jobs.list(
      scope,
      {
        startDate: params.startdate === undefined ? undefined : parseApiDate(params.startdate, 'startdate'),
        keyword: params.keyword,
        userUuid: params.userid,
        status: params.jobstatus,
      },
      params,
    );
  },
});

export const jobCommands = [queryAsyncJobResult, listAsyncJobs];
