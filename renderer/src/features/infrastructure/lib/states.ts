/** State sets of the physical model and the checks the action menus make (CloudStack semantics). */

export const HOST_STATES = ['Up', 'Connecting', 'Disconnected', 'Alert', 'Down'] as const;
export const HOST_RESOURCE_STATES = [
  'Enabled',
  'Disabled',
  'PrepareForMaintenance',
  'ErrorInMaintenance',
  'Maintenance',
  'Error',
] as const;
export const ALLOCATION_STATES = ['Enabled', 'Disabled'] as const;
export const STORAGE_POOL_STATES = [
  'Up',
  'Disabled',
  'PrepareForMaintenance',
  'ErrorInMaintenance',
  'CancelMaintenance',
  'Maintenance',
  'Initialized',
  'Creating',
  'Removed',
] as const;
export const HYPERVISORS = ['Simulator', 'KVM', 'XenServer', 'VMware', 'Hyperv', 'LXC', 'BareMetal', 'Ovm3'] as const;
export const NETWORK_TYPES = ['Advanced', 'Basic'] as const;
export const POOL_SCOPES = ['CLUSTER', 'ZONE'] as const;
/** Every scope listStoragePools filters by (the filter offers the two pools are created with). */
export const POOL_SCOPE_PARAMS = ['CLUSTER', 'ZONE', 'HOST'] as const;

/** A filter value from the URL as one of a parameter's values; undefined when it is none of them. */
export function oneOf<V extends string>(values: readonly V[], value: string | undefined): V | undefined {
  return values.find((v) => v === value);
}

const lower = (value: string | undefined) => (value ?? '').toLowerCase();

export const isEnabled = (allocationstate: string | undefined) => lower(allocationstate) === 'enabled';
export const isDisabled = (allocationstate: string | undefined) => lower(allocationstate) === 'disabled';

/** Host resource states (CloudStack ResourceState). */
export const hostRs = {
  canEnable: (rs: string | undefined) => lower(rs) === 'disabled',
  canDisable: (rs: string | undefined) => lower(rs) === 'enabled',
  canMaintain: (rs: string | undefined) => ['enabled', 'disabled', 'errorinmaintenance'].includes(lower(rs)),
  canCancelMaintenance: (rs: string | undefined) =>
    ['maintenance', 'prepareformaintenance', 'errorinmaintenance'].includes(lower(rs)),
  inMaintenance: (rs: string | undefined) => ['maintenance', 'prepareformaintenance'].includes(lower(rs)),
  canDelete: (rs: string | undefined) => ['maintenance', 'disabled'].includes(lower(rs)),
};

/** Storage pool states (CloudStack StoragePoolStatus). */
export const poolState = {
  canEnable: (s: string | undefined) => lower(s) === 'disabled',
  canDisable: (s: string | undefined) => lower(s) === 'up',
  canMaintain: (s: string | undefined) => ['up', 'disabled', 'errorinmaintenance'].includes(lower(s)),
  canCancelMaintenance: (s: string | undefined) =>
    ['maintenance', 'prepareformaintenance', 'errorinmaintenance'].includes(lower(s)),
  /** CloudStack deletes a pool only in Maintenance. */
  canDelete: (s: string | undefined) => lower(s) === 'maintenance',
};
