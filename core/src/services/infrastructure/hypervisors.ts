import { HypervisorRegistry } from '../../drivers/hypervisor/registry';
import { SimulatorDriver } from '../../drivers/hypervisor/simulator/driver';
import type { HypervisorDrivers } from '../../drivers/hypervisor/types';
import type { CoreServices } from '../core-services';
import { simulatorMocks } from './simulator-mocks';

/**
 * The hypervisor drivers of this build: the Simulator, wired to its fault-injection port (mocks
 * kept in the database, cached in memory: see simulator-mocks.ts) and to the simulator.*
 * settings. KVM joins later.
 */
export function createHypervisorDrivers(services: CoreServices): HypervisorDrivers {
  const simulator = new SimulatorDriver({
    mocks: simulatorMocks(services),
    defaults: () => ({
      cpuNumber: services.config.get<number>('simulator.host.cpu.number'),
      cpuSpeed: services.config.get<number>('simulator.host.cpu.speed'),
      memoryGiB: services.config.get<number>('simulator.host.memory.gb'),
      storageCapacityGiB: services.config.get<number>('simulator.storage.capacity.gb'),
    }),
  });
  return new HypervisorRegistry([simulator]);
}
