import type { HypervisorDrivers } from '../../drivers/hypervisor/types';
import type { CoreServices } from '../core-services';

/** Placeholder: the Simulator driver is wired here (owned by the hosts/simulator work). */
export function createHypervisorDrivers(_services: CoreServices): HypervisorDrivers {
  return {
    get(hypervisor) {
      throw new Error(`hypervisor ${hypervisor} is not supported yet`);
    },
    supported: () => [],
  };
}
