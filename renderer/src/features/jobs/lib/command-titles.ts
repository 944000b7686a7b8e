import type { MessageKey } from '../../../lib/i18n';

/**
 * Names for the jobs of async commands, for jobs the tray learns from the server (started in
 * another window or before a reload) where no title was given.
 */
const COMMAND_TITLES: Partial<Record<string, MessageKey>> = {
  addTrafficType: 'jobs.cmd.addTrafficType',
  cancelHostMaintenance: 'jobs.cmd.cancelHostMaintenance',
  cancelStorageMaintenance: 'jobs.cmd.cancelStorageMaintenance',
  configureVirtualRouterElement: 'jobs.cmd.configureVirtualRouterElement',
  createPhysicalNetwork: 'jobs.cmd.createPhysicalNetwork',
  deleteAccount: 'jobs.cmd.deleteAccount',
  deleteDomain: 'jobs.cmd.deleteDomain',
  deletePhysicalNetwork: 'jobs.cmd.deletePhysicalNetwork',
  deleteTrafficType: 'jobs.cmd.deleteTrafficType',
  disableAccount: 'jobs.cmd.disableAccount',
  disableUser: 'jobs.cmd.disableUser',
  enableStorageMaintenance: 'jobs.cmd.enableStorageMaintenance',
  importDataCenter: 'jobs.cmd.importDataCenter',
  prepareHostForMaintenance: 'jobs.cmd.prepareHostForMaintenance',
  reconnectHost: 'jobs.cmd.reconnectHost',
  resumeDataCenterImport: 'jobs.cmd.resumeDataCenterImport',
  rollbackDataCenterImport: 'jobs.cmd.rollbackDataCenterImport',
  updateNetworkServiceProvider: 'jobs.cmd.updateNetworkServiceProvider',
  updatePhysicalNetwork: 'jobs.cmd.updatePhysicalNetwork',
  updateTrafficType: 'jobs.cmd.updateTrafficType',
};

export function commandTitleKey(command: string | undefined): MessageKey | undefined {
  return command === undefined ? undefined : COMMAND_TITLES[command];
}
