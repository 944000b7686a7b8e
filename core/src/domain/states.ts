/** Account and user states as CloudStack reports them. */
export const ACCOUNT_STATES = ['enabled', 'disabled', 'locked'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** Async job status as queryAsyncJobResult reports it. */
export const JOB_STATUS = { Pending: 0, Succeeded: 1, Failed: 2 } as const;
export type JobStatus = (typeof JOB_STATUS)[keyof typeof JOB_STATUS];
