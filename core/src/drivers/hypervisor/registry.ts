import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { canonicalHypervisor, HYPERVISORS, type Hypervisor } from '../../domain/infrastructure';
import type { HypervisorDriver, HypervisorDrivers } from './types';

/**
 * The hypervisor drivers of this build, by hypervisor. It decides which hypervisors a cluster
 * or host may take: those with a driver (the Simulator today; KVM joins with its driver).
 */
export class HypervisorRegistry implements HypervisorDrivers {
  private readonly drivers = new Map<Hypervisor, HypervisorDriver>();

  constructor(drivers: readonly HypervisorDriver[]) {
    for (const d of drivers) this.drivers.set(d.hypervisor, d);
  }

  get(hypervisor: Hypervisor): HypervisorDriver {
    const driver = this.drivers.get(hypervisor);
    if (!driver) {
      throw invalidParameter(
        'HYPERVISOR.UNSUPPORTED',
        message('error.hypervisor.unsupported', { hypervisor, supported: this.supported().join(', ') }),
      );
    }
    return driver;
  }

  find(hypervisor: string): HypervisorDriver | undefined {
    const canonical = canonicalHypervisor(hypervisor);
    return canonical === undefined ? undefined : this.drivers.get(canonical);
  }

  resolve(text: string): Hypervisor {
    const hypervisor = canonicalHypervisor(text);
    if (!hypervisor) {
      throw invalidParameter(
        'HYPERVISOR.UNKNOWN',
        message('error.hypervisor.unknown', { value: text, known: HYPERVISORS.join(', ') }),
      );
    }
    if (!this.drivers.has(hypervisor)) {
      throw invalidParameter(
        'HYPERVISOR.UNSUPPORTED',
        message('error.hypervisor.notInBuild', { hypervisor, supported: this.supported().join(', ') }),
      );
    }
    return hypervisor;
  }

  supported(): Hypervisor[] {
    return [...this.drivers.keys()];
  }

  all(): HypervisorDriver[] {
    return [...this.drivers.values()];
  }
}
