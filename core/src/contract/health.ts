import type { HostResourceState, HostStatus } from './states';

/**
 * How the health strip counts hosts ("294 Up · 3 Down · 2 Disconnected · 5 Maintenance"): every
 * host once. A host on its way into, in, or failed in maintenance counts by that resource state
 * whatever its heartbeat says (an operator reads a host in Maintenance as in Maintenance, not as Up);
 * every other host, Enabled or Disabled, counts by its heartbeat state.
 */
export const HOST_MAINTENANCE_STATES = ['PrepareForMaintenance', 'Maintenance', 'ErrorInMaintenance'] as const;
export type HostMaintenanceState = (typeof HOST_MAINTENANCE_STATES)[number];

/** The parts of the strip in the order it shows them: Up, then problems, then maintenance. */
export const HOST_HEALTH_PARTS = [
  'Up',
  'Down',
  'Error',
  'Alert',
  'Disconnected',
  'Connecting',
  'Creating',
  'ErrorInMaintenance',
  'PrepareForMaintenance',
  'Maintenance',
] as const satisfies readonly (HostStatus | HostMaintenanceState)[];
export type HostHealthPart = (typeof HOST_HEALTH_PARTS)[number];

export function isMaintenanceState(resourceState: string): resourceState is HostMaintenanceState {
  return (HOST_MAINTENANCE_STATES as readonly string[]).includes(resourceState);
}

/** The one part of the strip a host counts in (see HOST_MAINTENANCE_STATES). */
export function hostHealthPart(status: HostStatus, resourceState: HostResourceState): HostHealthPart {
  return isMaintenanceState(resourceState) ? resourceState : status;
}
