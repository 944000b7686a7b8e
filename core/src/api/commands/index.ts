import type { AnyCommand } from '../command';
import { apiDiscoveryCommands } from './apis';
import { authCommands } from './auth';
import { domainCommands } from './domains';
import { accountCommands } from './accounts';
import { userCommands } from './users';
import { roleCommands } from './roles';
import { jobCommands } from './jobs';
import { eventCommands } from './events';
import { configurationCommands } from './configurations';
import { zoneCommands } from './zones';
import { physicalNetworkCommands } from './physical-networks';
import { podCommands } from './pods';
import { vlanIpRangeCommands } from './vlan-ip-ranges';
import { clusterCommands } from './clusters';
import { hostCommands } from './hosts';
import { hypervisorCommands } from './hypervisors';
import { simulatorCommands } from './simulator';
import { storagePoolCommands } from './storage-pools';
import { imageStoreCommands } from './image-stores';
import { capacityCommands } from './capacity';
import { alertCommands } from './alerts';
import { infrastructureCommands } from './infrastructure';
import { datacenterImportCommands } from './datacenter-import';
import { managementServerCommands } from './management-servers';
import { searchCommands } from './search';
import { offeringCommands } from './offerings';
import { networkOfferingCommands } from './network-offerings';
import { templateCommands } from './templates';

/** Every command the core answers. Each area declares its commands in its own file. */
export const ALL_COMMANDS: readonly AnyCommand[] = [
  ...apiDiscoveryCommands,
  ...authCommands,
  ...domainCommands,
  ...accountCommands,
  ...userCommands,
  ...roleCommands,
  ...jobCommands,
  ...eventCommands,
  ...configurationCommands,
  ...zoneCommands,
  ...physicalNetworkCommands,
  ...podCommands,
  ...vlanIpRangeCommands,
  ...clusterCommands,
  ...hostCommands,
  ...hypervisorCommands,
  ...simulatorCommands,
  ...storagePoolCommands,
  ...imageStoreCommands,
  ...offeringCommands,
  ...networkOfferingCommands,
  ...templateCommands,
  ...capacityCommands,
  ...alertCommands,
  ...infrastructureCommands,
  ...datacenterImportCommands,
  ...managementServerCommands,
  ...searchCommands,
] as readonly AnyCommand[];
