/**
 * State values as badges show them (StateBadge looks up `state.<value in lower case>`). English
 * keeps CloudStack's own names, which operators search for in its docs and logs.
 */
export const statesEn = {
  'state.up': 'Up',
  'state.down': 'Down',
  'state.alert': 'Alert',
  'state.disconnected': 'Disconnected',
  'state.connecting': 'Connecting',
  'state.creating': 'Creating',
  'state.error': 'Error',
  'state.maintenance': 'Maintenance',
  'state.prepareformaintenance': 'PrepareForMaintenance',
  'state.errorinmaintenance': 'ErrorInMaintenance',
  'state.cancelmaintenance': 'CancelMaintenance',
  'state.queued': 'Queued',
  'state.running': 'Running',
  'state.succeeded': 'Succeeded',
  'state.failed': 'Failed',
  'state.removed': 'Removed',
  'state.ready': 'Ready',
  'state.initialized': 'Initialized',
  'state.completed': 'Completed',
  'state.scheduled': 'Scheduled',
  'state.started': 'Started',
  'state.created': 'Created',
  'state.managed': 'Managed',
  'state.unmanaged': 'Unmanaged',
  'state.advanced': 'Advanced',
  'state.basic': 'Basic',
} as const;
