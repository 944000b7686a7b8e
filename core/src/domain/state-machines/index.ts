import { allocationState } from './allocation-state';
import { hostResourceState } from './host-resource-state';
import { hostStatus } from './host-status';
import { jobState } from './job-state';
import { storagePoolState } from './storage-pool-state';

export { allocationState, hostResourceState, hostStatus, jobState, storagePoolState };

/** Every state machine of the core, in the order docs/state-machines.md lists them. */
export const STATE_MACHINES = [hostStatus, hostResourceState, storagePoolState, allocationState, jobState] as const;
