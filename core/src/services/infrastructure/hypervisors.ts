import { invalidParameter } from '../../domain/errors';
import type { Hypervisor } from '../../domain/infrastructure';
import { SimulatorDriver } from '../../drivers/hypervisor/simulator/driver';
import type { HypervisorDriver, HypervisorDrivers } from '../../drivers/hypervisor/types';
import type { CoreServices } from '../core-services';
import { simulatorMocks } from './simulator-mocks';

/**
 * The hypervisor drivers of this build: the Simulator, wired to its fault-injection port (mocks
 * cached in memory, see simulator-mocks.ts) and to the simulator.* settings. KVM joins later.
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
  const drivers = new Map<Hypervisor, HypervisorDriver>([['Simulator', simulator]]);
  return {
    get(hypervisor) {
      const driver = drivers.get(hypervisor);
      if (!driver) {
        throw invalidParameter(
          'HYPERVISOR.UNSUPPORTED',
          `Hypervisor ${hypervisor} is not supported yet; supported: ${[...drivers.keys()].join(', ')}`,
        );
      }
      return driver;
    },
    supported: () => [...drivers.keys()],
  };
}
