import { HOST_RESOURCE_STATES, type HostResourceState } from '../../contract/states';
import { StateMachine } from '../state-machine';

export const HOST_RESOURCE_EVENTS = [
  'Enable',
  'Disable',
  'PrepareMaintenance',
  'ResumeMaintenance',
  'MaintenanceDone',
  'MaintenanceFailed',
  'CancelMaintenance',
  'Delete',
] as const;
export type HostResourceEvent = (typeof HOST_RESOURCE_EVENTS)[number];

/**
 * A host's resource state (CloudStack's ResourceState): whether the allocator may place work on
 * it, and the maintenance cycle. Delete leaves the host in its state and marks it removed.
 */
export const hostResourceState = new StateMachine<HostResourceState, HostResourceEvent>({
  name: 'Host resource state',
  code: 'HOST',
  description: "Whether a host takes new work, and its maintenance cycle (CloudStack's ResourceState).",
  states: HOST_RESOURCE_STATES,
  events: HOST_RESOURCE_EVENTS,
  transitions: [
    { from: ['Enabled', 'Disabled'], event: 'Enable', to: 'Enabled', when: 'updateHost allocationstate=Enable' },
    { from: ['Enabled', 'Disabled'], event: 'Disable', to: 'Disabled', when: 'updateHost allocationstate=Disable' },
    {
      from: ['Enabled', 'Disabled', 'ErrorInMaintenance'],
      event: 'PrepareMaintenance',
      to: 'PrepareForMaintenance',
      when: 'prepareHostForMaintenance, and the host is Up',
    },
    {
      from: ['PrepareForMaintenance'],
      event: 'ResumeMaintenance',
      to: 'PrepareForMaintenance',
      when: 'an interrupted prepareHostForMaintenance job runs again',
    },
    {
      from: ['PrepareForMaintenance'],
      event: 'MaintenanceDone',
      to: 'Maintenance',
      when: 'its VMs moved away and the hypervisor acknowledged (MaintainCommand)',
    },
    {
      from: ['PrepareForMaintenance'],
      event: 'MaintenanceFailed',
      to: 'ErrorInMaintenance',
      when: 'a VM could not move or the hypervisor refused',
    },
    {
      from: ['PrepareForMaintenance', 'Maintenance', 'ErrorInMaintenance'],
      event: 'CancelMaintenance',
      to: 'Enabled',
      when: 'cancelHostMaintenance',
    },
    // Deleting keeps the state and marks the host removed; forced=true deletes from any state.
    { from: ['Maintenance'], event: 'Delete', to: 'Maintenance', when: 'deleteHost; the host is removed' },
    { from: ['Disabled'], event: 'Delete', to: 'Disabled', when: 'deleteHost; the host is removed' },
  ],
});
