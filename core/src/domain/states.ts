/** State names live in the contract module (shared with the renderer); the domain re-exports them. */
export { ACCOUNT_STATES, JOB_STATUS, type AccountState, type JobStatus } from '../contract/states';

/** A domain is Active, or Inactive while a cleanup deletes what is below it. */
export const DOMAIN_STATES = ['Active', 'Inactive'] as const;
export type DomainState = (typeof DOMAIN_STATES)[number];
