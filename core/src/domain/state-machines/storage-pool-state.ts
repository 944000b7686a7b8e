import { STORAGE_POOL_STATUSES, type StoragePoolStatus } from '../../contract/states';
import { StateMachine } from '../state-machine';

export const STORAGE_POOL_EVENTS = [
  'Enable',
  'Disable',
  'PrepareMaintenance',
  'MaintenanceDone',
  'MaintenanceFailed',
  'CancelMaintenance',
  'Delete',
] as const;
export type StoragePoolEvent = (typeof STORAGE_POOL_EVENTS)[number];

/** A primary storage pool's status (CloudStack's StoragePoolStatus) and its maintenance cycle. */
export const storagePoolState = new StateMachine<StoragePoolStatus, StoragePoolEvent>({
  name: 'Storage pool status',
  code: 'STORAGE',
  description: "A primary storage pool's status and maintenance cycle (CloudStack's StoragePoolStatus).",
  states: STORAGE_POOL_STATUSES,
  events: STORAGE_POOL_EVENTS,
  transitions: [
    { from: ['Disabled'], event: 'Enable', to: 'Up', when: 'updateStoragePool enabled=true' },
    { from: ['Up'], event: 'Disable', to: 'Disabled', when: 'updateStoragePool enabled=false' },
    {
      from: ['Up', 'ErrorInMaintenance'],
      event: 'PrepareMaintenance',
      to: 'PrepareForMaintenance',
      when: 'enableStorageMaintenance',
    },
    {
      from: ['PrepareForMaintenance'],
      event: 'MaintenanceDone',
      to: 'Maintenance',
      when: 'every host let go of the pool',
    },
    {
      from: ['PrepareForMaintenance'],
      event: 'MaintenanceFailed',
      to: 'ErrorInMaintenance',
      when: 'a host refused to let go of the pool',
    },
    {
      from: ['Maintenance', 'PrepareForMaintenance', 'ErrorInMaintenance'],
      event: 'CancelMaintenance',
      to: 'Up',
      when: 'cancelStorageMaintenance, once the hosts have the pool again',
    },
    // Deleting keeps the state and marks the pool removed; forced=true deletes from any state.
    { from: ['Maintenance'], event: 'Delete', to: 'Maintenance', when: 'deleteStoragePool; the pool is removed' },
    { from: ['Disabled'], event: 'Delete', to: 'Disabled', when: 'deleteStoragePool; the pool is removed' },
  ],
});
