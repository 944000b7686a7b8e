/**
 * CloudStack's ManagementServerHost.State values that Stackyard uses. A server that drains
 * (SIGTERM) is PreparingToShutDown: still alive, taking no new jobs, its hosts already released.
 */
export const MANAGEMENT_SERVER_STATES = ['Up', 'PreparingToShutDown', 'Down'] as const;
export type ManagementServerState = (typeof MANAGEMENT_SERVER_STATES)[number];

/** States of a server that still owns its running jobs (as long as it keeps heart-beating). */
export const LIVE_SERVER_STATES: readonly ManagementServerState[] = ['Up', 'PreparingToShutDown'];

/** The failure text of a job that a draining server could neither finish nor hand over. */
export const SHUTDOWN_JOB_TEXT =
  'The management server is shutting down: the job did not finish within the shutdown grace period';
