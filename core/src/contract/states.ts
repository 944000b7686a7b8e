/**
 * State names as CloudStack spells them, and the one meaning each has on screen (the same
 * colour in tables, the diagram, charts and badges). The core's state machines
 * (core/src/domain/states) use these names; the renderer maps each tone to a colour.
 */

/** Zones, pods, clusters and hosts' allocation state. New zones start Disabled, new pods and clusters Enabled. */
export const ALLOCATION_STATES = ['Enabled', 'Disabled'] as const;
export type AllocationState = (typeof ALLOCATION_STATES)[number];

/** Host connection status (CloudStack's Status). */
export const HOST_STATUSES = ['Creating', 'Connecting', 'Up', 'Disconnected', 'Alert', 'Down', 'Error'] as const;
export type HostStatus = (typeof HOST_STATUSES)[number];

/** Host resource state (CloudStack's ResourceState). */
export const HOST_RESOURCE_STATES = [
  'Enabled',
  'Disabled',
  'PrepareForMaintenance',
  'Maintenance',
  'ErrorInMaintenance',
] as const;
export type HostResourceState = (typeof HOST_RESOURCE_STATES)[number];

/** Primary storage pool status (CloudStack's StoragePoolStatus). */
export const STORAGE_POOL_STATUSES = [
  'Up',
  'PrepareForMaintenance',
  'Maintenance',
  'ErrorInMaintenance',
  'CancelMaintenance',
  'Disabled',
] as const;
export type StoragePoolStatus = (typeof STORAGE_POOL_STATUSES)[number];

/** Account and user states as CloudStack reports them. */
export const ACCOUNT_STATES = ['enabled', 'disabled', 'locked'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

/** Async job status as queryAsyncJobResult reports it (jobstatus). */
export const JOB_STATUS = { Pending: 0, Succeeded: 1, Failed: 2 } as const;
export type JobStatus = (typeof JOB_STATUS)[keyof typeof JOB_STATUS];

/**
 * What a state means to an operator. ok: Running / Up / Enabled. busy: on its way somewhere
 * (Starting, Migrating, PrepareForMaintenance), shown animated. off: Stopped / Disabled.
 * attention: Alert, Disconnected, a locked account. failed: Down / Error. maintenance.
 * gone: Destroyed / Expunging, struck through.
 */
export type StateTone = 'ok' | 'busy' | 'off' | 'attention' | 'failed' | 'maintenance' | 'gone';

const TONES: Readonly<Record<string, StateTone>> = {
  enabled: 'ok',
  running: 'ok',
  up: 'ok',
  active: 'ok',
  ready: 'ok',
  allow: 'ok',
  starting: 'busy',
  stopping: 'busy',
  migrating: 'busy',
  connecting: 'busy',
  prepareformaintenance: 'busy',
  creating: 'busy',
  cancelmaintenance: 'busy',
  stopped: 'off',
  disabled: 'off',
  inactive: 'off',
  locked: 'attention',
  alert: 'attention',
  disconnected: 'attention',
  warn: 'attention',
  down: 'failed',
  error: 'failed',
  errorinmaintenance: 'failed',
  deny: 'failed',
  maintenance: 'maintenance',
  destroyed: 'gone',
  expunging: 'gone',
};

/** The tone of any state name, matched ignoring case; unknown states are 'off'. */
export function stateTone(state: string | undefined): StateTone {
  return TONES[(state ?? '').toLowerCase()] ?? 'off';
}
